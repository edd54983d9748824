"""Conversion between models and plain data (dicts, lists, strings, numbers).

One cattrs converter does it both ways, so ``from_dict(to_dict(doc)) == doc``. The
plain form is what the JSON export writes (see the JSON Schema in
``diplomacy_corpus/schema/corpus.schema.json``): dates as partial ISO 8601 strings,
integral metric values as integers.
"""

from __future__ import annotations

from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn

from .models import Actor, Document, Event, Metric, PartialDate, Span

__all__ = ["converter", "document_from_dict", "document_to_dict"]

converter = cattrs.Converter(forbid_extra_keys=False)
"""The converter used by the JSON exporters and by ``load()``."""

converter.register_unstructure_hook(PartialDate, lambda d: d.isoformat())
converter.register_structure_hook(PartialDate, lambda value, _: PartialDate.parse(value))


def _number(value: float) -> float | int:
    if value == value and abs(value) != float("inf") and float(value).is_integer() and abs(value) < 2**63:
        return int(value)
    return value


_metric_base = make_dict_unstructure_fn(Metric, converter)


def _unstructure_metric(metric: Metric) -> dict[str, Any]:
    data = _metric_base(metric)
    data["value"] = _number(metric.value)
    return data


converter.register_unstructure_hook(Metric, _unstructure_metric)

# Tuples of strings and spans round-trip through lists.
for _cls in (Span, Actor, Event, Document):
    converter.register_unstructure_hook(_cls, make_dict_unstructure_fn(_cls, converter))


def document_to_dict(document: Document) -> dict[str, Any]:
    """The plain-data form of a document, in the field order of the JSON export."""
    data: dict[str, Any] = converter.unstructure(document)
    return data


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a document from its plain-data form (as read from a JSON export)."""
    return converter.structure(data, Document)
