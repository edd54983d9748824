"""The documentation stays true: names, hooks and options are documented, examples run.

* every public name (``diplomacy_corpus.__all__``) and every hook has its place in the
  docs, and the CLI page names every option;
* the code of the getting-started and Python API pages runs, and console examples print
  what the page says;
* the plugin tutorial shows exactly the files of ``plugins/diplomacy-corpus-vov/``, and
  following it literally in an empty folder (into a throwaway virtual environment,
  offline) gives a plugin that ``diplomacy-corpus plugins`` lists and whose tests pass;
* ``mkdocs build --strict`` passes and the API reference renders each public name with
  its documentation (when the ``docs`` extra is installed).
"""

from __future__ import annotations

import html
import inspect
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path
from typing import Any

import click
import pytest
from docs import mdblocks  # tests/docs/ (pytest puts tests/ on sys.path)

import diplomacy_corpus as dc
from diplomacy_corpus import hookspecs
from diplomacy_corpus.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
PLUGIN = ROOT / "plugins" / "diplomacy-corpus-vov"
TUTORIAL = DOCS / "plugins" / "tutorial.md"

HOOKS = sorted(
    name
    for name, value in vars(hookspecs).items()
    if callable(value) and hasattr(value, f"{hookspecs.PROJECT_NAME}_spec")
)


def _page(relative: str) -> str:
    return mdblocks.read(DOCS / relative)


def _reference_text() -> str:
    return "\n".join(mdblocks.read(path) for path in sorted(REFERENCE.glob("*.md")))


# -- names, hooks, options -------------------------------------------------------------


def test_the_hooks_are_found() -> None:
    assert {"register_parsers", "register_exporters"} <= set(HOOKS)


@pytest.mark.parametrize("name", sorted(dc.__all__))
def test_every_public_name_has_a_reference_entry(name: str) -> None:
    assert re.search(rf"^::: diplomacy_corpus\.{re.escape(name)}\s*$", _reference_text(), re.M), (
        f"diplomacy_corpus.{name} is public but no page of docs/reference/ renders it "
        f"(add '::: diplomacy_corpus.{name}')"
    )


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_signature_and_an_example(hook: str) -> None:
    guide = _page("plugins/index.md")
    spec = inspect.signature(getattr(hookspecs, hook))
    returns = spec.return_annotation
    signature = f"def {hook}({', '.join(spec.parameters)}) -> {returns}: ..."
    assert f"### `{hook}`" in guide, f"docs/plugins/index.md has no section for the hook {hook}"
    assert signature in guide, f"docs/plugins/index.md does not give the signature {signature!r}"
    examples = [
        b.content
        for b in mdblocks.blocks(guide)
        if b.lang == "python" and f"def {hook}(" in b.content and "@dc.hookimpl" in b.content
    ]
    assert examples, f"docs/plugins/index.md has no example implementing {hook}"
    assert f"::: diplomacy_corpus.hookspecs.{hook}\n" in _page("reference/hookspecs.md"), (
        f"docs/reference/hookspecs.md does not render {hook}"
    )


def test_discovery_is_documented() -> None:
    guide = _page("plugins/index.md")
    assert f"[project.entry-points.{hookspecs.PROJECT_NAME}]" in guide
    assert "DIPLOMACY_CORPUS_PLUGINS" in guide


def _cli_commands() -> list[click.Command]:
    assert isinstance(cli_main, click.Group)
    return list(cli_main.commands.values())


@pytest.mark.parametrize("command", _cli_commands(), ids=lambda c: c.name)
def test_every_cli_command_and_option_is_on_the_cli_page(command: click.Command) -> None:
    page = _page("usage/cli.md")
    assert f"`diplomacy-corpus {command.name}`" in page
    for param in command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                assert f"`{flag}" in page, f"option {flag} of '{command.name}' is not on docs/usage/cli.md"


def test_every_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in DOCS.rglob("*.md"):
        relative = path.relative_to(DOCS).as_posix()
        if not relative.startswith("_"):
            assert relative in config, f"{relative} is not in the nav of mkdocs.yml"


def test_the_home_page_sample_is_a_document() -> None:
    import json

    sample = json.loads((DOCS / "assets" / "sample.json").read_text(encoding="utf-8"))
    document = dc.document_from_dict(sample)
    assert document.origin.endswith(".txt")
    assert '--8<-- "docs/assets/sample.json"' in _page("index.md")


# -- examples run ----------------------------------------------------------------------


def _run_console(
    block: mdblocks.Block, cwd: Path, env: dict[str, str] | None = None, argv0: dict[str, list[str]] | None = None
) -> None:
    """Run the commands of a console block; check the output lines it shows."""
    for command, expected in mdblocks.commands(block):
        argv = shlex.split(command)
        if argv0 and argv[0] in argv0:
            argv = argv0[argv[0]] + argv[1:]
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"line {block.line}: {command!r} failed:\n{done.stdout}\n{done.stderr}"
        for line in expected:
            assert mdblocks.output_pattern(line).search(done.stdout), (
                f"line {block.line}: {command!r} did not print {line!r}; it printed:\n{done.stdout}"
            )


def _run_page(relative: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run a page's console and untitled python blocks in order, in ``cwd``; return how many ran."""
    monkeypatch.chdir(cwd)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    cli = {"diplomacy-corpus": [sys.executable, "-m", "diplomacy_corpus.cli"]}
    ran = 0
    for block in mdblocks.blocks(_page(relative)):
        if block.lang == "console":
            _run_console(block, cwd, argv0=cli)
        elif block.lang == "python" and block.title is None:
            code = compile(block.content, f"{relative}:{block.line}", "exec")
            exec(code, namespace)
        else:
            continue
        ran += 1
    return ran


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty folder with a copy of seeds/, as the examples expect."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


@pytest.mark.parametrize("page", ["getting-started.md", "usage/cli.md", "usage/python-api.md", "usage/errors.md"])
def test_the_examples_of_a_page_run(
    page: str, workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_page(page, workdir, monkeypatch) >= 1


def _example_plugins(relative: str) -> list[tuple[int, Any]]:
    """The complete plugin examples of a page (python blocks with ``@dc.hookimpl``), as modules."""
    found = []
    for block in mdblocks.blocks(_page(relative)):
        if block.lang != "python" or "@dc.hookimpl" not in block.content:
            continue
        if re.search(r"^\s+\.\.\.$", block.content, re.M):
            continue  # a sketch, with "..." for the body
        module = type(sys)(f"docs_example_{block.line}")
        exec(compile(block.content, f"{relative}:{block.line}", "exec"), module.__dict__)
        found.append((block.line, module))
    return found


@pytest.mark.parametrize("page", ["plugins/index.md", "plugins/exporters.md", "plugins/testing.md"])
def test_the_plugin_examples_are_working_plugins(page: str) -> None:
    from diplomacy_corpus.testing import register_plugin

    examples = _example_plugins(page)
    assert examples, f"{page} has no complete plugin example"
    for line, module in examples:
        plugin = next((v for v in vars(module).values() if isinstance(v, type) and v.__name__.endswith("Plugin")), None)
        with register_plugin(plugin() if plugin is not None else module):
            assert dc.plugins.plugin_errors() == [], f"{page}:{line}"
        for name, test in vars(module).items():
            if name.startswith("test_") and callable(test):
                test()  # the page's own example tests


def test_the_exporter_example_writes_a_timeline(tmp_path: Path) -> None:
    from diplomacy_corpus.testing import register_plugin

    ((_, module),) = _example_plugins("plugins/exporters.md")
    event = dc.Event(id="e1", kind="talks", date=dc.PartialDate(year=2020, month=11, day=21), participants=("p1",))
    document = dc.Document(
        origin="a.txt",
        title="Hội đàm",
        text="Hội đàm.",
        events=(event,),
        actors=(dc.Actor(id="p1", name="Phạm Bình Minh", kind="person"),),
    )
    with register_plugin(module):
        assert dc.export([document], "timeline", tmp_path / "t.tsv") == 1
    lines = (tmp_path / "t.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:2] == ["date", "kind"]
    assert lines[1].startswith("2020-11-21\ttalks\t") and lines[1].endswith("\tHội đàm")


def test_the_directory_lists_every_plugin() -> None:
    page = _page("plugins/directory.md")
    for module in dc.plugins.DEFAULT_PLUGINS:
        assert f"`{module.rsplit('.', 1)[1]}`" in page, f"built-in plugin {module} is not in docs/plugins/directory.md"
    for folder in (ROOT / "plugins").iterdir():
        if (folder / "pyproject.toml").is_file():
            assert f"`{folder.name}`" in page, f"plugins/{folder.name} is not in docs/plugins/directory.md"


# -- the tutorial --------------------------------------------------------------------------


def test_the_tutorial_shows_exactly_the_files_of_the_example_plugin() -> None:
    shown = mdblocks.files(mdblocks.read(TUTORIAL))
    actual = {
        path.relative_to(PLUGIN).as_posix(): path.read_text(encoding="utf-8")
        for path in PLUGIN.rglob("*")
        if path.is_file()
        and not {"__pycache__", ".pytest_cache"} & set(path.parts)
        and ".egg-info" not in path.as_posix()
    }
    assert sorted(shown) == sorted(actual), "the tutorial and plugins/diplomacy-corpus-vov/ hold different files"
    for path, text in actual.items():
        assert shown[path] == text, (
            f"the tutorial's {path} differs from plugins/diplomacy-corpus-vov/{path}; "
            "run: .venv/bin/python tests/docs/sync_tutorial.py"
        )


_PIP = '''#!{python}
"""pip for the docs test: installs offline, without dependencies (they are all there)."""
import os, subprocess, sys
args = sys.argv[1:]
if args[:1] == ["install"]:
    args = ["install", "--no-deps", "--no-build-isolation", "--no-index", *args[1:]]
    if {emulate}:
        sys.exit(subprocess.call([sys.executable, {emulator!r}, *args]))
sys.exit(subprocess.call([sys.executable, "-m", "pip", *args]))
'''

_EMULATOR = '''"""Install a src-layout project in editable mode without a build backend.

Used only where hatchling is not importable offline: writes the .dist-info with the
project's entry points and a .pth pointing at src/, which is what an editable install
of such a project amounts to.
"""
import sys, sysconfig, tomllib
from pathlib import Path

project = Path(sys.argv[-1].split("[", 1)[0]).resolve()  # ".[test]" is the project "."
meta = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))["project"]
name, version = meta["name"], meta["version"]
site = Path(sysconfig.get_path("purelib"))
info = site / f"{name.replace('-', '_')}-{version}.dist-info"
info.mkdir(exist_ok=True)
(info / "METADATA").write_text(f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n", "utf-8")
lines = []
for group, points in meta.get("entry-points", {}).items():
    lines.append(f"[{group}]")
    lines += [f"{key} = {value}" for key, value in points.items()]
(info / "entry_points.txt").write_text("\\n".join(lines) + "\\n", "utf-8")
(site / f"_{name.replace('-', '_')}.pth").write_text(str(project / "src") + "\\n", "utf-8")
print(f"Successfully installed {name}-{version}")
'''


def _throwaway_venv(where: Path) -> Path:
    """A venv that sees this environment's packages (read-only) and has its own site-packages."""
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(where)
    bin_dir = where / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    parent = sysconfig.get_path("purelib")
    # Processed after the venv's own .pth files, so what the tutorial installs comes first.
    (Path(purelib) / "zz_docs_test_parent.pth").write_text(f"import site; site.addsitedir({parent!r})\n")
    try:
        import editables  # noqa: F401  (hatchling builds editable wheels with it)
        import hatchling  # noqa: F401

        emulate = False
    except ImportError:
        if sys.version_info < (3, 11):
            pytest.skip("needs hatchling, or Python 3.11+ to install the tutorial's plugin offline")
        emulate = True
    emulator = where / "editable_install.py"
    emulator.write_text(_EMULATOR, encoding="utf-8")
    scripts = {
        "pip": _PIP.format(python=python, emulate=emulate, emulator=str(emulator)),
        "diplomacy-corpus": f"#!/bin/sh\nexec '{python}' -m diplomacy_corpus.cli \"$@\"\n",
        "pytest": f"#!/bin/sh\nexec '{python}' -m pytest -p no:cacheprovider \"$@\"\n",
    }
    for name, text in scripts.items():
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return bin_dir


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="the tutorial's commands are POSIX shell")
def test_following_the_tutorial_literally_gives_a_listed_working_plugin(tmp_path: Path) -> None:
    bin_dir = _throwaway_venv(tmp_path / "venv")
    env = {key: value for key, value in os.environ.items() if key not in ("DIPLOMACY_CORPUS_PLUGINS", "PYTHONPATH")}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        VIRTUAL_ENV=str(bin_dir.parent),
        PIP_NO_INPUT="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    cwd = tmp_path / "work"
    cwd.mkdir()
    page = mdblocks.read(TUTORIAL)
    written: dict[str, list[str]] = {}
    ran: list[str] = []
    for block in mdblocks.blocks(page):
        if block.title is not None:  # write (a part of) a file, as the reader does
            parts = written.setdefault(str(cwd / block.title), [])
            parts.append(block.content)
            target = cwd / block.title
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(mdblocks.assemble(parts), encoding="utf-8")
        elif block.lang == "console":
            for command, expected in mdblocks.commands(block):
                argv = shlex.split(command)
                if argv[0] == "cd":
                    cwd = (cwd / argv[1]).resolve()
                    continue
                done = subprocess.run(
                    command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, timeout=300
                )
                assert done.returncode == 0, (
                    f"tutorial line {block.line}: {command!r} failed:\n{done.stdout}\n{done.stderr}"
                )
                for line in expected:
                    assert mdblocks.output_pattern(line).search(done.stdout), (
                        f"tutorial line {block.line}: {command!r} did not print {line!r}; it printed:\n{done.stdout}"
                    )
                ran.append(argv[0])
    assert {"pip", "diplomacy-corpus", "pytest"} <= set(ran)
    # The plugin that was listed and tested is the one just written, not an installed copy.
    probe = subprocess.run(
        [
            bin_dir / "python",
            "-c",
            "import diplomacy_corpus_vov, importlib.metadata as m; print(diplomacy_corpus_vov.__file__);"
            "print([ep.value for ep in m.entry_points(group='diplomacy_corpus') if ep.name == 'vov'])",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, entry_points = probe.stdout.splitlines()
    assert Path(module_file).resolve().is_relative_to(tmp_path.resolve())
    assert entry_points == "['diplomacy_corpus_vov']"
    assert (cwd / "vov.json").is_file()


# -- the site builds -------------------------------------------------------------------------


def _html_text(path: Path) -> str:
    text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
    return " ".join(html.unescape(text).split())


def _summary(docstring: str) -> str:
    """The first words of a docstring's summary, as they read once rendered."""
    first = docstring.strip().split("\n\n", 1)[0]
    first = re.sub(r"\[`?([^\]`]+)`?\]\[[^\]]*\]", r"\1", first)
    first = first.replace("``", "").replace("`", "").replace("**", "")
    return " ".join(first.split()[:6])


@pytest.mark.slow
def test_the_site_builds_strictly_and_renders_the_api_reference(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    griffe = pytest.importorskip("griffe", reason="the docs extra is not installed")
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    pages = {path: path.read_text(encoding="utf-8") for path in (site / "reference").rglob("index.html")}
    package = griffe.load("diplomacy_corpus", search_paths=[str(ROOT / "src")])
    wanted = [f"diplomacy_corpus.{name}" for name in dc.__all__]
    wanted += [f"diplomacy_corpus.hookspecs.{hook}" for hook in HOOKS]
    for identifier in wanted:
        where = [path for path, text in pages.items() if f'id="{identifier}"' in text]
        assert where, f"{identifier} is not rendered in the API reference"
        obj = package[identifier.split(".", 1)[1]]
        if obj.docstring is None:
            continue
        summary = _summary(obj.docstring.value)
        assert summary in _html_text(where[0]), f"{identifier}: its docstring ({summary!r}...) is not rendered"
    models = (site / "reference" / "models" / "index.html").read_text(encoding="utf-8")
    for model in ("Document", "Actor", "Event", "Metric"):  # attrs fields render with their docstrings
        for field in package[model].members.values():
            if field.is_attribute and not field.name.startswith("_") and field.docstring is not None:
                assert f'id="diplomacy_corpus.{model}.{field.name}"' in models, f"{model}.{field.name} is not rendered"
    assert (site / "schema" / "corpus.schema.json").is_file()
    external = re.compile(r'<script[^>]+src="https?://|<link[^>]+rel="stylesheet"[^>]+href="https?://')
    for page in site.rglob("*.html"):  # the site works offline: no CDN scripts, no web fonts
        assert not external.search(page.read_text(encoding="utf-8")), f"{page} loads something from the web"


def test_the_accuracy_figures_can_be_filled_in_place() -> None:
    from docs import fill_accuracy

    page = _page("accuracy.md")
    assert page.count(fill_accuracy.START) == 1 and page.count(fill_accuracy.END) == 1
    area = {"precision": 0.5, "recall": 0.25, "f1": 1 / 3}
    summary = {
        "actors": area,
        "events": area,
        "metrics": area,
        "detail": {**{key: 0.9 for key, _ in fill_accuracy.DETAILS}, "forbidden_actors": ["x: Hải Minh"]},
    }
    block = fill_accuracy.render([("seeds", 5, summary), ("development", 21, summary)], "9.9", "2030-01-01")
    assert block.startswith(fill_accuracy.START) and block.endswith(fill_accuracy.END)
    assert "| development (21) | events | 0.500 | 0.250 | 0.333 |" in block
    assert "| forbidden actors found (bylines, credits, related news) | 1 | 1 |" in block


def test_every_exit_status_of_the_cli_is_documented() -> None:
    import diplomacy_corpus.cli as cli

    statuses = set(re.findall(r"\b(\d+) (?:when|on)\b", cli.__doc__ or ""))
    assert {"0", "1", "2"} <= statuses, "the CLI's docstring no longer lists its exit statuses"
    page = _page("usage/errors.md")
    for status in statuses:
        assert f"| `{status}` |" in page, f"exit status {status} is not in docs/usage/errors.md"
