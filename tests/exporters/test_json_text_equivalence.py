"""``document_to_json`` writes exactly what the json encoder writes for ``document_to_dict``.

The ``jsonl`` exporter writes documents straight from the models with it; any value it
would not write as the encoder does makes it raise, and the exporter takes the plain way.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents

import diplomacy_corpus as dc
from diplomacy_corpus import models
from diplomacy_corpus.convert import UnusualValue, document_to_dict, document_to_json, fast_json_usable
from diplomacy_corpus.default_plugins.json_exporter import _encode_compact, _fast_json_checked


def _plain(document: dc.Document) -> str:
    return _encode_compact(document_to_dict(document))


def test_the_fast_way_is_in_use() -> None:
    assert fast_json_usable()
    assert _fast_json_checked()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_same_text_as_the_encoder(document: dc.Document) -> None:
    assert document_to_json(document) == _plain(document)


def _with_span(start: object) -> dc.Document:
    span = models._trusted(dc.Span, start=start, end=1, text="x")
    actor = dc.Actor(id="a1", name="A", kind="person", mentions=(dc.Span.of("x", 0, 1),))
    return models._trusted(dc.Document, origin="o", text="x", actors=(models._replace(actor, mentions=(span,)),))


@pytest.mark.parametrize("start", [True, type("Int", (int,), {})(0)])
def test_an_offset_that_is_not_a_plain_int_is_left_to_the_encoder(start: object) -> None:
    with pytest.raises(UnusualValue):
        document_to_json(_with_span(start))


def test_a_number_that_is_not_finite_is_left_to_the_encoder() -> None:
    metric = models._trusted(dc.Metric, id="m1", kind="export", value=math.nan, unit="USD", text="t")
    with pytest.raises(UnusualValue):
        document_to_json(models._trusted(dc.Document, origin="o", metrics=(metric,)))


def test_jsonl_export_of_unusual_documents_is_the_plain_one(tmp_path: Path) -> None:
    odd = _with_span(True)
    plain = dc.parse_text("Chiều 5/3, Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội.", origin="t")
    dc.export([odd, plain], "jsonl", tmp_path / "o.jsonl")
    lines = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == [_plain(odd), _plain(plain)]
    assert '"start":true' in lines[0]
