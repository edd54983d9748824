"""The lexicon matcher hands on the lower case of the view it last scanned."""

from diplomacy_corpus.extract import lexicon


def test_lowered_is_the_lower_case_of_the_last_scanned_string() -> None:
    m = lexicon.matcher()
    view = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản."
    m.scan(view)
    assert m.lowered(view) == view.lower()
    assert m.lowered("".join(view)) is None or m.lowered("".join(view)) == view.lower()
    m.scan("Hà Nội")
    assert m.lowered(view) is None
