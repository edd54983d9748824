"""Reading inputs: encodings, size caps, bad files, folders and JSON Lines corpora."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomacy_corpus as dc
from diplomacy_corpus.decoding import decode_bytes, detect_encoding, normalize_text
from diplomacy_corpus.inputs import count_lines, iter_jsonl, iter_sources, read_file

TEXT = ("Thủ tướng Phạm Minh Chính tiếp Đại sứ Hoa Kỳ tại Hà Nội.\n"
        "Hai bên nhất trí thúc đẩy quan hệ Đối tác chiến lược toàn diện, "
        "tăng cường hợp tác kinh tế, thương mại và đầu tư.")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes for ``text``: base letters precomposed, tone marks as combining characters.

    Windows-1258 has ``ơ ư ă â ê ô đ`` as single bytes but the five tone marks only as
    combining characters, so each letter is decomposed (NFD) and everything but the tone
    marks recomposed before encoding.
    """
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


# --- encodings ---------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with its BOM, native order
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    to_cp1258(TEXT),
], ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf32le-bom", "nfd", "cp1258"])
def test_every_supported_encoding_decodes_to_the_nfc_original(data: bytes) -> None:
    assert decode_bytes(data, origin="x.txt") == TEXT


def test_cp1258_fixture_really_stores_combining_tone_marks() -> None:
    data = to_cp1258("Hà Nội")
    assert data.decode("cp1258") != "Hà Nội"  # tone marks are separate characters...
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Hà Nội"  # ...that compose
    assert detect_encoding(to_cp1258(TEXT)) == "cp1258"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_cp1258_file_is_read_and_parsed(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(to_cp1258(TEXT))
    assert read_file(path).text == TEXT
    assert "Phạm Minh Chính" in dc.parse(path, extract=False).text


def test_forced_encoding_wins_and_a_bad_byte_is_named(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(to_cp1258(TEXT))
    assert read_file(path, encoding="cp1258").text == TEXT
    with pytest.raises(dc.InputError, match=r"legacy\.txt: not valid utf-8: byte 0x[0-9a-f]{2} at offset \d+"):
        read_file(path, encoding="utf-8")
    with pytest.raises(dc.InputError, match="unknown encoding 'klingon'"):
        read_file(path, encoding="klingon")


def test_undecodable_after_a_bom_names_the_byte() -> None:
    with pytest.raises(dc.InputError, match=r"a\.txt: not valid utf-8-sig: byte 0xff at offset 5"):
        decode_bytes(codecs.BOM_UTF8 + b"ab\xff\xfe cd", origin="a.txt")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty input"),
    (b" \n\t\r\n ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary data"),
    (bytes(range(1, 32)) * 50, "binary data"),
    (codecs.BOM_UTF16_LE + "   ".encode("utf-16-le"), "empty input"),
])
def test_empty_and_binary_inputs_are_input_errors(data: bytes, message: str) -> None:
    with pytest.raises(dc.InputError, match=f"^f.txt: {message}"):
        decode_bytes(data, origin="f.txt")


def test_normalize_text_composes_and_drops_nul_and_bom() -> None:
    assert normalize_text("\ufeffHa\u0300 N\u00f4\u0323i\x00") == "Hà Nội"
    assert normalize_text("plain") == "plain"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_bytes_on_any_bytes_gives_nfc_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, origin="fuzz")
    except dc.InputError as exc:
        assert str(exc).startswith("fuzz: ")
    else:
        assert unicodedata.is_normalized("NFC", text) and text.strip() and "\x00" not in text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300).filter(lambda s: s.strip("\x00\ufeff").strip()))
def test_utf8_and_utf16_round_trip_any_text(text: str) -> None:
    expected = normalize_text(text)
    for data in (text.encode("utf-8"), text.encode("utf-16")):
        try:
            assert decode_bytes(data, origin="t") == expected
        except dc.InputError as exc:
            assert "binary data" in str(exc) or "empty" in str(exc)


# --- files -------------------------------------------------------------------------


def test_size_cap_is_a_clear_error_and_the_cap_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Hà Nội " * 2000, encoding="utf-8")
    with pytest.raises(dc.InputError, match=r"big\.txt: over the size cap of 1,000 bytes \(raise it with --max-"):
        read_file(path, max_bytes=1000)
    assert read_file(path, max_bytes=1 << 20).text.startswith("Hà Nội")


def test_a_single_one_megabyte_line_is_read(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("Bộ Ngoại giao " * 80_000, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    assert len(dc.parse(path, extract=False).text) > 1_000_000 // 2


def test_missing_directory_and_special_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(dc.InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(dc.InputError, match="is a directory"):
        read_file(tmp_path)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        # Opening a FIFO would block forever: the walk skips it, read_file refuses it.
        assert list(iter_sources([tmp_path])) == []
        with pytest.raises(dc.InputError, match="not a regular file"):
            read_file(fifo)
    with pytest.raises(dc.InputError, match="not a regular file"):
        read_file("/dev/null")


def test_input_errors_carry_their_origin(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    (item,) = list(iter_sources([tmp_path / "e.txt"]))
    assert isinstance(item, dc.InputError)
    assert item.origin == str(tmp_path / "e.txt")  # type: ignore[attr-defined]


# --- folders -----------------------------------------------------------------------


def test_folder_walk_is_sorted_skips_hidden_and_reports_other_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.html", "a/y.htm", "c.TXT", ".hidden.txt", ".git/x.txt", "notes.pdf"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Tin {name}\nNội dung của bài báo.", encoding="utf-8")
    skipped: list[tuple[str, str]] = []
    origins = [s.origin for s in iter_sources([tmp_path], on_skip=lambda p, r: skipped.append((p, r)))
               if isinstance(s, dc.Source)]
    assert origins == [str(tmp_path / n) for n in ("a/y.htm", "a/z.html", "b.txt", "c.TXT")]
    assert [Path(p).name for p, _ in skipped] == ["notes.pdf"]


def test_folder_walk_does_not_follow_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tin\nNội dung.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    sources = list(iter_sources([tmp_path]))
    assert [s.origin for s in sources] == [str(tmp_path / "a.txt")]


def test_excluded_files_are_never_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tin\nNội dung.", encoding="utf-8")
    (tmp_path / "out.jsonl").write_text(json.dumps({"id": "1", "text": "x"}) + "\n", encoding="utf-8")
    origins = [s.origin for s in iter_sources([tmp_path], exclude=[tmp_path / "out.jsonl"])]
    assert origins == [str(tmp_path / "a.txt")]


# --- JSON Lines --------------------------------------------------------------------


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def test_jsonl_bad_lines_are_named_and_reading_goes_on(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "c.jsonl", [
        json.dumps({"id": "a", "text": TEXT}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "b"}),
        "",
        json.dumps({"text": "Tin không có id."}),
        json.dumps({"id": "c", "html": "<p>Bộ Ngoại giao</p>", "url": "https://e.vn/c"}),
    ])
    items = list(iter_jsonl(path))
    assert [getattr(i, "origin", None) for i in items] == [
        f"{path}#a", f"{path}:2", f"{path}:3", f"{path}#b", f"{path}:6", f"{path}#c"]
    assert [type(i).__name__ for i in items] == ["Source", "InputError", "InputError", "InputError", "Source", "Source"]
    assert items[-1].is_html and items[-1].url == "https://e.vn/c"  # type: ignore[union-attr]
    assert "not a JSON object but a list" in str(items[2])


def test_jsonl_invalid_utf8_and_oversized_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok \xff"}\n' + b'{"id": "b", "text": "' + b"x" * 5000 + b'"}\n'
                     + b'{"id": "c", "text": "Tin"}\n')
    items = list(iter_jsonl(path, max_bytes=1000))
    assert "not valid UTF-8: byte 0xff" in str(items[0])
    assert "line over the size cap of 1,000 bytes" in str(items[1]) and str(items[1]).startswith(f"{path}:2")
    assert isinstance(items[2], dc.Source) and items[2].origin == f"{path}#c"


def test_truncated_gzip_keeps_what_was_read_and_names_the_file(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(n), "text": f"{TEXT} {n}"}) for n in range(200)]
    full = gzip.compress("".join(line + "\n" for line in lines).encode("utf-8"))
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(full[: len(full) // 2])
    items = list(iter_jsonl(path))
    sources = [i for i in items if isinstance(i, dc.Source)]
    assert 0 < len(sources) < 200
    assert [s.origin for s in sources] == [f"{path}#{n}" for n in range(len(sources))]
    assert isinstance(items[-1], dc.InputError) and "truncated" in str(items[-1])
    assert sum(isinstance(i, dc.InputError) for i in items) == 1


def test_corrupt_gzip_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl.gz"
    path.write_bytes(b"not gzip at all")
    (item,) = list(iter_jsonl(path))
    assert isinstance(item, dc.InputError) and str(item).startswith(str(path))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["{\"id\": \"%d\", \"text\": \"Tin %d\"}", "", "{bad", "[]"]), max_size=30),
       st.integers(min_value=1, max_value=7), st.booleans())
def test_line_ranges_partition_a_corpus_exactly(tmp_path_factory: pytest.TempPathFactory, kinds: list[str],
                                                size: int, compressed: bool) -> None:
    folder = tmp_path_factory.mktemp("ranges")
    lines = [k % (n, n) if "%d" in k else k for n, k in enumerate(kinds)]
    path = _write_jsonl(folder / ("c.jsonl.gz" if compressed else "c.jsonl"), lines)
    whole = [(type(i).__name__, str(getattr(i, "origin", i))) for i in iter_jsonl(path)]
    total = count_lines(path)
    assert total == len(lines)
    pieces = []
    for start in range(0, max(total, 1), size):
        stop = start + size if start + size < total else None
        pieces += [(type(i).__name__, str(getattr(i, "origin", i))) for i in iter_jsonl(path, start=start, stop=stop)]
    assert pieces == whole


def test_utf8_cut_in_the_middle_of_a_character_is_read_without_it() -> None:
    data = TEXT.encode("utf-8") + "ệ".encode()[:2]
    assert decode_bytes(data, origin="cut.txt") == TEXT


def test_utf8_with_a_corrupt_byte_names_it_instead_of_guessing() -> None:
    data = TEXT.encode("utf-8")
    middle = data.index("Đại".encode())
    with pytest.raises(dc.InputError, match=rf"bad\.txt: UTF-8 text with an invalid byte 0xff at offset {middle}"):
        decode_bytes(data[:middle] + b"\xff" + data[middle + 1:], origin="bad.txt")


def test_an_excluded_folder_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tin\nNội dung.", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "documents.txt").write_text("Tin\nNội dung.", encoding="utf-8")
    assert [s.origin for s in iter_sources([tmp_path], exclude=[tmp_path / "out"])] == [str(tmp_path / "a.txt")]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=200), st.sampled_from([b'{"text": "T\\u00ean"}', b'{"id": 1}', b"null"])),
                max_size=8), st.booleans())
def test_jsonl_reader_never_raises_on_any_bytes(tmp_path_factory: pytest.TempPathFactory, chunks: list[bytes],
                                                compressed: bool) -> None:
    data = b"\n".join(chunks)
    path = tmp_path_factory.mktemp("fuzz") / ("x.jsonl.gz" if compressed else "x.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    for item in iter_jsonl(path, max_bytes=150):
        assert isinstance(item, (dc.Source, dc.InputError))
        assert str(getattr(item, "origin", "")).startswith(str(path))
