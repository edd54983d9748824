"""Read the fenced code blocks of a Markdown page, and assemble the files they show.

Conventions of the pages whose code is tested:

* a block with ``title="PATH"`` in its info string is (a part of) the file ``PATH``;
  several blocks with the same title are consecutive parts of one file, each shown
  without its surrounding blank lines (see ``assemble``);
* a ``console`` block holds commands (lines starting with ``$ ``), each followed by
  lines of its expected output, where ``…`` stands for any text;
* ``python`` blocks without a title are examples that run;
* other blocks (``sh``, ``text``, ``json``, ``pycon``...) are shown only.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import attrs

_OPEN = re.compile(r"^(?P<fence>`{3,})(?P<lang>[\w+-]*)(?P<info>.*)$")
_TITLE = re.compile(r'title="(?P<title>[^"]+)"')


@attrs.define(frozen=True)
class Block:
    """One fenced code block."""

    lang: str
    """The language of the fence (``python``, ``console``...), or ``""``."""
    title: str | None
    """The ``title="..."`` of the fence, or None."""
    content: str
    """The lines between the fences, joined by newlines (no final newline)."""
    line: int
    """Line number of the opening fence (1-based), for messages."""


def blocks(markdown: str) -> list[Block]:
    """Every top-level fenced code block of ``markdown``, in order."""
    found: list[Block] = []
    lines = markdown.split("\n")
    index = 0
    while index < len(lines):
        m = _OPEN.match(lines[index])
        if not m:
            index += 1
            continue
        fence, start = m.group("fence"), index
        title = _TITLE.search(m.group("info"))
        index += 1
        body: list[str] = []
        while index < len(lines) and lines[index].rstrip() != fence:
            body.append(lines[index])
            index += 1
        if index >= len(lines):
            raise ValueError(f"line {start + 1}: code block is never closed")
        found.append(
            Block(
                lang=m.group("lang"),
                title=title.group("title") if title else None,
                content="\n".join(body),
                line=start + 1,
            )
        )
        index += 1
    return found


def assemble(parts: list[str]) -> str:
    """Join the parts of one file as the page shows them.

    Parts are separated by two blank lines when the next part starts at the margin (a
    top-level definition) and by one blank line when it is indented (the next method of
    a class); the file ends with a newline.
    """
    text = ""
    for number, part in enumerate(parts):
        if number:
            text += "\n\n" if part[:1].isspace() else "\n\n\n"
        text += part
    return text + "\n"


def files(markdown: str) -> dict[str, str]:
    """The files a page shows, by path, assembled from their titled blocks."""
    parts: dict[str, list[str]] = {}
    for block in blocks(markdown):
        if block.title is not None:
            parts.setdefault(block.title, []).append(block.content)
    return {path: assemble(pieces) for path, pieces in parts.items()}


def split(text: str, anchors: list[str]) -> list[str]:
    """Cut a file into parts that start at the given first lines, in order (for syncing)."""
    lines = text.rstrip("\n").split("\n")
    starts: list[int] = []
    for anchor in anchors:
        begin = starts[-1] + 1 if starts else 0
        try:
            starts.append(lines.index(anchor, begin) if starts else 0)
        except ValueError:
            raise ValueError(f"no line {anchor!r} after line {begin}") from None
    starts.append(len(lines))
    return ["\n".join(lines[a:b]).strip("\n") for a, b in itertools.pairwise(starts)]


def commands(block: Block) -> list[tuple[str, list[str]]]:
    """The commands of a ``console`` block, each with its expected output lines."""
    found: list[tuple[str, list[str]]] = []
    for line in block.content.split("\n"):
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found and line.strip():
            found[-1][1].append(line)
    return found


def output_pattern(expected: str) -> re.Pattern[str]:
    """A pattern for one expected output line: ``…`` is any text, runs of spaces any spaces."""
    words = expected.split()
    return re.compile(r"\s+".join(".*".join(re.escape(piece) for piece in word.split("…")) for word in words))


def read(path: Path) -> str:
    """A page's text."""
    return path.read_text(encoding="utf-8")
