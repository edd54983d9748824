"""split_sentences with the opener starts the lexicon scan reports gives what its own search gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import lexicon
from diplomacy_corpus.extract.text import OPENERS, match_view, split_sentences

_PIECES = st.sampled_from(
    [
        *OPENERS,
        *(w.lower() for w in OPENERS),
        "Ngòai",
        " ",
        "  ",
        ". ",
        ", ",
        "\n",
        "\xa0",
        "”",
        ")",
        "_",
        "ông",
        "Hà Nội",
        "a",
        "B",
        "1",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_split_with_opener_starts_is_split(text: str) -> None:
    matcher = lexicon.matcher()
    view = match_view(text)
    matcher.scan_with_heads(view)
    starts = matcher.opener_starts(view)
    assert split_sentences(text, starts) == split_sentences(text)


def test_opener_starts_only_for_the_last_view() -> None:
    matcher = lexicon.matcher()
    view = "Ông nói Trong khi đó, Theo ông"
    matcher.scan_with_heads(view)
    starts = matcher.opener_starts(view)
    assert starts is not None and {8, 22} <= set(starts)
    matcher.scan_with_heads("Hà Nội")
    assert matcher.opener_starts(view) is None
