"""Persons, countries and organizations from sentences written in the style of the news."""

from __future__ import annotations

import pytest

from diplomacy_corpus.extract import extract, lexicon
from diplomacy_corpus.models import Actor, Document


def _actors(text: str) -> dict[str, Actor]:
    doc = extract(Document(origin="test", text=text))
    return {a.name: a for a in doc.actors}


def _persons(text: str) -> dict[str, Actor]:
    return {n: a for n, a in _actors(text).items() if a.kind == "person"}


def test_title_country_name() -> None:
    p = _persons("Chiều 12/3, Thủ tướng Úc Anthony Albanese đã điện đàm với Thủ tướng Phạm Minh Chính.")
    assert set(p) == {"Anthony Albanese", "Phạm Minh Chính"}
    assert p["Anthony Albanese"].country == "AU" and p["Anthony Albanese"].titles == ("Thủ tướng",)
    assert p["Phạm Minh Chính"].country == "VN"


def test_stacked_titles_and_complement() -> None:
    p = _persons("Phó Thủ tướng, Bộ trưởng Ngoại giao Trần Văn An và Bộ trưởng Bộ Công Thương Lê Hữu Bình dự lễ.")
    assert p["Trần Văn An"].titles == ("Phó Thủ tướng", "Bộ trưởng Ngoại giao")
    assert p["Lê Hữu Bình"].titles == ("Bộ trưởng Bộ Công Thương",)


def test_ambassador_host_country_is_not_his_country() -> None:
    p = _persons("Đại sứ Nhật Bản tại Việt Nam Takio Yamada trao quà cho học sinh.")
    assert p["Takio Yamada"].country == "JP"
    assert p["Takio Yamada"].titles == ("Đại sứ",)


def test_former_office_is_kept_without_the_marker() -> None:
    p = _persons("Buổi lễ có sự tham dự của cựu ngoại trưởng Mỹ Hillary Clinton.")
    assert p["Hillary Clinton"].titles == ("Ngoại trưởng",)
    assert p["Hillary Clinton"].country == "US"


def test_apposition_after_the_name() -> None:
    text = "Tổng Bí thư tiếp ông Lee Hsien Yang, Chủ tịch Hội đồng quản trị Tập đoàn CapitaLand Singapore."
    p = _persons(text)
    assert "Lee Hsien Yang" in p
    assert any(t.startswith("Chủ tịch Hội đồng quản trị") for t in p["Lee Hsien Yang"].titles)


def test_coreference_short_forms_and_every_mention() -> None:
    text = (
        "Tổng thống Pháp Emmanuel Macron đã hội đàm với Thủ tướng Nguyễn Xuân Hòa. "
        "Ông Macron khẳng định Pháp coi trọng quan hệ. Thủ tướng Hòa cảm ơn Macron."
    )
    p = _persons(text)
    assert set(p) == {"Emmanuel Macron", "Nguyễn Xuân Hòa"}
    macron = p["Emmanuel Macron"]
    assert "Macron" in macron.aliases
    assert len(macron.mentions) == 3
    assert len(p["Nguyễn Xuân Hòa"].mentions) == 2


def test_counterpart_borrows_country_from_text() -> None:
    p = _persons("Thủ tướng Anh Keir Starmer đã gặp người đồng cấp Canada Mark Carney tại London.")
    assert p["Mark Carney"].country == "CA"


def test_chinese_leader_in_han_viet() -> None:
    p = _persons("Chủ tịch nước Trung Quốc Tập Cận Bình hội kiến Thủ tướng Singapore Lý Hiển Long.")
    assert p["Tập Cận Bình"].country == "CN"
    assert p["Lý Hiển Long"].country == "SG"


def test_names_inside_places_and_credits_are_no_persons() -> None:
    text = (
        "Đoàn đã đến viếng Lăng Chủ tịch Hồ Chí Minh và thăm Đại học Fulbright Việt Nam tại TP Hồ Chí Minh. "
        "Ảnh: Thống Nhất/TTXVN Nhiều doanh nghiệp tham dự."
    )
    assert _persons(text) == {}


def test_capitalised_phrases_are_no_persons() -> None:
    text = "Khu công nghiệp Bắc Ninh thu hút đầu tư. Ngân hàng Thế giới dự báo tăng trưởng. Liên minh châu Âu họp."
    assert _persons(text) == {}


def test_latin_name_without_title_but_organization_words_are_no_person() -> None:
    text = "Ông Nguyễn Văn Tâm làm việc với đại diện Asia Foundation và Sun Group; Jensen Huang của Nvidia cũng có mặt."
    p = _persons(text)
    assert "Jensen Huang" in p
    assert "Asia Foundation" not in p and "Sun Group" not in p


def test_countries_and_organizations() -> None:
    a = _actors(
        "Việt Nam và Hoa Kỳ ủng hộ vai trò trung tâm của ASEAN tại Liên Hợp Quốc; quan hệ Việt - Trung tốt đẹp."
    )
    kinds = {(x.kind, x.country or x.name) for x in a.values()}
    assert ("country", "VN") in kinds and ("country", "US") in kinds
    assert ("organization", "ASEAN") in kinds and ("organization", "Liên Hợp Quốc") in kinds


def test_lowercase_anh_is_no_country() -> None:
    a = _actors("Anh ấy nói rằng anh sẽ sang Nga vào năm sau.")
    countries = {x.country for x in a.values() if x.kind == "country"}
    assert "RU" in countries and "GB" not in countries


def test_extend_titles_lexicon() -> None:
    text = "Thống soái Alexander Kowalski tới thăm Hà Nội."
    assert _persons(text)["Alexander Kowalski"].titles == ()
    try:
        lexicon.extend("titles", {"titles": {"Thống soái": {"variants": [], "complement": False}}})
        assert _persons(text)["Alexander Kowalski"].titles == ("Thống soái",)
    finally:
        lexicon.reset()
    assert _persons(text)["Alexander Kowalski"].titles == ()


def test_extend_rejects_bad_entries() -> None:
    with pytest.raises(TypeError):
        lexicon.extend("titles", "Thống soái")  # type: ignore[arg-type]


def test_family_name_first_short_form() -> None:
    p = _persons("Tổng thống Hàn Quốc Moon Jae-in điện đàm với Tổng thống Pháp. Tổng thống Moon cảm ơn Pháp.")
    assert set(p) == {"Moon Jae-in"}
    assert "Moon" in p["Moon Jae-in"].aliases


def test_spelling_variants_merge_into_one_person() -> None:
    p = _persons("Thủ tướng tiếp Đại sứ Iran Saleh Adibi. Đại sứ Saleh Adibi cảm ơn. Ảnh chụp Đại sứ Saleh Abidi.")
    assert list(p) == ["Saleh Adibi"]


def test_organization_named_by_head_word_is_no_person() -> None:
    a = _actors("Thủ tướng tiếp lãnh đạo Phòng Thương mại Hà Lan - Việt Nam tại La Hay.")
    assert any(x.kind == "organization" and x.name == "Phòng Thương mại Hà Lan - Việt Nam" for x in a.values())
    assert not any(x.kind == "person" for x in a.values())


def test_office_with_a_remit_before_the_name() -> None:
    p = _persons(
        "Theo Thứ trưởng Ngoại giao phụ trách về kinh tế, năng lượng và môi trường Mỹ Jose Fernandez, hai nước..."
    )
    assert p["Jose Fernandez"].titles == ("Thứ trưởng Ngoại giao",)


def test_relative_shares_the_state_of_the_named_office_holder() -> None:
    p = _persons(
        "Tổng thống Mỹ Harold Benton đến Tokyo, Nhật Bản. Nhật Bản đón tiếp trọng thị. "
        "Đi cùng ông có phu nhân Clara Benton và con gái Lisa Benton, những người rất quý Nhật Bản."
    )
    assert p["Clara Benton"].country == "US" and p["Lisa Benton"].country == "US"


def test_untitled_foreigner_takes_the_state_of_his_sentence_not_of_the_document() -> None:
    text = (
        "Tổng thống Nga Pavel Orlov tiếp Thủ tướng Nhật Bản Kenji Sato tại Moskva. Nga và Nhật Bản bàn về "
        "quần đảo. Nga cam kết hợp tác với Nhật Bản. Trong khi đó, thượng nghị sĩ Howard Blake của Mỹ chỉ trích."
    )
    p = _persons(text)
    assert p["Howard Blake"].country == "US"


def test_a_shortened_office_is_not_a_second_title() -> None:
    from diplomacy_corpus.extract.actors import _fullest_titles

    assert _fullest_titles(["Phó Thủ tướng", "Bộ trưởng Ngoại giao", "Bộ trưởng"]) == (
        "Phó Thủ tướng", "Bộ trưởng Ngoại giao")
    assert _fullest_titles(["Thủ tướng", "Phó Thủ tướng"]) == ("Thủ tướng", "Phó Thủ tướng")


def test_a_minister_with_a_portfolio_whose_first_word_is_a_given_name() -> None:
    for portfolio in ("Công an", "Y tế", "Xây dựng", "Giao thông vận tải", "Văn hóa, Thể thao và Du lịch"):
        doc = extract(Document(origin="t", text=f"Bộ trưởng {portfolio} Đặng Quốc Khánh đã tiếp Đại sứ Nhật Bản."))
        persons = [(a.name, a.titles) for a in doc.actors if a.kind == "person"]
        assert persons == [("Đặng Quốc Khánh", (f"Bộ trưởng {portfolio}",))], portfolio


def test_the_ministries_are_organizations() -> None:
    doc = extract(Document(origin="t", text="Thứ trưởng Bộ Y tế Lê Thị Hạnh làm việc với Bộ GD&ĐT."))
    assert {a.name for a in doc.actors if a.kind == "organization"} == {"Bộ Y tế", "Bộ Giáo dục và Đào tạo"}
    assert [a.titles for a in doc.actors if a.kind == "person"] == [("Thứ trưởng Bộ Y tế",)]


def test_chinese_leaders_with_han_viet_names_and_offices() -> None:
    doc = extract(Document(origin="t", text=(
        "Chủ tịch nước đã hội kiến Ủy viên trưởng Ủy ban Thường vụ Đại hội đại biểu nhân dân toàn quốc "
        "Trương Đức Giang và Chủ tịch Ủy ban toàn quốc Hội nghị hiệp thương chính trị Du Chính Thanh."
    )))
    persons = {a.name for a in doc.actors if a.kind == "person"}
    assert persons == {"Trương Đức Giang", "Du Chính Thanh"}
    assert not [a for a in doc.actors if a.kind == "country"]  # "Đức" inside a name is no Germany


def test_provincial_offices_acronym_portfolios_and_association_heads() -> None:
    text = (
        "Phó Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng tiếp đoàn. Chủ tịch tỉnh Hà Tĩnh Đặng Quốc Vinh phát biểu. "
        "Bộ trưởng KH-ĐT Nguyễn Chí Dũng, Hội trưởng Hội Hữu nghị đối ngoại nhân dân Trung Quốc Lý Tiểu Lâm dự."
    )
    doc = extract(Document(origin="t", text=text))
    persons = {a.name: a.titles for a in doc.actors if a.kind == "person"}
    assert set(persons) == {"Võ Văn Hưng", "Đặng Quốc Vinh", "Nguyễn Chí Dũng", "Lý Tiểu Lâm"}
    assert persons["Nguyễn Chí Dũng"] == ("Bộ trưởng KH-ĐT",)


def test_the_latin_name_of_a_weapon_or_a_product_is_no_person() -> None:
    doc = extract(Document(origin="t", text=(
        "Tàu được trang bị tên lửa chống tàu Harpoon Block 2 và trực thăng Black Hawk. "
        "Người mẫu Miranda Kerr và ông Donald Trump dự lễ ra mắt điện thoại Galaxy Note."
    )))
    assert {a.name for a in doc.actors if a.kind == "person"} == {"Miranda Kerr", "Donald Trump"}


def test_the_han_viet_name_of_a_foreign_visitor_takes_his_state() -> None:
    doc = extract(Document(origin="t", text=(
        "Lãnh đạo Singapore nhấn mạnh chuyến thăm Việt Nam của Thủ tướng Lý Hiển Long đã thúc đẩy quan hệ. "
        "Phó Thủ tướng Trương Hòa Bình cảm ơn Singapore."
    )))
    countries = {a.name: a.country for a in doc.actors if a.kind == "person"}
    assert countries == {"Lý Hiển Long": "SG", "Trương Hòa Bình": "VN"}


def test_a_spokesman_after_the_seat_and_a_name_before_a_time_word() -> None:
    doc = extract(Document(origin="t", text=(
        "Người phát ngôn điện Kremlin Dmitry Peskov cho biết. "
        "Tổng thống Donald Trump bắt tay Thủ tướng Lê Văn Minh Lúc 2h sáng hôm nay, hai bên hội đàm."
    )))
    assert {a.name for a in doc.actors if a.kind == "person"} == {"Dmitry Peskov", "Donald Trump", "Lê Văn Minh"}
