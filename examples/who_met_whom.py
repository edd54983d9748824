"""Parse the sample articles, print who met whom and when, and export CSV tables.

Run from the repository root:

    .venv/bin/python examples/who_met_whom.py [INPUT ...] [--output DIR]

INPUT defaults to the ``seeds/`` folder; the CSV tables go to ``out/who_met_whom/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import diplomacy_corpus as dc

HERE = Path(__file__).resolve().parent


def describe(document: dc.Document, event: dc.Event) -> str:
    """One line for an event: date, kind, participants, location."""
    names = []
    for actor_id in event.participants:
        actor = document.actor(actor_id)
        names.append(actor.name if actor is not None else actor_id)
    where = f" at {event.location}" if event.location else ""
    return f"{event.date or 'undated':>10}  {event.kind:<20} {', '.join(names)}{where}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=[str(HERE.parent / "seeds")])
    parser.add_argument("--output", default="out/who_met_whom", help="folder for the CSV tables")
    args = parser.parse_args()

    documents = []
    for result in dc.parse_many(args.inputs):
        if result.document is None:
            print(f"skipped {result.origin}: {result.error}")
            continue
        document = result.document
        documents.append(document)
        print(f"\n{document.title or Path(document.origin).name}  [{document.source}]")
        for event in sorted(document.events, key=lambda e: e.date.sort_key() if e.date else (0, 0, 0)):
            print("  " + describe(document, event))

    written = dc.export(documents, "csv", args.output, force=True)
    print(f"\n{written} documents exported as CSV tables to {args.output}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
