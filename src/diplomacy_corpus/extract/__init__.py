"""The extraction pipeline: actors, events and metrics from a document's text.

```python
from diplomacy_corpus.extract import extract
doc = extract(document)          # a copy with actors, events and metrics filled
```

Every span in the result indexes into ``document.text``. The publication date, when the
document has one, is the reference for dates without a year.
"""

from __future__ import annotations

import logging
from typing import Any

from ..models import Document, PartialDate, _replace
from .actors import analyse, build_actors
from .dates import find_dates as _find_dates
from .events import find_events
from .lexicon import matcher as _matcher
from .metrics import find_metrics as _find_metrics
from .text import masked_regions, match_view, split_sentences

__all__ = ["extract", "reference_date"]

logger = logging.getLogger(__name__)


def reference_date(published: str | None) -> PartialDate | None:
    """The publication date as a `PartialDate`, or None.

    Args:
        published: an ISO 8601 date or date-time (``2020-11-21T15:30:00+07:00``), a
            year-month or a year.
    """
    if not published:
        return None
    try:
        return PartialDate.parse(published.strip()[:10])
    except ValueError:
        try:
            return PartialDate.parse(published.strip()[:7])
        except ValueError:
            try:
                return PartialDate.parse(published.strip()[:4])
            except ValueError:
                return None


def extract(document: Document) -> Document:
    """Fill ``actors``, ``events`` and ``metrics`` from ``document.text``.

    Args:
        document: a parsed document; ``text``, ``published`` and ``captions`` (for the
            year of a day the text gives without one) are read.

    Returns:
        A copy of the document with the extracted items.
    """
    text = document.text or ""
    reference = reference_date(document.published)
    view = match_view(text)
    masks = masked_regions(view)
    analysis = analyse(text, view, masks)
    matcher = _matcher()
    # The lexicon scan of the view reported where a sentence opener may stand (same offsets).
    sentences = split_sentences(text, matcher.opener_starts(view))
    actors, mentions = build_actors(analysis)
    # The view of most texts is the text itself, which the lexicon scan lower-cased already.
    low = matcher.lowered(text) if view is text else None
    dates: list[Any] = []
    if analysis.triggers:
        try:
            dates = _find_dates(text, reference=reference, low=low)
        except Exception:
            logger.exception("find_dates failed on %s", document.origin)
    metrics: list[Any] = []
    if _find_metrics is not None:
        try:  # right after the dates: the metrics reuse what find_dates read of this text
            metrics = list(_find_metrics(text, sentences, reference=reference, low=low))
        except Exception:
            logger.exception("find_metrics failed on %s", document.origin)

    def caption_dates() -> list[Any]:
        """The dates of the captions, which often date in full the day the text gives without its year.

        Read only when an event has such a day (a few documents in a hundred).
        """
        try:
            return [d for caption in document.captions for d in _find_dates(caption, reference=reference)]
        except Exception:
            logger.exception("find_dates failed on a caption of %s", document.origin)
            return []

    events = find_events(analysis, sentences, actors, mentions, dates, caption_dates if document.captions else ())
    return _replace(document, actors=tuple(actors), events=tuple(events), metrics=tuple(metrics))
