"""The command line: parse (summary, exit codes, --errors, --force, --encoding, --timeout), plugins, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplomacy_corpus as dc
from diplomacy_corpus.cli import main
from diplomacy_corpus.testing import register_plugin

ARTICLE = ("Việt Nam và Nhật Bản tăng cường hợp tác\n"
           "Ngày 12/3, tại Hà Nội, Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản.")


def _run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.output  # click >= 8.2 mixes stderr into output


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE + "\nHai bên ký kết ba văn kiện.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "readme.md").write_text("not an article", encoding="utf-8")
    return folder


def test_good_inputs_exit_0_with_a_summary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, output = _run("parse", tmp_path / "a.txt", "-f", "jsonl", "-o", out)
    assert code == 0, output
    assert "1 documents written" in output and "0 failed, 0 skipped" in output
    assert [d.origin for d in dc.load(out)] == [str(tmp_path / "a.txt")]


def test_a_bad_input_exits_1_and_every_good_document_is_written(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.jsonl"
    code, output = _run("parse", inputs, "-f", "jsonl", "-o", out, "--errors", errors)
    assert code == 1
    assert "2 documents written" in output and "1 failed, 1 skipped" in output
    assert f"failed: {inputs / 'empty.txt'}" in output
    assert f"skipped: {inputs / 'readme.md'}" in output
    assert "Traceback" not in output
    assert sorted(d.origin for d in dc.load(out)) == [str(inputs / "a.txt"), str(inputs / "b.txt")]
    (report,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert report == {"origin": str(inputs / "empty.txt"), "error": "InputError",
                      "message": f"{inputs / 'empty.txt'}: empty input"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_existing_output_needs_force(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    code, output = _run("parse", inputs / "a.txt", "-o", out)
    assert code == 2 and "--force" in output
    assert out.read_text(encoding="utf-8") == "keep me"
    code, _ = _run("parse", inputs / "a.txt", "-o", out, "--force")
    assert code == 0 and out.read_text(encoding="utf-8") != "keep me"
    errors = tmp_path / "errors.jsonl"
    errors.write_text("old", encoding="utf-8")
    code, output = _run("parse", inputs / "a.txt", "-o", tmp_path / "new.json", "--errors", errors)
    assert code == 2 and "--errors file" in output


def test_usage_errors_exit_2(inputs: Path, tmp_path: Path) -> None:
    code, output = _run("parse", inputs, "-f", "xlsx", "-o", tmp_path / "o")
    assert code == 2 and "unknown format 'xlsx'" in output
    code, output = _run("parse", inputs, "-o", tmp_path / "o.json", "--encoding", "klingon")
    assert code == 2 and "unknown encoding 'klingon'" in output
    code, output = _run("parse", inputs, "-o", tmp_path / "o.json", "--parser", "nope")
    assert code == 2 and "nope" in output


def test_encoding_is_forced(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Bộ Ngoại giao tiếp Đại sứ\nNội dung.".encode("utf-16-le"))
    code, output = _run("parse", path, "-o", tmp_path / "o.jsonl", "-f", "jsonl", "--encoding", "utf-16-le")
    assert code == 0, output
    assert "Bộ Ngoại giao" in next(iter(dc.load(tmp_path / "o.jsonl"))).text
    code, output = _run("parse", path, "-o", tmp_path / "p.jsonl", "-f", "jsonl", "--encoding", "utf-8")
    assert code == 1 and "not valid utf-8: byte 0x" in output and "legacy.txt" in output


def test_workers_give_the_same_output_file(inputs: Path, tmp_path: Path) -> None:
    for number in range(20):
        (inputs / f"n{number:02d}.txt").write_text(f"{ARTICLE}\nSố {number}.", encoding="utf-8")
    _run("parse", inputs, "-f", "jsonl", "-o", tmp_path / "one.jsonl")
    _run("parse", inputs, "-f", "jsonl", "-o", tmp_path / "two.jsonl", "-j", "2")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


class _BrokenExporter(dc.StreamExporter):
    name = "broken"
    suffix = ".txt"

    def write(self, documents, stream, **options):  # type: ignore[no-untyped-def]
        for _document in documents:
            stream.write("partial\n")
            raise RuntimeError("disk on fire")
        return 0


class _Crasher(dc.Parser):
    name = "crasher"

    def score(self, source: dc.Source) -> float:
        return 1.0 if "CRASHME" in source.text else 0.0

    def parse(self, source: dc.Source) -> dc.Document:
        raise KeyError("no such field")


class _Plugin:
    @dc.hookimpl
    def register_exporters(self) -> list[dc.Exporter]:
        return [_BrokenExporter()]

    @dc.hookimpl
    def register_parsers(self) -> list[dc.Parser]:
        return [_Crasher()]


def test_a_crashing_exporter_leaves_no_output_and_no_traceback(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with register_plugin(_Plugin(), name="broken-plugin"):
        code, output = _run("parse", inputs, "-f", "broken", "-o", out)
    assert code == 1
    assert "exporter 'broken' failed: RuntimeError: disk on fire" in output and "was not written" in output
    assert "Traceback" not in output
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_tracebacks_only_with_debug(inputs: Path, tmp_path: Path) -> None:
    with register_plugin(_Plugin(), name="crasher-plugin"):
        code, output = _run("parse", inputs / "a.txt", "-o", tmp_path / "a.json", "--parser", "crasher")
        assert code == 1 and "parser 'crasher' failed: KeyError" in output and "Traceback" not in output
        for workers in ("1", "2"):
            code, output = _run("parse", inputs / "a.txt", "-o", tmp_path / f"b{workers}.json", "--parser", "crasher",
                                "--debug", "-j", workers)
            assert code == 1 and "Traceback" in output and "KeyError: 'no such field'" in output


def test_a_crashing_parser_is_named_and_its_documents_still_written(inputs: Path, tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    (inputs / "c.txt").write_text(ARTICLE + " CRASHME", encoding="utf-8")
    with register_plugin(_Plugin(), name="crasher-plugin"):
        code, _ = _run("parse", inputs / "a.txt", inputs / "c.txt", "-o", tmp_path / "a.json")
    assert code == 0
    assert "parser 'crasher' failed: KeyError" in caplog.text  # a warning on stderr
    assert "read with parser 'text' instead" in caplog.text
    assert [d.source for d in dc.load(tmp_path / "a.json")] == ["text", "text"]


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x\x1b[31mred", "text": " "}) + "\n", encoding="utf-8")
    code, output = _run("parse", corpus, "-o", tmp_path / "o.json")
    assert code == 1 and "\x1b" not in output and "x\\x1b[31mred" in output


def test_plugins_and_formats_commands() -> None:
    code, output = _run("formats")
    assert code == 0 and "jsonl" in output
    code, output = _run("plugins", "--all")
    assert code == 0 and "parser text" in output
