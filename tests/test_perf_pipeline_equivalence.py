"""The fast paths of the pipeline give exactly what the plain code they replace gave.

Each fast path (a pre-test, a regex rewritten to open with a literal, a hand-written
converter) is checked against the original formulation, kept here as the reference.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import cattrs
from cattrs.gen import make_dict_unstructure_fn
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import VIETNAMESE, documents

from diplomacy_corpus import convert, layout
from diplomacy_corpus.htmlpage import host_of
from diplomacy_corpus.interfaces import _HTML_SNIFF, looks_like_html
from diplomacy_corpus.models import Actor, Document, Event, Metric, PartialDate, Span

# Words, marks and spacing that the layout rules look for, mixed into random text.
_PIECES = [
    "Ảnh", "ẢNH", "Nguồn", "NGUỒN", "Photo", "Video", "Clip", "họa", "Infographic", "ồ", "ọ", "f", "Ả",
    "xem thêm", "Xem thêm", "XEM  THÊM", "xEm ThÊm", "QUAN", "thêm", "quan", "\u00a0", "\u2003",
    "đọc thêm", "Tin liên quan", "tin  liên\tquan", "liên quan", ":", " : ",
    ">>", ". ", "! ", "? ", "” ", '" ', "… ", "  ", "\t", " \t ", "(", "“", "TP. ", "Ông ", "Hà Nội", "ı", "İ",
]
_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet=VIETNAMESE + " .,:!?\t", max_size=8)),
                 max_size=30).map("".join)


def _old_has_credit_word(text: str) -> bool:
    return (
        "Ảnh" in text or "ẢNH" in text or "Nguồn" in text or "NGUỒN" in text or "Photo" in text
        or "Video" in text or "Clip" in text or "họa" in text or "Infographic" in text
    )


_OLD_RELATED_TAIL = re.compile(
    r"(?<=[.!?”\"])\s*(?:>>+\s*)?(?:xem\s+thêm|đọc\s+thêm|tin\s+liên\s+quan)\s*:\s*(?P<rest>.*)$", re.IGNORECASE
)
_OLD_SENTENCE_BREAK = re.compile(r"(?<=[.!?…”\"])\s+(?=[\"“(]?" + layout._UP + ")")


@settings(max_examples=400)
@given(_text)
def test_credit_word_pre_test(text: str) -> None:
    assert layout._has_credit_word(text) == _old_has_credit_word(text)


@settings(max_examples=400)
@given(_text)
def test_related_tail(text: str) -> None:
    old = _OLD_RELATED_TAIL.search(text) if layout._has_related_words(text) else None
    new = layout._related_tail(text)
    assert (old is None) == (new is None)
    if old and new:
        assert (old.start(), old.end(), old.group("rest")) == (new.start("tail"), new.end(), new.group("rest"))


@settings(max_examples=400)
@given(_text)
def test_sentence_breaks(text: str) -> None:
    old = [(m.start(), m.end()) for m in _OLD_SENTENCE_BREAK.finditer(text)]
    assert old == [(m.start("gap"), m.end()) for m in layout._SENTENCE_BREAK.finditer(text)]


@settings(max_examples=400)
@given(_text)
def test_collapse_blanks(text: str) -> None:
    assert layout._collapse_blanks(text) == re.sub(r"[ \t]{2,}", " ", text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["<", "<div ", "<p>", "<HTML>", "x", "ạ", " ", "\n"]), max_size=20).map("".join))
def test_html_sniff(text: str) -> None:
    assert looks_like_html(text) == bool(_HTML_SNIFF.search(text[:4096]))


def _old_host_of(url: str | None) -> str | None:
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


_url_part = st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "//", "www.", "WWW.", "Báo.vn", "a", "B",
                             "-", ".", "1", ":", "80", "@", "/", "?", "#", "[", "]", "::1", " ", "\t", "\n", "%", "ạ"])


@settings(max_examples=500)
@given(st.lists(_url_part, max_size=10).map("".join))
def test_host_of(url: str) -> None:
    host_of.cache_clear()
    assert host_of(url) == _old_host_of(url)


def test_host_of_common_urls() -> None:
    for url in ("http://www.baomoi.com/a/c/21395276.epi", "https://VnExpress.net/x", "https://baochinhphu.vn",
                "https://tuoitre.vn?x=1", "http://user@host.vn/", "http://host.vn:8080/", "http://[::1]/"):
        assert host_of(url) == _old_host_of(url)


def _generated_converter() -> cattrs.Converter:
    """The converter as it was: cattrs-generated functions for every model."""
    converter = cattrs.Converter(forbid_extra_keys=False)
    converter.register_unstructure_hook(PartialDate, lambda d: d.isoformat())
    metric_base = make_dict_unstructure_fn(Metric, converter)

    def metric(value: Metric) -> dict:
        data = metric_base(value)
        data["value"] = convert._number(value.value)
        return data

    converter.register_unstructure_hook(Metric, metric)
    for cls in (Span, Actor, Event, Document):
        converter.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, converter))
    return converter


_GENERATED = _generated_converter()


def test_the_hand_written_converter_is_in_use() -> None:
    # If this fails, a model's fields changed: update convert._FIELDS and the functions.
    assert convert.FAST_UNSTRUCTURE


@settings(max_examples=150)
@given(documents())
def test_hand_written_converter_matches_the_generated_one(document: Document) -> None:
    fast = convert.document_to_dict(document)
    generated = _GENERATED.unstructure(document)
    assert fast == generated
    assert repr(fast) == repr(generated)  # same key order, same types (int vs float)


def test_metric_values_keep_their_form() -> None:
    for value in (1.0, 1.5, -0.0, 1e300, 2.0**63, 12345678901.0):
        metric = Metric(id="m1", kind="count", value=value, unit="count")
        assert repr(convert._metric_to_dict(metric)) == repr(_GENERATED.unstructure(metric))



def _old_sentence_start(text: str, before: int, floor: int = 0) -> int:
    best = floor
    segment = text[floor:before].rstrip()
    for m in _OLD_SENTENCE_BREAK.finditer(segment):
        if m.end() >= len(segment):
            continue
        if layout._ABBREV.search(segment[max(0, m.start() - 6):m.start()]):
            continue
        best = floor + m.end()
    return best


@settings(max_examples=500)
@given(_text, st.integers(0, 200), st.integers(0, 200), st.integers(0, 60))
def test_sentence_start_within_reach(text: str, before: int, floor: int, reach: int) -> None:
    before = min(before, len(text))
    floor = min(floor, before)

    def kept(cap_start: int) -> int:  # what split_inline_captions keeps of a beginning
        return before if before - cap_start > reach else cap_start

    assert layout._sentence_start(text, before, floor) == _old_sentence_start(text, before, floor)
    assert kept(layout._sentence_start(text, before, floor, reach)) == kept(_old_sentence_start(text, before, floor))


def test_sentence_start_with_every_reach() -> None:
    # Runs of spaces across the edge of the reach, abbreviations, quotes: every split.
    for text in ("Ông A.   Bà B nói.      “Câu C.” Ảnh: TTXVN", "TP. Hà Nội.  \t Đây. Ba.\n\n Bốn (Ảnh: X)",
                 "a.    B.     C.      D"):
        for before in range(len(text) + 1):
            for floor in range(before + 1):
                old = _old_sentence_start(text, before, floor)
                for reach in range(before - floor + 2):
                    new = layout._sentence_start(text, before, floor, reach)
                    assert (before if before - new > reach else new) == (before if before - old > reach else old)


def test_related_tails_written_by_hand() -> None:
    for text in ("Hai bên ký kết. Xem thêm: Thủ tướng tiếp Đại sứ", "Kết thúc.” >> Tin liên quan : Hội đàm",
                 "Hết.   XEM\u00a0THÊM \u2003:  Tin khác", "Không có dấu xem thêm: gì", "A. đọc thêm", "A. quan:",
                 "Câu: một. Xem thêm: hai. Tin liên quan: ba", "thêm: đầu. Xem   thêm  :", "Một. Tin liên  quan: x"):
        old = _OLD_RELATED_TAIL.search(text) if layout._has_related_words(text) else None
        new = layout._related_tail(text)
        assert (old is None) == (new is None), text
        if old and new:
            assert (old.start(), old.group("rest")) == (new.start("tail"), new.group("rest"))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Theo ", "Trần", " Mạnh", "/", " / ", " - ", " – ", "baochinhphu.vn", "VOV", "(TTXVN)",
                                 " ", "BẢO MINH", "Ảnh: ", "và", ","]), max_size=8).map("".join))
def test_byline_split_pre_test(text: str) -> None:
    body = text.strip()
    pre_tested = layout._BYLINE_SPLIT.split(body) if "/" in body or "-" in body or "–" in body else [body]
    assert pre_tested == layout._BYLINE_SPLIT.split(body)


@settings(max_examples=150)
@given(documents())
def test_the_jsonl_encoder_writes_what_json_dumps_writes(document: Document) -> None:
    from diplomacy_corpus.default_plugins import json_exporter

    data = convert.document_to_dict(document)
    expected = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    assert json_exporter._encode_compact(data) == expected
    assert json_exporter._encode_compact is not json_exporter._COMPACT.encode  # the fast path is in use


def test_outlet_hosts_given_as_a_list_still_match() -> None:
    from diplomacy_corpus.htmlpage import OutletParser

    class ListHosts(OutletParser):
        name = "list-hosts"
        hosts = ["bao.vn"]  # type: ignore[assignment]  # noqa: RUF012 - a plugin may do this

    parser = ListHosts()
    assert parser.on_host("www.bao.vn") and parser.on_host("bao.vn") and not parser.on_host("khac.vn")
