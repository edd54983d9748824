"""Fill the "Current figures" of docs/accuracy.md from score.py, on both annotated sets.

Run from the repository root, with the project's shared folder beside it:

    .venv/bin/python tests/docs/fill_accuracy.py [--shared ../shared]

It parses ``seeds/`` and ``SHARED/corpus/diplomacy/`` with the built-in plugins only,
scores them with ``SHARED/tools/score.py`` against ``SHARED/gold`` and
``SHARED/corpus/gold``, and rewrites the block between ``<!-- FIGURES`` and
``<!-- /FIGURES -->`` of the page. Without the shared folder it says so and changes
nothing.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "accuracy.md"
START, END = "<!-- FIGURES", "<!-- /FIGURES -->"
AREAS = (("actors", "persons"), ("events", "events"), ("metrics", "metrics"))
DETAILS = (
    ("person_title_accuracy", "person title accuracy"),
    ("person_country_accuracy", "person country accuracy"),
    ("event_participant_f1", "event participant F1"),
    ("metric_kind_accuracy", "metric kind accuracy"),
    ("metric_period_accuracy", "metric period accuracy"),
    ("document_metadata_accuracy", "document metadata accuracy"),
)


def _score(inputs: Path, gold: Path, scorer: Path, workdir: Path) -> dict[str, Any]:
    corpus = workdir / f"{gold.parent.name}-{gold.name}.json"
    env = {**os.environ, "DIPLOMACY_CORPUS_PLUGINS": "none"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "diplomacy_corpus.cli",
            "parse",
            str(inputs),
            "--format",
            "json",
            "--output",
            str(corpus),
            "--force",
            "--no-progress",
        ],
        check=False,
        env=env,
    )
    done = subprocess.run(
        [sys.executable, str(scorer), str(corpus), str(gold), "--json"], capture_output=True, text=True, check=True
    )
    report, _ = json.JSONDecoder().raw_decode(done.stdout)  # a closing "OK F1 ..." line follows the JSON
    summary: dict[str, Any] = report["summary"]
    return summary


def _cell(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render(sets: list[tuple[str, int, dict[str, Any]]], version: str, today: str) -> str:
    """The FIGURES block for the scores of each set: (label, number of articles, summary)."""
    lines = [
        f"{START}: written by tests/docs/fill_accuracy.py; run it again to refresh. -->",
        "",
        f"Library version: **{version}** · measured on: **{today}** · built-in plugins only",
        "",
        "| set | area | precision | recall | F1 |",
        "|---|---|---:|---:|---:|",
    ]
    for label, count, summary in sets:
        for key, name in AREAS:
            s = summary[key]
            lines.append(
                f"| {label} ({count}) | {name} | {_cell(s['precision'])} | {_cell(s['recall'])} | {_cell(s['f1'])} |"
            )
    lines += ["", "| detail | " + " | ".join(label for label, _, _ in sets) + " |", "|---|" + "---:|" * len(sets)]
    for key, name in DETAILS:
        lines.append(f"| {name} | " + " | ".join(_cell(s["detail"][key]) for _, _, s in sets) + " |")
    lines.append(
        "| forbidden actors found (bylines, credits, related news) | "
        + " | ".join(str(len(s["detail"]["forbidden_actors"])) for _, _, s in sets)
        + " |"
    )
    lines += ["", END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    shared: Path = args.shared
    scorer = shared / "tools" / "score.py"
    if not scorer.is_file():
        print(f"fill_accuracy: no scorer at {scorer}; the shared folder is needed, nothing changed", file=sys.stderr)
        return 0
    sets = [
        ("seeds", ROOT / "seeds", shared / "gold"),
        ("development", shared / "corpus" / "diplomacy", shared / "corpus" / "gold"),
    ]
    scored = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, inputs, gold in sets:
            if inputs.exists() and gold.is_dir():
                count = len(list(gold.glob("*.json")))
                scored.append((label, count, _score(inputs, gold, scorer, Path(tmp))))
    import diplomacy_corpus

    page = PAGE.read_text(encoding="utf-8")
    start, end = page.index(START), page.index(END) + len(END)
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    PAGE.write_text(page[:start] + render(scored, diplomacy_corpus.__version__, today) + page[end:], encoding="utf-8")
    for label, count, summary in scored:
        f1 = " ".join(f"{name}={summary[key]['f1']:.3f}" for key, name in AREAS)
        print(f"{label} ({count}): F1 {f1}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
