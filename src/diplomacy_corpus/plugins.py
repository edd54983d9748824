"""The plugin manager: built-in plugins, third-party plugins from entry points, listing.

Loading is lazy: nothing is imported until parsers or exporters are first needed, so
``import diplomacy_corpus`` stays cheap.

Third-party plugins are distributions that declare an entry point in the group
``diplomacy_corpus``::

    [project.entry-points.diplomacy_corpus]
    vov = "diplomacy_corpus_vov"

The environment variable ``DIPLOMACY_CORPUS_PLUGINS`` controls them: unset loads all;
``none`` (or ``0``, ``off``) loads none; a comma-separated list of entry-point or
distribution names loads only those. Built-in plugins always load.

Each plugin's hook is called on its own, so one crashing plugin becomes a
[`PluginError`][diplomacy_corpus.PluginError] naming it while the others still load.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
import threading
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import attrs
import pluggy

from . import hookspecs
from .errors import PluginError, UnknownPluginError
from .interfaces import Exporter, Parser

__all__ = [
    "DEFAULT_PLUGINS",
    "ENV_VAR",
    "PluginInfo",
    "apply_lexicons",
    "get_exporter",
    "get_exporters",
    "get_parser",
    "get_parsers",
    "get_plugin_manager",
    "get_plugins",
    "load_plugins_dir",
    "plugin_errors",
    "reset",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Modules of the built-in plugins, registered in this order.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "diplomacy_corpus.default_plugins.text_parser",
    "diplomacy_corpus.default_plugins.html_parser",
    "diplomacy_corpus.default_plugins.baochinhphu_parser",
    "diplomacy_corpus.default_plugins.ttxvn_parser",
    "diplomacy_corpus.default_plugins.baoquocte_parser",
    "diplomacy_corpus.default_plugins.vnexpress_parser",
    "diplomacy_corpus.default_plugins.nhandan_parser",
    "diplomacy_corpus.default_plugins.tuoitre_parser",
    "diplomacy_corpus.default_plugins.json_exporter",
    "diplomacy_corpus.default_plugins.csv_exporter",
    "diplomacy_corpus.default_plugins.markdown_exporter",
)

#: Environment variable that switches third-party plugins off (``none``) or limits them.
ENV_VAR = "DIPLOMACY_CORPUS_PLUGINS"

_OFF = {"none", "0", "off", "false", "no"}


@attrs.define(frozen=True, kw_only=True)
class PluginInfo:
    """What ``diplomacy-corpus plugins`` shows about one plugin."""

    name: str
    """The plugin's name (module name for built-ins, entry-point name for third parties)."""
    version: str | None
    """Version of the distribution that provides it."""
    origin: str
    """``builtin``, ``entry point (DIST)``, ``directory (PATH)`` or ``registered``."""
    parsers: tuple[str, ...] = ()
    """Names of the parsers it provides."""
    exporters: tuple[str, ...] = ()
    """Names of the exporters it provides."""
    error: str | None = None
    """Why it failed to load, when it did."""


class _Registry:
    """All loaded plugins with the parsers and exporters they registered."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self.origins: dict[str, tuple[str, str | None]] = {}
        self.errors: list[PluginError] = []
        self._parsers: dict[str, tuple[Parser, str]] | None = None
        self._exporters: dict[str, tuple[Exporter, str]] | None = None
        self._parser_order: tuple[Parser, ...] | None = None
        self.lexicons_applied = False
        self._load()

    # -- loading ---------------------------------------------------------------
    def _load(self) -> None:
        from . import __version__

        for module_name in DEFAULT_PLUGINS:
            try:
                module = importlib.import_module(module_name)
                short = module_name.rsplit(".", 1)[-1]
                self.pm.register(module, name=short)
                self.origins[short] = ("builtin", __version__)
            except Exception as exc:  # a broken built-in must not hide the others
                self._fail(module_name, "could not be loaded", exc)
        self._load_entry_points()
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            self.errors.append(PluginError(f"plugin {exc.plugin!r} implements an unknown hook: {exc}"))

    def _load_entry_points(self) -> None:
        setting = os.environ.get(ENV_VAR, "").strip()
        if setting.lower() in _OFF:
            return
        wanted = {part.strip() for part in setting.split(",") if part.strip()}
        for ep in sorted(metadata.entry_points(group=hookspecs.PROJECT_NAME), key=lambda e: e.name):
            dist = ep.dist.name if ep.dist is not None else None
            if wanted and ep.name not in wanted and (dist is None or dist not in wanted):
                continue
            if self.pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
                version = ep.dist.version if ep.dist is not None else None
                self.origins[ep.name] = (f"entry point ({dist})" if dist else "entry point", version)
            except Exception as exc:
                self._fail(ep.name, "could not be loaded", exc)

    def register(self, plugin: object, name: str | None, origin: str, version: str | None = None) -> str:
        registered = self.pm.register(plugin, name=name)
        if registered is None:
            raise PluginError(f"plugin {name or plugin!r} is already registered")
        self.origins[registered] = (origin, version)
        self.invalidate()
        return registered

    def unregister(self, name: str) -> None:
        self.pm.unregister(name=name)
        self.origins.pop(name, None)
        self.invalidate()

    def invalidate(self) -> None:
        self._parsers = None
        self._exporters = None
        self._parser_order = None
        if self.lexicons_applied:
            from .extract import lexicon

            lexicon.reset()
            self.lexicons_applied = False

    def _fail(self, name: str, what: str, exc: BaseException) -> None:
        error = PluginError(f"plugin {name!r} {what}: {type(exc).__name__}: {exc}")
        error.__cause__ = exc
        logger.warning("%s", error)
        self.errors.append(error)

    # -- collecting --------------------------------------------------------------
    def _collect(self, hook_name: str, kind: type[Any]) -> dict[str, tuple[Any, str]]:
        found: dict[str, tuple[Any, str]] = {}
        caller = getattr(self.pm.hook, hook_name)
        # get_hookimpls() lists implementations in registration order (built-ins first).
        for impl in caller.get_hookimpls():
            plugin_name = impl.plugin_name
            try:
                items = impl.function() or ()
                items = list(items)
            except Exception as exc:
                self._fail(plugin_name, f"failed in {hook_name}()", exc)
                continue
            for item in items:
                if not isinstance(item, kind) or not isinstance(getattr(item, "name", None), str) or not item.name:
                    what = f"returned something that is not a named {kind.__name__} from {hook_name}()"
                    self._fail(plugin_name, what, TypeError(repr(item)[:200]))
                    continue
                if item.name in found:
                    other = found[item.name][1]
                    self.errors.append(PluginError(
                        f"{kind.__name__.lower()} name {item.name!r} is claimed by both {other!r} and {plugin_name!r}; "
                        f"keeping {other!r}"))
                    continue
                found[item.name] = (item, plugin_name)
        return found

    @property
    def parsers(self) -> dict[str, tuple[Parser, str]]:
        if self._parsers is None:
            self._parsers = self._collect("register_parsers", Parser)
        return self._parsers

    @property
    def parser_order(self) -> tuple[Parser, ...]:
        """The parsers in registration order, collected once (every document is scored by all of them)."""
        if self._parser_order is None:
            self._parser_order = tuple(item for item, _ in self.parsers.values())
        return self._parser_order

    @property
    def exporters(self) -> dict[str, tuple[Exporter, str]]:
        if self._exporters is None:
            self._exporters = self._collect("register_exporters", Exporter)
        return self._exporters


_lock = threading.Lock()
_registry: _Registry | None = None


def _get() -> _Registry:
    global _registry
    with _lock:
        if _registry is None:
            _registry = _Registry()
        return _registry


def reset() -> None:
    """Forget every loaded plugin; the next use loads them again (for tests).

    Lexicon entries that plugins added are dropped too (with every other extension made
    through ``diplomacy_corpus.extract.lexicon.extend``).
    """
    global _registry
    with _lock:
        applied = _registry is not None and _registry.lexicons_applied
        _registry = None
    if applied:
        from .extract import lexicon

        lexicon.reset()


def apply_lexicons() -> None:
    """Feed every plugin's ``register_lexicons`` entries into the extraction lexicons, once.

    Called before the first extraction; a plugin whose hook raises or returns something
    that is not a mapping of lexicon name to entries is reported as a plugin error and
    skipped.
    """
    registry = _get()
    if registry.lexicons_applied:
        return
    registry.lexicons_applied = True
    from .extract import lexicon

    for impl in registry.pm.hook.register_lexicons.get_hookimpls():
        try:
            entries = impl.function() or {}
            if not isinstance(entries, dict):
                raise TypeError(f"expected a mapping of lexicon name to entries, not {type(entries).__name__}")
            for name, value in entries.items():
                lexicon.extend(str(name), value)
        except Exception as exc:
            registry._fail(impl.plugin_name, "failed in register_lexicons()", exc)


def get_plugin_manager() -> pluggy.PluginManager:
    """The pluggy PluginManager, with built-in and entry-point plugins loaded."""
    return _get().pm


def plugin_errors() -> list[PluginError]:
    """Errors met while loading plugins or calling their hooks, in the order met."""
    registry = _get()
    registry.parsers  # noqa: B018 - collecting may add errors
    registry.exporters  # noqa: B018
    return list(registry.errors)


def get_parsers() -> dict[str, Parser]:
    """Every available parser by name, in registration order (built-ins first)."""
    return {name: item for name, (item, _) in _get().parsers.items()}


def _ordered_parsers() -> tuple[Parser, ...]:
    """Every available parser in registration order, as ``get_parsers()`` lists them.

    For the API, which scores every document with every parser: no new mapping per call.
    """
    return _get().parser_order


def get_exporters() -> dict[str, Exporter]:
    """Every available exporter by format name, in registration order."""
    return {name: item for name, (item, _) in _get().exporters.items()}


def get_parser(name: str) -> Parser:
    """The parser called ``name``.

    Raises:
        UnknownPluginError: naming the available parsers.
    """
    return _named(get_parsers(), "parser", name)


def get_exporter(name: str) -> Exporter:
    """The exporter for format ``name``.

    Raises:
        UnknownPluginError: naming the available formats.
    """
    return _named(get_exporters(), "format", name)


def _named(table: dict[str, T], what: str, name: str) -> T:
    if name not in table:
        raise UnknownPluginError(f"unknown {what} {name!r}; available: {', '.join(sorted(table))}")
    return table[name]


def register(plugin: object, *, name: str | None = None) -> str:
    """Register a plugin object or module at run time; returns its registered name."""
    return _get().register(plugin, name, "registered")


def unregister(name: str) -> None:
    """Unregister a plugin registered with [`register`][diplomacy_corpus.plugins.register]."""
    _get().unregister(name)


def load_plugins_dir(directory: str | os.PathLike[str]) -> list[str]:
    """Load every ``*.py`` file in ``directory`` as a plugin (sorted by name).

    A file that fails to import is recorded as a plugin error; the others still load.

    Returns:
        The names of the plugins that were registered.
    """
    registry = _get()
    loaded: list[str] = []
    folder = Path(directory)
    if not folder.is_dir():
        raise PluginError(f"plugins directory {folder} does not exist")
    for path in sorted(folder.glob("*.py")):
        name = f"diplomacy_corpus_dir_plugin_{path.stem}"
        try:
            module = _import_file(name, path)
            loaded.append(registry.register(module, path.stem, f"directory ({folder})"))
        except Exception as exc:
            registry._fail(path.stem, f"from {path} could not be loaded", exc)
    return loaded


def _import_file(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def get_plugins(*, all: bool = False) -> list[PluginInfo]:  # noqa: A002 - mirrors the CLI flag
    """Describe the loaded plugins.

    Args:
        all: include the built-in plugins (by default only third-party ones are listed).

    Returns:
        One [`PluginInfo`][diplomacy_corpus.plugins.PluginInfo] per plugin, built-ins first.
    """
    registry = _get()
    parsers = registry.parsers
    exporters = registry.exporters
    infos: list[PluginInfo] = []
    for name, plugin in registry.pm.list_name_plugin():
        if plugin is None:
            continue
        origin, version = registry.origins.get(name, ("registered", None))
        if origin == "builtin" and not all:
            continue
        infos.append(PluginInfo(
            name=name, version=version, origin=origin,
            parsers=tuple(p for p, (_, owner) in parsers.items() if owner == name),
            exporters=tuple(e for e, (_, owner) in exporters.items() if owner == name),
        ))
    failed = {e for e in _failed_names(registry.errors)}
    for name in sorted(failed - {i.name for i in infos}):
        infos.append(PluginInfo(name=name, version=None, origin="failed",
                                error="; ".join(str(e) for e in registry.errors if f"{name!r}" in str(e))))
    builtin_first = sorted(infos, key=lambda i: (i.origin != "builtin",))
    return builtin_first


def _failed_names(errors: Iterable[PluginError]) -> set[str]:
    names = set()
    for error in errors:
        text = str(error)
        if text.startswith("plugin '"):
            names.add(text.split("'", 2)[1])
    return names
