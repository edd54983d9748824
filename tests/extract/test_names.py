"""Name grammar: particles, initials, transcriptions, glued words, offices of institutions."""

from __future__ import annotations

import pytest

from diplomacy_corpus.extract import extract
from diplomacy_corpus.extract.names import is_name_part, is_particle, name_kind
from diplomacy_corpus.models import Actor, Document


def _persons(text: str) -> dict[str, Actor]:
    doc = extract(Document(origin="test", text=text))
    return {a.name: a for a in doc.actors if a.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tổng thống Syria Karim al-Hadid đã tiếp đoàn. Ông al-Hadid nói.", "Karim al-Hadid"),
        ("Chủ tịch Ủy ban châu Âu Greta von der Stein cho biết như vậy.", "Greta von der Stein"),
        ("Ông Paulo Inácio Ramos da Costa đã phát biểu tại hội nghị.", "Paulo Inácio Ramos da Costa"),
        ("Cựu Tổng thống Mỹ Henry T. Walsh phát biểu tại lễ khai mạc.", "Henry T. Walsh"),
        ("Tổng thư ký Tô-ma-xô Ca-vi-na đã đến Việt Nam.", "Tô-ma-xô Ca-vi-na"),
    ],
)
def test_whole_name_is_kept(text: str, name: str) -> None:
    p = _persons(text)
    assert name in p
    assert not any(n != name and (n in name or name in n) for n in p)


@pytest.mark.parametrize(
    ("text", "name", "glued"),
    [
        (
            "Chủ tịch nước hội đàm với Tổng thống Nga Pavel Orlov Cùng ngày, hai bên ký kết.",
            "Pavel Orlov",
            "Pavel Orlov Cùng",
        ),
        ("Tổng thống Mỹ Harold Benton Nhân dịp này đã nói.", "Harold Benton", "Harold Benton Nhân"),
        ("Thủ tướng Mỹ Harold Benton Như vậy là đã đến.", "Harold Benton", "Harold Benton Như"),
    ],
)
def test_next_sentence_word_is_not_glued(text: str, name: str, glued: str) -> None:
    p = _persons(text)
    assert name in p and glued not in p


def test_vietnamese_given_name_like_a_function_word_is_kept() -> None:
    assert "Nguyễn Thiện Nhân" in _persons("Bí thư Thành ủy Nguyễn Thiện Nhân cho biết.")


def test_a_vietnamese_word_before_a_transcription_is_not_part_of_it() -> None:
    p = _persons("Đại sứ Nhật Bản tại Việt Nam Tô-ma-xô Ca-vi-na cho biết.")
    assert "Tô-ma-xô Ca-vi-na" in p and not any(n.startswith("Nam ") or n.startswith("Việt") for n in p)


def test_office_of_an_institution_named_after_an_office() -> None:
    p = _persons("Người phát ngôn Phủ Tổng thống Hàn Quốc Lee Dong-hwan cho biết.")
    assert p["Lee Dong-hwan"].titles == ("Người phát ngôn Phủ Tổng thống",)
    assert p["Lee Dong-hwan"].country == "KR"
    q = _persons("Người phát ngôn Văn phòng Thủ tướng Anh Tom Hardy cho biết.")
    assert "Tổng thống" not in q["Tom Hardy"].titles and "Thủ tướng" not in q["Tom Hardy"].titles


def test_a_second_office_after_lowercase_words_is_still_a_new_chain() -> None:
    p = _persons("Ông cảm ơn Thủ tướng Trần Văn An đã tiếp.")
    assert p["Trần Văn An"].titles == ("Thủ tướng",)


def test_particles() -> None:
    assert is_particle("al-Hadid") and is_particle("von") and not is_particle("Hadid")
    assert is_name_part("al-Hadid") and is_name_part("Hadid") and not is_name_part("đã")
    assert name_kind(["al-Hadid"], cued=True) == (0, "short", 1)
    assert name_kind(["Karim", "al-Hadid"], cued=True) == (0, "foreign", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Máy bay tuần tra P-8 Poseidon bay qua khu vực.",
        "Kênh truyền hình Al Arabiya đưa tin về căn cứ Al Dhafra.",
        "Tờ Inside Defense News cho biết như vậy.",
        "Phía Bulgary, có nhiều nghệ sĩ tham dự.",
    ],
)
def test_no_person_in(text: str) -> None:
    assert _persons(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thủ tướng Israeli Yosef Cohen nói.", "Yosef Cohen"),
        ("Nay Harold Benton lại nói khác.", "Harold Benton"),
    ],
)
def test_words_before_a_name_are_not_part_of_it(text: str, name: str) -> None:
    assert set(_persons(text)) == {name}


def test_a_seat_of_power_in_the_office_gives_the_state() -> None:
    p = _persons("Người phát ngôn Điện Kremlin Ivan Sokolov cho biết.")
    assert p["Ivan Sokolov"].country == "RU"
    assert p["Ivan Sokolov"].titles == ("Người phát ngôn Điện Kremlin",)


def test_a_government_body_in_an_office_does_not_hide_the_name_after_it() -> None:
    p = _persons(
        "Ngoại trưởng Mỹ Harold Benton đã gặp Ủy viên Hội đồng Nhà nước Trung Quốc Lâm Chí Quang và ông Wu Jiang."
    )
    q = _persons("Ông Benton đã gặp Ủy viên Hội đồng Nhà nước Wu Jiang.")
    assert "Wu Jiang" in q and q["Wu Jiang"].titles == ("Ủy viên Hội đồng Nhà nước",)
    assert "Harold Benton" in p


def test_an_institute_named_after_a_person_is_no_person() -> None:
    assert _persons("Giám đốc Trung tâm nghiên cứu Walter Hendricks cho biết.") == {}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Tham tán Công sứ Lê Văn Khải và Tham tán Thương mại Đỗ Minh Tâm đã làm việc.",
            "Lê Văn Khải",
            "Tham tán Công sứ",
        ),
        ("Thẩm phán liên bang Harold Benton ra phán quyết.", "Harold Benton", "Thẩm phán"),
        ("Tổng thống mới Claude Marchand tuyên bố.", "Claude Marchand", "Tổng thống"),
    ],
)
def test_offices_and_qualifiers_before_a_name(text: str, name: str, title: str) -> None:
    p = _persons(text)
    assert title in p[name].titles


def test_a_lowercase_verb_after_an_office_is_no_qualifier() -> None:
    assert (
        _persons("Tổng thống nói Claude Marchand là bạn.").get("Claude Marchand", None) is None
        or not _persons("Tổng thống nói Claude Marchand là bạn.")["Claude Marchand"].titles
    )


def test_newspapers_are_no_persons() -> None:
    assert _persons("Theo tờ Seoul Ilbo, Tờ Tokyo Shimbun cho hay.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thủ hiến bang Hessen Klaus Brenner đã đón đoàn.", "Klaus Brenner"),
        ("Thống đốc tỉnh Ibaraki Kenji Sato nói.", "Kenji Sato"),
        ("Chủ tịch Ủy ban Đoàn kết bang Tây Bengal Ravi Kumar nói.", "Ravi Kumar"),
    ],
)
def test_a_place_after_an_administrative_word_is_not_part_of_the_name(text: str, name: str) -> None:
    assert set(_persons(text)) == {name}


def test_common_nouns_that_look_like_names_are_no_persons() -> None:
    p = _persons("Phó Giáo sư Phương Đông học Olga Ivanova cho biết. Nữ hoàng Hoa Hồng xuất hiện ở lễ hội.")
    assert set(p) == {"Olga Ivanova"}
    assert "Phương Đông Hải" in _persons("Thứ trưởng Phương Đông Hải nói.")


def test_an_arabic_article_pair_is_an_organization_but_not_inside_a_name() -> None:
    doc = extract(Document(origin="test", text="Kênh Al Arabiya đưa tin. Quốc vương Karim bin Hamad Al Hadid nói."))
    kinds = {a.name: a.kind for a in doc.actors}
    assert kinds.get("Al Arabiya") == "organization"
    assert kinds.get("Karim bin Hamad Al Hadid") == "person"


def test_a_run_over_a_named_person_is_no_organization() -> None:
    doc = extract(
        Document(origin="test", text="Tổng thống Hàn Quốc Lee Jae In nói. Cử tri Hàn Quốc Lee Jae In ủng hộ.")
    )
    assert {a.name for a in doc.actors if a.kind == "organization"} == set()
