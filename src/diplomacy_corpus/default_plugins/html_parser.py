"""Built-in ``html`` parser: any news page, read with generic selectors and page metadata.

Title, publication time, URL and author come from ``og:*`` tags,
``article:published_time``, JSON-LD ``NewsArticle`` and ``<time>``; the body from the
usual article containers (``[itemprop=articleBody]``, ``.detail-content``, ``article``
...) or, failing those, the element whose paragraphs hold the most text. Unlike generic
extractors it keeps the lead (sapo), from a ``sapo``/``summary``/``description`` container
or ``og:description``.
"""

from __future__ import annotations

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import parse_article


class HtmlParser(dc.Parser):
    """Any HTML news page (the floor for pages, above the text parser)."""

    name = "html"
    description = "generic news page: og/JSON-LD/<time> metadata, article container, lead kept"
    recognises = "any HTML page (score 0.05)"

    def score(self, source: dc.Source) -> float:
        """0.05 for HTML, 0 for plain text."""
        return 0.05 if source.is_html else 0.0

    def parse(self, source: dc.Source) -> dc.Document:
        """Read the page with generic selectors."""
        return parse_article(source, name=self.name)


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The generic ``html`` parser."""
    return [HtmlParser()]
