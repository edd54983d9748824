"""Typed, immutable models of the corpus: documents and what was extracted from them.

Every model is an ``attrs`` class that is frozen and keyword-only. Collections are
tuples, so a model is hashable and safe to share between threads and processes.
Build a changed copy with :func:`attrs.evolve`.

Character offsets in a [`Span`][diplomacy_corpus.Span] always index into
[`Document.text`][diplomacy_corpus.Document.text], the text that extraction reads.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, TypeVar

import attrs
from attrs import validators as v

_M = TypeVar("_M")

__all__ = [
    "ACTOR_KINDS",
    "EVENT_KINDS",
    "METRIC_KINDS",
    "METRIC_UNITS",
    "QUALIFIERS",
    "Actor",
    "Document",
    "Event",
    "Metric",
    "PartialDate",
    "Span",
]

#: Kinds of actor.
ACTOR_KINDS: frozenset[str] = frozenset({"person", "organization", "country"})

#: Kinds of diplomatic event (see the accuracy page for the Vietnamese cues of each).
EVENT_KINDS: frozenset[str] = frozenset(
    {
        "phone_call",
        "talks",
        "meeting",
        "visit",
        "dialogue",
        "speech",
        "agreement",
        "relationship_upgrade",
        "normalization",
        "ceremony",
        "conference",
    }
)

#: Kinds of metric. ``count`` is the fallback for anything else that is counted.
METRIC_KINDS: frozenset[str] = frozenset(
    {
        "trade_turnover",
        "export",
        "import",
        "fdi",
        "investment",
        "projects",
        "growth_rate",
        "growth",
        "rank",
        "students",
        "population",
        "visitors",
        "aid",
        "contribution",
        "count",
        "duration",
    }
)

#: Units of a metric value.
METRIC_UNITS: frozenset[str] = frozenset(
    {
        # ISO 4217 currency codes
        "USD", "VND", "EUR", "JPY", "CNY", "KRW", "GBP", "AUD", "CAD", "SGD", "HKD", "TWD", "NZD",
        "RUB", "INR", "THB", "CHF", "MYR", "IDR", "PHP", "KHR",
        # other units
        "percent", "rank", "count", "times", "days",
    }
)

#: Qualifiers that soften a figure (``hơn 60`` is ``more_than``).
QUALIFIERS: frozenset[str] = frozenset({"more_than", "less_than", "nearly", "about"})

_DATE_RE = re.compile(
    r"(?:(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?)"
    r"|(?:--(?P<ymonth>\d{2})(?:-(?P<yday>\d{2}))?)"
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _check_partial(year: int | None, month: int | None, day: int | None) -> None:
    if year is None and month is None:
        raise ValueError("a partial date needs at least a year or a month")
    if year is not None and not 1 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    if month is None and day is not None:
        raise ValueError("a day needs a month")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    if day is not None:
        assert month is not None
        limit = _DAYS_IN_MONTH[month - 1]
        if month == 2 and year is not None and not (
            year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        ):
            limit = 28
        if not 1 <= day <= limit:
            raise ValueError(f"day out of range: {day}")


@attrs.define(frozen=True, kw_only=True, order=False)
class PartialDate:
    """A calendar date of which only some parts are known.

    News gives dates at every precision: a day (``ngày 4/4/2025``), a month
    (``tháng 9/2023``), a year (``năm 2013``) or a day without a year (``ngày 29/3``).
    The string form is partial ISO 8601: ``2025-04-04``, ``2023-09``, ``2013``,
    ``--03-29`` (and ``--03`` for a month without a year).

    Examples:
        >>> PartialDate.parse("--03-29")
        PartialDate('--03-29')
        >>> str(PartialDate(year=2024, month=9))
        '2024-09'
    """

    year: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))
    """The year, or None when the text gives none and none can be inferred."""
    month: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))
    """The month (1-12), or None for a year alone."""
    day: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))
    """The day of the month, or None."""

    def __attrs_post_init__(self) -> None:
        _check_partial(self.year, self.month, self.day)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Read a partial ISO 8601 string (``2025-04-04``, ``2024-09``, ``2013``, ``--03-29``).

        Raises:
            ValueError: when ``value`` is not such a string or names an impossible date.
        """
        m = _DATE_RE.fullmatch(value.strip()) if isinstance(value, str) else None
        if not m:
            raise ValueError(f"not a partial ISO 8601 date: {value!r}")
        if m.group("year"):
            year = int(m.group("year"))
            month = int(m.group("month")) if m.group("month") else None
            day = int(m.group("day")) if m.group("day") else None
        else:
            year = None
            month = int(m.group("ymonth"))
            day = int(m.group("yday")) if m.group("yday") else None
        return cls(year=year, month=month, day=day)

    def isoformat(self) -> str:
        """The partial ISO 8601 form of the date."""
        if self.year is None:
            text = f"--{self.month:02d}"
        else:
            text = f"{self.year:04d}"
            if self.month is not None:
                text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def with_year(self, year: int) -> PartialDate:
        """A copy with the year filled in (the month and day are kept)."""
        return PartialDate(year=year, month=self.month, day=self.day)

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __format__(self, spec: str) -> str:
        """Format the ISO form like a string, so ``f"{date:>10}"`` works."""
        return format(self.isoformat(), spec)

    def sort_key(self) -> tuple[int, int, int]:
        """A key that sorts dates chronologically, unknown parts first."""
        return (self.year or 0, self.month or 0, self.day or 0)


def _span_order(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"span end {value} is before its start {instance.start}")


@attrs.define(frozen=True, kw_only=True)
class Span:
    """Evidence: a stretch of a document's text, by character offsets.

    ``document.text[span.start:span.end] == span.text`` always holds for spans that a
    parser or the extractor produced.
    """

    start: int = attrs.field(validator=[v.instance_of(int), v.ge(0)])
    """Offset of the first character, counted in Unicode code points from 0."""
    end: int = attrs.field(validator=[v.instance_of(int), _span_order])
    """Offset just past the last character (``start <= end``)."""
    text: str = attrs.field(validator=v.instance_of(str))
    """The covered text, exactly as it stands in the document."""

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``.

        Raises:
            ValueError: when the offsets are not ``0 <= start <= end``.
            TypeError: when an offset is not an int.
        """
        if type(start) is int and type(end) is int and 0 <= start <= end:
            # Valid by construction: skip the validators (extraction makes many spans).
            span = _new(cls)
            _SPAN_START(span, start)
            _SPAN_END(span, end)
            _SPAN_TEXT(span, text[start:end])
            return span
        return cls(start=start, end=end, text=text[start:end])


_new = object.__new__


def _slot_setter(cls: type, name: str) -> Any:
    """What sets the slot ``name`` of an instance of ``cls``, frozen or not.

    The slot's member descriptor, called as ``setter(instance, value)``: faster than
    ``object.__setattr__``, which looks the name up on every call.
    """
    return getattr(cls, name).__set__


_SPAN_START, _SPAN_END, _SPAN_TEXT = (_slot_setter(Span, name) for name in ("start", "end", "text"))

_BUILDERS: dict[type, Any] = {}
_REPLACERS: dict[type, Any] = {}


def _generated(cls: type, source: str, names: dict[str, Any]) -> Any:
    namespace = {"_new": _new, "_cls": cls, **names}
    exec(source, namespace)  # the source is made from the field names of an attrs class
    return namespace["_generated"]


def _builder(cls: type[_M]) -> Any:
    """The trusted constructor of ``cls``: a function of its fields, in field order or by name.

    Generated once per class: it makes the instance and sets each slot through its
    descriptor, with no converter or validator, so it is a few times faster than the
    class itself. What `_trusted` calls; hot loops may bind it once
    (``new_actor = _builder(Actor)``). A field not given takes its default (a factory is
    called, in field order, with the instance when it takes it); a required field not
    given is left as ``attrs.NOTHING``, as `_trusted` always did; a name that is no field
    raises TypeError.
    """
    build = _BUILDERS.get(cls)
    if build is not None:
        return build
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    names: dict[str, Any] = {"_NOTHING": attrs.NOTHING}
    params, body = [], []
    for f in fields:
        names[f"_set_{f.name}"] = _slot_setter(cls, f.name)
        value = f.name
        if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            names[f"_factory_{f.name}"] = f.default.factory
            call = f"_factory_{f.name}(_self)" if f.default.takes_self else f"_factory_{f.name}()"
            params.append(f"{f.name}=_NOTHING")
            value = f"{call} if {f.name} is _NOTHING else {f.name}"
        elif f.default is attrs.NOTHING:
            params.append(f"{f.name}=_NOTHING")
        else:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(_self, {value})")
    source = "\n".join([f"def _generated({', '.join(params)}):", "    _self = _new(_cls)", *body, "    return _self"])
    build = _BUILDERS[cls] = _generated(cls, source, names)
    build.__qualname__ = build.__name__ = f"trusted_{cls.__name__}"
    return build


def _trusted(cls: type[_M], **values: Any) -> _M:
    """An instance of a frozen model from values valid by construction, without converters or validators.

    For the extractor, which builds thousands of models a second from values it made
    itself (tuples, ISO codes, offsets into the text); everyone else uses the validating
    constructor. Fields not given take their defaults (see `_builder`). Not for
    `PartialDate`, whose check runs after init.
    """
    build = _BUILDERS.get(cls) or _builder(cls)
    return build(**values)  # type: ignore[no-any-return]


def _replacer(cls: type[_M]) -> Any:
    """The function behind `_replace` for ``cls``: ``(instance, **changes)``, generated once per class."""
    replace = _REPLACERS.get(cls)
    if replace is not None:
        return replace
    names: dict[str, Any] = {"_KEEP": _KEEP}
    params, body = [], []
    for f in attrs.fields(cls):  # type: ignore[arg-type]
        names[f"_set_{f.name}"] = _slot_setter(cls, f.name)
        params.append(f"{f.name}=_KEEP")
        body.append(f"    _set_{f.name}(_self, _old.{f.name} if {f.name} is _KEEP else {f.name})")
    head = f"def _generated(_old, /, *, {', '.join(params)}):"
    source = "\n".join([head, "    _self = _new(_cls)", *body, "    return _self"])
    replace = _REPLACERS[cls] = _generated(cls, source, names)
    replace.__qualname__ = replace.__name__ = f"replace_{cls.__name__}"
    return replace


_KEEP = object()  # a field `_replace` was not asked to change


def _replace(instance: _M, **changes: Any) -> _M:
    """A copy of a frozen model with fields changed to values valid by construction (see `_trusted`)."""
    cls = type(instance)
    replace = _REPLACERS.get(cls) or _replacer(cls)
    return replace(instance, **changes)  # type: ignore[no-any-return]


def _finite(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{attribute.name} must be a finite number, not {value}")


def _tuple_of(kind: type) -> Any:
    """A validator: the value is a tuple whose every member is a ``kind``.

    What ``deep_iterable(instance_of(kind), instance_of(tuple))`` checks, in one pass:
    extraction builds thousands of these tuples per second.
    """

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple and not isinstance(value, tuple):
            raise TypeError(f"{attribute.name!r} must be a tuple (got {value!r} that is a {type(value)!r}).")
        for member in value:
            if type(member) is not kind and not isinstance(member, kind):
                raise TypeError(
                    f"{attribute.name!r} must hold {kind.__name__} values (got {member!r} that is a {type(member)!r})."
                )

    return check


def _to_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if value is not None else ()


def _to_date(value: Any) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    return PartialDate.parse(str(value))


@attrs.define(frozen=True, kw_only=True)
class Actor:
    """A person, organization or country that the document speaks of.

    One actor per real-world entity in a document: the fullest name as ``name``,
    shorter forms as ``aliases``, and every mention as a span.
    """

    id: str = attrs.field(validator=v.instance_of(str))
    """Identifier, unique within its document (``p1``, ``c-us``, ``o2``); events refer to it."""
    name: str = attrs.field(validator=v.instance_of(str))
    """The fullest form of the name in the document, as written (``Joe Biden``)."""
    kind: str = attrs.field(validator=v.in_(ACTOR_KINDS))
    """``person``, ``organization`` or ``country``."""
    country: str | None = attrs.field(default=None, validator=v.optional(v.matches_re(r"[A-Z]{2}")))
    """ISO 3166 alpha-2 code of the state the actor represents or is; None when unknown."""
    titles: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    """Offices the document gives a person, in Vietnamese, without the country (``Tổng thống``)."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    """Other forms of the name used in the document (``Biden``)."""
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Span))
    """Every place the document names the actor."""


@attrs.define(frozen=True, kw_only=True)
class Event:
    """A diplomatic interaction or milestone: a call, talks, a visit, an agreement, ..."""

    id: str = attrs.field(validator=v.instance_of(str))
    """Identifier, unique within its document (``e1``)."""
    kind: str = attrs.field(validator=v.in_(EVENT_KINDS))
    """One of [`EVENT_KINDS`][diplomacy_corpus.models.EVENT_KINDS]."""
    date: PartialDate | None = attrs.field(
        default=None, converter=_to_date, validator=v.optional(v.instance_of(PartialDate))
    )
    """When it happened (or began); None when the document does not say."""
    date_end: PartialDate | None = attrs.field(
        default=None, converter=_to_date, validator=v.optional(v.instance_of(PartialDate))
    )
    """Last day of an event that spans several days (``từ ngày 20 - 22/11``), else None."""
    participants: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    """Ids of the actors who took part; for a visit the visitor comes first."""
    location: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """Where it took place, as written (``Washington D.C``, ``trụ sở Bộ Ngoại giao``)."""
    level: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """For visits, the protocol level as written (``cấp Nhà nước``, ``chính thức``)."""
    cameo: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """The CAMEO event code of the kind, so the data joins GDELT-style sets."""
    plover: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """The PLOVER event type of the kind, so the data joins POLECAT-style sets."""
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Span))
    """The sentences that report the event, one per mention."""


@attrs.define(frozen=True, kw_only=True)
class Metric:
    """A figure quoted by the document: trade turnover, FDI, projects, a rank, a growth rate."""

    id: str = attrs.field(validator=v.instance_of(str))
    """Identifier, unique within its document (``m1``)."""
    kind: str = attrs.field(validator=v.in_(METRIC_KINDS))
    """One of [`METRIC_KINDS`][diplomacy_corpus.models.METRIC_KINDS]."""
    value: float = attrs.field(converter=float, validator=_finite)
    """The value, fully scaled (``123 tỷ USD`` is ``123000000000``); decreases are negative."""
    unit: str = attrs.field(validator=v.in_(METRIC_UNITS))
    """One of [`METRIC_UNITS`][diplomacy_corpus.models.METRIC_UNITS]."""
    period: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """The period the figure refers to, as written (``2022``, ``8 tháng đầu năm 2024``)."""
    qualifier: str | None = attrs.field(default=None, validator=v.optional(v.in_(QUALIFIERS)))
    """``more_than``, ``less_than``, ``nearly``, ``about`` or None for an exact figure."""
    text: str = attrs.field(default="", validator=v.instance_of(str))
    """The figure as written (``hơn 123 tỷ USD``)."""
    evidence: Span | None = attrs.field(default=None, validator=v.optional(v.instance_of(Span)))
    """The sentence that states the figure."""


@attrs.define(frozen=True, kw_only=True)
class Document:
    """One article: its metadata, its text, and what was extracted from it.

    ``text`` is what extraction reads: headline, lead and body, paragraphs separated by
    a blank line. Photo captions and credits, bylines and related-news blocks are kept
    apart (``captions``, ``author``, ``related``) and are never mined.
    """

    origin: str = attrs.field(validator=v.instance_of(str))
    """Where the document came from: a file path, ``FILE.jsonl#ID`` or a label."""
    source: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """Name of the parser that read it, which names the outlet (``baochinhphu``, ``ttxvn``)."""
    title: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """The headline as written, or None when the input has none."""
    lead: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """The lead paragraph (sapo), or None."""
    url: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """Canonical URL of the article, when known."""
    author: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """The byline (``Trần Mạnh``), when the document gives one."""
    published: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """Publication date-time as ISO 8601 (``2020-11-21T15:30:00+07:00`` or ``2020-11-21``)."""
    section: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    """The outlet's section (``Đối ngoại``), when known."""
    language: str = attrs.field(default="vi", validator=v.instance_of(str))
    """BCP 47 language tag of the text."""
    text: str = attrs.field(default="", validator=v.instance_of(str))
    """The text extraction reads; every span indexes into it."""
    captions: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    """Photo captions and credits, kept for readers and never mined."""
    related: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    """Headlines and teasers of "related news" blocks, kept apart and never mined."""
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Actor))
    """People, organizations and countries the document speaks of."""
    events: tuple[Event, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Event))
    """Diplomatic events the document reports."""
    metrics: tuple[Metric, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Metric))
    """Figures the document quotes."""

    #: Fields a parser fills; the rest come from extraction.
    METADATA_FIELDS: ClassVar[tuple[str, ...]] = (
        "origin",
        "source",
        "title",
        "url",
        "author",
        "published",
        "section",
        "language",
    )

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def published_year(self) -> int | None:
        """The year of ``published``, when it is known."""
        if self.published and re.match(r"\d{4}", self.published):
            return int(self.published[:4])
        return None
