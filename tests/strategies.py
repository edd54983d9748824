"""Hypothesis strategies for the models, for any test that needs documents.

``documents()`` builds a [`Document`][diplomacy_corpus.Document] whose spans all point
at its own text (``text[span.start:span.end] == span.text``), whose event participants
are ids of its actors, and whose ids are unique within it, like the ones a parser and
the extractor produce. The smaller strategies (``spans(text)``, ``partial_dates()``,
``actors(text)``, ``events(text, actor_ids)``, ``metrics(text)``) are usable alone.

Example:
    ```python
    from hypothesis import given
    from strategies import documents

    @given(documents())
    def test_something(document): ...
    ```
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from diplomacy_corpus.models import (
    ACTOR_KINDS,
    EVENT_KINDS,
    METRIC_KINDS,
    METRIC_UNITS,
    QUALIFIERS,
    Actor,
    Document,
    Event,
    Metric,
    PartialDate,
    Span,
)

__all__ = [
    "actors",
    "any_text",
    "documents",
    "events",
    "metrics",
    "partial_dates",
    "spans",
    "texts",
]

#: Vietnamese letters (with every tone mark) and the punctuation of news text.
VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ"
)
#: Characters that break naive exporters: separators, quotes, Markdown and formula marks.
AWKWARD = ",;|\"'\n\r\t=+-@#*_`[]<>\\&%/.: \u00a0\u2028"

#: Text in the style of the corpus, with the characters that trip exporters.
texts = st.text(alphabet=st.sampled_from(VIETNAMESE + string.digits + AWKWARD), max_size=200)

#: Any Unicode text (no surrogates), for "never crash" properties.
any_text = st.text(max_size=80)

_ids = st.text(alphabet=string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=6)
_optional_text = st.none() | any_text | texts


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    """A span of ``text`` (empty spans included) whose ``text`` is ``text[start:end]``."""
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    return Span.of(text, start, end)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """A valid partial date at any precision, with or without a year."""
    year = draw(st.none() | st.integers(min_value=1, max_value=9999))
    month = draw(st.integers(min_value=1, max_value=12) if year is None else st.none() | st.integers(1, 12))
    day = None
    if month is not None and draw(st.booleans()):
        day = draw(st.integers(min_value=1, max_value=28))
    return PartialDate(year=year, month=month, day=day)


@st.composite
def _actor(draw: st.DrawFn, text: str, actor_id: str) -> Actor:
    return Actor(
        id=actor_id,
        name=draw(texts | any_text),
        kind=draw(st.sampled_from(sorted(ACTOR_KINDS))),
        country=draw(st.none() | st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2)),
        titles=draw(st.lists(texts, max_size=3)),
        aliases=draw(st.lists(texts, max_size=2)),
        mentions=draw(st.lists(spans(text), max_size=3)),
    )


@st.composite
def actors(draw: st.DrawFn, text: str, max_size: int = 4) -> tuple[Actor, ...]:
    """Actors with unique ids whose mentions index into ``text``."""
    ids = draw(st.lists(_ids, max_size=max_size, unique=True))
    return tuple(draw(_actor(text, actor_id)) for actor_id in ids)


@st.composite
def _event(draw: st.DrawFn, text: str, event_id: str, actor_ids: tuple[str, ...]) -> Event:
    participants = draw(st.lists(st.sampled_from(actor_ids), max_size=3, unique=True)) if actor_ids else []
    return Event(
        id=event_id,
        kind=draw(st.sampled_from(sorted(EVENT_KINDS))),
        date=draw(st.none() | partial_dates()),
        date_end=draw(st.none() | partial_dates()),
        participants=participants,
        location=draw(_optional_text),
        level=draw(st.none() | texts),
        cameo=draw(st.none() | st.text(alphabet=string.digits, min_size=2, max_size=4)),
        plover=draw(st.none() | st.sampled_from(["CONSULT", "AGREE", "COOPERATE"])),
        evidence=draw(st.lists(spans(text), max_size=2)),
    )


@st.composite
def events(draw: st.DrawFn, text: str, actor_ids: tuple[str, ...] = (), max_size: int = 4) -> tuple[Event, ...]:
    """Events with unique ids; participants are drawn from ``actor_ids``; evidence indexes into ``text``."""
    ids = draw(st.lists(_ids, max_size=max_size, unique=True))
    return tuple(draw(_event(text, event_id, actor_ids)) for event_id in ids)


#: Finite metric values: integers (as JSON writes them), small decimals and extremes.
values = (
    st.integers(min_value=-(10**15), max_value=10**15).map(float)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.decimals(min_value=-1000, max_value=1000, places=2).map(float)
)


@st.composite
def _metric(draw: st.DrawFn, text: str, metric_id: str) -> Metric:
    return Metric(
        id=metric_id,
        kind=draw(st.sampled_from(sorted(METRIC_KINDS))),
        value=draw(values),
        unit=draw(st.sampled_from(sorted(METRIC_UNITS))),
        period=draw(st.none() | texts),
        qualifier=draw(st.none() | st.sampled_from(sorted(QUALIFIERS))),
        text=draw(texts),
        evidence=draw(st.none() | spans(text)),
    )


@st.composite
def metrics(draw: st.DrawFn, text: str, max_size: int = 4) -> tuple[Metric, ...]:
    """Metrics with unique ids, finite values and evidence that indexes into ``text``."""
    ids = draw(st.lists(_ids, max_size=max_size, unique=True))
    return tuple(draw(_metric(text, metric_id)) for metric_id in ids)


@st.composite
def documents(draw: st.DrawFn, text: st.SearchStrategy[str] = texts | any_text) -> Document:
    """A document with consistent spans, unique ids and participants among its actors."""
    body = draw(text)
    cast = draw(actors(body))
    return Document(
        origin=draw(st.text(min_size=1, max_size=40)),
        source=draw(st.none() | st.sampled_from(["text", "baochinhphu", "ttxvn"]) | any_text),
        title=draw(_optional_text),
        lead=draw(_optional_text),
        url=draw(st.none() | st.just("https://baoquocte.vn/a-123.html") | any_text),
        author=draw(_optional_text),
        published=draw(st.none() | st.sampled_from(["2025-04-04", "2024-09-30T08:15:00+07:00", "2013"]) | any_text),
        section=draw(_optional_text),
        language=draw(st.sampled_from(["vi", "en"])),
        text=body,
        captions=draw(st.lists(texts, max_size=2)),
        related=draw(st.lists(texts, max_size=2)),
        actors=cast,
        events=draw(events(body, tuple(actor.id for actor in cast))),
        metrics=draw(metrics(body)),
    )
