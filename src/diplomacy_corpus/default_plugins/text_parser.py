"""Built-in ``text`` parser: the fallback every input can use.

Reads plain-text copies in the common layouts (see [`layout`][diplomacy_corpus.layout]):
a headline line when there is one, the lead, then the body, one paragraph a line or
flattened onto one line. Photo captions and credits, bylines, URL lines, agency tags and
"related news" blocks are kept out of the text (in ``captions``, ``author``, ``related``).
It names no outlet: copies whose byline, dateline or URL names one go to that outlet's
parser when it is installed. HTML given to it is read like the ``html`` parser reads it.
"""

from __future__ import annotations

import diplomacy_corpus as dc
from diplomacy_corpus import layout
from diplomacy_corpus.htmlpage import parse_article


class TextParser(dc.Parser):
    """Plain text: headline, lead, body; captions, bylines and related news apart."""

    name = "text"
    description = "generic plain text: headline when there is one, lead, body; captions/bylines/related kept apart"
    recognises = "any text (score 0.01, the floor); HTML is read with the generic page rules"

    def score(self, source: dc.Source) -> float:
        """Always a little: the floor under every other parser."""
        return 0.01

    def parse(self, source: dc.Source) -> dc.Document:
        """Lay the copy out into headline, lead, body, captions, byline and related news."""
        if source.is_html:
            return parse_article(source, name=self.name)
        return layout.document_from_text(source, name=self.name)


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The generic text parser."""
    return [TextParser()]
