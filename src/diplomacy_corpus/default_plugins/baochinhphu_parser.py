"""Built-in ``baochinhphu`` parser: Báo Điện tử Chính phủ (baochinhphu.vn, the chinhphu.vn family).

Pages: the current VCCorp-built layout (``h1.detail-title``, ``h2.detail-sapo``,
``div.detail-content[data-role=content]``, ``.detail-author``, ``[data-role=publishdate]``,
``.PhotoCMS_Caption``, ``RelatedNewsBox``) and the older ``.vgp`` layout
(``h1.article-title``, ``.summary``, ``.article-body``). Text copies are recognised by a
``Theo .../baochinhphu.vn`` byline, a ``(Chinhphu.vn) -`` dateline or a ``.vgp`` URL line;
a ``VGP`` photo credit alone does not make a copy ``baochinhphu``.
"""

from __future__ import annotations

import re

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import ArticleRecipe, OutletParser


class BaochinhphuParser(OutletParser):
    """baochinhphu.vn / chinhphu.vn pages and text copies."""

    name = "baochinhphu"
    description = "Báo Điện tử Chính phủ (baochinhphu.vn, chinhphu.vn): pages and plain-text copies"
    recognises = ("hosts baochinhphu.vn, chinhphu.vn (and subdomains); text copies with a "
                  "'Theo NAME/baochinhphu.vn' byline, '(Chinhphu.vn) -' dateline or a .vgp URL line")
    hosts = ("baochinhphu.vn", "chinhphu.vn", "vgp.gov.vn")
    outlet_names = re.compile(r"baochinhphu\.vn|chinhphu\.vn|\.vgp\b|Báo\s+(?:Điện\s+tử\s+)?Chính\s+phủ|VGP\s*News",
                              re.IGNORECASE)
    recipe = ArticleRecipe(
        title=("h1.detail-title", "h1.article-title", ".detail__title", "h1"),
        lead=("h2.detail-sapo", ".detail-sapo", ".article-header .summary", ".summary"),
        body=("div.detail-content[data-role=content]", ".detail-content", ".detail-cmain", ".article-body"),
        author=(".detail-author", ".detail-info .author", ".article-footer .author", ".author"),
        published=("[data-role=publishdate]", ".detail-time", ".article-header .meta"),
        section=(".detail-cate a", ".breadcrumb a"),
        captions=(".PhotoCMS_Caption", "[type=Photo] .caption"),
        related=("[type=RelatedNewsBox]", ".detail__related", ".box-related", ".article-related"),
    )


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The ``baochinhphu`` parser."""
    return [BaochinhphuParser()]
