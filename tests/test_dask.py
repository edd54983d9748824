"""diplomacy_corpus.dask: partitions, a local cluster of processes, and the missing-extra message."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

import diplomacy_corpus as dc
import diplomacy_corpus.dask as dcd

ARTICLE = ("Việt Nam và Nhật Bản tăng cường hợp tác\n"
           "Ngày 12/3, tại Hà Nội, Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản.")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small mixed corpus: text files, a bad file, a JSON Lines file and a .gz one."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for number in range(7):
        (folder / f"{number:02d}.txt").write_text(f"{ARTICLE}\nSố {number}.", encoding="utf-8")
    (folder / "sub" / "z.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    (folder / "03-empty.txt").write_bytes(b"")
    lines = [json.dumps({"id": f"j{n}", "text": f"{ARTICLE} {n}"}) for n in range(23)]
    lines[5] = "{broken"
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines[:9]) + "\n").encode("utf-8")))
    return folder


def test_partitions_keep_input_order(corpus: Path) -> None:
    plan = dcd.partitions([corpus], files_per_partition=3, lines_per_partition=10)
    assert next(p.files for p in plan if p.files) == tuple(str(corpus / n) for n in ("00.txt", "01.txt", "02.txt"))
    ranges = [(Path(p.jsonl).name, p.start, p.stop) for p in plan if p.jsonl]
    assert ranges == [("a.jsonl", 0, 10), ("a.jsonl", 10, 20), ("a.jsonl", 20, None), ("b.jsonl.gz", 0, None)]
    flat = [f for p in plan for f in (p.files or (p.jsonl,))]
    assert flat.index(str(corpus / "a.jsonl")) < flat.index(str(corpus / "sub" / "z.html"))


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch, corpus: Path) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"pip install 'diplomacy-corpus\[dask\]'"):
        dcd.read([corpus])


def _single_process(corpus: Path, out: Path) -> tuple[str, list[str]]:
    results = list(dc.parse_many([corpus]))
    dc.export((r.document for r in results if r.document is not None), "jsonl", out)
    return out.read_text(encoding="utf-8"), [r.origin for r in results if not r.ok]


def test_write_refuses_an_existing_folder_and_replaces_stale_parts(corpus: Path, tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00099.jsonl").write_text("stale", encoding="utf-8")
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with dask.config.set(scheduler="sync"):
        results = dcd.read([corpus], files_per_partition=4, lines_per_partition=8)
        with pytest.raises(dc.ExportError, match="exists"):
            dcd.write(results, "jsonl", out)
        summary = dcd.write(results, "jsonl", out, force=True)
        again = dcd.write(dcd.documents(results), "jsonl", tmp_path / "from-documents")
    assert again.written == summary.written and not again.failed
    assert not (out / "part-00099.jsonl").exists() and (out / "keep.txt").exists()
    expected, failed = _single_process(corpus, tmp_path / "single.jsonl")
    assert "".join(Path(f).read_text(encoding="utf-8") for f in summary.files) == expected
    assert [origin for origin, _ in summary.failed] == failed


def test_local_cluster_of_processes_gives_the_single_process_output(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    expected, failed = _single_process(corpus, tmp_path / "single.jsonl")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        results = dcd.read([corpus], files_per_partition=3, lines_per_partition=6)
        assert results.npartitions > 4
        summary = dcd.write(results, "jsonl", tmp_path / "out")
        documents = dcd.documents(results).compute()
    assert "".join(Path(f).read_text(encoding="utf-8") for f in summary.files) == expected
    assert summary.written == len(expected.splitlines()) == len(documents)
    assert [origin for origin, _ in summary.failed] == failed
    assert len(failed) == 3  # the empty file and the broken line, twice
