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
    it, even when the block raises.

    Yields:
        The name the plugin was registered under.
    """
    registered = plugins.register(plugin, name=name)
    try:
        yield registered
    finally:
        plugins.unregister(registered)
