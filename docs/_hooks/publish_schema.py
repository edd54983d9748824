"""MkDocs hook: publish the package's JSON Schema with the site.

The schema's ``$id`` is ``SITE/schema/corpus.schema.json``; this adds the file shipped
in the package (``src/diplomacy_corpus/schema/corpus.schema.json``) to the site at that
path, so the ``$id`` resolves and pages can link to it. Offline, no plugin needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

SCHEMA = Path("src") / "diplomacy_corpus" / "schema" / "corpus.schema.json"


def on_files(files: Files, config: Any) -> Files:
    """Add the schema to the site's files."""
    source = Path(config.config_file_path).parent / SCHEMA
    if source.is_file():
        files.append(File.generated(config, "schema/corpus.schema.json", abs_src_path=str(source)))
    return files
