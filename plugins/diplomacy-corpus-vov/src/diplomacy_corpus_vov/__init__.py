"""A diplomacy_corpus parser for VOV (Đài Tiếng nói Việt Nam, vov.vn).

It reads the outlet's saved article pages (HTML) and plain-text copies that end
with a VOV byline (``Theo VOV``, ``VOV.VN``, ``Nguồn: VOV``).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

import diplomacy_corpus as dc

__version__ = "0.1.0"

# Where the parts of an article page live, most specific selector first.
_LEAD = (".article__sapo", ".sapo", ".article-sapo")
_BODY = (".article__body", ".article-content", ".content")
_CAPTIONS = "figcaption, .image-caption, .caption"
_RELATED = ".article__related, .related-news, .box-related, .tin-lien-quan"
_NOISE = "script, style, noscript, iframe, .ads"

# "Theo VOV", "VOV.VN", "Nguồn: VOV", "Minh Anh/VOV.VN" alone on the last line.
_BYLINE = re.compile(r"(?:(?:theo|nguồn:?|source:?)\s+)?(?:(?P<author>[^/\n]{2,60}?)\s*/\s*)?vov(?:\.vn)?", re.I)
# The dateline a lead starts with: "VOV.VN - ".
_DATELINE = re.compile(r"^VOV(?:\.VN)?\s*[-–—]\s*", re.I)
# The <meta>/<link> tags of a page from vov.vn.
_VOV_PAGE = re.compile(r"<(?:meta|link)\b[^>]*(?:og:site_name|og:url|canonical)[^>]*vov\.vn", re.I)


class VovParser(dc.Parser):
    """Articles of VOV, Đài Tiếng nói Việt Nam (vov.vn, english.vov.vn)."""

    name = "vov"
    description = "VOV (Đài Tiếng nói Việt Nam): vov.vn article pages and text copies"
    recognises = "URLs on vov.vn; pages whose og:site_name, og:url or canonical link is vov.vn; 'Theo VOV' bylines"

    def score(self, source: dc.Source) -> float:
        """0.9 for a vov.vn URL or page, 0.6 for text with a VOV byline or dateline, else 0."""
        host = urlsplit(source.url or "").hostname or ""
        if host == "vov.vn" or host.endswith(".vov.vn"):
            return 0.9
        if source.is_html:
            return 0.9 if _VOV_PAGE.search(source.text[:20_000]) else 0.0
        lines = [line.strip() for line in source.text.strip().splitlines() if line.strip()]
        signed = bool(lines) and _BYLINE.fullmatch(lines[-1]) is not None
        return 0.6 if signed or any(_DATELINE.match(line) for line in lines[:3]) else 0.0

    def parse(self, source: dc.Source) -> dc.Document:
        """Read the headline, lead, body and metadata; keep captions, bylines and related news apart."""
        if source.is_html:
            return self._parse_html(source)
        return self._parse_text(source)

    def _parse_html(self, source: dc.Source) -> dc.Document:
        tree = LexborHTMLParser(source.text)
        meta = _meta_tags(tree)
        article = _news_article(tree)  # read JSON-LD before the scripts are dropped
        for node in tree.css(_NOISE):
            node.decompose()
        captions = _take(tree, _CAPTIONS)
        related = [_clean(a.text()) for block in tree.css(_RELATED) for a in block.css("a")]
        _take(tree, _RELATED)

        title = _text_of(tree, (".article__title", "h1")) or meta.get("og:title") or article.get("headline")
        lead = _text_of(tree, _LEAD) or meta.get("description")
        lead = _DATELINE.sub("", lead) if lead else None
        body = _first(tree, _BODY)
        paragraphs = [text for p in (body.css("p") if body else []) if (text := _clean(p.text()))]
        if paragraphs and paragraphs[0] == lead:
            paragraphs.pop(0)
        author = _author(article) or meta.get("author")
        if paragraphs and (byline := _BYLINE.fullmatch(paragraphs[-1])):
            paragraphs.pop()
            author = author or byline.group("author")

        root = tree.css_first("html")
        language = (root.attributes.get("lang") if root else None) or "vi"
        return dc.Document(
            origin=source.origin,
            source=self.name,
            title=title or source.title,
            lead=lead,
            url=_canonical(tree) or meta.get("og:url") or source.url,
            author=author,
            published=meta.get("article:published_time") or article.get("datePublished") or source.published,
            section=meta.get("article:section") or article.get("articleSection"),
            language=language.split("-")[0].lower(),
            text="\n\n".join(part for part in (title, lead, *paragraphs) if part),
            captions=captions,
            related=tuple(text for text in related if text),
        )

    def _parse_text(self, source: dc.Source) -> dc.Document:
        paragraphs = [line.strip() for line in source.text.splitlines() if line.strip()]
        author = None
        if paragraphs and (byline := _BYLINE.fullmatch(paragraphs[-1])):
            paragraphs.pop()
            author = byline.group("author")
        title = source.title or (paragraphs.pop(0) if len(paragraphs) > 1 else None)
        if paragraphs:
            paragraphs[0] = _DATELINE.sub("", paragraphs[0])
        return dc.Document(
            origin=source.origin,
            source=self.name,
            title=title,
            lead=paragraphs[0] if paragraphs else None,
            url=source.url,
            author=author,
            published=source.published,
            text="\n\n".join(([title] if title else []) + paragraphs),
        )


def _clean(text: str | None) -> str:
    """Collapse runs of whitespace (HTML line breaks, non-breaking spaces) to one space."""
    return " ".join((text or "").split())


def _first(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> LexborNode | None:
    """The first node that one of ``selectors`` finds, trying them in order."""
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            return node
    return None


def _text_of(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> str | None:
    """The clean text of the first node that one of ``selectors`` finds."""
    node = _first(tree, selectors)
    return (_clean(node.text()) or None) if node is not None else None


def _take(tree: LexborHTMLParser, selector: str) -> tuple[str, ...]:
    """Remove the nodes ``selector`` finds from the page; return their texts."""
    nodes: list[LexborNode] = tree.css(selector)
    texts = tuple(text for node in nodes if (text := _clean(node.text())))
    for node in nodes:
        node.decompose()
    return texts


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """``<meta property|name=... content=...>`` as a dict (the first of each name wins)."""
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        key = node.attributes.get("property") or node.attributes.get("name")
        value = _clean(node.attributes.get("content"))
        if key and value:
            found.setdefault(key.lower(), value)
    return found


def _canonical(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('link[rel="canonical"]')
    return node.attributes.get("href") if node is not None else None


def _news_article(tree: LexborHTMLParser) -> dict[str, Any]:
    """The page's JSON-LD ``NewsArticle`` (or ``Article``) object, or an empty dict."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text())
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and item.get("@type") in ("NewsArticle", "Article"):
                return item
    return {}


def _author(article: dict[str, Any]) -> str | None:
    """The author's name from a JSON-LD article (an object, a list of them, or a string)."""
    author = article.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict):
        author = author.get("name")
    if not isinstance(author, str):
        return None
    return _clean(author) or None


@dc.hookimpl
def register_parsers() -> list[dc.Parser]:
    """Give diplomacy_corpus the VOV parser."""
    return [VovParser()]
