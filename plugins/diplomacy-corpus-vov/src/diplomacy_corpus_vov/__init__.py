"""A diplomacy_corpus parser for VOV (Đài Tiếng nói Việt Nam, vov.vn).

It reads the outlet's saved article pages (HTML) and plain-text copies signed by VOV
(``Theo VOV``, ``VOV.VN``, ``Minh Anh/VOV.VN``), and keeps photo captions, bylines and
related-news links out of the text that extraction reads.
"""

from __future__ import annotations

import re

import attrs

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import ArticleRecipe, OutletParser, host_of

__version__ = "0.1.0"

# The dateline that opens VOV's leads: "VOV.VN - Chiều 5/3, ...".
_DATELINE = re.compile(r"^VOV(?:\.VN)?\s*[-–—]\s*", re.IGNORECASE)


class VovParser(OutletParser):
    """Articles of VOV, Đài Tiếng nói Việt Nam (vov.vn, english.vov.vn)."""

    name = "vov"
    description = "VOV (Đài Tiếng nói Việt Nam): vov.vn article pages and text copies"
    recognises = "host vov.vn and its subdomains; pages whose og:site_name is VOV; text copies signed by VOV"
    hosts = ("vov.vn",)
    outlet_names = re.compile(r"^VOV(?:\.VN)?$|vov\.vn", re.IGNORECASE)
    recipe = ArticleRecipe(
        title=("h1.article__title", "h1"),
        lead=(".article__sapo", ".sapo"),
        body=(".article__body", ".article-content", ".content"),
        author=(".article__author", ".author"),
        related=(".article__related", ".box-related"),
    )

    def parse(self, source: dc.Source) -> dc.Document:
        """Parse as any outlet, then drop the ``VOV.VN -`` dateline and set the language."""
        document = super().parse(source)
        if document.lead and (dateline := _DATELINE.match(document.lead)):
            lead = document.lead[dateline.end() :]
            document = attrs.evolve(document, lead=lead, text=document.text.replace(document.lead, lead, 1))
        if "english.vov.vn" in {host_of(source.url), host_of(document.url)}:
            document = attrs.evolve(document, language="en")
        return document


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """Give diplomacy_corpus the VOV parser."""
    return [VovParser()]
