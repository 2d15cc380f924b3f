"""Reporting obligations and deadlines (binhdang.plans.extraction.reporting)."""

from __future__ import annotations

from binhdang.plans.extraction import extract_text

HEAD = "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026\n\nI. MỤC TIÊU\n\n1. Đạt 90%.\n\n"


def reporting(organisation: str, reports: str = "") -> list[dict]:
    text = f"{HEAD}II. TỔ CHỨC THỰC HIỆN\n\n{organisation}\n\n"
    if reports:
        text += f"III. CHẾ ĐỘ BÁO CÁO\n\n{reports}\n"
    result = extract_text(text)
    for item in result["reporting"]:
        assert item.pop("source") in text.replace("**", "")
    return result["reporting"]


def test_reporter_receivers_and_an_annual_deadline_are_read():
    assert reporting(
        "1. Sở Nội vụ: Chủ trì.",
        "1. Căn cứ Kế hoạch này, đề nghị các cơ quan, đơn vị định kỳ báo cáo UBND tỉnh (qua Sở Nội vụ) "
        "kết quả thực hiện **trước ngày 30/11 hàng năm**.\n\n"
        "2. Sở Nội vụ chịu trách nhiệm theo dõi. Định kỳ, tổng hợp báo cáo UBND tỉnh, Bộ Nội vụ trước ngày 05/12 hàng năm.",
    ) == [
        {
            "from": "các cơ quan, đơn vị",
            "to": ["UBND tỉnh", "Sở Nội vụ"],
            "deadline": "11-30",
            "recurrence": "annual",
            "year": None,
            "reporter_kinds": ["department", "mass_org", "media"],
        },
        {
            "from": "Sở Nội vụ",
            "to": ["UBND tỉnh", "Bộ Nội vụ"],
            "deadline": "12-05",
            "recurrence": "annual",
            "year": None,
        },
    ]


def test_a_deadline_in_words_and_a_reporter_from_the_previous_sentence():
    assert reporting(
        "1. Sở Nội vụ: Chủ trì.\n\nCăn cứ Kế hoạch của UBND huyện, các phòng, ban và UBND các xã xây dựng kế hoạch. "
        "Định kỳ báo cáo kết quả về UBND huyện (qua Phòng Nội vụ) trước ngày 15 tháng 12 hằng năm."
    ) == [
        {
            "from": "các phòng, ban và UBND các xã",
            "to": ["UBND huyện", "Phòng Nội vụ"],
            "deadline": "12-15",
            "recurrence": "annual",
            "year": None,
            "reporter_kinds": ["department", "commune"],
        }
    ]


def test_a_dated_deadline_is_once_and_the_duty_holder_reports_when_no_subject_is_written():
    assert reporting(
        "1. Các sở, ban, ngành và UBND các xã\n\na) Xây dựng kế hoạch. Thời gian hoàn thành trước ngày 20/6/2026 "
        "gửi về UBND tỉnh (qua Sở Nội vụ để theo dõi).\n\nb) Định kỳ báo cáo gửi về UBND tỉnh trước ngày 10/12 hàng năm."
    ) == [
        {
            "from": "Các sở, ban, ngành và UBND các xã",
            "to": ["UBND tỉnh", "Sở Nội vụ"],
            "deadline": "06-20",
            "recurrence": "once",
            "year": 2026,
            "reporter_kinds": ["department", "commune"],
        },
        {
            "from": "Các sở, ban, ngành và UBND các xã",
            "to": ["UBND tỉnh"],
            "deadline": "12-10",
            "recurrence": "annual",
            "year": None,
            "reporter_kinds": ["department", "commune"],
        },
    ]


def test_a_report_without_a_deadline_is_not_an_obligation():
    assert reporting("1. Sở Nội vụ: Kịp thời báo cáo UBND tỉnh khi có khó khăn.") == []


def test_who_must_report_is_read_as_kinds_of_units_when_the_plan_names_groups():
    (item,) = reporting(
        "1. Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường\n\nd) Định kỳ tổng hợp báo cáo kết quả "
        "thực hiện Chiến lược gửi về UBND tỉnh (qua Sở Nội vụ) trước ngày 10/12 hàng năm.\n\n"
        "2. Sở Nội vụ\n\na) Chủ trì tổng hợp."
    )
    assert item["reporter_kinds"] == ["department", "mass_org", "commune"]
    (media,) = reporting("1. Các cơ quan báo chí: định kỳ báo cáo UBND tỉnh trước ngày 25/11 hằng năm.")
    assert media["reporter_kinds"] == ["media"]
