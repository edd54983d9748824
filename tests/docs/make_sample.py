"""Write docs/assets/sample.json, the sample of real output on the home page.

Run from the repository root after extraction changes:

    .venv/bin/python tests/docs/make_sample.py

It parses ``seeds/004_05d856a0f2a44f42.txt`` with the built-in plugins and keeps the
document's metadata, the start of its text and its first few actors, events and
metrics (with their first spans only), so the page stays short. ``tests/test_docs.py`` checks that the sample is
still a valid document.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/004_05d856a0f2a44f42.txt"
OUT = ROOT / "docs" / "assets" / "sample.json"
KEEP = 3  # actors, events and metrics shown


def main() -> int:
    os.environ["DIPLOMACY_CORPUS_PLUGINS"] = "none"
    os.chdir(ROOT)
    import diplomacy_corpus as dc

    data = dc.document_to_dict(dc.parse(SEED))
    text = data["text"]
    cut = text.find("\n\n", text.find("\n\n") + 2)
    data["text"] = (text[:cut] if cut > 0 else text[:400]) + "\n\n…"
    data["captions"] = data["captions"][:1]
    data["related"] = data["related"][:1]
    for key in ("actors", "events", "metrics"):
        data[key] = data[key][:KEEP]
    for actor in data["actors"]:
        actor["mentions"] = actor["mentions"][:2]
    for event in data["events"]:
        event["evidence"] = event["evidence"][:1]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
