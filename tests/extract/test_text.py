"""Sentences, clauses, masks and the matching view."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_corpus.extract.text import clauses, fold, masked_regions, match_view, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentence_ends_at_period_before_capital() -> None:
    text = "Thủ tướng tiếp Đại sứ. Hai bên trao đổi về hợp tác."
    assert _sentences(text) == ["Thủ tướng tiếp Đại sứ.", "Hai bên trao đổi về hợp tác."]


def test_numbers_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Kim ngạch đạt 1.340 triệu USD, tăng 11,4% tại TP.HCM và Washington D.C. Ông Robert O. Smith nói."
    assert _sentences(text) == [
        "Kim ngạch đạt 1.340 triệu USD, tăng 11,4% tại TP.HCM và Washington D.C.",
        "Ông Robert O. Smith nói.",
    ]


def test_lowercase_after_period_and_ellipsis_inside() -> None:
    assert len(_sentences("Đối tác ở châu Á. vẫn tiếp tục... rồi dừng.")) == 1


def test_newline_always_ends_a_sentence() -> None:
    assert _sentences("Tiêu đề không có dấu chấm\nThân bài.") == ["Tiêu đề không có dấu chấm", "Thân bài."]


def test_question_and_exclamation_with_quotes() -> None:
    assert _sentences('Ông hỏi: "Vì sao?" Bà đáp: "Vì hòa bình!" Hết.') == [
        'Ông hỏi: "Vì sao?"',
        'Bà đáp: "Vì hòa bình!"',
        "Hết.",
    ]


def test_clauses_split_at_semicolons() -> None:
    text = "Ông hội đàm với A; hội kiến B; gặp C."
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == ["Ông hội đàm với A", "hội kiến B", "gặp C."]


def test_match_view_keeps_length_and_unifies_variants() -> None:
    text = "bình thường hoá quan hệ với Thuỵ Sỹ – O’Brien, quỹ"
    view = match_view(text)
    assert len(view) == len(text)
    assert "hóa" in view and "Thụy" in view and "O'Brien" in view and " - " in view
    assert view.endswith("quỹ")  # "qu" is an onset: the tone stays on y


def test_fold_is_case_and_spacing_insensitive() -> None:
    assert fold("Bộ  trưởng Ngoại giao") == fold("bộ trưởng ngoại giao")


def test_masks_cover_credits_sources_and_related_news() -> None:
    text = "Hai bên hội đàm. Ảnh: Thống Nhất/TTXVN Sau đó (Nguồn: AFP/TTXVN) họ gặp.\nTin Liên Quan\nTin khác"
    masked = [text[a:b] for a, b in masked_regions(text)]
    assert "Ảnh: Thống Nhất/TTXVN" in masked
    assert "(Nguồn: AFP/TTXVN)" in masked
    assert any(m.startswith("Tin Liên Quan") and m.endswith("Tin khác") for m in masked)
    assert not any("hội đàm" in m for m in masked)


def test_word_anh_huong_is_no_credit() -> None:
    assert masked_regions("Ảnh hưởng của bão rất lớn.") == []


@given(st.text())
def test_sentences_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    last = 0
    for a, b in split_sentences(text):
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        last = b


@given(st.text())
def test_match_view_never_changes_length(text: str) -> None:
    assert len(match_view(text)) == len(text)


def test_a_missing_period_before_a_sentence_opener_ends_the_sentence() -> None:
    text = "Toàn cảnh lễ ký tháng 6.2016 Trong khuôn khổ chuyến thăm, hai bên đã ký kết văn kiện."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Toàn cảnh lễ ký tháng 6.2016",
        "Trong khuôn khổ chuyến thăm, hai bên đã ký kết văn kiện.",
    ]


def test_capitalised_words_inside_names_do_not_end_a_sentence() -> None:
    text = "Chủ tịch nước Cộng hòa Nhân dân Trung Hoa và Ngân hàng Phát triển châu Á đã ký kết."
    assert len(split_sentences(text)) == 1


def test_a_sentence_may_open_with_a_bullet() -> None:
    text = (
        "Hai bên thống nhất nội dung hợp tác. *Cũng trong chiều 4/7, Bộ trưởng tiếp Đại sứ. • Sáng 5/7, đoàn về nước."
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Hai bên thống nhất nội dung hợp tác.",
        "*Cũng trong chiều 4/7, Bộ trưởng tiếp Đại sứ.",
        "• Sáng 5/7, đoàn về nước.",
    ]
