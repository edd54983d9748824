"""Built-in ``nhandan`` parser: Báo Nhân Dân (nhandan.vn), the Party's daily.

Pages: ``h1.article__title``, ``.article__sapo``, ``.article__body`` (older pages
``.box-detail-content`` / ``.detail-content-body``), ``.article__author``,
``.article__meta time``, related news in ``.article__related`` / ``.box-related``. Text
copies are recognised by a byline or URL line naming nhandan.vn, Báo Nhân Dân or NDĐT.
"""

from __future__ import annotations

import re

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import ArticleRecipe, OutletParser


class NhandanParser(OutletParser):
    """nhandan.vn pages and text copies."""

    name = "nhandan"
    description = "Báo Nhân Dân (nhandan.vn): pages and plain-text copies"
    recognises = "host nhandan.vn; text copies whose byline or URL line names nhandan.vn, Báo Nhân Dân or NDĐT"
    hosts = ("nhandan.vn", "nhandan.com.vn")
    # \b keeps daibieunhandan.vn (the National Assembly's paper) out
    outlet_names = re.compile(r"\bnhandan\.|^(?:Báo\s+)?Nhân\s+Dân(?:\s+điện\s+tử)?$|\bNDĐT\b", re.IGNORECASE)
    recipe = ArticleRecipe(
        title=("h1.article__title", "h1.detail-title", "h1.title"),
        lead=(".article__sapo", ".box-des-detail", ".sapo"),
        body=(".article__body", ".detail-content-body", ".box-detail-content", ".detail-content"),
        author=(".article__author", ".box-author", ".author"),
        published=(".article__meta time", ".article__meta .time", "time", ".box-date"),
        section=(".article__breadcrumbs a", ".breadcrumbs a", ".breadcrumb a"),
        related=(".article__related", ".box-related", ".related-news", ".article__relate"),
    )


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The ``nhandan`` parser."""
    return [NhandanParser()]
