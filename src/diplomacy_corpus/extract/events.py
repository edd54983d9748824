"""Events (placeholder while being written)."""
from __future__ import annotations
from typing import Any
def find_events(an: Any, sentences: Any, actors: Any, mentions: Any, dates: Any) -> list[Any]:
    return []
