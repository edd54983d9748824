"""Events from sentences written in the style of the news."""

from __future__ import annotations

from diplomacy_corpus.extract import extract
from diplomacy_corpus.models import Document, Event


def _events(text: str, published: str | None = None) -> tuple[list[Event], dict[str, str]]:
    doc = extract(Document(origin="test", text=text, published=published))
    names = {a.id: a.name if a.kind != "country" else a.country for a in doc.actors}
    return list(doc.events), names  # type: ignore[return-value]


def _kinds(text: str) -> list[str]:
    return [e.kind for e in _events(text)[0]]


def test_phone_call_with_participants_date_and_codes() -> None:
    events, names = _events("Tối 12/4, Thủ tướng Phạm Minh Hải đã điện đàm với Thủ tướng Nhật Bản Ishiba Shigeru.")
    assert len(events) == 1
    e = events[0]
    assert e.kind == "phone_call" and str(e.date) == "--04-12"
    assert {names[p] for p in e.participants} == {"Phạm Minh Hải", "Ishiba Shigeru"}
    assert e.cameo == "041" and e.plover == "CONSULT"
    assert e.evidence and e.evidence[0].text.startswith("Tối 12/4")


def test_publication_year_fills_the_date() -> None:
    events, _ = _events(
        "Tối 12/4, Thủ tướng Phạm Minh Hải đã điện đàm với Thủ tướng Nhật Bản Ishiba Shigeru.", "2025-04-13"
    )
    assert str(events[0].date) == "2025-04-12"


def test_visit_and_talks_are_two_events_with_their_own_dates() -> None:
    text = (
        "Ngày 21/11, tại trụ sở Bộ Ngoại giao, Bộ trưởng Ngoại giao Lê Văn Thành đã hội đàm với Ngoại trưởng "
        "Úc Penny Wong nhân chuyến thăm Việt Nam của Ngoại trưởng Penny Wong từ ngày 20 - 22/11."
    )
    events, names = _events(text)
    by_kind = {e.kind: e for e in events}
    assert set(by_kind) == {"talks", "visit"}
    assert str(by_kind["talks"].date) == "--11-21"
    assert by_kind["talks"].location == "trụ sở Bộ Ngoại giao"
    visit = by_kind["visit"]
    assert (str(visit.date), str(visit.date_end)) == ("--11-20", "--11-22")
    assert [names[p] for p in visit.participants] == ["Penny Wong"]
    assert visit.location == "Việt Nam"


def test_repeated_mentions_merge_into_one_event() -> None:
    text = (
        "Chiều 5/6, Chủ tịch nước Võ Văn Long hội đàm với Tổng thống Chile Gabriel Boric. "
        "Tại hội đàm, hai nhà lãnh đạo nhất trí tăng cường hợp tác. "
        "Sau cuộc hội đàm, Chủ tịch nước Võ Văn Long và Tổng thống Gabriel Boric gặp gỡ báo chí."
    )
    kinds = _kinds(text)
    assert kinds.count("talks") == 1


def test_wishes_invitations_and_undated_plans_are_no_events() -> None:
    text = (
        "Thủ tướng Đặng Văn Minh mời Tổng thống Hàn Quốc Lee Jae-myung sớm thăm Việt Nam. "
        "Hai bên mong muốn sớm ký kết Hiệp định thương mại. "
        "Tổng thống Lee Jae-myung sẽ thăm Việt Nam vào thời gian thích hợp."
    )
    assert _kinds(text) == []


def test_announced_visit_with_a_date_is_an_event() -> None:
    events, names = _events(
        "Chủ tịch Quốc hội Trần Thanh Mẫn sẽ thăm chính thức Lào từ ngày 10-12/7/2025 theo lời mời của "
        "Chủ tịch Quốc hội Lào Saysomphone Phomvihane."
    )
    assert [e.kind for e in events] == ["visit"]
    assert [names[p] for p in events[0].participants] == ["Trần Thanh Mẫn"]
    assert events[0].level == "chính thức"
    assert str(events[0].date) == "2025-07-10"


def test_state_level_events_take_both_countries() -> None:
    events, names = _events(
        "Việt Nam và Indonesia thiết lập quan hệ ngoại giao năm 1955 và nâng cấp quan hệ lên Đối tác "
        "Chiến lược toàn diện vào năm 2025."
    )
    got = {(e.kind, str(e.date), frozenset(names[p] for p in e.participants)) for e in events}
    assert ("normalization", "1955", frozenset({"VN", "ID"})) in got
    assert ("relationship_upgrade", "2025", frozenset({"VN", "ID"})) in got


def test_anniversary_is_no_new_normalization() -> None:
    kinds = _kinds("Hai nước tổ chức lễ kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam - Nhật Bản.")
    assert "normalization" not in kinds


def test_meeting_needs_a_person_met() -> None:
    assert _kinds("Doanh nghiệp gặp khó khăn khi tiếp tục xuất khẩu sang châu Âu.") == []


def test_list_of_meetings_gives_one_event_per_person() -> None:
    text = (
        "Trong chuyến thăm, Tổng thống Séc Petr Pavel đã hội đàm với Chủ tịch nước Lương Cường; "
        "hội kiến Tổng Bí thư Tô Lâm; gặp Thủ tướng Phạm Minh Chính."
    )
    events, names = _events(text)
    meetings = [frozenset(names[p] for p in e.participants) for e in events if e.kind == "meeting"]
    assert frozenset({"Petr Pavel", "Tô Lâm"}) in meetings
    assert frozenset({"Petr Pavel", "Phạm Minh Chính"}) in meetings


def test_sentence_without_trigger_costs_nothing() -> None:
    assert _kinds("Giá vàng hôm nay tăng mạnh. Thời tiết Hà Nội nắng nóng.") == []


def test_one_call_per_counterpart_when_several_called_one_leader() -> None:
    events, names = _events(
        "Điện đàm với Tổng thống Hàn Quốc Lee Jae-myung trước đó, Thủ tướng Anh Keir Starmer và "
        "Thủ tướng Đức Friedrich Merz cũng cam kết hỗ trợ."
    )
    calls = {frozenset(names[p] for p in e.participants) for e in events if e.kind == "phone_call"}
    assert calls == {frozenset({"Lee Jae-myung", "Keir Starmer"}), frozenset({"Lee Jae-myung", "Friedrich Merz"})}


def test_plural_receptions_give_one_meeting_per_party() -> None:
    events, names = _events(
        "Chiều 9/7, Thủ tướng Lê Văn Hưng đã có các cuộc tiếp Chủ tịch Tập đoàn Siemens Roland Busch, "
        "lãnh đạo Hiệp hội Doanh nghiệp châu Âu (EuroCham) và Ban lãnh đạo Phòng Thương mại Đức - Việt Nam."
    )
    meetings = [frozenset(names.get(p, p) for p in e.participants) for e in events if e.kind == "meeting"]
    assert len(meetings) == 3
    assert all("Lê Văn Hưng" in m for m in meetings)
    assert all(str(e.date) == "--07-09" for e in events if e.kind == "meeting")


def test_between_names_the_participants() -> None:
    events, names = _events(
        "Chuyên gia Michael Kofman đánh giá cuộc gặp giữa ông Vladimir Putin và ông Donald Trump hôm 7/7 là tích cực."
    )
    meeting = next(e for e in events if e.kind == "meeting")
    assert {names[p] for p in meeting.participants} == {"Vladimir Putin", "Donald Trump"}


def test_coordinated_triggers_have_their_own_counterparts_and_the_leading_date() -> None:
    events, names = _events(
        "Ngày 14/9, tại thủ đô Viên, Chủ tịch nước Lê Văn Hòa đã hội đàm với Tổng thống Áo Karl Brenner "
        "và hội kiến với Thủ tướng Áo Franz Huber."
    )
    by_kind = {e.kind: e for e in events}
    assert {names[p] for p in by_kind["talks"].participants} == {"Lê Văn Hòa", "Karl Brenner"}
    assert {names[p] for p in by_kind["meeting"].participants} == {"Lê Văn Hòa", "Franz Huber"}
    assert str(by_kind["meeting"].date) == "--09-14"


def test_a_trigger_naming_back_results_keeps_the_whole_clause() -> None:
    events, _ = _events(
        "Chiều 3/5, Thủ tướng Lê Văn Hòa tiếp Bộ trưởng Quốc phòng Áo Karl Brenner. Tại buổi tiếp, Bộ trưởng "
        "Karl Brenner báo cáo với Thủ tướng Lê Văn Hòa về kết quả hội đàm với Bộ trưởng Trần Minh Đức."
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert len(meetings) == 1 and str(meetings[0].date) == "--05-03"


def test_talks_between_the_two_leaders_name_back_the_talks() -> None:
    events, _ = _events(
        "Ngày 4/7, Tổng thống Nga Pavel Orlov và Chủ tịch Trung Quốc Lưu Kiến Quốc đã hội đàm tại Moskva. "
        "Cuộc hội đàm giữa hai nhà lãnh đạo diễn ra trước thềm hội nghị, trong đó có cuộc gặp giữa "
        "ông Orlov và Tổng thống Mỹ Harold Benton."
    )
    talks = [e for e in events if e.kind == "talks"]
    assert len(talks) == 1


def test_a_one_sided_undated_agreement_is_no_event() -> None:
    assert "agreement" not in _kinds(
        "Các Đại sứ Việt Nam khẳng định sẽ thúc đẩy việc thực hiện các thỏa thuận đã ký kết giữa Việt Nam và các nước."
    )


def test_an_agreement_takes_the_states_of_its_sentence() -> None:
    events, names = _events(
        "Hai bên vui mừng việc Hiệp định giữa Cộng hòa Séc và Việt Nam về hợp tác phòng, chống tội phạm "
        "được ký kết nhân chuyến thăm."
    )
    agreements = [e for e in events if e.kind == "agreement"]
    assert agreements and {"VN", "CZ"} <= {names.get(p, p) for p in agreements[0].participants}


def test_since_an_earlier_summit_is_no_event() -> None:
    assert "conference" not in _kinds(
        "Kể từ Hội nghị thượng đỉnh đầu tiên của G20 tháng 11/2008, nước Mỹ luôn giữ vai trò chủ chốt."
    )


def test_a_signing_after_the_talks_takes_their_day_not_the_years_of_the_document() -> None:
    events, _ = _events(
        "Ngày 29/6, Chủ tịch nước Lê Văn Hòa đã hội đàm với Tổng thống Nga Pavel Orlov. "
        "Ngay sau cuộc hội đàm, hai nhà lãnh đạo đã chứng kiến lễ ký Chương trình hợp tác giai đoạn 2017 - 2020 "
        "giữa Việt Nam và Nga."
    )
    agreements = [e for e in events if e.kind == "agreement"]
    assert agreements and str(agreements[0].date) == "--06-29"


def test_an_invitation_with_a_date_is_no_event() -> None:
    assert "talks" not in _kinds(
        "Tổng thống Pháp Claude Marchand đã mời ông Lee Dong-hwan đến thăm Paris để hai bên hội đàm trực tiếp "
        "vào tháng 7 tới."
    )


def test_a_programme_is_no_event() -> None:
    assert "meeting" not in _kinds(
        "Dự kiến, trong thời gian ở thăm bang Hessen, Thủ tướng Lê Văn Hòa sẽ gặp gỡ Thủ hiến Klaus Brenner."
    )


def test_a_conference_word_inside_an_office_is_no_conference() -> None:
    assert "conference" not in _kinds(
        "Ngày 11/5, Chủ tịch nước Lê Văn Hòa đã tiếp Phó Chủ tịch Hội nghị Hiệp thương Chính trị "
        "Trung Quốc Lưu Kiến Quốc."
    )


def test_a_signing_witnessed_by_the_two_leaders_is_between_their_states() -> None:
    events, names = _events(
        "Ngày 11/5, Chủ tịch nước Lê Văn Hòa đã hội đàm với Chủ tịch Trung Quốc Lưu Kiến Quốc. "
        "Kết thúc hội đàm, hai nhà lãnh đạo đã chứng kiến lễ ký kết 5 văn kiện hợp tác. "
        "Quan hệ Việt Nam - Trung Quốc phát triển tốt."
    )
    agreements = [e for e in events if e.kind == "agreement"]
    assert agreements and {"VN", "CN"} <= {names.get(p, p) for p in agreements[0].participants}
    assert str(agreements[0].date) == "--05-11"


def test_an_occasion_days_ahead_is_no_event() -> None:
    kinds = _kinds(
        "Cuộc hội đàm diễn ra trong bối cảnh còn vài ngày nữa là Hội nghị G20 khai mạc tại Đức. "
        "Tổng thống Nga Pavel Orlov sẽ gặp Tổng thống Mỹ Harold Benton vào tuần tới."
    )
    assert "conference" not in kinds and "meeting" not in kinds


def test_an_organization_inside_a_longer_name_is_no_party_of_its_own() -> None:
    events, names = _events(
        "Chiều 9/7, Thủ tướng Nguyễn Văn An đã có các cuộc tiếp lãnh đạo Liên minh Doanh nghiệp châu Âu - ASEAN "
        "(EABA) và Ban lãnh đạo Phòng Thương mại Hà Lan - Việt Nam."
    )
    parties = [{names.get(p, p) for p in e.participants} for e in events]
    assert parties and all("ASEAN" not in p for p in parties)
    assert any(any("Liên minh Doanh nghiệp" in x for x in p) for p in parties)


def test_talks_in_the_headline_and_a_meeting_in_the_body_are_one_event() -> None:
    events, names = _events(
        "Thủ tướng Séc và người đồng cấp Việt Nam lần đầu hội đàm trực tiếp\n"
        "Ngày 6/2, Thủ tướng Séc Petr Novák đã có cuộc gặp với người đồng cấp Việt Nam Phạm Minh Hải tại Praha. "
        "Một nội dung chính trong cuộc hội đàm là thúc đẩy thương mại giữa hai nước."
    )
    two_party = [e for e in events if e.kind in ("talks", "meeting")]
    assert len(two_party) == 1
    e = two_party[0]
    assert e.kind == "talks" and str(e.date) == "--02-06"
    assert {names[p] for p in e.participants} >= {"Petr Novák", "Phạm Minh Hải"}


def test_a_headline_talks_and_a_meeting_with_someone_else_stay_apart() -> None:
    events, _ = _events(
        "Chủ tịch nước Lê Văn Bình hội đàm với Tổng thống Séc Petr Novák\n"
        "Chiều 7/6, Chủ tịch nước Lê Văn Bình đã tiếp Chủ tịch Thượng viện Séc Jan Dvořák."
    )
    assert sorted(e.kind for e in events) == ["meeting", "talks"]


def test_earlier_on_takes_the_day_just_told() -> None:
    events, names = _events(
        "Chiều 11/5, Chủ tịch nước Lê Văn Bình đã hội đàm với Tổng thống Séc Petr Novák. "
        "Hai bên nhất trí tăng cường hợp tác kinh tế và giáo dục. "
        "Hai nhà lãnh đạo cũng trao đổi về các vấn đề quốc tế.\n"
        "Tổng thống Petr Novák đánh giá cao vai trò của Việt Nam trong khu vực.\n"
        "Trước đó, tại Phủ Tổng thống, Chủ tịch nước Lê Văn Bình đã tiếp Chủ tịch Thượng viện Séc Jan Dvořák."
    )
    meeting = [e for e in events if e.kind == "meeting"]
    assert len(meeting) == 1 and str(meeting[0].date) == "--05-11"
    assert {names[p] for p in meeting[0].participants} == {"Lê Văn Bình", "Jan Dvořák"}


def test_a_dated_forum_takes_the_speakers_told_after_it() -> None:
    events, names = _events(
        "Ngày 6/6, Diễn đàn doanh nghiệp Việt Nam - Ba Lan đã được tổ chức tại Hà Nội.\n"
        "Diễn đàn được tổ chức nhân chuyến thăm chính thức Việt Nam của Tổng thống Ba Lan Andrzej Nowak. "
        "Phát biểu tại diễn đàn, Phó Thủ tướng Trần Quốc Minh đánh giá cao quan hệ hợp tác giữa hai nước."
    )
    forums = [e for e in events if e.kind == "conference"]
    assert len(forums) == 1 and str(forums[0].date) == "--06-06"
    assert "Trần Quốc Minh" in {names.get(p, p) for p in forums[0].participants}


def test_a_dated_forum_nobody_attends_is_no_event() -> None:
    assert "conference" not in _kinds("Ngày 6/6, Diễn đàn doanh nghiệp Việt Nam - Ba Lan đã được tổ chức tại Hà Nội.")


def test_a_deal_signed_by_businesses_is_no_agreement_of_states() -> None:
    assert "agreement" not in _kinds(
        "Tập đoàn Dầu khí Việt Nam và Tập đoàn Ørsted của Đan Mạch đã ký Thỏa thuận khung phát triển dự án điện gió."
    )
    assert "agreement" not in _kinds("Doanh nghiệp hai nước Việt Nam và Ba Lan ký kết biên bản thỏa thuận hợp tác.")


def test_an_agreement_of_ministers_is_still_one() -> None:
    assert "agreement" in _kinds(
        "Ngày 12/3, Bộ trưởng Ngoại giao Việt Nam Lê Hoài Nam và Bộ trưởng Ngoại giao Ba Lan Jan Kowal đã ký "
        "Hiệp định miễn thị thực giữa Việt Nam và Ba Lan."
    )


def test_a_term_is_no_date_of_a_signing() -> None:
    events, _ = _events(
        "Ngày 3/4, Bộ trưởng Quốc phòng Việt Nam Lê Văn Hùng và Bộ trưởng Quốc phòng Ba Lan Jan Kowal đã ký "
        "Tuyên bố tầm nhìn chung về hợp tác quốc phòng giữa Việt Nam và Ba Lan. "
        "Việc Bộ Quốc phòng hai nước ký Tuyên bố tầm nhìn chung về hợp tác quốc phòng đến năm 2030 là cơ sở "
        "để triển khai hợp tác."
    )
    assert all(e.date is None or e.date.year != 2030 for e in events)


def test_a_sentence_naming_back_the_forum_takes_its_day() -> None:
    events, _ = _events(
        "Ngày 6/6, Diễn đàn doanh nghiệp Việt Nam - Ba Lan đã được tổ chức tại Hà Nội với sự tham dự của "
        "Phó Thủ tướng Trần Quốc Minh.\n"
        "Thương mại hai chiều năm 2016 đạt gần 250 triệu USD.\n"
        "Đầu tư của Ba Lan tại Việt Nam còn khiêm tốn.\n"
        "Tại diễn đàn, dưới sự chứng kiến của Tổng thống Ba Lan Andrzej Nowak và Phó Thủ tướng Trần Quốc Minh, "
        "hai bên đã ký kết 7 văn kiện hợp tác giữa Việt Nam và Ba Lan."
    )
    agreements = [e for e in events if e.kind == "agreement"]
    assert agreements and all(str(e.date) == "--06-06" for e in agreements)


def test_an_organization_in_a_later_clause_is_not_met() -> None:
    events, names = _events(
        "Cuộc gặp không chính thức được tiến hành ngay sau khi Triều Tiên chỉ trích vụ thử tên lửa từ phía Mỹ và "
        "nói Liên Hợp Quốc cố tình cho qua hành động của Washington. "
        "Hồi năm 2016, các quan chức Triều Tiên cũng đã có cuộc gặp không chính thức với các chuyên gia."
    )
    assert all("Liên Hợp Quốc" not in {names.get(p, p) for p in e.participants} for e in events)


def test_an_organization_received_is_met() -> None:
    events, names = _events("Chiều 26/6, Chủ tịch nước Lê Văn Bình đã tiếp Hội Hữu nghị Ba Lan - Việt Nam tại Hà Nội.")
    meetings = [e for e in events if e.kind == "meeting"]
    assert meetings and any("Hội Hữu nghị" in names.get(p, p) for p in meetings[0].participants)


def test_carrying_out_agreements_signed_before_is_no_signing() -> None:
    assert "agreement" not in _kinds(
        "Sáng 12/7, các Đại sứ Việt Nam ở nước ngoài khẳng định sẽ thúc đẩy việc triển khai thực hiện các thỏa "
        "thuận, hiệp định hợp tác giữa Việt Nam và Ba Lan đã ký kết."
    )


def test_the_days_of_one_visit_are_one_visit() -> None:
    events, _ = _events(
        "Chiều 26/6, Chủ tịch nước Lê Văn Bình đã tới thủ đô Warszawa, bắt đầu chuyến thăm chính thức Ba Lan.\n"
        "Sáng 27/6, lễ đón chính thức Chủ tịch nước Lê Văn Bình thăm chính thức Cộng hòa Ba Lan được tổ chức "
        "trọng thể tại Phủ Tổng thống."
    )
    visits = [e for e in events if e.kind == "visit"]
    assert len(visits) == 1 and str(visits[0].date) == "--06-26"


def test_visits_to_two_countries_stay_two() -> None:
    events, _ = _events(
        "Ngày 5/6, Thủ tướng Nguyễn Văn An bắt đầu chuyến thăm chính thức Nhật Bản. "
        "Ngày 8/6, Thủ tướng Nguyễn Văn An bắt đầu chuyến thăm chính thức Hàn Quốc."
    )
    assert len([e for e in events if e.kind == "visit"]) == 2


def test_the_same_moment_in_home_time_is_no_date_of_its_own() -> None:
    events, _ = _events(
        "Theo phóng viên TTXVN, tối 9/7 (theo giờ địa phương), tức rạng sáng 10/7 theo giờ Hà Nội, tại La Hay, "
        "Thủ tướng Nguyễn Văn An đã dự lễ kỷ niệm 45 năm quan hệ ngoại giao Việt Nam - Hà Lan."
    )
    ceremonies = [e for e in events if e.kind == "ceremony"]
    assert ceremonies and str(ceremonies[0].date) == "--07-09"


def test_agreeing_to_sign_later_is_no_signing() -> None:
    assert "agreement" not in _kinds(
        "Hai Chủ tịch Quốc hội Việt Nam và Ba Lan nhất trí tiếp tục rà soát, cập nhật hoặc ký mới các văn kiện "
        "hợp tác nhằm hoàn thiện khung pháp lý cho quan hệ song phương."
    )


def test_a_list_of_dated_treaties_gives_one_signing_each() -> None:
    events, names = _events(
        "Andrei Kowalski là Bộ trưởng Ngoại giao Ba Lan trong 20 năm.\n"
        "Trong số những thành tựu của ông là việc ký kết Hiệp ước Cấm thử nghiệm từng phần trong năm 1963, "
        "Hiệp ước không phổ biến vũ khí hạt nhân vào năm 1968, và Hiệp định về ngăn ngừa chiến tranh hạt nhân "
        "vào năm 1973."
    )
    signings = [e for e in events if e.kind == "agreement"]
    assert sorted(str(e.date) for e in signings) == ["1963", "1968", "1973"]
    assert all({names.get(p, p) for p in e.participants} == {"Andrei Kowalski"} for e in signings)


def test_he_signed_takes_the_person_just_named() -> None:
    events, names = _events(
        "Jan Nowak là Bộ trưởng Bộ Ngoại giao Ba Lan vào năm 1991, thay thế Piotr Zielinski.\n"
        "Ông đã tham gia ký kết Hiệp ước Ba Lan - Mỹ về hợp tác khoa học vào tháng 7/1991."
    )
    signings = [e for e in events if e.kind == "agreement"]
    assert len(signings) == 1 and str(signings[0].date) == "1991-07"
    assert "Jan Nowak" in {names.get(p, p) for p in signings[0].participants}


def test_talks_and_meetings_between_two_leaders_told_by_a_third_are_theirs() -> None:
    events, names = _events(
        "Chiều 13/5, Bí thư Tỉnh ủy Lý Văn Hải bày tỏ phấn khởi về kết quả tốt đẹp của các cuộc hội đàm, hội "
        "kiến giữa Chủ tịch nước Lê Văn Bình với Chủ tịch Trung Quốc Tập Cận Bình."
    )
    two_party = [e for e in events if e.kind in ("talks", "meeting")]
    assert len(two_party) == 1 and two_party[0].kind == "talks"
    assert {names[p] for p in two_party[0].participants} == {"Lê Văn Bình", "Tập Cận Bình"}


def test_calls_with_unnamed_leaders_are_no_event() -> None:
    assert "phone_call" not in _kinds(
        "Từ khi nhậm chức vào tháng 11/2016, Tổng thống Mỹ Donald Trump đã điện đàm với một số nhà lãnh đạo "
        "trên thế giới nhưng đến nay ông mới có cuộc trao đổi đầu tiên với Chủ tịch Trung Quốc Tập Cận Bình."
    )


def test_a_year_inside_a_quoted_title_is_no_date_of_the_event() -> None:
    events, _ = _events(
        "Sáng 19/5, tại Hà Nội, Phòng Thương mại và Công nghiệp Việt Nam tổ chức Hội thảo mang tên “Viễn cảnh "
        "Việt Nam và Ba Lan năm 2030” với sự tham dự của Đại sứ Ba Lan Jan Kowal."
    )
    conferences = [e for e in events if e.kind == "conference"]
    assert conferences and str(conferences[0].date) == "--05-19"


def test_an_establishment_named_inside_another_act_does_not_take_its_day() -> None:
    events, _ = _events(
        "Ngày 23/6/1967, Chủ tịch Hồ Chí Minh đã gửi Quốc trưởng Norodom Sihanouk bức điện coi việc hai nước "
        "Việt Nam và Campuchia thiết lập quan hệ ngoại giao là biểu hiện của tình hữu nghị. "
        "Ngày 24/6/1967, Việt Nam và Campuchia chính thức thiết lập quan hệ ngoại giao."
    )
    assert [str(e.date) for e in events if e.kind == "normalization"] == ["1967-06-24"]


def test_a_round_table_is_a_conference_and_its_later_mentions_join_it() -> None:
    events, names = _events(
        "Chiều 13/5, tại Hà Nội, Chủ tịch nước Lê Văn Bình đã dự Tọa đàm hợp tác kinh tế Việt Nam - Ba Lan. "
        "Tham dự Tọa đàm, phía Việt Nam có Phó Thủ tướng Trần Quốc Minh và Bộ trưởng Công Thương Đỗ Văn Hà."
    )
    conferences = [e for e in events if e.kind == "conference"]
    assert len(conferences) == 1 and str(conferences[0].date) == "--05-13"
    assert {"Lê Văn Bình", "Trần Quốc Minh"} <= {names.get(p, p) for p in conferences[0].participants}


def test_working_with_the_board_of_an_organization_is_a_meeting() -> None:
    events, names = _events(
        "Chiều 7/2, tại Warszawa, Đại sứ Trần Văn Khải đã có buổi làm việc với ban lãnh đạo Liên đoàn Công nghiệp "
        "Ba Lan do Chủ tịch Jan Kowal dẫn đầu."
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert meetings and str(meetings[0].date) == "--02-07"
    assert {"Trần Văn Khải", "Jan Kowal"} <= {names.get(p, p) for p in meetings[0].participants}


def test_earlier_on_prefers_the_day_of_the_sentence_before_to_a_span() -> None:
    events, _ = _events(
        "Chiều 1/7, Chủ tịch nước Lê Văn Bình rời thành phố Kraków, kết thúc tốt đẹp chuyến thăm chính thức "
        "Ba Lan từ ngày 28/6 - 1/7.\n"
        "Trước đó, tại Kraków, Chủ tịch nước Lê Văn Bình đã gặp Thị trưởng Kraków Jan Kowal."
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert meetings and str(meetings[0].date) == "--07-01"


def test_one_visit_told_from_its_last_day_keeps_its_first() -> None:
    events, _ = _events(
        "Sáng 12/7, Thủ tướng Nguyễn Văn An đã về đến Hà Nội, kết thúc chuyến thăm chính thức Ba Lan.\n"
        "Từ ngày 6/7, Thủ tướng Nguyễn Văn An bắt đầu chuyến thăm chính thức Ba Lan."
    )
    visits = [e for e in events if e.kind == "visit"]
    assert len(visits) == 1 and str(visits[0].date) == "--07-06"


def test_a_title_closed_by_a_straight_quote_ends_there() -> None:
    events, _ = _events(
        'Ngày 7/2 được Ba Lan chọn là “Ngày hữu nghị", ngày mà hiệp ước đầu tiên về thương mại giữa Ba Lan và '
        "Việt Nam được ký kết vào năm 1955."
    )
    assert [str(e.date) for e in events if e.kind == "agreement"] == ["1955"]


def test_a_caption_dating_the_same_day_in_full_gives_the_year() -> None:
    text = "Chiều 3/10, tại Hà Nội, Chủ tịch nước Lê Văn Thành tiếp Đại sứ Pháp Olivier Brochet."
    caption = "Chủ tịch nước Lê Văn Thành tiếp Đại sứ Olivier Brochet, chiều 3/10/2019. Ảnh: TTXVN"
    doc = extract(Document(origin="test", text=text, captions=(caption,)))
    assert [str(e.date) for e in doc.events] == ["2019-10-03"]
    other_day = caption.replace("3/10/2019", "4/10/2019")
    doc = extract(Document(origin="test", text=text, captions=(other_day,)))
    assert [str(e.date) for e in doc.events] == ["--10-03"]  # another day says nothing of this one's year


def test_the_results_of_talks_held_by_others_do_not_turn_a_reception_into_talks() -> None:
    events, names = _events(
        "Sáng 5-9, tại Hà Nội, Chủ tịch Quốc hội Trần Minh Đức đã tiếp Bộ trưởng Quốc phòng Lào Chansamone Chanyalath. "
        "Chủ tịch Quốc hội Trần Minh Đức đánh giá cao kết quả hội đàm giữa hai bên. "
        "Tại buổi tiếp, Bộ trưởng Chansamone Chanyalath cảm ơn Chủ tịch Quốc hội Trần Minh Đức."
    )
    assert [(e.kind, str(e.date)) for e in events] == [("meeting", "--09-05")]
    assert {names[p] for p in events[0].participants} == {"Trần Minh Đức", "Chansamone Chanyalath"}


def test_a_person_told_of_talks_is_no_party_to_them() -> None:
    events, names = _events(
        "Chiều 12/3, tại Hà Nội, Phó Thủ tướng Lê Quốc Bảo đã tiếp ông Ahmad Zahid, Phó Thủ tướng Malaysia. "
        "Ông Ahmad Zahid cảm ơn Phó Thủ tướng Lê Quốc Bảo; thông báo với Phó Thủ tướng kết quả tốt đẹp của "
        "cuộc hội đàm với Bộ trưởng Công an Trần Văn Hòa."
    )
    talks = [{names[p] for p in e.participants} for e in events if e.kind == "talks"]
    assert talks == [{"Ahmad Zahid", "Trần Văn Hòa"}]


def test_becoming_partners_without_a_level_is_no_upgrade() -> None:
    assert "relationship_upgrade" not in _kinds(
        "Năm 2018, Việt Nam và Hà Lan đã trở thành đối tác quan trọng của nhau về thương mại."
    )
    assert _kinds("Năm 2018, Việt Nam và Úc đã trở thành Đối tác chiến lược.") == ["relationship_upgrade"]


def test_meetings_named_back_in_a_list_take_the_subject_and_the_day_last_told() -> None:
    events, names = _events(
        "Ngày 14/4, Thủ tướng Lê Minh Tâm đã gặp nhiều lãnh đạo Trung Quốc tại Bắc Kinh. "
        "Tại các buổi hội kiến với Phó Chủ tịch nước Trung Quốc Hàn Chính, Chủ tịch Chính hiệp Vương Hỗ Ninh, "
        "Thủ tướng Lê Minh Tâm nhấn mạnh hai nước cần tăng cường hợp tác."
    )
    meetings = sorted((str(e.date), sorted(names[p] for p in e.participants)) for e in events if e.kind == "meeting")
    assert meetings == [
        ("--04-14", ["Hàn Chính", "Lê Minh Tâm"]),
        ("--04-14", ["Lê Minh Tâm", "Vương Hỗ Ninh"]),
    ]


def test_talks_named_back_by_a_caption_keep_their_own_day() -> None:
    events, _ = _events(
        "Ngày 11/5, Chủ tịch nước Lê Văn Thành và Chủ tịch Trung Quốc Tập Cận Bình đã hội đàm tại Bắc Kinh. "
        "Ngày 10/5, Chủ tịch nước Lê Văn Thành trả lời phỏng vấn báo chí Trung Quốc. "
        "Chủ tịch nước Lê Văn Thành trong cuộc hội đàm với Chủ tịch Trung Quốc Tập Cận Bình."
    )
    assert [(e.kind, str(e.date)) for e in events if e.kind == "talks"] == [("talks", "--05-11")]


def test_an_audience_with_a_king_is_a_meeting_and_the_sender_of_an_invitation_is_absent() -> None:
    events, names = _events(
        "Chiều 3/4, Bộ trưởng Ngoại giao Lê Hoài Nam đã yết kiến Quốc vương Thái Lan Maha Vajiralongkorn. "
        "Tại cuộc gặp, Bộ trưởng Lê Hoài Nam chuyển lời mời của Chủ tịch nước Trần Văn Lâm mời Quốc vương sang thăm."
    )
    meetings = [sorted(names[p] for p in e.participants) for e in events if e.kind == "meeting"]
    assert meetings == [["Lê Hoài Nam", "Maha Vajiralongkorn"]]


def test_the_years_since_the_day_of_a_signing_are_no_signing() -> None:
    assert "agreement" not in _kinds(
        "Hai bên chuẩn bị kỷ niệm 55 năm Ngày thiết lập quan hệ ngoại giao và 40 năm Ngày ký Hiệp ước "
        "Hữu nghị và Hợp tác Việt Nam - Lào trong năm 2017."
    )


def test_a_meeting_named_back_after_talks_is_those_talks() -> None:
    events, _ = _events(
        "Ngày 26/5, Ngoại trưởng Trung Quốc Vương Nghị hội đàm với Ngoại trưởng Nga Sergei Lavrov tại Moskva. "
        "Sau cuộc gặp, ông Vương Nghị và ông Lavrov đã họp báo chung."
    )
    assert [(e.kind, str(e.date)) for e in events] == [("talks", "--05-26")]


def test_a_headline_meeting_is_the_undated_talks_of_the_body() -> None:
    events, _ = _events(
        "Gặp Ngoại trưởng Qatar, ông Lavrov nói gì?\n"
        "Trong cuộc hội đàm với Ngoại trưởng Qatar Mohammed Al Thani, Ngoại trưởng Nga Sergei Lavrov cho biết "
        "Nga ủng hộ đối thoại."
    )
    assert [e.kind for e in events] == ["talks"]


def test_an_undated_event_takes_the_day_of_the_event_just_told_passing_over_a_visit() -> None:
    events, _ = _events(
        "Chiều 19/6, Chủ tịch Quốc hội Lê Thu Hà chủ trì lễ đón Chủ tịch Thượng viện Haiti Youri Latortue. "
        "Ông Youri Latortue đang có chuyến thăm chính thức Việt Nam từ ngày 17 - 22/6. "
        "Chủ tịch Quốc hội Lê Thu Hà đã hội đàm với Chủ tịch Thượng viện Youri Latortue."
    )
    assert [(e.kind, str(e.date)) for e in events if e.kind == "talks"] == [("talks", "--06-19")]


def test_the_day_a_future_visit_is_announced_is_not_its_day() -> None:
    events, _ = _events(
        "Ngày 29-6, Người phát ngôn Bộ Ngoại giao Lê Thị Hằng cho biết, Thủ tướng Trần Văn Nam sẽ thăm chính thức "
        "Nhật Bản từ ngày 5-8/7. Trong chuyến thăm, Thủ tướng Trần Văn Nam dự kiến hội đàm với Thủ tướng Nhật Bản."
    )
    assert [(e.kind, str(e.date)) for e in events if e.kind == "visit"] == [("visit", "--07-05")]
    assert all(str(e.date) != "--06-29" for e in events)


def test_the_meeting_of_two_leaders_named_back_is_their_talks_with_the_ministers_present() -> None:
    events, names = _events(
        "Ngày 7/7, Tổng thống Nga Vladimir Putin hội đàm với Tổng thống Mỹ Donald Trump tại Hamburg. "
        "Trong cuộc gặp giữa ông Vladimir Putin và ông Donald Trump có sự góp mặt của Ngoại trưởng Nga Sergey Lavrov."
    )
    assert [(e.kind, str(e.date)) for e in events] == [("talks", "--07-07")]
    assert {names[p] for p in events[0].participants} == {"Vladimir Putin", "Donald Trump", "Sergey Lavrov"}


def test_every_step_of_a_planned_programme_is_planned() -> None:
    assert _kinds(
        "Tại Đức, Thủ tướng Trần Văn Nam dự kiến sẽ có cuộc hội đàm với Thủ tướng Angela Merkel, hội kiến "
        "Tổng thống Đức Frank-Walter Steinmeier, gặp lãnh đạo Quốc hội."
    ) == []
    assert _kinds(  # a step told done after the plan
        "Thủ tướng Trần Văn Nam nói Việt Nam sẽ tăng cường quan hệ với Đức và đã hội kiến Tổng thống Đức "
        "Frank-Walter Steinmeier."
    ) == ["meeting"]


def test_his_visit_is_the_visit_of_the_subject() -> None:
    events, names = _events(
        "Vui mừng được gặp lại Thủ tướng Lê Văn Minh và đón Đoàn đại biểu Việt Nam, Thủ tướng Hà Lan Mark Rutte "
        "cảm ơn những đánh giá tích cực; nhắc lại những kỷ niệm trong chuyến thăm của ông tới Việt Nam năm 2014."
    )
    assert [(str(e.date), [names[p] for p in e.participants]) for e in events if e.kind == "visit"] == [
        ("2014", ["Mark Rutte"])
    ]


def test_two_documents_signed_the_same_day_are_two_signings() -> None:
    events, _ = _events(
        "Ngày 10/7, sau hội đàm, Thủ tướng Lê Văn Minh và Thủ tướng Mark Rutte đã ký Bản ghi nhớ về an toàn thực phẩm. "
        "Thủ tướng Lê Văn Minh và Thủ tướng Mark Rutte cũng ký Ý định thư về các dự án ở đồng bằng sông Cửu Long."
    )
    assert [(e.kind, str(e.date)) for e in events if e.kind == "agreement"] == [
        ("agreement", "--07-10"),
        ("agreement", "--07-10"),
    ]


def test_a_dialogue_told_by_states_then_by_its_ministers_is_one_and_a_mechanism_is_none() -> None:
    events, _ = _events(
        "Australia và Trung Quốc tổ chức Đối thoại Chiến lược lần thứ tư\n"
        "Ngày 7/2, Ngoại trưởng Australia Julie Bishop và Ngoại trưởng Trung Quốc Vương Nghị đồng chủ trì "
        "Đối thoại Chiến lược Australia - Trung Quốc tại Canberra."
    )
    assert [(e.kind, str(e.date)) for e in events] == [("dialogue", "--02-07")]
    assert "dialogue" not in _kinds("Hai bên nhất trí triển khai cơ chế Đối thoại ngoại giao, an ninh quốc phòng.")


def test_this_is_the_first_meeting_names_the_talks_back() -> None:
    events, _ = _events(
        "Ngày 29/5, Tổng thống Nga Vladimir Putin hội đàm với Tổng thống Pháp Emmanuel Macron tại Versailles. "
        "Đây là cuộc gặp đầu tiên giữa ông Vladimir Putin với ông Emmanuel Macron."
    )
    assert [(e.kind, str(e.date)) for e in events] == [("talks", "--05-29")]


def test_a_foreign_name_after_an_airport_or_a_street_is_no_person() -> None:
    doc = extract(Document(origin="t", text=(
        "Chuyên cơ hạ cánh xuống phi trường Charles de Gaulle. Đoàn đi trên đại lộ Champs Elysees. "
        "Tổng thống Emmanuel Macron đón ông Vladimir Putin."
    )))
    assert {a.name for a in doc.actors if a.kind == "person"} == {"Emmanuel Macron", "Vladimir Putin"}


def test_the_leaders_of_states_told_by_their_states_and_one_call_per_leader() -> None:
    events, names = _events(
        "Ngày 11/5, Tổng thống Hàn Quốc Moon Jae-in điện đàm với lãnh đạo Trung Quốc, Nhật Bản. "
        "Trong cuộc điện đàm với Chủ tịch Trung Quốc Tập Cận Bình, hai bên bàn về Triều Tiên. "
        "Ông Moon cũng điện đàm với Thủ tướng Nhật Bản Shinzo Abe."
    )
    calls = sorted(sorted(names[p] for p in e.participants) for e in events if e.kind == "phone_call")
    assert calls == [["Moon Jae-in", "Shinzo Abe"], ["Moon Jae-in", "Tập Cận Bình"]]


def test_talks_of_another_day_named_back_do_not_relabel_a_meeting_and_marking_years_is_an_anniversary() -> None:
    events, _ = _events(
        "Ngày 8/7, Thủ tướng Nhật Bản Shinzo Abe và Chủ tịch Trung Quốc Tập Cận Bình đã có cuộc gặp song phương. "
        "Năm 2017 đánh dấu 45 năm ngày Nhật Bản và Trung Quốc bình thường hóa quan hệ ngoại giao. "
        "Trước đó, sau cuộc hội đàm giữa 3 nhà lãnh đạo Mỹ, Hàn Quốc và Nhật Bản tại Hamburg ngày 6/7, "
        "các bên ra tuyên bố."
    )
    assert ("meeting", "--07-08") in [(e.kind, str(e.date)) for e in events]
    assert "normalization" not in [e.kind for e in events]


def test_the_visit_of_unnamed_royals_is_their_states() -> None:
    events, names = _events(
        "Ngày 20/5, Thủ tướng Lê Văn Minh tiếp Bộ trưởng Nhật Bản Hiroshige Seko đang có chuyến thăm Việt Nam. "
        "Thủ tướng Lê Văn Minh đánh giá cao chuyến thăm cấp Nhà nước của Nhà vua và Hoàng hậu Nhật Bản năm 2017."
    )
    visits = [(str(e.date), [names[p] for p in e.participants]) for e in events if e.kind == "visit"]
    assert ("2017", ["JP"]) in visits


def test_the_day_an_agreement_takes_effect_is_not_the_day_of_the_talks() -> None:
    events, _ = _events(
        "Thỏa thuận ngừng bắn, có hiệu lực từ trưa ngày 9/7, được thông báo sau cuộc hội đàm giữa Tổng thống Nga "
        "Vladimir Putin và Tổng thống Mỹ Donald Trump hôm 7/7."
    )
    assert [(e.kind, str(e.date)) for e in events] == [("talks", "--07-07")]


def test_a_joint_statement_issued_after_a_summit_is_an_agreement() -> None:
    events, names = _events(
        "Ngày 10/2, Tổng thống Mỹ Donald Trump có cuộc gặp thượng đỉnh với Thủ tướng Nhật Bản Shinzo Abe. "
        "Trong tuyên bố chung được đưa ra sau cuộc gặp, ông Trump và ông Abe khẳng định hai nước là đồng minh."
    )
    agreements = [(str(e.date), {names[p] for p in e.participants}) for e in events if e.kind == "agreement"]
    assert agreements == [("--02-10", {"Donald Trump", "Shinzo Abe", "US", "JP"})]


def test_remarks_to_the_press_are_no_speech() -> None:
    assert "speech" not in _kinds(
        "Ngày 31/5, phát biểu trước báo giới, Tổng thống Mỹ Donald Trump chào mừng Thủ tướng Việt Nam Lê Văn Minh."
    )
    assert "speech" in _kinds("Ngày 31/5, Tổng thống Mỹ Donald Trump phát biểu trước Quốc hội Ba Lan.")


def test_talks_of_unnamed_leaders_are_between_their_states() -> None:
    events, names = _events(
        "Ngày 6/7, tại Hamburg, đã diễn ra cuộc hội đàm giữa 3 nhà lãnh đạo Mỹ, Hàn Quốc và Nhật Bản."
    )
    assert [(e.kind, str(e.date), sorted(names[p] for p in e.participants)) for e in events] == [
        ("talks", "--07-06", ["JP", "KR", "US"])
    ]


def test_a_plan_for_some_month_is_no_event_a_plan_for_a_day_is() -> None:
    assert _kinds("Thủ tướng Lý Hiển Long khẳng định sẽ tham dự Hội nghị cấp cao APEC vào tháng 11 tới.") == []
    assert _kinds("Ngày 12/11, Thủ tướng Singapore Lý Hiển Long sẽ thăm chính thức Việt Nam.") == ["visit"]


def test_the_visit_of_mister_named_is_his_not_the_subjects() -> None:
    events, names = _events(
        "Ngày 20/5, Ngoại trưởng Mỹ Rex Tillerson cho biết trọng tâm chuyến thăm của ông Donald Trump tới Ả Rập Saudi "
        "là kiềm chế Iran."
    )
    assert [[names[p] for p in e.participants] for e in events if e.kind == "visit"] == [["Donald Trump"]]


def test_a_title_after_an_honorific_is_no_name() -> None:
    doc = extract(Document(origin="t", text=(
        "Thượng tướng Phạm Trường Long cảm ơn. Chuyến thăm của đồng chí Phó Chủ tịch Quân ủy Trung ương là dấu mốc."
    )))
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Phạm Trường Long"]


def test_signing_a_diplomatic_note_is_an_agreement() -> None:
    assert _kinds(
        "Ngày 6/6, hai Thủ tướng Lê Văn Minh và Shinzo Abe chứng kiến lễ ký kết Công hàm trao đổi về khoản vay ODA."
    ) == ["agreement"]
