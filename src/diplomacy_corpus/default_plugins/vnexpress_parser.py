"""Built-in ``vnexpress`` parser: VnExpress (vnexpress.net).

Pages: ``h1.title-detail``, ``p.description`` (lead, with a ``.location-stamp``),
``article.fck_detail`` with ``p.Normal`` paragraphs, the byline as the last right-aligned
``p.Normal`` or ``p.author_mail``, ``span.date`` (``Thứ bảy, 21/11/2020, 15:30 (GMT+7)``),
captions in ``figcaption p.Image``, related news in ``.box-tinlienquanv2``. Text copies are
recognised by a trailing ``VnExpress`` byline or a vnexpress.net URL line.
"""

from __future__ import annotations

import re

import diplomacy_corpus as dc
from diplomacy_corpus.htmlpage import ArticleRecipe, OutletParser


class VnexpressParser(OutletParser):
    """vnexpress.net pages and text copies."""

    name = "vnexpress"
    description = "VnExpress (vnexpress.net): pages and plain-text copies"
    recognises = ("host vnexpress.net or site name VnExpress; pages with its 'fck_detail' markup; "
                  "text copies whose byline or URL line names VnExpress")
    hosts = ("vnexpress.net",)
    outlet_names = re.compile(r"vnexpress|\bVNE\b", re.IGNORECASE)
    page_markers = ("fck_detail", "title-detail")
    recipe = ArticleRecipe(
        title=("h1.title-detail", "h1.title_news_detail", "h1"),
        lead=("p.description", ".description"),
        body=("article.fck_detail", ".fck_detail", ".sidebar-1 article"),
        author=("p.author_mail strong", "p.author_mail", "article.fck_detail p.Normal[style*=right] strong"),
        published=("span.date", ".header-content .date"),
        section=("ul.breadcrumb li a", ".breadcrumb a"),
        captions=("p.Image", "figcaption"),
        related=(".box-tinlienquanv2", ".list-news", ".box_tinlienquan", ".box-morelink"),
        junk=(".location-stamp",),
    )


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The ``vnexpress`` parser."""
    return [VnexpressParser()]
