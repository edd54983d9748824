"""Test settings: only the plugins a test registers itself are loaded."""

from __future__ import annotations

import os

# Installed third-party plugins (this one included) must not load from their entry
# points: each test registers the plugin under test with register_plugin().
os.environ["DIPLOMACY_CORPUS_PLUGINS"] = "none"
