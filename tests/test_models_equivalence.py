"""The trusted constructors of the models build what the validating constructors build.

`_trusted`, `_builder`, `_replace` and `Span.of` set the slots of frozen instances
directly, without converters or validators. Given values the validating constructor
accepts unchanged, the instances must be equal, hash alike, print alike and hold the
very same field values.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import documents

from diplomacy_corpus.models import Actor, Document, Event, Metric, Span, _builder, _replace, _trusted


def _models(doc: Document) -> list[Any]:
    """The document and every model instance inside it."""
    found: list[Any] = [doc, *doc.actors, *doc.events, *doc.metrics]
    found += [span for actor in doc.actors for span in actor.mentions]
    found += [span for event in doc.events for span in event.evidence]
    found += [m.evidence for m in doc.metrics if m.evidence is not None]
    return found


def _same(made: Any, expected: Any, identical: bool = True) -> None:
    """Equal, and field by field the same objects (or, not ``identical``, equal values of one type)."""
    assert type(made) is type(expected)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    for f in attrs.fields(type(expected)):
        mine, theirs = getattr(made, f.name), getattr(expected, f.name)
        assert mine is theirs if identical else (type(mine) is type(theirs) and mine == theirs)


@given(documents(), st.data())
def test_trusted_instances_equal_validated_ones(doc: Document, data: st.DataObject) -> None:
    for model in _models(doc):
        cls = type(model)
        values = {f.name: getattr(model, f.name) for f in attrs.fields(cls)}
        _same(_trusted(cls, **values), model)
        _same(_builder(cls)(*values.values()), model)
        # Fields left out take their defaults, as in the validating constructor.
        optional = [f.name for f in attrs.fields(cls) if f.default is not attrs.NOTHING]
        left_out = data.draw(st.sets(st.sampled_from(optional))) if optional else set()
        given_values = {k: v for k, v in values.items() if k not in left_out}
        _same(_trusted(cls, **given_values), cls(**given_values))


@given(documents(), st.data())
def test_replace_is_evolve(doc: Document, data: st.DataObject) -> None:
    for model in _models(doc):
        cls = type(model)
        names = [f.name for f in attrs.fields(cls)]
        changed = data.draw(st.sets(st.sampled_from(names)))
        donor = data.draw(st.sampled_from([m for m in _models(doc) if type(m) is cls]))
        changes = {name: getattr(donor, name) for name in changed}
        try:
            expected = attrs.evolve(model, **changes)
        except ValueError:
            continue  # fields of two spans that make no span together: not valid values
        _same(_replace(model, **changes), expected)


@given(st.text(max_size=20), st.integers(0, 25), st.integers(0, 25))
def test_span_of_is_the_validated_span(text: str, start: int, length: int) -> None:
    end = start + length
    _same(Span.of(text, start, end), Span(start=start, end=end, text=text[start:end]), identical=False)


def test_span_of_still_refuses_bad_offsets() -> None:
    with pytest.raises(ValueError):
        Span.of("abc", 2, 1)
    with pytest.raises(TypeError):
        Span.of("abc", 0, 1.0)  # type: ignore[arg-type]


def test_factories_and_missing_fields() -> None:
    @attrs.define(frozen=True, kw_only=True)
    class Made:
        name: str
        tags: list[str] = attrs.Factory(list)
        twice: str = attrs.Factory(lambda self: self.name * 2, takes_self=True)

    made = _trusted(Made, name="ab")
    assert made == Made(name="ab") and made.tags is not _trusted(Made, name="ab").tags
    assert made.twice == "abab"
    assert _trusted(Made, twice="").name is attrs.NOTHING  # a required field not given, as always
    with pytest.raises(TypeError):
        _trusted(Made, name="ab", nmae="typo")


def test_builders_are_generated_once() -> None:
    assert _builder(Actor) is _builder(Actor)
    assert _builder(Event) is not _builder(Metric)
