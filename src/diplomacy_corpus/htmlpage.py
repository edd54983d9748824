"""HTML helpers for parser authors, on selectolax: metadata, cleaning, paragraphs, recipes.

A saved news page carries its metadata in several places: ``<meta property="og:*">``,
``article:published_time``, JSON-LD ``NewsArticle``, ``<time datetime>`` and the
outlet's own containers. [`HtmlPage`][diplomacy_corpus.htmlpage.HtmlPage] reads them in
a fixed order of trust. [`ArticleRecipe`][diplomacy_corpus.htmlpage.ArticleRecipe] names
an outlet's containers (CSS selectors, first match wins) and
[`parse_article`][diplomacy_corpus.htmlpage.parse_article] turns a page into a
[`Document`][diplomacy_corpus.Document]: scripts, navigation, share and comment widgets
removed, captions and "related news" kept apart, the lead (sapo) kept in the text.
[`OutletParser`][diplomacy_corpus.htmlpage.OutletParser] is a ready-made parser for one
outlet, for pages (by recipe) and for plain-text copies (by
[`layout`][diplomacy_corpus.layout]).

Example:
    >>> from diplomacy_corpus.htmlpage import HtmlPage
    >>> page = HtmlPage('<meta property="og:title" content="Tiêu đề">'
    ...                 '<meta property="article:published_time" content="2024-03-05T14:00:00Z">')
    >>> page.title(), page.published()
    ('Tiêu đề', '2024-03-05T21:00:00+07:00')
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar
from urllib.parse import urlsplit

import attrs
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from . import layout
from .interfaces import Parser, Source
from .models import Document

__all__ = [
    "CAPTION_SELECTORS",
    "GENERIC_BODY",
    "GENERIC_LEAD",
    "JUNK_SELECTORS",
    "RELATED_SELECTORS",
    "VIETNAM",
    "ArticleRecipe",
    "HtmlPage",
    "OutletParser",
    "host_of",
    "node_text",
    "normalize_datetime",
    "page_host",
    "paragraphs",
    "parse_article",
]

#: Vietnam's time zone (Asia/Ho_Chi_Minh has no daylight saving time).
VIETNAM = timezone(timedelta(hours=7))

#: Elements that are never article text: scripts, navigation, forms, share and comment widgets, ads.
JUNK_SELECTORS: tuple[str, ...] = (
    "script", "style", "noscript", "iframe", "template", "svg", "form", "button", "input", "select",
    "nav", "footer", "[class*=share]", "[class*=social]", "[class*=comment]", "[id*=comment]",
    "[class*=advert]", "[class*=banner]", "[class*=breadcrumb]", ".ads", ".tags", "[class*=tag-list]",
    "[class*=toolbar]", "[class*=author]", "[class*=sapo]", "[class*=rating]",
)

#: Photo captions and credits, collected into ``Document.captions`` and removed from the text.
CAPTION_SELECTORS: tuple[str, ...] = (
    "figcaption", ".PhotoCMS_Caption", ".caption", ".image-caption", ".img-caption", ".fig-caption",
    ".desc_image", ".pCaption", ".expNoEdit", "[class*=caption]",
)

#: "Related news" blocks, collected into ``Document.related`` and removed from the text.
RELATED_SELECTORS: tuple[str, ...] = (
    "[type=RelatedNewsBox]", "[type=RelatedOneNews]", "[class*=related]", "[class*=relate-]",
    "[class*=tinlienquan]", "[class*=tin-lien-quan]", "[class*=lienquan]", "[class*=same-category]",
    "[class*=read-more]", "[class*=xem-them]", "aside",
)

_BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre"
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "BlogPosting", "WebPage"}
_DMY = re.compile(
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?:\D{1,12}?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_HMDMY = re.compile(r"(?P<H>\d{1,2})[:h](?P<M>\d{2})\D{1,15}?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})")
_CANON = re.compile(
    r"<(?:link|meta)\b[^>]*?(?:rel=[\"']?canonical|property=[\"']og:url|property=[\"']og:site_name)[^>]*>", re.I
)
_TIGHT_BEFORE = re.compile(r"\s+([,.;:!?)\]”%…])")
_TIGHT_AFTER = re.compile(r"([(\[“])\s+")
_ATTR = re.compile(r"(?:href|content)\s*=\s*[\"']([^\"']+)", re.I)


def normalize_datetime(value: str | None) -> str | None:
    """An ISO 8601 date-time in Vietnam time (``+07:00``), or a date, from what pages write.

    Reads ISO 8601 (``2020-11-21T08:30:00Z`` becomes ``2020-11-21T15:30:00+07:00``; a
    time without an offset is taken as Vietnam time) and Vietnamese forms
    (``Thứ bảy, 21/11/2020, 15:30 (GMT+7)``, ``15:30 21/11/2020``, ``21/11/2020``).

    Returns:
        The normalised value, or None when ``value`` holds no date.
    """
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?", text)
    try:
        if iso:
            date, time, zone = iso.groups()
            if not time:
                datetime.strptime(date, "%Y-%m-%d")
                return date
            if len(time) == 5:
                time += ":00"
            stamp = datetime.fromisoformat(f"{date}T{time}")
            if zone:
                zone = "+00:00" if zone == "Z" else (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")
                stamp = datetime.fromisoformat(f"{date}T{time}{zone}").astimezone(VIETNAM)
            else:
                stamp = stamp.replace(tzinfo=VIETNAM)
            return stamp.isoformat()
        m = _DMY.search(text)
        if m is None or m.group("H") is None:
            m = _HMDMY.search(text) or m  # "17:30 05/03/2024"
        if not m:
            return None
        day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if m.group("H") is None:
            return datetime(year, month, day).date().isoformat()
        stamp = datetime(year, month, day, int(m.group("H")), int(m.group("M")), tzinfo=VIETNAM)
        return stamp.isoformat()
    except (ValueError, OverflowError):
        return None


# An http(s) URL whose host is plain (letters, digits, dots, hyphens: no user, port or
# brackets) and ends at "/", "?", "#" or the end: urlsplit() would give that host, lower-cased.
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9.-]+)(?:[/?#]|\Z)")


@functools.lru_cache(maxsize=256)
def host_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, lower-cased (``baochinhphu.vn``), or None."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    plain = _PLAIN_URL.match(url)
    if plain:  # most URLs: a fifth of the cost of urlsplit()
        host = plain.group(1).lower()
        return host[4:] if host.startswith("www.") else host
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


@functools.lru_cache(maxsize=16)
def page_host(html: str) -> tuple[str | None, str | None]:
    """The host of a page's canonical (or ``og:url``) link and its ``og:site_name``, found cheaply.

    Meant for ``Parser.score``: a regular expression over the markup, no parsing; cached.
    """
    host: str | None = None
    site: str | None = None
    for tag in _CANON.finditer(html, 0, 200_000):
        m = _ATTR.search(tag.group(0))
        if not m:
            continue
        if "og:site_name" in tag.group(0).lower():
            site = site or m.group(1)
        else:
            host = host or host_of(m.group(1))
    return host, site


def node_text(node: Node | None) -> str:
    """The visible text of ``node`` with whitespace collapsed ("" for None)."""
    if node is None:
        return ""
    text = " ".join(node.text(deep=True, separator=" ").split())
    return _TIGHT_AFTER.sub(r"\1", _TIGHT_BEFORE.sub(r"\1", text))


def paragraphs(node: Node) -> list[str]:
    """The text blocks of an article container, in order: paragraphs, subheadings, list items, quotes.

    A container without such blocks gives its lines (``<br>``-separated text).
    """
    found: list[str] = []
    for block in node.css(_BLOCKS):
        if block.tag in {"li", "blockquote"} and any(n.mem_id != block.mem_id for n in block.css("p, li")):
            continue  # its inner blocks are read on their own (css() also matches the node itself)
        text = node_text(block)
        if text:
            found.append(text)
    if not found:
        raw = node.text(deep=True, separator="\n")
        found = [" ".join(line.split()) for line in raw.split("\n") if line.strip()]
    return found


logger = logging.getLogger(__name__)

#: Deepest element nesting a page keeps. Real pages stay under a few hundred levels; the
#: HTML parser's time grows with the square of the depth, so a hostile page of 50,000
#: nested ``<div>`` would take seconds that no signal can interrupt. Deeper pages lose
#: their container tags (the text stays) before they are parsed.
MAX_NESTING = 3000

_CONTAINERS = r"(?:div|span|section|article|b|i|a|ul|ol|table|font|blockquote)"
_OPEN_OR_CLOSE = re.compile(rf"<(/?){_CONTAINERS}\b", re.I)
_CONTAINER_TAG = re.compile(rf"</?{_CONTAINERS}\b[^<>]*>", re.I)


def _flatten_if_hostile(html: str) -> str:
    """``html`` itself, or without its container tags when they nest deeper than MAX_NESTING."""
    if html.count("<") < MAX_NESTING:
        return html
    depth = 0
    for match in _OPEN_OR_CLOSE.finditer(html):
        depth += -1 if match.group(1) else 1
        if depth > MAX_NESTING:
            logger.warning("HTML nested deeper than %d levels: container tags dropped before parsing", MAX_NESTING)
            return _CONTAINER_TAG.sub(" ", html)
    return html


class HtmlPage:
    """A parsed page with readers for its metadata.

    Args:
        html: the page's markup.
    """

    def __init__(self, html: str) -> None:
        self.tree = HTMLParser(_flatten_if_hostile(html))
        self._metas: dict[str, str] | None = None
        self._ld: list[dict[str, Any]] | None = None

    def metas(self) -> dict[str, str]:
        """Every ``<meta>`` by its ``property``, ``name`` or ``itemprop`` (lower-cased; first one wins)."""
        if self._metas is None:
            metas: dict[str, str] = {}
            for node in self.tree.css("meta"):
                attrs_ = node.attributes
                key = attrs_.get("property") or attrs_.get("name") or attrs_.get("itemprop")
                value = attrs_.get("content")
                if key and value and value.strip():
                    metas.setdefault(key.strip().lower(), value.strip())
            self._metas = metas
        return self._metas

    def meta(self, *keys: str) -> str | None:
        """The first non-empty ``<meta>`` content among ``keys`` (``og:title``, ``description``...)."""
        metas = self.metas()
        for key in keys:
            if key.lower() in metas:
                return metas[key.lower()]
        return None

    def json_ld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object of the page (``@graph`` members included); broken blocks are skipped."""
        if self._ld is None:
            found: list[dict[str, Any]] = []
            for node in self.tree.css('script[type="application/ld+json"]'):
                try:
                    data = json.loads(node.text(deep=True) or "null", strict=False)
                except (ValueError, RecursionError):
                    continue
                found.extend(_ld_objects(data))
            self._ld = found
        return self._ld

    def article_ld(self) -> dict[str, Any]:
        """The JSON-LD ``NewsArticle`` (or ``Article``...) of the page, or an empty dict."""
        for item in self.json_ld():
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k in _ARTICLE_TYPES and k != "WebPage" for k in kinds):
                return item
        return {}

    def first(self, selectors: Iterable[str]) -> Node | None:
        """The first node matching the first selector that matches anything."""
        for selector in selectors:
            try:
                node = self.tree.css_first(selector)
            except Exception:  # an invalid selector from a recipe must not crash the batch
                continue
            if node is not None:
                return node
        return None

    def first_text(self, selectors: Iterable[str]) -> str | None:
        """The text of the first non-empty node matching the selectors, in order."""
        for selector in selectors:
            try:
                nodes = self.tree.css(selector)
            except Exception:
                continue
            for node in nodes:
                text = node_text(node)
                if text:
                    return text
        return None

    def canonical_url(self) -> str | None:
        """``<link rel="canonical">``, else ``og:url``, else JSON-LD ``url``/``mainEntityOfPage``."""
        node = self.tree.css_first('link[rel="canonical"]')
        href = node.attributes.get("href") if node is not None else None
        if href and href.strip():
            return href.strip()
        ld = self.article_ld()
        entity = ld.get("mainEntityOfPage")
        if isinstance(entity, dict):
            entity = entity.get("@id")
        return self.meta("og:url") or _str(ld.get("url")) or _str(entity)

    def title(self) -> str | None:
        """``og:title``, else JSON-LD ``headline``, else the first ``<h1>``, else ``<title>``."""
        title = self.meta("og:title", "twitter:title") or _str(self.article_ld().get("headline"))
        if not title:
            title = node_text(self.tree.css_first("h1")) or node_text(self.tree.css_first("title"))
        return " ".join(title.split()) if title else None

    def published(self) -> str | None:
        """Publication time as ISO 8601 in Vietnam time, from meta tags, JSON-LD or ``<time>``."""
        for value in (
            self.meta("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                      "publishdate", "dc.date.issued", "date", "article:published"),
            _str(self.article_ld().get("datePublished")),
        ):
            found = normalize_datetime(value)
            if found:
                return found
        for node in self.tree.css("time"):
            found = normalize_datetime(node.attributes.get("datetime") or node_text(node))
            if found:
                return found
        return None

    def author(self) -> str | None:
        """The author from ``<meta name="author">`` or JSON-LD ``author.name``, when it is a person's name."""
        author = self.article_ld().get("author")
        if isinstance(author, list):
            author = author[0] if author else None
        if isinstance(author, dict):
            author = author.get("name")
        for value in (_str(author), self.meta("author", "article:author", "dable:author")):
            if value and not value.startswith("http"):
                byline = layout.parse_byline(value)
                if byline is not None and byline.author:
                    return byline.author
        return None

    def section(self) -> str | None:
        """``article:section`` or JSON-LD ``articleSection``."""
        section = self.meta("article:section") or self.article_ld().get("articleSection")
        if isinstance(section, list):
            section = section[0] if section else None
        return _str(section)


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _ld_objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)


@attrs.define(frozen=True, kw_only=True)
class ArticleRecipe:
    """Where an outlet keeps the parts of its article pages: CSS selectors, tried in order.

    Empty fields fall back to the page's metadata (``og:title``, JSON-LD ...) and to the
    generic selectors of this module.
    """

    title: tuple[str, ...] = ()
    """The headline (``h1.detail-title``)."""
    lead: tuple[str, ...] = ()
    """The lead / sapo (``.detail-sapo``, ``p.description``)."""
    body: tuple[str, ...] = ()
    """The article body container (``.detail-content``, ``article.fck_detail``)."""
    author: tuple[str, ...] = ()
    """The byline (``.detail-author``)."""
    published: tuple[str, ...] = ()
    """A node whose text or ``datetime`` holds the publication time (``.detail-time``)."""
    section: tuple[str, ...] = ()
    """The section name (breadcrumb link)."""
    captions: tuple[str, ...] = ()
    """Photo captions, on top of [`CAPTION_SELECTORS`][diplomacy_corpus.htmlpage.CAPTION_SELECTORS]."""
    related: tuple[str, ...] = ()
    """Related-news blocks, on top of [`RELATED_SELECTORS`][diplomacy_corpus.htmlpage.RELATED_SELECTORS]."""
    junk: tuple[str, ...] = ()
    """More elements to drop, on top of [`JUNK_SELECTORS`][diplomacy_corpus.htmlpage.JUNK_SELECTORS]."""


#: Containers that hold the article body on most Vietnamese news sites, tried after a recipe's own.
GENERIC_BODY: tuple[str, ...] = (
    "[itemprop=articleBody]", "[data-role=content]", ".detail-content", ".article__body", ".article-body",
    ".article-content", ".content-detail", ".detail__content", ".post-content", ".entry-content",
    ".news-content", ".story__body", ".fck_detail", "#content-detail", "article .content", "article",
)
#: Lead (sapo) containers on most Vietnamese news sites.
GENERIC_LEAD: tuple[str, ...] = (
    ".detail-sapo", ".article__sapo", ".sapo", ".article-sapo", ".detail__summary", ".details__summary",
    ".summary", ".description", ".lead", ".article-lead", ".chapeau", "[class*=sapo]", "[class*=summary]",
)


def _remove(root: Node, selectors: Iterable[str], keep: list[str] | None = None, links: bool = False) -> None:
    for selector in selectors:
        try:
            nodes = root.css(selector)
        except Exception:
            continue
        removed: set[int] = set()
        for node in nodes:
            if node.mem_id == root.mem_id or _inside(node, removed, root):
                continue  # the container itself, or already gone with an ancestor
            removed.add(node.mem_id)
            if keep is not None:
                if links:
                    texts = [node_text(a) for a in node.css("a, h3, h4")] or [node_text(node)]
                    keep.extend(t for t in dict.fromkeys(texts) if t and not layout.is_related_heading(t))
                else:
                    text = node_text(node)
                    if text:
                        keep.append(text)
            node.decompose()


def _inside(node: Node, removed: set[int], root: Node) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if parent.mem_id in removed:
            return True
        parent = parent.parent
    return False


def _densest(root: Node) -> Node | None:
    """The element whose direct ``<p>`` children hold the most text (a readability-style fallback)."""
    best: Node | None = None
    best_len = 0
    scores: dict[int, tuple[Node, int]] = {}
    for p in root.css("p"):
        parent = p.parent
        if parent is None:
            continue
        key = parent.mem_id
        node, total = scores.get(key, (parent, 0))
        scores[key] = (node, total + len(node_text(p)))
    for node, total in scores.values():
        if total > best_len:
            best, best_len = node, total
    return best


def parse_article(source: Source, *, name: str, recipe: ArticleRecipe | None = None) -> Document:
    """Turn a saved article page into a Document: metadata, clean text, captions and related news apart.

    The headline and lead open ``Document.text``; scripts, navigation, share and comment
    widgets never reach it; captions and "related news" go to ``captions`` and
    ``related``; a byline closing the body becomes ``author``.

    Args:
        source: the page (``source.is_html``).
        name: the parser's name (``Document.source``).
        recipe: the outlet's selectors; None uses generic ones only.
    """
    recipe = recipe or ArticleRecipe()
    page = HtmlPage(source.text)
    if recipe.junk:
        _remove(page.tree.root or page.tree.body, recipe.junk)  # type: ignore[arg-type]
    title = page.first_text(recipe.title) or page.title() or source.title
    lead = page.first_text(recipe.lead) if recipe.lead else None
    author_text = page.first_text(recipe.author) if recipe.author else None
    section = page.first_text(recipe.section) if recipe.section else None
    published = page.published()
    if not published and recipe.published:
        node = page.first(recipe.published)
        if node is not None:
            published = normalize_datetime(node.attributes.get("datetime") or node_text(node))
    body = (page.first(recipe.body) if recipe.body else None) or _best_container(page)
    if body is None and page.tree.body is not None:
        body = _densest(page.tree.body) or page.tree.body
    captions: list[str] = []
    related: list[str] = []
    blocks: list[str] = []
    if body is not None:
        if lead is None:
            lead_node = _first_in(body, GENERIC_LEAD) or _first_in(page.tree.root or body, GENERIC_LEAD)
            lead = node_text(lead_node) or None
        _remove(body, (*recipe.captions, *CAPTION_SELECTORS), captions)
        _remove(body, (*recipe.related, *RELATED_SELECTORS), related, links=True)
        _remove(body, (*JUNK_SELECTORS, *recipe.junk, "h1"))
        blocks = paragraphs(body)
    if recipe.related and page.tree.body is not None:
        _remove(page.tree.body, recipe.related, related, links=True)  # the outlet's blocks beside the body
    if lead is None:
        lead = page.meta("og:description", "description")
        if lead and blocks and (blocks[0][:40] == lead[:40] or lead.rstrip(".… ").endswith("..")):
            lead = None
    if lead and blocks and blocks[0].startswith(lead[: max(20, len(lead) - 5)]):
        lead = None  # the body repeats the lead
    lines = [line for line in (title, lead, *blocks) if line]
    parts = layout.analyse("\n".join(lines), title) if lines else layout.TextLayout()
    author = _author(author_text) or parts.author or page.author()
    return Document(
        origin=source.origin, source=name, title=title or None, lead=parts.lead, url=page.canonical_url() or source.url,
        author=author, published=published or source.published, section=section or page.section(),
        text=parts.text, captions=(*captions, *parts.captions), related=(*related, *parts.related),
    )


def _first_in(root: Node, selectors: Iterable[str]) -> Node | None:
    """The first node with some text, skipping teasers (inside links or list items)."""
    for selector in selectors:
        try:
            nodes = root.css(selector)
        except Exception:
            continue
        for node in nodes[:20]:
            if len(node_text(node)) >= 20 and not _in_teaser(node):
                return node
    return None


def _in_teaser(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in {"a", "li"}:
            return True
        parent = parent.parent
    return False


def _best_container(page: HtmlPage) -> Node | None:
    """Among the usual article containers, the one whose paragraphs hold the most text.

    Trying the selectors in order alone would take a teaser ``<article>`` in a sidebar
    for the article.
    """
    candidates: list[tuple[Node, int]] = []
    for selector in GENERIC_BODY:
        try:
            nodes = page.tree.css(selector)
        except Exception:
            continue
        for node in nodes[:30]:
            total = sum(len(node_text(p)) for p in node.css("p"))
            if total:
                candidates.append((node, total))
    if not candidates:
        return None
    most = max(total for _, total in candidates)
    # an outer wrapper holds the same paragraphs plus its sidebars: take the densest of the near-best
    near = [(node, total) for node, total in candidates if total >= 0.8 * most]
    return max(near, key=lambda item: item[1] / max(1, len(node_text(item[0]))))[0]


def _author(text: str | None) -> str | None:
    if not text:
        return None
    byline = layout.parse_byline(text)
    if byline is not None:
        return byline.author
    first = text.split("  ")[0].split(" - ")[0].strip()
    byline = layout.parse_byline(first) if first != text else None
    return byline.author if byline is not None else None


@functools.lru_cache(maxsize=1024)
def _on_hosts(host: str, hosts: tuple[str, ...]) -> bool:
    # Cached: every text copy is scored by every outlet parser, and a corpus has few hosts.
    return any(host == h or host.endswith("." + h) for h in hosts)


class OutletParser(Parser):
    """A parser for one outlet: pages by [`ArticleRecipe`][diplomacy_corpus.htmlpage.ArticleRecipe],
    text copies by [`layout`][diplomacy_corpus.layout].

    Subclass it and set ``name``, ``hosts`` and ``outlet_names`` (and ``recipe``).
    ``score`` gives 0.9 when the URL or the page's canonical link is on one of
    ``hosts``, 0.8 when the page's ``og:site_name`` matches ``outlet_names``, 0.6 when a
    text copy names the outlet in its byline, dateline or a URL line, 0.3 when a page
    without those carries one of ``page_markers`` (class names of the outlet's own
    markup), and 0 otherwise. Photo credits never count (outlets reuse agency photos).
    """

    hosts: ClassVar[tuple[str, ...]] = ()
    """Hosts of the outlet (subdomains match too): ``("baochinhphu.vn", "chinhphu.vn")``."""
    outlet_names: ClassVar[re.Pattern[str] | None] = None
    """How bylines, datelines and URL lines name the outlet (``baochinhphu\\.vn|\\.vgp\\b``)."""
    recipe: ClassVar[ArticleRecipe] = ArticleRecipe()
    """Where the outlet's pages keep title, lead, body, byline, captions and related news."""
    page_markers: ClassVar[tuple[str, ...]] = ()
    """Strings only the outlet's own markup holds (``fck_detail``); found in a page without
    a canonical link or site name, they make it the outlet's (score 0.3)."""

    def on_host(self, host: str | None) -> bool:
        """Whether ``host`` is one of the outlet's hosts or a subdomain of one."""
        if not host:
            return False
        hosts = self.hosts
        if isinstance(hosts, tuple):  # hashable, so cached (a plugin may have given a list)
            try:
                return _on_hosts(host, hosts)
            except TypeError:  # something unhashable inside: the plain way raises what it raised
                pass
        return any(host == h or host.endswith("." + h) for h in hosts)

    def score(self, source: Source) -> float:
        """0.9 by URL or canonical host, 0.8 by site name, 0.6 by a text copy's byline/dateline/URL, else 0."""
        if self.on_host(host_of(source.url)):
            return 0.9
        if source.is_html:
            host, site = page_host(source.text)
            if self.on_host(host):
                return 0.9
            if site and self.outlet_names is not None and self.outlet_names.search(site):
                return 0.8
            if host is None and site is None and any(marker in source.text for marker in self.page_markers):
                return 0.3
            return 0.0
        if self.outlet_names is not None and layout.analyse(source.text, source.title).names_outlet(self.outlet_names):
            return 0.6
        return 0.0

    def parse(self, source: Source) -> Document:
        """A page through the recipe, a text copy through the layout rules."""
        if source.is_html:
            return parse_article(source, name=self.name, recipe=self.recipe)
        return layout.document_from_text(source, name=self.name)


def scores_by_host_only(parser: Parser) -> bool:
    """Whether ``parser`` scores text copies exactly as `OutletParser` does (neither its
    ``score`` nor its ``on_host`` is overridden), so `text_host_score` can stand in for it."""
    try:
        cls = type(parser)
        own = getattr(parser, "__dict__", {})
        return (
            cls.score is OutletParser.score and getattr(cls, "on_host", None) is OutletParser.on_host
            and "score" not in own and "on_host" not in own
        )
    except Exception:  # an odd plugin: its own score will be called
        return False


def names_no_outlet(source: Source) -> bool:
    """Whether the layout of a plain-text ``source`` names no outlet at all: no byline
    outlet, no dateline, no URL line.

    Then `OutletParser.score` can only score the copy by its URL's host: the test is
    made once per copy instead of once per outlet parser (see `text_host_score`).
    """
    parts = layout.analyse(source.text, source.title)
    byline = parts.byline
    return not ((byline is not None and byline.outlet) or parts.dateline or parts.urls)


def text_host_score(parser: OutletParser, host: str | None) -> float:
    """`OutletParser.score` of a plain-text copy whose URL's host is ``host`` and for which
    `names_no_outlet` holds: 0.9 on the parser's hosts, else 0 (``names_outlet`` cannot
    be true for a layout that names no outlet)."""
    return 0.9 if parser.on_host(host) else 0.0
