"""Helpers for plugin authors' tests.

Example:
    ```python
    import diplomacy_corpus as dc
    from diplomacy_corpus.testing import register_plugin

    def test_my_parser_is_chosen():
        with register_plugin(my_plugin_module):
            doc = dc.parse_text("<html>...</html>", url="https://myoutlet.vn/a.html")
            assert doc.source == "myoutlet"
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from . import plugins

__all__ = ["register_plugin"]


@contextmanager
def register_plugin(plugin: object, *, name: str | None = None) -> Iterator[str]:
    """Register ``plugin`` (a module or an object with ``@hookimpl`` functions) for a block.

    The plugin's parsers and exporters are available inside the block and gone after
    it, even when the block raises. A plugin that is already registered (an installed
    plugin loaded through its entry point) stays as it is, active inside the block.

    Yields:
        The name the plugin was registered under.
    """
    manager = plugins.get_plugin_manager()
    if manager.is_registered(plugin):  # already active, e.g. loaded through its installed entry point
        yield manager.get_name(plugin) or ""
        return
    registered = plugins.register(plugin, name=name)
    try:
        yield registered
    finally:
        plugins.unregister(registered)
