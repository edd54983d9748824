"""Plain-text layout of news copies: headline, lead, body, captions, bylines, related news.

Articles reach users as plain text in a few common layouts: a headline line, a lead
(sapo) paragraph and the body, one paragraph a line; or the same with the body
flattened onto one line (crawler exports). Around the body sit things that must never
be mined for actors, events or metrics: photo captions and credits
(``Ảnh: Thống Nhất/TTXVN``, ``Ảnh VGP/Hải Minh``, ``... (Nguồn: Reuters) |``), bylines
(``Theo Trần Mạnh/baochinhphu.vn``, ``Nguyễn Hồng Điệp (TTXVN)``), URL lines, agency
tags (``(Hết)``) and "related news" blocks (``Tin Liên Quan``, ``Xem thêm``).

[`analyse`][diplomacy_corpus.layout.analyse] splits a text into those parts once (the
result is cached, so a parser's ``score`` and ``parse`` can both call it cheaply);
[`document_from_text`][diplomacy_corpus.layout.document_from_text] turns the parts into
a [`Document`][diplomacy_corpus.Document]. The smaller predicates (captions, credits,
bylines, URL lines, headlines) are public too, for parser authors who lay out text
their own way.

Example:
    >>> from diplomacy_corpus import layout
    >>> copy = "Tiêu đề bài báo về ngoại giao\\nChiều 5/3, hai bên hội đàm.\\nTheo Trần Mạnh/baochinhphu.vn"
    >>> parts = layout.analyse(copy)
    >>> parts.title, parts.author, parts.byline.outlet
    ('Tiêu đề bài báo về ngoại giao', 'Trần Mạnh', 'baochinhphu.vn')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

import attrs

from .interfaces import Source
from .models import Document

__all__ = [
    "Byline",
    "TextLayout",
    "analyse",
    "date_line",
    "document_from_text",
    "find_credit",
    "is_agency_tag",
    "is_caption_line",
    "is_related_heading",
    "is_url_line",
    "looks_like_headline",
    "parse_byline",
    "split_inline_captions",
    "split_trailing_byline",
]

_UPPER = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ"
_UP = f"[{_UPPER}]"

#: Outlets and agencies that appear in bylines and credits (matched case-insensitively).
_OUTLET_WORDS = (
    r"TTXVN|TTX|VNA|VOV(?:\.VN)?|VTV|VnExpress|VNE|Tin\s*Tức|Vietnam\+|VietnamPlus|BNEWS|"
    r"Chinhphu\.vn|VGP(?:\s*News)?|baochinhphu\.vn|Báo\s*Chính\s*phủ|Báo\s*Quốc\s*tế|TG&VN|"
    r"Thế\s*giới\s*(?:&|và)\s*Việt\s*Nam|Nhân\s*Dân|NDĐT|Tuổi\s*Trẻ|TTO|Thanh\s*Niên|QĐND|"
    r"Dân\s*trí|Zing|VietNamNet|Reuters|AFP|AP|Xinhua|Kyodo|Yonhap|Sputnik|TASS|Bernama|EPA|"
    r"Getty(?:\s*Images)?|CNN|BBC|Bloomberg|DCSVN|dangcongsan\.vn|T/h|Tổng\s*hợp"
)
_OUTLET_RE = re.compile(
    rf"(?:(?:Báo|Đài|Tạp\s+chí|Báo\s+điện\s+tử)\s+)?(?:{_OUTLET_WORDS}|[\w.-]+\.(?:vn|net|com|org)(?:\.vn)?)",
    re.IGNORECASE,
)

# "Tin Liên Quan", "Tin liên quan:", "Xem thêm", "Đọc thêm", "Bài liên quan", ...
_RELATED_HEADING = re.compile(
    r"(?:tin|bài|video)\s+(?:liên\s+quan|cùng\s+chuyên\s+mục|khác|đọc\s+nhiều|mới(?:\s+nhất)?|nổi\s+bật|đã\s+đưa)"
    r"|(?:xem|đọc)\s+thêm|có\s+thể\s+bạn\s+quan\s+tâm|bạn\s+có\s+thể\s+quan\s+tâm|các\s+tin\s+khác",
    re.IGNORECASE,
)
_RELATED_LINE = re.compile(rf"^(?:{_RELATED_HEADING.pattern})\s*:?\s*$", re.IGNORECASE)
_RELATED_PREFIX = re.compile(r"^(?:>>+\s*)?(?:xem\s+thêm|đọc\s+thêm|tin\s+liên\s+quan)\s*:\s*(?P<rest>\S.*)$",
                             re.IGNORECASE)
# The tail starts after the punctuation (group ``tail``). Matching the punctuation rather
# than looking behind at it finds the same tail about three times faster: the regex
# engine then skips to the next punctuation mark instead of trying every position.
_RELATED_TAIL = re.compile(
    r"[.!?”\"](?P<tail>\s*(?:>>+\s*)?(?:xem\s+thêm|đọc\s+thêm|tin\s+liên\s+quan)\s*:\s*(?P<rest>.*))$", re.IGNORECASE
)

_URL_LINE = re.compile(r"^(?:\(?(?:nguồn|link|url)\s*:\s*)?(?P<url>(?:https?://|www\.)\S+?)\)?$", re.IGNORECASE)
_AGENCY_TAG = re.compile(r"^(?:[-–(\[]*\s*(?:hết|end)\s*[-–)\]]*|/\.|\.?/\.|\*+|-{2,}|_{2,})$", re.IGNORECASE)
_TAIL_TAG = re.compile(r"\s*[-–]?\s*\((?:Hết|HẾT|hết)\)\s*[-–]?\s*$")

# A credit at the end of a caption: "Ảnh: Thống Nhất/TTXVN", "Ảnh VGP/Hải Minh",
# "(Nguồn: Reuters) |", "(Ảnh: TTXVN)", "Ảnh minh họa", "Ảnh: TTXVN phát".
_CREDIT_MARK = (
    r"(?:Ảnh|ẢNH|Nguồn|NGUỒN|Photo|Video|Clip|Đồ\s*họa|Infographic)"
    r"(?:\s+(?:minh\s+họa|tư\s+liệu|chụp\s+màn\s+hình))?"
)
_CREDIT_END = re.compile(
    rf"(?:^|(?<=\s)|(?<=[.!?)…”\"(]))\(?\s*{_CREDIT_MARK}(?:\s*:\s*|\s+(?=\S*/|[A-Z]{{2,}}\b)|\s*(?=\)))"
    r"(?P<who>[^()|\n]{0,70}?)\s*\)?\s*\|?\s*$"
)
# ("Ả" first: a regex that opens with a literal character skips ahead to it)
_INLINE_CREDIT_PLAIN = re.compile(r"Ả(?:nh|NH)(?:\s*:\s*|\s+(?=[^\s/]+/))")


def _has_credit_word(text: str) -> bool:
    # plain substring tests: far faster than a regular expression alternation on long bodies;
    # a word with a rare letter is looked for only when the letter is there (a test for
    # one character costs an eighth of a test for a word)
    return (
        ("Ả" in text and ("Ảnh" in text or "ẢNH" in text)) or ("ồ" in text and "Nguồn" in text)
        or ("Ồ" in text and "NGUỒN" in text) or "Photo" in text or "Video" in text or "Clip" in text
        or ("ọ" in text and "họa" in text) or ("f" in text and "Infographic" in text)
    )
_PAREN_CREDIT = re.compile(rf"\(\s*{_CREDIT_MARK}\s*:[^()\n]{{1,80}}\)\s*\|?")

_DATE_LINE = re.compile(
    r"(?:(?:cập nhật|đăng|ngày đăng|xuất bản|đăng lúc|ngày)\s*:?\s*)?(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?"
    r"(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?:\s*[,|-]?\s*(?:lúc\s*)?(?P<H>\d{1,2})[:h](?P<M>\d{2}))?"
    r"|(?P<H2>\d{1,2})[:h](?P<M2>\d{2})\s*[,|-]?\s*(?:ngày\s*)?(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4}))"
    r"\s*(?:\(?\s*GMT\s*\+\s*7\s*\)?)?\s*$",
    re.IGNORECASE,
)
_VIETNAM = timezone(timedelta(hours=7))
_SENTENCE_END = re.compile(r"[.!?…:;]\s*$|/\.\s*$")
# The break is the ``gap`` group, after the punctuation: matched rather than looked behind
# at, the punctuation lets the regex engine skip ahead (twice as fast on long paragraphs).
_SENTENCE_BREAK = re.compile(r"[.!?…”\"](?P<gap>\s+)(?=[\"“(]?" + _UP + ")")
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|TT|TS|ThS|PGS|GS|Mr|Mrs|Ms|Dr|St|Th|Q|P|Ng|BS)|\b" + _UP + r")\.$")

# Words that open a sentence and are never the last syllable of a photographer's name.
_OPENER_WORDS = (
    "Ông Bà Anh Chị Thủ Tổng Chủ Bộ Phó Ngày Sáng Chiều Tối Trưa Đêm Hôm Theo Tại Trong Nhận Nhân Phát "
    "Sau Trước Đây Khi Các Những Hai Ba Đoàn Cuộc Lễ Hội Việc Với Về Để Từ Vào Tiếp Cùng Trên Dưới Đại "
    "Thượng Chính Quốc Ủy Ban Đồng Tuy Mặc Do Vì Nếu Hiện Năm Tháng Tuần Thay Đặc Nhiều Một Mỗi Bên "
    "Tin Bài The A In On"
)
_OPENERS = frozenset(_OPENER_WORDS.split())
_LEAD_OPENING = re.compile(
    r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Theo|Tại|Trong|Nhận lời|Nhân dịp|Vừa qua)\b|.{0,40}\b\d{1,2}[/-]\d{1,2}\b"
)
_BYLINE_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,40})\)\s*$")
_BYLINE_SPLIT = re.compile(r"\s*/\s*|\s+[-–]\s+(?=\S*(?:\.vn|\.net|\.com)\b)")
_NAME_WORD = re.compile(rf"^(?:{_UP}[\w'’.-]*|[A-Z]{{2,}})$")
_BYLINE_OPENER = re.compile(
    r"^(?:Theo|Nguồn|(?:Tin|Bài|Ảnh|Video)(?:\s*(?:,|và)\s*(?:tin|bài|ảnh|video))*)\s*:?\s+", re.IGNORECASE
)
_BYLINE_PLACE = re.compile(r"(?:từ|tại|phóng viên|PV|tổng hợp|gửi từ|theo)\b", re.IGNORECASE)
_BYLINE_LINE = re.compile(r"(?:Theo|Nguồn)\b")
_WORD = re.compile(r"\S+")
_BLANKS = re.compile(r"[ \t]{2,}")
_SPACES = re.compile(r"  +")


def _collapse_blanks(text: str) -> str:
    """Runs of spaces and tabs as one space.

    Text without tabs (nearly all) has its runs of spaces found with ``str.find``, several
    times faster than even a regex that opens with the two spaces.
    """
    if "\t" in text:
        return _BLANKS.sub(" ", text)
    run = text.find("  ")
    if run < 0:
        return text
    pieces: list[str] = []
    kept = 0
    length = len(text)
    while run >= 0:
        end = run + 2
        while end < length and text[end] == " ":
            end += 1
        pieces.append(text[kept:run + 1])  # up to and with the run's first space
        kept = end
        run = text.find("  ", end)
    pieces.append(text[kept:])
    return "".join(pieces)


@attrs.define(frozen=True, kw_only=True)
class Byline:
    """A byline split into the writer and the outlet it names.

    ``Theo Trần Mạnh/baochinhphu.vn`` is ``Byline(author="Trần Mạnh", outlet="baochinhphu.vn")``;
    ``TTXVN/Tin Tức`` names outlets only (``author`` is None).
    """

    raw: str
    """The byline as written."""
    author: str | None = None
    """The writer's name (``Trần Mạnh``, ``BẢO MINH - TRẦN BÌNH``), or None."""
    outlet: str | None = None
    """The outlet or agency it names (``baochinhphu.vn``, ``TTXVN``, ``VOV``), or None."""


@attrs.define(frozen=True, kw_only=True)
class TextLayout:
    """The parts of a plain-text news copy, as [`analyse`][diplomacy_corpus.layout.analyse] found them."""

    title: str | None = None
    """The headline, or None when the text opens without one."""
    lead: str | None = None
    """The lead paragraph (the first paragraph after the headline), or None."""
    body: tuple[str, ...] = ()
    """Body paragraphs after the lead, in order (subheadings kept)."""
    captions: tuple[str, ...] = ()
    """Photo captions with their credits, taken out of the body."""
    related: tuple[str, ...] = ()
    """Lines of "related news" blocks (headlines and teasers)."""
    byline: Byline | None = None
    """The byline, when one was found (at the end, or a ``Theo ...`` line)."""
    urls: tuple[str, ...] = ()
    """URLs given on lines of their own, in order."""
    dateline: str | None = None
    """An agency dateline that opened the body (``Hà Nội (TTXVN) -``), removed from it."""
    published: str | None = None
    """Publication time from a date line of its own (``Thứ Ba, 05/03/2024 17:30``), ISO 8601 in
    Vietnam time (``2024-03-05T17:30:00+07:00``), or None."""

    @property
    def author(self) -> str | None:
        """The byline's author, or None."""
        return self.byline.author if self.byline else None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Headline, lead and body: the paragraphs extraction reads."""
        head = tuple(p for p in (self.title, self.lead) if p)
        return head + self.body

    @property
    def text(self) -> str:
        """The paragraphs joined by blank lines (``Document.text``)."""
        return "\n\n".join(self.paragraphs)

    def names_outlet(self, pattern: re.Pattern[str]) -> bool:
        """Whether the byline, a URL line or the dateline names an outlet matching ``pattern``."""
        byline = self.byline
        if byline is not None and byline.outlet and pattern.search(byline.outlet):
            return True
        if self.dateline and pattern.search(self.dateline):
            return True
        return bool(self.urls) and any(pattern.search(url) for url in self.urls)


# -- predicates ------------------------------------------------------------------------


def is_url_line(line: str) -> str | None:
    """The URL when ``line`` is nothing but a URL (``http://baochinhphu.vn/.../414748.vgp``), else None."""
    m = _URL_LINE.match(line.strip())
    return m.group("url") if m else None


def is_agency_tag(line: str) -> bool:
    """Whether ``line`` is an end-of-copy tag such as ``(Hết)``, ``/.`` or ``***``."""
    return bool(_AGENCY_TAG.match(line.strip()))


def date_line(line: str) -> str | None:
    """The time of a line that holds nothing but a publication date, as ISO 8601 (``+07:00``).

    ``Thứ Ba, 05/03/2024 17:30``, ``Cập nhật: 17:30 05/03/2024``, ``05/03/2024 | 17:30 GMT+7``
    and ``Ngày đăng: 05/03/2024`` are date lines; a sentence holding a date is not.
    """
    m = _DATE_LINE.match(line.strip())
    if not m:
        return None
    try:
        day, month, year = int(m.group("d") or m.group("d2")), int(m.group("m") or m.group("m2")), int(
            m.group("y") or m.group("y2"))
        hour, minute = m.group("H") or m.group("H2"), m.group("M") or m.group("M2")
        if hour is None:
            return datetime(year, month, day).date().isoformat()
        return datetime(year, month, day, int(hour), int(minute), tzinfo=_VIETNAM).isoformat()
    except ValueError:
        return None


def is_related_heading(line: str) -> bool:
    """Whether ``line`` opens a "related news" block (``Tin Liên Quan``, ``Xem thêm:``)."""
    return bool(_RELATED_LINE.match(line.strip()))


def is_caption_line(line: str, *, max_length: int = 400) -> bool:
    """Whether a whole line is a photo caption: short and ending with a credit.

    ``Tổng Bí thư Tô Lâm điện đàm với Tổng thống Donald Trump. Ảnh: Thống Nhất/TTXVN``,
    ``... tại London. (Nguồn: AFP/TTXVN)``, ``... Ảnh VGP/Hải Minh`` and
    ``... (Nguồn: Reuters) |`` are captions; a sentence citing ``(Nguồn: Bộ Công Thương).``
    is not (it ends with a full stop).
    """
    line = line.strip()
    if not line or len(line) > max_length:
        return False
    if not _has_credit_word(line[-110:]):
        return False
    m = _CREDIT_END.search(line, max(0, len(line) - 110))
    if not m:
        return False
    who = m.group("who").strip()
    words = who.split()
    if ". " in who or len(words) > 8:
        return False
    if sum(1 for word in words if word[:1].islower() and not _OUTLET_RE.fullmatch(word)) > 1:
        return False  # "Clip: Sư tử bị ngựa vằn đá" is a headline, not a credit
    return not who or who[0].isupper() or who[0].isdigit() or "/" in who or bool(_OUTLET_RE.match(who))


def find_credit(text: str, start: int = 0) -> tuple[int, int] | None:
    """The next inline photo credit in ``text`` from ``start``, as ``(start, end)`` offsets.

    Finds ``(Nguồn: AFP/TTXVN)``, ``(Ảnh: Thống Nhất/TTXVN)`` and unbracketed
    ``Ảnh: Nhan Sáng - TTXVN``, ``Ảnh: VGP/Quang Hiếu``, ``Ảnh:Pappastpost`` in flattened
    text, where the next sentence follows the credit on the same line. The end of an
    unbracketed credit is found from its shape: an agency after ``/`` or `` - `` ends it,
    and so does a word that opens a sentence (``Ngày``, ``Ông``, ``Nhận`` ...).
    """
    while True:
        m = _PAREN_CREDIT.search(text, start)
        p = _INLINE_CREDIT_PLAIN.search(text, start)
        if m and (not p or m.start() <= p.start()):
            if text[m.end():m.end() + 3].lstrip()[:1] in {".", ",", ";", ":"}:
                start = m.end()  # "(Nguồn: Tổng cục Hải quan)." cites data inside a sentence
                continue
            return m.start(), m.end()
        if not p:
            return None
        before = text[p.start() - 1] if p.start() else " "
        if before.isalnum() or before == "(":
            start = p.end()  # "(Ảnh: ...)" is the bracketed form; "xẢnh" is no credit
            continue
        end = _credit_extent(text, p.end())
        if end > p.end():
            return p.start(), end
        start = p.end()


def _credit_extent(text: str, pos: int) -> int:
    """End offset of an unbracketed credit whose name starts at ``pos``."""
    words = list(_WORD.finditer(text[pos:pos + 120]))
    end = pos
    syllables = 0
    after_separator = False
    for index, word in enumerate(words):
        token = word.group(0)
        nxt = words[index + 1].group(0) if index + 1 < len(words) else ""
        bare = token.rstrip(".,;)")
        if token in {"-", "–", "/"}:
            after_separator = True
            end = pos + word.end()
            continue
        if "/" in bare:
            parts = [part for part in bare.split("/") if part]
            end = pos + word.start() + len(bare)
            if parts and (_OUTLET_RE.fullmatch(parts[-1]) or bare != token or not parts[-1][:1].isupper()):
                if bare == token and nxt == "phát":
                    return pos + words[index + 1].end()  # "Ảnh: Minh Khánh/TTXVN phát"
                return end  # NAME/AGENCY, or "Shutterstock/reptiles4all." closed by punctuation
            syllables = 1  # AGENCY/NAME: the name continues
            after_separator = True
            continue
        if syllables == 0 and index == 0 and bare.lower() in {"ttxvn", "vgp", "internet", "tư", "minh"}:
            end = pos + word.start() + len(bare)
            if nxt == "phát":
                return pos + words[index + 1].end()
            continue
        if not _NAME_WORD.match(bare):
            break
        if syllables == 0 and not after_separator and nxt not in {"-", "–", "/"} and "/" not in nxt and (
            _OUTLET_RE.fullmatch(bare) or (bare.isupper() and len(bare) >= 2 and not nxt.isupper())
        ):
            return pos + word.start() + len(bare)  # "Ảnh: Reuters", "Ảnh: SCMP"
        continues = nxt in {"-", "–", "/"}  # "Nhan Sáng - TTXVN": the name runs on to an agency
        if syllables and not continues and (bare in _OPENERS or (syllables >= 2 and nxt[:1].islower())
                                            or syllables >= 4):
            break
        if syllables == 0 and bare in _OPENERS and index > 0:
            break
        if after_separator and _OUTLET_RE.fullmatch(bare):
            return pos + word.start() + len(bare)  # NAME - AGENCY
        syllables += 1
        end = pos + word.start() + len(bare)
        if bare != token:  # punctuation closes the credit
            break
    return end


def _sentence_start(text: str, before: int, floor: int = 0, reach: int | None = None) -> int:
    """Offset where the sentence that ends at ``before`` begins (not before ``floor``).

    With ``reach``, a beginning more than ``reach`` characters before ``before`` is of no
    use to the caller: then ``floor`` is returned, and only the end of the text is read.
    """
    best = floor
    segment = text[floor:before].rstrip()
    pos = before - reach - floor - 1 if reach is not None else 0
    # A break is a mark and the run of spaces after it, wherever the search starts, unless
    # it starts inside such a run: back up to the character before the run.
    while 0 < pos < len(segment) and segment[pos].isspace():
        pos -= 1
    # skip the full stop that ends the caption sentence itself
    for m in _SENTENCE_BREAK.finditer(segment, max(0, pos)):
        if m.end() >= len(segment):
            continue
        gap = m.start("gap")
        if _ABBREV.search(segment[max(0, gap - 6):gap]):
            continue
        best = floor + m.end()
    return best


def split_inline_captions(paragraph: str, *, floor: int = 0) -> tuple[str, list[str]]:
    """Take photo captions out of a paragraph of flattened text.

    Each credit found by [`find_credit`][diplomacy_corpus.layout.find_credit] is removed
    with the sentence just before it (the caption it credits).

    Returns:
        The paragraph without captions, and the captions (caption sentence + credit).
    """
    captions: list[str] = []
    # find_credit finds a bracketed credit or one that opens with "Ảnh"/"ẢNH": a paragraph
    # with neither has no caption to take out (a one-character test and a regex that skips
    # from one "(" to the next, far cheaper than eight word tests over the paragraph).
    if "Ả" not in paragraph and _PAREN_CREDIT.search(paragraph) is None:
        return paragraph, captions
    pieces: list[str] = []
    cursor = 0
    search = 0
    while True:
        found = find_credit(paragraph, search)
        if not found:
            break
        start, end = found
        cap_start = _sentence_start(paragraph, start, cursor, reach=400)
        if start - cap_start > 400:
            cap_start = start  # too long for a caption: take the credit only
        captions.append(paragraph[cap_start:end].strip())
        pieces.append(paragraph[cursor:cap_start])
        while end < len(paragraph) and paragraph[end] in ".,;|":
            end += 1  # "Ảnh: Shutterstock/reptiles4all." leaves no stray full stop behind
        cursor = search = end
    if not captions:
        return paragraph, captions
    pieces.append(paragraph[cursor:])
    cleaned = _collapse_blanks("".join(pieces)).strip()
    return cleaned, captions


def parse_byline(text: str) -> Byline | None:
    """Read a byline: ``Theo Trần Mạnh/baochinhphu.vn``, ``Nguyễn Hồng Điệp (TTXVN)``,
    ``Vũ Dũng/VOV``, ``QV (TTXVN)``, ``TTXVN/Tin Tức``, ``VnExpress``, ``BẢO MINH - TRẦN BÌNH``,
    ``Thanh Tuấn (từ Washington DC)``.

    Returns:
        The byline, or None when ``text`` does not look like one (lower-case words, too
        long, a sentence).
    """
    raw = " ".join(text.split()).strip(" -–—,;")
    if not raw or len(raw) > 90:
        return None
    body = _BYLINE_OPENER.sub("", raw)
    outlet: str | None = None
    paren = _BYLINE_PAREN.search(body) if ")" in body else None  # (the regex tries every position)
    if paren:
        inner = paren.group("inner").strip()
        if _OUTLET_RE.fullmatch(inner):
            outlet = inner
        elif inner.lower().startswith("theo "):
            outlet = inner[5:].strip()
        elif not _BYLINE_PLACE.match(inner):
            return None
        body = body[:paren.start()].strip()
    # (the separators hold a "/" or a dash; most bylines have neither, and no regex is run)
    pieces = _BYLINE_SPLIT.split(body) if "/" in body or "-" in body or "–" in body else [body]
    parts = [part.strip() for part in pieces if part.strip()]
    names: list[str] = []
    for part in parts:
        m = _OUTLET_RE.match(part)
        if m and (m.end() == len(part) or part[m.end()] in "-–, "):
            outlet = outlet or part  # the whole part: "Tuổi trẻ & Đời sống" is not "Tuổi trẻ"
        elif _is_name(part):
            names.append(part)
        else:
            return None
    if not names and outlet is None:
        return None
    author = names[0] if names else None
    return Byline(raw=raw, author=author, outlet=outlet)


def _is_name(part: str) -> bool:
    words = part.replace(" - ", " ").replace(" – ", " ").replace(",", " ").split()
    if not 1 <= len(words) <= 8:
        return False
    return all(_NAME_WORD.match(word) or word in {"-", "–", "và"} for word in words)


def split_trailing_byline(paragraph: str) -> tuple[str, Byline | None]:
    """Split a byline off the end of a (flattened) last paragraph.

    ``... giữa hai nước./. Vũ Dũng/VOV`` gives ``("... giữa hai nước./.", Byline("Vũ Dũng", "VOV"))``.
    A paragraph that is nothing but a byline gives ``("", byline)``.
    """
    stripped = paragraph.rstrip()
    whole = parse_byline(stripped) if len(stripped) <= 90 else None
    if whole is not None and not _SENTENCE_END.search(stripped[-4:]):
        return "", whole
    window = max(0, len(stripped) - 100)
    tail_start = max(stripped.rfind("./.", window), stripped.rfind(". ", window), stripped.rfind("” ", window),
                     stripped.rfind('" ', window))
    if tail_start < 0:
        return paragraph, None
    cut = tail_start + (3 if stripped.startswith("./.", tail_start) else 1)
    tail = stripped[cut:].strip()
    if not tail or len(tail) > 90:
        return paragraph, None
    # "Việt Cường/VOV Việt Cường/VOV": the crawler doubled the byline
    half = tail[: len(tail) // 2].strip()
    if len(tail) > 8 and tail == f"{half} {half}":
        tail = half
    byline = parse_byline(tail)
    if byline is None:
        return paragraph, None
    return stripped[:cut].rstrip(), byline


def looks_like_headline(line: str, *, next_line: str | None = None) -> bool:
    """Whether ``line`` is a headline: short, one sentence, and not a caption.

    A headline ends without punctuation, with ``?``, ``!`` or a teaser ``...``; a short line
    ending with one full stop counts when a longer paragraph follows and it does not open
    like a lead (``Chiều 5/3, ...``). A long opening paragraph, a caption, a line ending with
    ``:``/``;``/``./.`` or holding two sentences is not a headline.
    """
    line = line.strip()
    if not 8 <= len(line) <= 220 or next_line is None:
        return False
    words = line.split()
    if len(words) < 3 or len(words) > 40:
        return False
    if line.endswith(".") and _two_sentences(line):
        return False
    if line.endswith(("...", "…")):
        return len(line) <= 160 and not is_caption_line(line)
    if line.endswith(".") and not line.endswith("/."):
        if len(line) > 120 or len(words) > 25 or len(next_line) <= len(line) or _LEAD_OPENING.match(line):
            return False
    elif _SENTENCE_END.search(line[-4:]) and not line.endswith(("?", "!")):
        return False
    return not is_caption_line(line)


def _two_sentences(line: str) -> bool:
    breaks = _SENTENCE_BREAK.finditer(line[:-1])
    return any(not _ABBREV.search(line[max(0, m.start("gap") - 6):m.start("gap")]) for m in breaks)


# -- the whole layout ---------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def analyse(text: str, title: str | None = None) -> TextLayout:
    """Split a plain-text news copy into headline, lead, body, captions, byline, URLs, related.

    Handles one paragraph a line and the crawler layout (headline, lead, body on one
    line). Results are cached by ``(text, title)``.

    Args:
        text: the copy.
        title: a headline given beside the text (JSON Lines ``title``); when given, the
            text's first line is dropped only if it repeats it.
    """
    if "\r" in text:  # rare; a one-character test is ten times cheaper than the replacement
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    # (the lines are stripped: the predicates' regexes are matched without their strip())
    related: list[str] = []
    related_heading = _RELATED_LINE.match
    for index, line in enumerate(lines):
        if related_heading(line):
            related = lines[index + 1:]
            lines = lines[:index]
            break
    captions: list[str] = []
    urls: list[str] = []
    published: str | None = None
    byline: Byline | None = None
    kept: list[str] = []
    url_line, agency_tag = _URL_LINE.match, _AGENCY_TAG.match
    for line in lines:
        url = url_line(line)
        if url:
            urls.append(url.group("url"))
            continue
        if agency_tag(line):
            continue
        if published is None and len(line) <= 70:
            stamp = date_line(line)
            if stamp:
                published = stamp
                continue
        m = _RELATED_PREFIX.match(line)
        if m:
            related.append(m.group("rest"))
            continue
        if is_caption_line(line):
            captions.append(line)
            continue
        if len(line) <= 90 and _BYLINE_LINE.match(line):
            candidate = parse_byline(line)
            if candidate is not None:
                byline = byline or candidate
                continue
        kept.append(line)
    # headline: judged against the copy's own second line, before captions are taken out
    head: str | None = None
    if title:
        head = title.strip()
        if kept and kept[0] == head:
            kept.pop(0)
    elif kept and lines and kept[0] is lines[0] and looks_like_headline(
        lines[0], next_line=kept[1] if len(kept) > 1 else (lines[1] if len(lines) > 1 else None)
    ):
        head = kept.pop(0)
    paragraphs: list[str] = []
    for line in kept:
        cleaned, found = split_inline_captions(line)
        captions.extend(found)
        m = _related_tail(cleaned)
        if m:
            rest = m.group("rest").strip()
            # in flattened text the body runs on after the related headline
            stop = _RELATED_END.search(rest, 0, 250)
            if stop:
                rest, more = rest[:stop.start()].strip(), rest[stop.end():].strip()
            else:
                more = ""
            if rest:
                related.append(rest)
            cleaned = (cleaned[:m.start("tail")].rstrip() + " " + more).strip()
        if cleaned:
            paragraphs.append(cleaned)
    # trailing tags and byline
    if paragraphs:
        last = paragraphs[-1]
        if "(" in last[-12:]:
            tag = _TAIL_TAG.search(last, max(0, len(last) - 16))
            if tag:
                last = last[:tag.start()]
        last, found_byline = split_trailing_byline(last)
        if found_byline is not None:
            byline = found_byline if byline is None or found_byline.author else byline
        if last:
            paragraphs[-1] = last
        else:
            paragraphs.pop()
    if byline is None and len(paragraphs) > 1 and len(paragraphs[-1]) <= 60:
        candidate = parse_byline(paragraphs[-1])
        if candidate is not None and not _SENTENCE_END.search(paragraphs[-1][-4:]):
            byline = candidate
            paragraphs.pop()
    dateline: str | None = None
    if paragraphs:
        m = _DATELINE.match(paragraphs[0])
        if m:
            dateline = m.group(0).strip()
            paragraphs[0] = paragraphs[0][m.end():]
    lead = paragraphs[0] if paragraphs else None
    if not _LAYOUT_SETTERS:
        return TextLayout(
            title=head, lead=lead, body=tuple(paragraphs[1:]), captions=tuple(captions),
            related=tuple(related), byline=byline, urls=tuple(urls), dateline=dateline,
            published=published,
        )
    # (TextLayout has no validators or converters: its slots are set as its __init__ would)
    parts: TextLayout = object.__new__(TextLayout)
    for setter, value in zip(_LAYOUT_SETTERS, (head, lead, tuple(paragraphs[1:]), tuple(captions), tuple(related),
                                               byline, tuple(urls), dateline, published), strict=True):
        setter(parts, value)
    return parts


_LAYOUT_FIELDS = ("title", "lead", "body", "captions", "related", "byline", "urls", "dateline", "published")
#: Setters of `TextLayout`'s slots in field order (empty should its fields change).
_LAYOUT_SETTERS = (
    tuple(TextLayout.__dict__[name].__set__ for name in _LAYOUT_FIELDS)
    if tuple(field.name for field in attrs.fields(TextLayout)) == _LAYOUT_FIELDS
    and all(hasattr(TextLayout.__dict__.get(name), "__set__") for name in _LAYOUT_FIELDS)
    else ()
)


_DATELINE = re.compile(
    rf"^(?:{_UP}[\w.]*(?:\s+{_UP}[\w.]*){{0,3}}\s*)?\(\s*(?:{_OUTLET_WORDS}|[\w.-]+\.vn)\s*\)\s*[-–—:]\s*"
    r"|^(?:TTO|TGVN|TG&VN|NDĐT|QĐND|TTXVN|VOV\.VN|VOV|VTV|VNA|Dân trí|Chinhphu\.vn|VGP|[A-Z][\w-]+\.vn)"
    r"\s*(?:[-–—]|\.(?=\s))\s*"
    # other outlets' tags ("PLO -", "SGGP Online -") only before a lead's usual opening
    r"|^(?:[A-ZĐ&]{2,7}(?:\s+Online)?|Online)\s*[-–—]\s*"
    r"(?=Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Theo|Tại|Trong|Rạng|Vừa|Mới|Sau|Trước|\d)",
)


_RELATED_END = re.compile(
    r"\s{2,}|(?<=[.!?])\s+(?=[" + _UPPER + r"])|(?<=.{20})\s(?=(?:Tuy nhiên|Trong khi|Sau đó|Trước đó|Ngoài ra|"
    r"Bên cạnh đó|Đồng thời|Theo|Ngày|Sáng|Chiều|Tối|Trưa|Hiện nay|Khi|Tại|Cũng|Còn|Nhưng|Mặc dù)\b)"
)


def _may_have_related_tail(text: str) -> bool:
    """Whether a colon in ``text`` follows "thêm" or "quan" (any case; spaces between).

    Without one, ``_RELATED_TAIL`` cannot match: a test ten times cheaper than the regex,
    whose search tries every full stop of a paragraph.
    """
    colon = text.find(":")
    while colon >= 0:
        end = colon
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if text[max(0, end - 4):end].lower() in ("thêm", "quan"):
            return True
        colon = text.find(":", colon + 1)
    return False


def _related_tail(text: str) -> re.Match[str] | None:
    """``_RELATED_TAIL`` in a paragraph that also holds the related words, else None."""
    if not _may_have_related_tail(text):
        return None
    m = _RELATED_TAIL.search(text)
    return m if m and _has_related_words(text) else None


def _has_related_words(text: str) -> bool:
    return (
        "thêm" in text or "Thêm" in text or "THÊM" in text or "liên quan" in text or "Liên quan" in text
        or "Liên Quan" in text or "LIÊN QUAN" in text
    )


def document_from_text(source: Source, *, name: str, section: str | None = None,
                       extra_captions: Iterable[str] = ()) -> Document:
    """A Document from a plain-text copy, laid out by [`analyse`][diplomacy_corpus.layout.analyse].

    Args:
        source: the input.
        name: the parser's name (it becomes ``Document.source``).
        section: the outlet's section, when the caller knows it.
        extra_captions: more captions to keep on the document.
    """
    parts = analyse(source.text, source.title)
    url = source.url or (parts.urls[0] if parts.urls else None)
    published = source.published or parts.published
    origin, title = source.origin, parts.title
    captions = (*parts.captions, *extra_captions)
    if (
        _FAST_DOCUMENT and type(origin) is str and type(name) is str and _opt_str(title) and _opt_str(url)
        and _opt_str(published) and _opt_str(section)
        and all(type(caption) is str for caption in captions[len(parts.captions):])
    ):
        # Every value is of its field's type (checked above, or made here as str and tuples
        # of str): the validators of the constructor would pass, so they are skipped.
        return _new_document(origin, name, title, parts.lead, url, parts.author, published, section, parts.text,
                             captions, parts.related)
    return Document(
        origin=origin, source=name, title=title, lead=parts.lead, url=url,
        author=parts.author, published=published, section=section, text=parts.text,
        captions=captions, related=parts.related,
    )


def _opt_str(value: object) -> bool:
    return value is None or type(value) is str


#: The fields of `Document`, in order, that `_new_document` sets (name, default).
_DOCUMENT_FIELDS = (
    ("origin", attrs.NOTHING), ("source", None), ("title", None), ("lead", None), ("url", None), ("author", None),
    ("published", None), ("section", None), ("language", "vi"), ("text", ""), ("captions", ()), ("related", ()),
    ("actors", ()), ("events", ()), ("metrics", ()),
)
#: True while `Document` has exactly those fields (and slots): then `_new_document` is used.
_FAST_DOCUMENT = (
    tuple((field.name, field.default) for field in attrs.fields(Document)) == _DOCUMENT_FIELDS
    and all(hasattr(Document.__dict__.get(name), "__set__") for name, _ in _DOCUMENT_FIELDS)
)
_SLOT_SETTERS = tuple(Document.__dict__[name].__set__ for name, _ in _DOCUMENT_FIELDS) if _FAST_DOCUMENT else ()


def _new_document(origin: str, source: str, title: str | None, lead: str | None, url: str | None,
                  author: str | None, published: str | None, section: str | None, text: str,
                  captions: tuple[str, ...], related: tuple[str, ...]) -> Document:
    """A Document from values of the right types, without the constructor's validators.

    The slots are set through the class's member descriptors (a fraction of the cost of
    the validating constructor, which a parser would pay for every copy).
    """
    (set_origin, set_source, set_title, set_lead, set_url, set_author, set_published, set_section, set_language,
     set_text, set_captions, set_related, set_actors, set_events, set_metrics) = _SLOT_SETTERS
    document: Document = object.__new__(Document)
    set_origin(document, origin)
    set_source(document, source)
    set_title(document, title)
    set_lead(document, lead)
    set_url(document, url)
    set_author(document, author)
    set_published(document, published)
    set_section(document, section)
    set_language(document, "vi")
    set_text(document, text)
    set_captions(document, captions)
    set_related(document, related)
    set_actors(document, ())
    set_events(document, ())
    set_metrics(document, ())
    return document
