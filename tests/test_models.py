from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomacy_corpus import Actor, Document, Event, Metric, PartialDate, Span


@pytest.mark.parametrize("text", ["2025-04-04", "2024-09", "2013", "--03-29", "--11"])
def test_partial_date_round_trips(text: str) -> None:
    assert PartialDate.parse(text).isoformat() == text


@pytest.mark.parametrize("text", ["2025-13-01", "2023-02-29", "--02-30", "29/3", "", "20255", "--3-29"])
def test_partial_date_rejects_impossible_or_malformed(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_date_leap_day_without_year_is_allowed() -> None:
    assert str(PartialDate(month=2, day=29)) == "--02-29"
    assert str(PartialDate(month=2, day=29).with_year(2024)) == "2024-02-29"


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28))
def test_partial_date_property(year: int, month: int, day: int) -> None:
    date = PartialDate(year=year, month=month, day=day)
    assert PartialDate.parse(str(date)) == date
    assert date.sort_key() == (year, month, day)


def test_span_of_and_validation() -> None:
    span = Span.of("Ngày 21/11, tại Hà Nội", 5, 10)
    assert span.text == "21/11"
    with pytest.raises(ValueError):
        Span(start=5, end=4, text="")
    with pytest.raises(ValueError):
        Span(start=-1, end=0, text="")
    with pytest.raises(ValueError):
        Span.of("abc", 2, 1)
    with pytest.raises(ValueError):
        Span.of("abc", -1, 1)
    with pytest.raises(TypeError):
        Span.of("abc", 0.5, 1)  # type: ignore[arg-type]


@given(st.text(max_size=30), st.integers(-3, 33), st.integers(-3, 33))
def test_span_of_equals_the_validated_constructor(text: str, start: int, end: int) -> None:
    """The fast path of ``Span.of`` builds exactly what the validated constructor builds."""
    try:
        expected = Span(start=start, end=end, text=text[start:end])
    except ValueError:
        with pytest.raises(ValueError):
            Span.of(text, start, end)
        return
    span = Span.of(text, start, end)
    assert span == expected and hash(span) == hash(expected) and repr(span) == repr(expected)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]


def test_tuple_fields_check_every_member() -> None:
    with pytest.raises(TypeError, match="mentions"):
        Actor(id="p1", name="x", kind="person", mentions=[Span.of("ab", 0, 1), "b"])
    with pytest.raises(TypeError, match="titles"):
        Actor(id="p1", name="x", kind="person", titles=[1])
    with pytest.raises(TypeError):
        Document(origin="a", source="text", text="", actors="not a tuple")  # type: ignore[arg-type]


def test_models_are_frozen_and_validated() -> None:
    actor = Actor(id="p1", name="Joe Biden", kind="person", country="US", titles=["Tổng thống"])
    assert actor.titles == ("Tổng thống",)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        actor.name = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):
        Actor(id="p1", name="x", kind="alien")
    with pytest.raises(ValueError):
        Actor(id="p1", name="x", kind="person", country="usa")
    with pytest.raises(ValueError):
        Event(id="e1", kind="party")
    with pytest.raises(ValueError):
        Metric(id="m1", kind="fdi", value=1, unit="bananas")
    with pytest.raises(ValueError):
        Metric(id="m1", kind="fdi", value=1, unit="USD", qualifier="roughly")


def test_event_dates_accept_strings() -> None:
    event = Event(id="e1", kind="visit", date="--11-20", date_end="--11-22", participants=["p1"])
    assert event.date == PartialDate(month=11, day=20)
    assert str(event.date_end) == "--11-22"


def test_document_helpers() -> None:
    actor = Actor(id="p1", name="Tô Lâm", kind="person")
    doc = Document(origin="a.txt", text="x", actors=[actor], published="2025-07-03T08:00:00+07:00")
    assert doc.actor("p1") is actor
    assert doc.actor("p9") is None
    assert doc.published_year() == 2025
    assert Document(origin="b").published_year() is None


def test_partial_date_formats_like_its_iso_string() -> None:
    assert f"{PartialDate(month=3, day=29):>10}|" == "   --03-29|"


@given(
    st.text(min_size=1, max_size=8),
    st.sampled_from(["person", "organization", "country"]),
    st.one_of(st.none(), st.sampled_from(["VN", "US"])),
    st.lists(st.text(max_size=6), max_size=3),
)
def test_trusted_builds_what_the_validating_constructor_builds(
    name: str, kind: str, country: str | None, titles: list[str]
) -> None:
    from diplomacy_corpus.models import _replace, _trusted

    span = Span.of(name, 0, len(name))
    made = _trusted(Actor, id="p1", name=name, kind=kind, country=country, titles=tuple(titles), mentions=(span,))
    expected = Actor(id="p1", name=name, kind=kind, country=country, titles=titles, mentions=[span])
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    doc = Document(origin="o", source="text", text=name)
    assert _replace(doc, actors=(made,)) == attrs.evolve(doc, actors=(expected,))
