"""`names.is_vietnamese_words` gives `names.is_vietnamese_run`'s answer on every run."""

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_corpus.extract.names import _V, is_vietnamese_run, is_vietnamese_words

# Letters of syllables in both cases, the characters whose case rules differ, and others.
_LETTERS = "abcdghiklmnopqrstuvxyđ" + _V + "ABCDGHIKLMNOPQRSTUVXYĐ" + _V.upper() + "İıſKẞß-.'’0"
_WORD = st.text(alphabet=_LETTERS, min_size=1, max_size=6)


@given(st.lists(_WORD, min_size=1, max_size=4))
def test_words_agree_with_the_run_pattern(words: list[str]) -> None:
    run = " ".join(words)
    assert is_vietnamese_words(run, run.split(" ")) == is_vietnamese_run(run)


def test_case_odd_letters() -> None:
    for run in ("Sſn", "Lıa", "Lİa", "Kim", "Hà Nội", "Biden"):
        assert is_vietnamese_words(run, run.split(" ")) == is_vietnamese_run(run)
