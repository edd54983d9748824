"""Hook markers and the hook specifications that plugins implement.

A plugin is any module or object with functions decorated by
[`hookimpl`][diplomacy_corpus.hookimpl]. Built-in parsers and exporters are plugins
like any third party's: they live in ``diplomacy_corpus.default_plugins`` and
register through the same hooks.

Example:
    ```python
    import diplomacy_corpus as dc

    class MyParser(dc.Parser):
        name = "myoutlet"
        ...

    @dc.hookimpl
    def register_parsers():
        return [MyParser()]
    ```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .interfaces import Exporter, Parser

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec", "register_exporters", "register_lexicons", "register_parsers"]

#: The pluggy project name; also the entry-point group third-party plugins use.
PROJECT_NAME = "diplomacy_corpus"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marker for hook specifications (used by this module only)."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marker for hook implementations: decorate your plugin's hook functions with it."""


@hookspec
def register_parsers() -> Iterable[Parser]:  # type: ignore[empty-body]
    """Return the parsers this plugin provides.

    Called once per plugin when parsers are first needed. Return an iterable of
    [`Parser`][diplomacy_corpus.Parser] instances (each with a unique ``name``), or
    None / an empty iterable when the plugin provides none. All plugins are called;
    a name claimed by two plugins is a [`PluginError`][diplomacy_corpus.PluginError]
    naming both.

    Returns:
        The plugin's parsers.
    """


@hookspec
def register_exporters() -> Iterable[Exporter]:  # type: ignore[empty-body]
    """Return the exporters this plugin provides.

    Called once per plugin when exporters are first needed. Return an iterable of
    [`Exporter`][diplomacy_corpus.Exporter] instances (each with a unique ``name``,
    which is the format name users pass to ``--format``), or None / an empty iterable.
    All plugins are called; a duplicate name is an error naming both plugins.

    Returns:
        The plugin's exporters.
    """


@hookspec
def register_lexicons() -> Mapping[str, Any]:  # type: ignore[empty-body]
    """Return extra entries for the extraction lexicons.

    Return a mapping from a lexicon name (``titles``, ``countries``,
    ``organizations``, ``event_triggers``, ...) to entries in the same shape as the
    built-in data file of that name (see ``diplomacy_corpus/extract/lexicons/``), or
    None. Entries are added to the built-in ones; they never replace them. All
    plugins are called, in registration order.

    Returns:
        Lexicon name to extra entries.
    """
