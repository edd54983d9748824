"""Griffe extension: ``#:`` comments above a module or class attribute become its docstring.

The code base documents some constants Sphinx-style, with a ``#:`` comment on the lines
just above the assignment. Griffe reads only string docstrings below an assignment;
this extension reads the comments too, so those constants render in the API reference
with their documentation. A string docstring, when there is one, wins.
"""

from __future__ import annotations

from typing import Any

import griffe


class CommentDocstrings(griffe.Extension):
    """Turn the ``#:`` comment lines above an attribute into its docstring."""

    def on_attribute_instance(self, *, node: Any, attr: griffe.Attribute, agent: Any, **kwargs: Any) -> None:
        if attr.docstring is not None or attr.lineno is None:
            return
        try:
            lines = attr.lines_collection[attr.filepath]  # type: ignore[index]
        except (KeyError, TypeError):
            return
        comment: list[str] = []
        index = attr.lineno - 2  # the line above the assignment, 0-based
        while index >= 0 and lines[index].lstrip().startswith("#:"):
            comment.insert(0, lines[index].lstrip()[2:].strip())
            index -= 1
        if comment:
            attr.docstring = griffe.Docstring("\n".join(comment), lineno=index + 2, parent=attr)
