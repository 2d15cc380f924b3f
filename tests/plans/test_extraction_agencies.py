"""Agencies of the organisation section and the focal agency (binhdang.plans.extraction.agencies)."""

from __future__ import annotations

from binhdang.plans.extraction import extract_text

HEAD = "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026\n\nI. MỤC TIÊU\n\n1. Đạt 90%.\n\n"


def agencies(organisation: str) -> dict:
    return extract_text(f"{HEAD}II. TỔ CHỨC THỰC HIỆN\n\n{organisation}\n")


def names_and_duties(result: dict) -> list[tuple[str, list[str]]]:
    return [(a["name"], a["duties"]) for a in result["agencies"]]


def test_headings_inline_or_on_their_own_line_give_the_agency_and_its_duties():
    result = agencies(
        "##### **1. Sở Nội vụ**\n\n- Chủ trì, tham mưu.\n\n- Theo dõi, đôn đốc.\n\n"
        "**2. Sở Tài chính:** Bố trí kinh phí hằng năm.\n\n"
        "3. Công an tỉnh: chỉ đạo lực lượng công an các cấp.\n\n"
        "4. Thanh tra tỉnh\n\nXây dựng kế hoạch thanh tra.\n\n"
        "5. Sở Y tế\n\na) Triển khai các hoạt động.\n\nb) Chịu trách nhiệm báo cáo."
    )
    assert names_and_duties(result) == [
        ("Sở Nội vụ", ["Chủ trì, tham mưu", "Theo dõi, đôn đốc"]),
        ("Sở Tài chính", ["Bố trí kinh phí hằng năm"]),
        ("Công an tỉnh", ["chỉ đạo lực lượng công an các cấp"]),
        ("Thanh tra tỉnh", ["Xây dựng kế hoạch thanh tra"]),
        ("Sở Y tế", ["Triển khai các hoạt động", "Chịu trách nhiệm báo cáo"]),
    ]
    assert result["agencies"][1]["source"] == "2. Sở Tài chính: Bố trí kinh phí hằng năm."


def test_a_request_to_a_mass_organisation_is_not_part_of_its_name():
    result = agencies(
        "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh: Phối hợp tuyên truyền."
    )
    assert names_and_duties(result) == [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh", ["Phối hợp tuyên truyền"])
    ]


def test_sub_agencies_get_their_own_entries_and_an_empty_parent_is_dropped():
    result = agencies(
        "1. Trường Chính trị tỉnh và các trường Cao đẳng\n\n1.1. Trường Chính trị tỉnh\n\na) Lồng ghép kiến thức.\n\n"
        "1.2. Các trường Cao đẳng\n\na) Tổ chức ngoại khóa.\n\n"
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội\n\n"
        "Căn cứ chức năng, nhiệm vụ tham gia thực hiện.\n\n"
        "a) Hội Liên hiệp Phụ nữ tỉnh\n\n- Phối hợp tuyên truyền.\n\n- Hỗ trợ phụ nữ yếu thế.\n\n"
        "b) Liên đoàn Lao động tỉnh\n\nTuyên truyền pháp luật lao động."
    )
    assert names_and_duties(result) == [
        ("Trường Chính trị tỉnh", ["Lồng ghép kiến thức"]),
        ("Các trường Cao đẳng", ["Tổ chức ngoại khóa"]),
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
            ["Căn cứ chức năng, nhiệm vụ tham gia thực hiện"],
        ),
        ("Hội Liên hiệp Phụ nữ tỉnh", ["Phối hợp tuyên truyền", "Hỗ trợ phụ nữ yếu thế"]),
        ("Liên đoàn Lao động tỉnh", ["Tuyên truyền pháp luật lao động"]),
    ]


def test_a_closing_paragraph_after_the_last_items_is_not_a_duty():
    result = agencies(
        "1. Ủy ban nhân dân các xã, thị trấn\n\n- Xây dựng kế hoạch.\n\n- Bố trí kinh phí.\n\n"
        "Đề nghị các phòng, ban, ngành triển khai thực hiện./."
    )
    assert names_and_duties(result) == [
        ("Ủy ban nhân dân các xã, thị trấn", ["Xây dựng kế hoạch", "Bố trí kinh phí"])
    ]


def test_the_focal_agency_is_the_one_called_the_focal_point():
    result = agencies(
        "1. Phòng Văn hóa - Thông tin: Chủ trì tuyên truyền.\n\n"
        "2. Phòng Lao động - Thương binh và Xã hội\n\n- Là cơ quan đầu mối tham mưu thực hiện kế hoạch."
    )
    assert result["focal_agency"] == "Phòng Lao động - Thương binh và Xã hội"


def test_otherwise_the_focal_agency_is_the_one_reports_go_through():
    result = agencies(
        "1. Sở Tư pháp: Phối hợp tuyên truyền.\n\n"
        "2. Các sở, ban, ngành: Báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 30/11 hằng năm."
    )
    assert result["focal_agency"] == "Sở Nội vụ"


def test_commune_officials_are_duty_holders_and_the_one_who_advises_and_reports_is_the_focal_point():
    result = agencies(
        "1. Công chức Văn hóa - Xã hội: tham mưu, tổng hợp báo cáo UBND xã trước ngày 20/11 hằng năm.\n\n"
        "2. Trưởng thôn, bản: tuyên truyền tại cộng đồng."
    )
    assert [a["name"] for a in result["agencies"]] == ["Công chức Văn hóa - Xã hội", "Trưởng thôn, bản"]
    assert result["focal_agency"] == "Công chức Văn hóa - Xã hội"
    assert result["reporting"][0]["from"] == "Công chức Văn hóa - Xã hội"
