"""Built-in ``tuoitre`` parser: Báo Tuổi Trẻ (tuoitre.vn).

Pages: VCCorp markup (``h1.detail-title`` / ``h1.article-title``, ``h2.detail-sapo``,
``div.detail-content[data-role=content]`` / ``#main-detail-body``, ``.author-info``,
``[data-role=publishdate]``, photo boxes ``[type=Photo]`` with ``.PhotoCMS_Caption``,
related news ``[type=RelatedNewsBox]`` / ``.relate-container``). Text copies are
recognised by a byline or URL line naming tuoitre.vn, Tuổi Trẻ or TTO.
"""

from __future__ import annotations

import re

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import ArticleRecipe, OutletParser


class TuoitreParser(OutletParser):
    """tuoitre.vn pages and text copies."""

    name = "tuoitre"
    description = "Báo Tuổi Trẻ (tuoitre.vn): pages and plain-text copies"
    recognises = "host tuoitre.vn; text copies whose byline or URL line names tuoitre.vn, Tuổi Trẻ or TTO"
    hosts = ("tuoitre.vn", "tuoitrenews.vn")
    # "Tuổi trẻ & Đời sống" and "Tuổi trẻ Thủ đô" are other papers
    outlet_names = re.compile(
        r"\btuoitre\.|Tuổi\s+Trẻ(?!\s*(?:&|và)\s*Đời|\s+Thủ\s+đô)|\bTTO\b|^TUOI\s*TRE(?:\s+ONLINE)?$", re.IGNORECASE
    )
    recipe = ArticleRecipe(
        title=("h1.detail-title", "h1.article-title", "h1"),
        lead=("h2.detail-sapo", ".detail-sapo", "h2.sapo"),
        body=("div.detail-content[data-role=content]", "#main-detail-body", ".detail-content", ".detail-cmain"),
        author=(".author-info .name", ".detail-author", ".author"),
        published=("[data-role=publishdate]", ".detail-time", ".date-time"),
        section=(".detail-cate a", ".bread-crumbs a"),
        captions=(".PhotoCMS_Caption",),
        related=("[type=RelatedNewsBox]", ".relate-container", ".relate-news"),
    )


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The ``tuoitre`` parser."""
    return [TuoitreParser()]
