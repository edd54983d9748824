"""The plugin system: entry-point discovery, isolation of broken plugins, the switch."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import diplomacy_corpus as dc
from diplomacy_corpus import plugins
from diplomacy_corpus.testing import register_plugin

_GOOD = '''
import diplomacy_corpus as dc

class NoteParser(dc.Parser):
    name = "{name}"
    description = "test notes"
    recognises = "texts that start with NOTE:"

    def score(self, source):
        return 0.9 if source.text.startswith("NOTE:") else 0.0

    def parse(self, source):
        return dc.Document(origin=source.origin, source=self.name, text=source.text[5:].strip())

@dc.hookimpl
def register_parsers():
    return [NoteParser()]
'''

_CRASH_ON_IMPORT = "raise RuntimeError('boom at import')\n"

_CRASH_IN_HOOK = '''
import diplomacy_corpus as dc

@dc.hookimpl
def register_parsers():
    raise ValueError("boom in hook")
'''

_GARBAGE = '''
import diplomacy_corpus as dc

@dc.hookimpl
def register_exporters():
    return ["not an exporter"]
'''


def _install(site: Path, dist: str, module: str, source: str, version: str = "1.2.0") -> None:
    """Make a real installed distribution with an entry point in the diplomacy_corpus group."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[diplomacy_corpus]\n{module} = {module}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("DIPLOMACY_CORPUS_PLUGINS", raising=False)
    plugins.reset()
    return tmp_path


def test_entry_point_plugin_is_discovered_listed_and_used(site: Path) -> None:
    _install(site, "dc-notes", "dc_notes", _GOOD.format(name="notes"))
    infos = {info.name: info for info in dc.get_plugins()}
    assert infos["dc_notes"].version == "1.2.0"
    assert infos["dc_notes"].parsers == ("notes",)
    assert infos["dc_notes"].origin == "entry point (dc-notes)"
    doc = dc.parse_text("NOTE: Ngày 5/3, hai bên hội đàm.", origin="n1", extract=False)
    assert doc.source == "notes"
    assert doc.text == "Ngày 5/3, hai bên hội đàm."


def test_builtins_are_listed_only_with_all(site: Path) -> None:
    names = {info.name for info in dc.get_plugins(all=True)}
    assert {"text_parser", "json_exporter"} <= names
    assert not {"text_parser", "json_exporter"} & {info.name for info in dc.get_plugins()}


def test_crashing_plugins_are_named_and_isolated(site: Path) -> None:
    _install(site, "dc-good", "dc_good", _GOOD.format(name="good"))
    _install(site, "dc-import-crash", "dc_import_crash", _CRASH_ON_IMPORT)
    _install(site, "dc-hook-crash", "dc_hook_crash", _CRASH_IN_HOOK)
    _install(site, "dc-garbage", "dc_garbage", _GARBAGE)
    assert "good" in dc.get_parsers()
    assert "text" in dc.get_parsers()
    assert {"json", "jsonl"} <= set(dc.get_exporters())
    errors = "\n".join(str(e) for e in plugins.plugin_errors())
    assert "'dc_import_crash'" in errors and "boom at import" in errors
    assert "'dc_hook_crash'" in errors and "boom in hook" in errors
    assert "'dc_garbage'" in errors and "not a named Exporter" in errors


def test_a_name_claimed_twice_is_an_error_naming_both(site: Path) -> None:
    _install(site, "dc-one", "dc_one", _GOOD.format(name="same"))
    _install(site, "dc-two", "dc_two", _GOOD.format(name="same"))
    assert "same" in dc.get_parsers()
    errors = [str(e) for e in plugins.plugin_errors()]
    assert any("'same'" in e and "'dc_one'" in e and "'dc_two'" in e for e in errors), errors


def test_environment_switch_turns_third_party_off(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install(site, "dc-notes", "dc_notes", _GOOD.format(name="notes"))
    monkeypatch.setenv("DIPLOMACY_CORPUS_PLUGINS", "none")
    plugins.reset()
    assert "notes" not in dc.get_parsers()
    assert "text" in dc.get_parsers()


def test_environment_switch_limits_to_named_plugins(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install(site, "dc-a", "dc_a", _GOOD.format(name="a"))
    _install(site, "dc-b", "dc_b", _GOOD.format(name="b"))
    monkeypatch.setenv("DIPLOMACY_CORPUS_PLUGINS", "dc-b")  # by distribution name
    plugins.reset()
    assert "b" in dc.get_parsers() and "a" not in dc.get_parsers()
    monkeypatch.setenv("DIPLOMACY_CORPUS_PLUGINS", "dc_a")  # by entry-point name
    plugins.reset()
    assert "a" in dc.get_parsers() and "b" not in dc.get_parsers()


def test_register_plugin_helper_registers_for_a_block_only() -> None:
    namespace: dict[str, object] = {}
    exec(compile(textwrap.dedent(_GOOD.format(name="inline")), "inline_plugin", "exec"), namespace)

    class Plugin:
        register_parsers = staticmethod(namespace["register_parsers"])  # type: ignore[arg-type]

    with register_plugin(Plugin(), name="inline-plugin") as name:
        assert name == "inline-plugin"
        assert "inline" in dc.get_parsers()
        assert dc.parse_text("NOTE: x y", extract=False).source == "inline"
    assert "inline" not in dc.get_parsers()


def test_register_plugin_unregisters_when_the_block_raises() -> None:
    namespace: dict[str, object] = {}
    exec(compile(textwrap.dedent(_GOOD.format(name="tmp")), "tmp_plugin", "exec"), namespace)

    class Plugin:
        register_parsers = staticmethod(namespace["register_parsers"])  # type: ignore[arg-type]

    with pytest.raises(KeyError), register_plugin(Plugin()):
        raise KeyError("x")
    assert "tmp" not in dc.get_parsers()


def test_plugins_dir_loads_files(tmp_path: Path) -> None:
    (tmp_path / "notes_plugin.py").write_text(textwrap.dedent(_GOOD.format(name="dirnotes")), encoding="utf-8")
    (tmp_path / "broken_plugin.py").write_text(_CRASH_ON_IMPORT, encoding="utf-8")
    loaded = plugins.load_plugins_dir(tmp_path)
    assert loaded == ["notes_plugin"]
    assert "dirnotes" in dc.get_parsers()
    assert any("broken_plugin" in str(e) for e in plugins.plugin_errors())


def test_unknown_names_list_the_choices() -> None:
    with pytest.raises(dc.UnknownPluginError, match=r"unknown format 'xlsx'; available: .*json"):
        dc.export([], "xlsx", "out.xlsx")
    with pytest.raises(LookupError, match=r"unknown parser 'nope'; available: .*text"):
        dc.parse_text("Hà Nội", parser="nope")


def test_import_is_lazy() -> None:
    import subprocess
    import sys

    code = ("import sys, diplomacy_corpus; "
            "print(any(m.startswith('diplomacy_corpus.default_plugins.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_register_lexicons_hook_extends_extraction() -> None:
    """A plugin can teach the extractor a new office title through register_lexicons."""
    from diplomacy_corpus.extract import lexicon

    text = ("Ngày 3/4, Thống lĩnh Hạm đội Xa Lạ Nguyễn Văn Bình đã hội đàm với "
            "Tổng thống Pháp Emmanuel Macron tại Paris.")
    assert "Thống lĩnh Hạm đội Xa Lạ" not in lexicon.load("titles")["titles"]
    new_entry = {"Thống lĩnh Hạm đội Xa Lạ": {"variants": [], "complement": False}}

    class Plugin:
        @staticmethod
        @dc.hookimpl
        def register_lexicons():
            return {"titles": {"titles": new_entry}}

    before = dc.parse_text(text, origin="t")
    with register_plugin(Plugin(), name="lexicon-plugin"):
        after = dc.parse_text(text, origin="t")
        assert "Thống lĩnh Hạm đội Xa Lạ" in lexicon.load("titles")["titles"]
    assert "Thống lĩnh Hạm đội Xa Lạ" not in lexicon.load("titles")["titles"]
    titled = {a.name: a.titles for a in after.actors if a.kind == "person"}
    assert "Thống lĩnh Hạm đội Xa Lạ" in titled.get("Nguyễn Văn Bình", ())
    assert "Thống lĩnh Hạm đội Xa Lạ" not in {t for a in before.actors for t in a.titles}


def test_a_broken_register_lexicons_is_named() -> None:
    class Broken:
        @staticmethod
        @dc.hookimpl
        def register_lexicons():
            return ["not", "a", "mapping"]

    with register_plugin(Broken(), name="broken-lexicons"):
        dc.parse_text("Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.", origin="t")
        assert any("broken-lexicons" in str(e) for e in plugins.plugin_errors())


def test_register_plugin_accepts_an_already_registered_plugin(site: Path) -> None:
    _install(site, "dc-notes", "dc_notes", _GOOD.format(name="notes"))
    assert "notes" in dc.get_parsers()
    import dc_notes  # type: ignore[import-not-found]

    with register_plugin(dc_notes) as name:
        assert name == "dc_notes"
        assert "notes" in dc.get_parsers()
    assert "notes" in dc.get_parsers()  # still installed, still registered
