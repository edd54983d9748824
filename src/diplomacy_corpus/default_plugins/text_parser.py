"""Built-in ``text`` parser: the fallback every input can use.

Reads plain text laid out as news copies usually are: a headline on line 1 when it
looks like one, then the lead paragraph, then the body. HTML given to it is reduced
to its visible text first.
"""

from __future__ import annotations

import re

import diplomacy_corpus as dc

_SENTENCE_END = re.compile(r"[.!?…:;]\s*$|/\.\s*$")


def _looks_like_headline(line: str, following: list[str]) -> bool:
    line = line.strip()
    return bool(
        following
        and 3 <= len(line) <= 250
        and len(line.split()) >= 2
        and not _SENTENCE_END.search(line)
    )


class TextParser(dc.Parser):
    """Plain text: headline, lead paragraph, body."""

    name = "text"
    description = "generic plain text: headline on line 1 when it looks like one, lead, body (the fallback)"
    recognises = "any text (score 0.01); HTML is reduced to its visible text"

    def score(self, source: dc.Source) -> float:
        """Always a little: the floor under every other parser."""
        return 0.01

    def parse(self, source: dc.Source) -> dc.Document:
        """Split the text into headline, lead and body paragraphs."""
        lines = [line.strip() for line in source.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        paragraphs = [line for line in lines if line]
        title = source.title
        if title is None and paragraphs and _looks_like_headline(paragraphs[0], paragraphs[1:]):
            title = paragraphs.pop(0)
        elif title is not None and paragraphs and paragraphs[0] == title.strip():
            paragraphs.pop(0)
        lead = paragraphs[0] if paragraphs else None
        text = "\n\n".join(([title] if title else []) + paragraphs)
        return dc.Document(
            origin=source.origin, source=self.name, title=title, lead=lead, url=source.url,
            published=source.published, text=text,
        )


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The generic text parser."""
    return [TextParser()]
