"""Built-in ``baoquocte`` parser: Báo Thế giới & Việt Nam (baoquocte.vn), the foreign ministry's paper.

Pages: MasterCMS markup (``h1.article-detail-title``, ``.article-detail-desc``,
``#__MB_MASTERCMS_EL_3`` / ``.__MASTERCMS_CONTENT``, captions in ``.image_caption`` /
``figcaption`` written ``... (Nguồn: TTXVN) |``). Text copies are recognised by a byline
or URL naming baoquocte.vn, Báo Quốc tế, TG&VN or Thế giới & Việt Nam.
"""

from __future__ import annotations

import re

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import ArticleRecipe, OutletParser


class BaoquocteParser(OutletParser):
    """baoquocte.vn pages and text copies."""

    name = "baoquocte"
    description = "Báo Thế giới & Việt Nam (baoquocte.vn): pages and plain-text copies"
    recognises = ("host baoquocte.vn; text copies whose byline or URL line names baoquocte.vn, "
                  "Báo Quốc tế, TG&VN or Thế giới & Việt Nam, or open with a 'TGVN.' dateline")
    hosts = ("baoquocte.vn", "worldandvietnam.vn")
    outlet_names = re.compile(
        r"baoquocte|\bTGVN\b|Báo\s+Quốc\s+tế|TG&VN|Thế\s+giới\s*(?:&|và)\s*Việt\s+Nam|worldandvietnam", re.IGNORECASE
    )
    recipe = ArticleRecipe(
        title=("h1.article-detail-title", "h1.titleDetail", "h1.post-title", "h1.title"),
        lead=(".article-detail-desc", ".sapo", ".post-summary", ".detail-sapo"),
        body=("#__MB_MASTERCMS_EL_3", ".__MASTERCMS_CONTENT", ".article-detail-content", ".post-content",
              ".detail-content"),
        author=(".article-detail-author", ".author-name", ".author"),
        published=(".article-detail-date", ".post-date", "time"),
        section=(".breadcrumb a", ".article-detail-cate a"),
        captions=(".image_caption", ".article-photo-caption"),
        related=(".article-detail-related", ".box-related", ".related-news"),
    )


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The ``baoquocte`` parser."""
    return [BaoquocteParser()]
