"""Conversion between models and plain data (dicts, lists, strings, numbers).

One cattrs converter does it both ways, so ``from_dict(to_dict(doc)) == doc``. The
plain form is what the JSON export writes (see the JSON Schema in
``diplomacy_corpus/schema/corpus.schema.json``): dates as partial ISO 8601 strings,
integral metric values as integers.
"""

from __future__ import annotations

from json import encoder as json_encoder
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from .models import Actor, Document, Event, Metric, PartialDate, Span

__all__ = [
    "UnusualValue", "converter", "document_from_dict", "document_to_dict", "document_to_json", "fast_json_usable",
]

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


# -- a fast path for the exporters -------------------------------------------------------
#
# The generated cattrs functions dispatch every optional field and every tuple element
# through the converter, which costs more than the JSON encoding itself on a corpus of
# thousands of documents. The hand-written functions below give exactly the same dicts
# (same keys, same order, same values) for the models as they are today. Should a model
# gain, lose or retype a field, ``_FIELDS`` no longer matches and the generated functions
# above stay in place, so the output is never wrong, only slower (and a test says so).


def _span_to_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _actor_to_dict(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "titles": list(actor.titles),
        "aliases": list(actor.aliases),
        "mentions": [_span_to_dict(s) for s in actor.mentions],
    }


def _event_to_dict(event: Event) -> dict[str, Any]:
    date, date_end = event.date, event.date_end
    return {
        "id": event.id,
        "kind": event.kind,
        "date": None if date is None else date.isoformat(),
        "date_end": None if date_end is None else date_end.isoformat(),
        "participants": list(event.participants),
        "location": event.location,
        "level": event.level,
        "cameo": event.cameo,
        "plover": event.plover,
        "evidence": [_span_to_dict(s) for s in event.evidence],
    }


def _metric_to_dict(metric: Metric) -> dict[str, Any]:
    evidence = metric.evidence
    return {
        "id": metric.id,
        "kind": metric.kind,
        "value": _number(metric.value),
        "unit": metric.unit,
        "period": metric.period,
        "qualifier": metric.qualifier,
        "text": metric.text,
        "evidence": None if evidence is None else _span_to_dict(evidence),
    }


def _document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "origin": document.origin,
        "source": document.source,
        "title": document.title,
        "lead": document.lead,
        "url": document.url,
        "author": document.author,
        "published": document.published,
        "section": document.section,
        "language": document.language,
        "text": document.text,
        "captions": list(document.captions),
        "related": list(document.related),
        "actors": [_actor_to_dict(actor) for actor in document.actors],
        "events": [_event_to_dict(event) for event in document.events],
        "metrics": [_metric_to_dict(metric) for metric in document.metrics],
    }


_OPT_STR = str | None
_STRS = tuple[str, ...]
_SPANS = tuple[Span, ...]
_OPT_DATE = PartialDate | None
#: The fields (name, type) the hand-written functions were written for, per model.
_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {
    Span: (("start", int), ("end", int), ("text", str)),
    Actor: (("id", str), ("name", str), ("kind", str), ("country", _OPT_STR), ("titles", _STRS),
            ("aliases", _STRS), ("mentions", _SPANS)),
    Event: (("id", str), ("kind", str), ("date", _OPT_DATE), ("date_end", _OPT_DATE), ("participants", _STRS),
            ("location", _OPT_STR), ("level", _OPT_STR), ("cameo", _OPT_STR), ("plover", _OPT_STR),
            ("evidence", _SPANS)),
    Metric: (("id", str), ("kind", str), ("value", float), ("unit", str), ("period", _OPT_STR),
             ("qualifier", _OPT_STR), ("text", str), ("evidence", Span | None)),
    Document: (("origin", str), ("source", _OPT_STR), ("title", _OPT_STR), ("lead", _OPT_STR), ("url", _OPT_STR),
               ("author", _OPT_STR), ("published", _OPT_STR), ("section", _OPT_STR), ("language", str),
               ("text", str), ("captions", _STRS), ("related", _STRS), ("actors", tuple[Actor, ...]),
               ("events", tuple[Event, ...]), ("metrics", tuple[Metric, ...])),
}


def _models_unchanged() -> bool:
    """Whether every model still has exactly the fields the fast functions were written for."""
    return all(
        tuple((field.name, field.type) for field in attrs.fields(cls)) == expected for cls, expected in _FIELDS.items()
    )


#: True when the hand-written functions are in use (see ``_FIELDS``).
FAST_UNSTRUCTURE = _models_unchanged()
if FAST_UNSTRUCTURE:
    for _model, _to_dict in ((Span, _span_to_dict), (Actor, _actor_to_dict), (Event, _event_to_dict),
                             (Metric, _metric_to_dict), (Document, _document_to_dict)):
        converter.register_unstructure_hook(_model, _to_dict)


# -- compact JSON text straight from the models, for the jsonl exporter ---------------------
#
# ``json`` builds a list of items for every dict and a string for every key and number:
# for the small dicts of spans and actors that costs more than the text itself. The
# functions below write the same compact JSON (``separators=(",", ":")``, non-ASCII kept)
# that the encoder writes for `document_to_dict`'s dicts, without building them. Any value
# they would not write exactly as the encoder does (a bool or int subclass for an offset,
# a number that is not finite, a non-string where a string belongs) raises, and the caller
# takes the plain way, which writes (or refuses) it as before.

_json_string: Any = json_encoder.encode_basestring  # what the C encoder itself calls for strings


class UnusualValue(Exception):
    """A value that `document_to_json` does not write exactly as the json module would."""


def _opt_json(value: str | None) -> str:
    return "null" if value is None else _json_string(value)


def _strings_json(values: tuple[str, ...]) -> str:
    return "[" + ",".join(map(_json_string, values)) + "]"


def _span_json(span: Span) -> str:
    start, end = span.start, span.end
    if type(start) is not int or type(end) is not int:  # a bool would be written "true"
        raise UnusualValue(span)
    return f'{{"start":{start},"end":{end},"text":{_json_string(span.text)}}}'


def _spans_json(spans: tuple[Span, ...]) -> str:
    return "[" + ",".join(map(_span_json, spans)) + "]"


def _actor_json(actor: Actor) -> str:
    string = _json_string
    return (
        f'{{"id":{string(actor.id)},"name":{string(actor.name)},"kind":{string(actor.kind)},'
        f'"country":{_opt_json(actor.country)},"titles":{_strings_json(actor.titles)},'
        f'"aliases":{_strings_json(actor.aliases)},"mentions":{_spans_json(actor.mentions)}}}'
    )


def _date_json(date: PartialDate | None) -> str:
    return "null" if date is None else _json_string(date.isoformat())


def _event_json(event: Event) -> str:
    return (
        f'{{"id":{_json_string(event.id)},"kind":{_json_string(event.kind)},"date":{_date_json(event.date)},'
        f'"date_end":{_date_json(event.date_end)},"participants":{_strings_json(event.participants)},'
        f'"location":{_opt_json(event.location)},"level":{_opt_json(event.level)},'
        f'"cameo":{_opt_json(event.cameo)},"plover":{_opt_json(event.plover)},'
        f'"evidence":{_spans_json(event.evidence)}}}'
    )


def _number_json(value: float) -> str:
    if type(value) is float and value - value == 0:  # finite: what _number gives, written as json writes it
        return repr(int(value)) if value.is_integer() and abs(value) < 2**63 else repr(value)
    number = _number(value)
    if type(number) is int:
        return repr(number)
    raise UnusualValue(value)


def _metric_json(metric: Metric) -> str:
    evidence = metric.evidence
    return (
        f'{{"id":{_json_string(metric.id)},"kind":{_json_string(metric.kind)},"value":{_number_json(metric.value)},'
        f'"unit":{_json_string(metric.unit)},"period":{_opt_json(metric.period)},'
        f'"qualifier":{_opt_json(metric.qualifier)},"text":{_json_string(metric.text)},'
        f'"evidence":{"null" if evidence is None else _span_json(evidence)}}}'
    )


def document_to_json(document: Document) -> str:
    """The compact JSON of `document_to_dict` (``separators=(",", ":")``, ``ensure_ascii=False``),
    written straight from the models.

    Meant for exporters that checked `fast_json_usable` first.

    Raises:
        UnusualValue: (or TypeError) for a value it does not write as the json module
            would; encode `document_to_dict` instead.
    """
    return (
        f'{{"origin":{_json_string(document.origin)},"source":{_opt_json(document.source)},'
        f'"title":{_opt_json(document.title)},"lead":{_opt_json(document.lead)},"url":{_opt_json(document.url)},'
        f'"author":{_opt_json(document.author)},"published":{_opt_json(document.published)},'
        f'"section":{_opt_json(document.section)},"language":{_json_string(document.language)},'
        f'"text":{_json_string(document.text)},"captions":{_strings_json(document.captions)},'
        f'"related":{_strings_json(document.related)},'
        f'"actors":[{",".join([_actor_json(actor) for actor in document.actors])}],'
        f'"events":[{",".join([_event_json(event) for event in document.events])}],'
        f'"metrics":[{",".join([_metric_json(metric) for metric in document.metrics])}]}}'
    )


def fast_json_usable() -> bool:
    """Whether `document_to_json` writes what encoding `document_to_dict` writes: the models
    are those it was written for and the converter still unstructures documents with the
    hand-written function (no hook registered since)."""
    try:
        return FAST_UNSTRUCTURE and converter.get_unstructure_hook(Document) is _document_to_dict
    except Exception:  # another cattrs
        return False


def document_to_dict(document: Document) -> dict[str, Any]:
    """The plain-data form of a document, in the field order of the JSON export."""
    data: dict[str, Any] = converter.unstructure(document)
    return data


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a document from its plain-data form (as read from a JSON export)."""
    return converter.structure(data, Document)
