"""The ``json`` and ``jsonl`` exporters, the shipped JSON Schema and ``load()``."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

import diplomacy_corpus as dc
from diplomacy_corpus import models
from diplomacy_corpus.exporting import json_schema

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize(
    ("definition", "model"),
    [
        ("document", models.Document),
        ("actor", models.Actor),
        ("event", models.Event),
        ("metric", models.Metric),
        ("span", models.Span),
    ],
)
def test_the_schema_lists_every_field_in_order(definition: str, model: type) -> None:
    schema = json_schema()["$defs"][definition]
    fields = [field.name for field in attrs.fields(model)]
    assert list(schema["properties"]) == fields
    assert schema["required"] == fields
    assert schema["additionalProperties"] is False


def test_the_schema_enums_are_the_vocabularies() -> None:
    defs = json_schema()["$defs"]
    assert set(defs["actor"]["properties"]["kind"]["enum"]) == models.ACTOR_KINDS
    assert set(defs["event"]["properties"]["kind"]["enum"]) == models.EVENT_KINDS
    assert set(defs["metric"]["properties"]["kind"]["enum"]) == models.METRIC_KINDS
    assert set(defs["metric"]["properties"]["unit"]["enum"]) == models.METRIC_UNITS
    assert set(defs["metric"]["properties"]["qualifier"]["enum"]) == models.QUALIFIERS | {None}


def test_the_docs_publish_the_schema() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    page = docs / "usage" / "outputs.md"
    if not page.is_file() or len(page.read_text(encoding="utf-8").splitlines()) < 3:
        pytest.skip("docs/usage/outputs.md is not written yet")
    assert "corpus.schema.json" in page.read_text(encoding="utf-8"), "the output page must publish the schema"
    for copy in docs.rglob("corpus.schema.json"):  # a copy served beside the pages must not drift
        assert json.loads(copy.read_text(encoding="utf-8")) == json_schema(), copy


def test_export_holds_versions_and_validates(tmp_path: Path, document: dc.Document) -> None:
    out = tmp_path / "corpus.json"
    assert dc.export([document, document], "json", out) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == dc.SCHEMA_VERSION
    assert data["generator"] == {"name": "diplomacy-corpus", "version": dc.__version__}
    VALIDATOR.validate(data)
    assert "Tô Lâm" in out.read_text(encoding="utf-8")  # UTF-8, not \\u escapes
    assert data["documents"][0]["metrics"][0]["value"] == 123000000000


def test_the_schema_rejects_what_the_models_reject(tmp_path: Path, document: dc.Document) -> None:
    out = tmp_path / "corpus.json"
    dc.export([document], "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    for path, bad in [
        (("events", 0, "kind"), "lunch"),
        (("events", 0, "date"), "4/4/2025"),
        (("actors", 0, "country"), "vn"),
        (("metrics", 0, "value"), "123"),
        (("actors", 0, "mentions", 0, "start"), -1),
        (("metrics", 0, "extra"), 1),
    ]:
        broken = json.loads(json.dumps(data))
        node = broken["documents"][0]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = bad
        assert not VALIDATOR.is_valid(broken), path


@SETTINGS
@given(st.lists(documents(), max_size=3))
def test_every_export_validates(tmp_path_factory: pytest.TempPathFactory, docs: list[dc.Document]) -> None:
    folder = tmp_path_factory.mktemp("json")
    dc.export(docs, "json", folder / "c.json")
    VALIDATOR.validate(json.loads((folder / "c.json").read_text(encoding="utf-8")))
    dc.export(docs, "jsonl", folder / "c.jsonl")
    line_schema = {**json_schema(), "$ref": "#/$defs/document"}
    for key in ("properties", "required", "additionalProperties", "type"):
        line_schema.pop(key)
    lines = (folder / "c.jsonl").read_text(encoding="utf-8").splitlines()  # any line splitter works
    assert len(lines) == len(docs)
    for line in lines:
        jsonschema.Draft202012Validator(line_schema).validate(json.loads(line))


@SETTINGS
@given(st.lists(documents(), max_size=3), st.sampled_from([("json", {}), ("json", {"indent": "none"}), ("jsonl", {})]))
def test_load_inverts_export_byte_for_byte(
    tmp_path_factory: pytest.TempPathFactory, docs: list[dc.Document], case: tuple[str, dict[str, str]]
) -> None:
    fmt, options = case
    folder = tmp_path_factory.mktemp(fmt)
    first, second = folder / f"a.{fmt}", folder / f"b.{fmt}"
    dc.export(docs, fmt, first, **options)
    loaded = list(dc.load(first))
    assert loaded == docs
    dc.export(loaded, fmt, second, **options)
    assert second.read_bytes() == first.read_bytes()


def test_compact_json_has_one_document_a_line(tmp_path: Path, document: dc.Document) -> None:
    dc.export([document, document], "json", tmp_path / "c.json", indent=0)
    lines = (tmp_path / "c.json").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8  # {, schema_version, generator, "documents": [, 2 documents, ], }
    VALIDATOR.validate(json.loads((tmp_path / "c.json").read_text(encoding="utf-8")))


def test_lone_surrogates_do_not_break_the_export(tmp_path: Path, document: dc.Document) -> None:
    odd = attrs.evolve(document, origin="b\udcffad.txt")  # an undecodable file name, as os.fsdecode gives it
    for fmt in ("json", "jsonl"):
        out = tmp_path / f"c.{fmt}"
        dc.export([odd], fmt, out)
        out.read_bytes().decode("utf-8")  # still valid UTF-8
        assert list(dc.load(out)) == [odd]


def test_json_rejects_unknown_options(tmp_path: Path, document: dc.Document) -> None:
    with pytest.raises(dc.ExportError, match="available: indent"):
        dc.export([document], "json", tmp_path / "c.json", colour="red")
    with pytest.raises(dc.ExportError, match="available: none"):
        dc.export([document], "jsonl", tmp_path / "c.json", indent=2)
    assert not (tmp_path / "c.json").exists()
