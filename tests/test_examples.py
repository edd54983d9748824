"""The scripts in examples/ run and do what their docstrings say."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_who_met_whom_prints_events_and_writes_csv(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "who_met_whom.py"), str(ROOT / "seeds"), "--output", str(out)],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    assert "5 documents exported as CSV tables" in run.stdout
    assert "phone_call" in run.stdout
    with open(out / "events.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows and {"kind", "date"} <= set(rows[0])
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 5
