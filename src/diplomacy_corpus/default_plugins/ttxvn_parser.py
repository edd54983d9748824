"""Built-in ``ttxvn`` parser: Vietnam News Agency (TTXVN) and its outlets.

Covers vietnamplus.vn, bnews.vn, baotintuc.vn, ttxvn.org.vn and vnanet.vn. Pages:
VietnamPlus' ``h1.article__title`` / ``.article__sapo`` / ``.article__body`` (and the
older ``.details__headline`` / ``.details__summary`` / ``.article-body``), Báo Tin Tức's
``h1.detail-title`` / ``.sapo`` / ``.contents``. Text copies are recognised by a
``(TTXVN)`` byline or dateline (``Nguyễn Hồng Điệp (TTXVN)``, ``Hà Nội (TTXVN) -``,
``TTXVN/Tin Tức``) or ``Theo phóng viên TTXVN`` in the lead; ``Ảnh: .../TTXVN`` photo
credits alone do not count.
"""

from __future__ import annotations

import re

import diplomacy_corpus as dc
from diplomacy_corpus import layout
from diplomacy_corpus.htmlpage import ArticleRecipe, OutletParser

_CORRESPONDENT = re.compile(r"\b(?:phóng viên|đặc phái viên|PV)\s+(?:TTXVN|Thông tấn xã Việt Nam)\b", re.IGNORECASE)


class TtxvnParser(OutletParser):
    """TTXVN, VietnamPlus, BNEWS, Báo Tin Tức pages and text copies."""

    name = "ttxvn"
    description = "TTXVN (Vietnam News Agency) and its outlets: vietnamplus.vn, bnews.vn, baotintuc.vn, ttxvn.org.vn"
    recognises = ("hosts vietnamplus.vn, bnews.vn, baotintuc.vn, ttxvn.org.vn, vnanet.vn; text copies with a "
                  "'(TTXVN)' byline or dateline, a 'TTXVN/Tin Tức' byline or 'Theo phóng viên TTXVN' in the lead")
    hosts = ("vietnamplus.vn", "bnews.vn", "baotintuc.vn", "ttxvn.org.vn", "vnanet.vn", "vnews.gov.vn")
    outlet_names = re.compile(
        r"\bTTXVN\b|\bVNA\b|vietnamplus|Vietnam\+|bnews|baotintuc|Báo\s+Tin\s+Tức|^Tin\s*Tức$|vnanet|"
        r"Thông\s+tấn\s+xã\s+Việt\s+Nam",
        re.IGNORECASE,
    )
    recipe = ArticleRecipe(
        title=("h1.article__title", "h1.details__headline", "h1.detail-title", "h1.title"),
        lead=(".article__sapo", ".details__summary", ".sapo", ".detail-sapo"),
        body=(".article__body", ".content.article-body", ".article-body", ".contents", ".detail-content"),
        author=(".article__author", ".details__author", ".author", ".source"),
        published=(".article__meta time", "time", ".datetime", ".date"),
        section=(".breadcrumb a", ".article__breadcrumbs a"),
        captions=(".fig", ".article-photo-caption"),
        related=(".article__related", ".story--related", ".related-news"),
    )

    def score(self, source: dc.Source) -> float:
        """As [`OutletParser.score`][diplomacy_corpus.htmlpage.OutletParser.score], plus 0.5 for
        ``Theo phóng viên TTXVN`` in a text copy's lead."""
        found = super().score(source)
        if found or source.is_html:
            return found
        head = (layout.analyse(source.text, source.title).lead or "")[:300]
        # "ttxvn" or "thông tấn" must be there: two substring tests spare most copies the regex
        lowered = head.lower()
        if "ttxvn" not in lowered and "thông tấn" not in lowered:
            return 0.0
        return 0.5 if _CORRESPONDENT.search(head) else 0.0


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """The ``ttxvn`` parser."""
    return [TtxvnParser()]
