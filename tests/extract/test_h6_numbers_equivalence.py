"""The fast searches of extract.numbers give what the plain ones give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_corpus.extract.numbers import _SCALE_WORDS, _find_led


def _plain_whole(text: str, word: str) -> list[int]:
    found = []
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            found.append(i)
        i = text.find(word, i + 1)
    return found


_WORDS = [word for word, _ in _SCALE_WORDS] + ["hạng"]
_PIECES = st.sampled_from([*_WORDS, "ng", "t", "h", "ạ", "ì", " ", "x", "_", "1", "ngh", "tri"])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_find_led_is_a_plain_whole_word_search(text: str) -> None:
    for word, anchor in [*_SCALE_WORDS, ("hạng", 1)]:
        assert _find_led(text, word, anchor) == _plain_whole(text, word)
