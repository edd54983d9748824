"""The word test of the event gates against the plain search it replaced."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_corpus.extract.event_gates import has_word


def _reference(hay: str, words: Sequence[str]) -> bool:
    for w in words:
        i = hay.find(w)
        while i >= 0:
            before_ok = i == 0 or not hay[i - 1].isalnum()
            after = i + len(w)
            after_ok = after >= len(hay) or not hay[after].isalnum()
            if before_ok and after_ok:
                return True
            i = hay.find(w, i + 1)
    return False


_PIECES = ["sẽ", "không", "kế hoạch", "kế", "hoạch", "x", " ", "_", "1", ",", "đề nghị", "nghị", "ế"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.lists(st.sampled_from(_PIECES[:7]), max_size=4))
def test_has_word_equals_the_plain_search(pieces: list[str], words: list[str]) -> None:
    hay = "".join(pieces)
    words = [w for w in words if w.strip()]
    assert has_word(hay, words) == _reference(hay, words)
