"""Copy the files of plugins/diplomacy-corpus-vov/ into the tutorial's code blocks.

Run from the repository root after changing the plugin:

    .venv/bin/python tests/docs/sync_tutorial.py

Each titled block of docs/plugins/tutorial.md is refilled from the file it names. A
file shown in several blocks is cut where each block starts now (its first line), so
to move a cut, edit the first line of a block and run this again.
``tests/test_docs.py`` fails while the page and the folder differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

import mdblocks  # beside this script

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "plugins" / "tutorial.md"
PLUGIN = ROOT / "plugins" / "diplomacy-corpus-vov"


def sync(page: str, folder: Path) -> str:
    """The page with every titled block refilled from ``folder``."""
    found = mdblocks.blocks(page)
    titled: dict[str, list[mdblocks.Block]] = {}
    for block in found:
        if block.title is not None:
            titled.setdefault(block.title, []).append(block)
    new_content: dict[int, str] = {}
    for path, group in titled.items():
        text = (folder / path).read_text(encoding="utf-8")
        if len(group) == 1:
            parts = [text.rstrip("\n")]
        else:
            anchors = [block.content.split("\n", 1)[0] for block in group]
            parts = mdblocks.split(text, anchors)
        if mdblocks.assemble(parts) != text:
            raise SystemExit(f"{path}: the cuts at {anchors} do not reassemble into the file; move them")
        for block, part in zip(group, parts, strict=False):
            new_content[block.line] = part
    lines = page.split("\n")
    out: list[str] = []
    index = 0
    for block in found:
        if block.line not in new_content:
            continue
        start = block.line - 1
        end = start + 1 + (block.content.count("\n") + 1 if block.content else 0)
        out.extend(lines[index : start + 1])
        out.extend(new_content[block.line].split("\n"))
        index = end
    out.extend(lines[index:])
    return "\n".join(out)


def main() -> int:
    page = PAGE.read_text(encoding="utf-8")
    synced = sync(page, PLUGIN)
    if synced != page:
        PAGE.write_text(synced, encoding="utf-8")
        print(f"updated {PAGE.relative_to(ROOT)}", file=sys.stderr)
    else:
        print(f"{PAGE.relative_to(ROOT)} is in sync", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
