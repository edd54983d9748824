"""A folder mixing the seed articles with every kind of bad input, through the command line.

Every good and decodable document must come out; each bad one must be named (on stderr,
in the summary, in the ``--errors`` report); the exit status is 1; nothing is left
half-written; one worker or two give the same output.
"""

from __future__ import annotations

import codecs
import gzip
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplomacy_corpus as dc
from diplomacy_corpus.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLE = ("Việt Nam và Nhật Bản tăng cường hợp tác\n"
           "Ngày 12/3, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Nhật Bản.")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


def _messy_folder(root: Path) -> tuple[Path, set[str], set[str]]:
    """The folder, the names of the documents that must come out, and of the inputs that must fail."""
    folder = root / "archive"
    folder.mkdir()
    good: set[str] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
        good.add(seed.name)
    files = {
        "bom.txt": codecs.BOM_UTF8 + ARTICLE.encode(),
        "utf16.txt": ARTICLE.encode("utf-16"),
        "nfd.txt": unicodedata.normalize("NFD", ARTICLE).encode(),
        "cp1258.txt": _cp1258(ARTICLE),
        "cut.txt": ARTICLE.encode() + "ệ".encode()[:2],  # truncated in the middle of a character
        "oneline.txt": ("Bộ Ngoại giao thông báo lịch trình chuyến thăm. " * 21_000).encode(),  # a 1 MB line
        "broken.html": "<html><body><p>Bộ trưởng <b>tiếp <i>Đại sứ</p></div><p>Hai bên thảo luận".encode(),
        "nested.html": ("<html><body>" + "<div>" * 10_000 + "<p>" + ARTICLE + "</p></body></html>").encode(),
        "scripts.html": ("<html><head><script>var names = '" + "Tập Cận Bình Joe Biden " * 5000
                         + "';</script><style>/* Vladimir Putin */</style></head><body><p>" + ARTICLE
                         + "</p></body></html>").encode(),
    }
    good |= set(files)
    bad_files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t \r\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "binary.html": bytes(range(1, 32)) * 100,
        "corrupt.txt": ARTICLE.encode().replace(b"12/3", b"\xff2/3"),
        "huge.txt": ("Hà Nội " * 400_000).encode(),  # over the cap given below
    }
    files.update(bad_files)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    bad = set(bad_files)
    lines = [json.dumps({"id": f"j{n}", "text": f"{ARTICLE} {n}"}) for n in range(60)]
    full = gzip.compress(("\n".join(lines) + "\n").encode())
    (folder / "truncated.jsonl.gz").write_bytes(full[: len(full) * 2 // 3])
    (folder / "lines.jsonl").write_text("\n".join([lines[0], "{broken", "[1]", json.dumps({"id": "none"}),
                                                   lines[1]]) + "\n", encoding="utf-8")
    good |= {"lines.jsonl#j0", "lines.jsonl#j1"}
    bad |= {"lines.jsonl:2", "lines.jsonl:3", "lines.jsonl#none", "truncated.jsonl.gz"}
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    return folder, good, bad


def _name(origin: str, folder: Path) -> str:
    return origin.replace(str(folder) + "/", "")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_every_good_document_comes_out_and_every_bad_input_is_named(tmp_path: Path, workers: str) -> None:
    folder, good, bad = _messy_folder(tmp_path)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = CliRunner().invoke(main, ["parse", str(folder), "-f", "jsonl", "-o", str(out), "--errors", str(errors),
                                       "--max-bytes", "2000000", "-j", workers, "--timeout", "120"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    documents = list(dc.load(out))
    names = [_name(d.origin, folder) for d in documents]
    truncated = {n for n in names if n.startswith("truncated.jsonl.gz#")}
    assert truncated and truncated == {f"truncated.jsonl.gz#j{n}" for n in range(len(truncated))}
    assert set(names) - truncated == good
    for document in documents:
        assert unicodedata.is_normalized("NFC", document.text) and "\x00" not in document.text
    by_name = {_name(d.origin, folder): d for d in documents}
    for name in ("bom.txt", "utf16.txt", "nfd.txt", "cp1258.txt", "cut.txt"):
        assert "Bộ trưởng Ngoại giao Bùi Thanh Sơn" in by_name[name].text, name
    assert "Tập Cận Bình" not in by_name["scripts.html"].text
    report = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert {_name(r["origin"], folder) for r in report} == bad
    messages = {_name(r["origin"], folder): r["message"] for r in report}
    assert "size cap" in messages["huge.txt"] and "--max-bytes" in messages["huge.txt"]
    assert f"byte 0xff at offset {ARTICLE.encode().index(b'12/3')}" in messages["corrupt.txt"]
    assert "binary" in messages["binary.txt"] and "empty" in messages["blank.txt"]
    assert "truncated" in messages["truncated.jsonl.gz"]
    for name in bad:  # each named on stderr too
        assert str(folder / name.split("#")[0].split(":")[0]) in result.output
    assert f"{len(documents)} documents written" in result.output and f"{len(bad)} failed, 1 skipped" in result.output
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
