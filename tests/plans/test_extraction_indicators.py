"""Goals, indicators and who reports them (binhdang.plans.extraction.indicators and agencies)."""

from __future__ import annotations

from binhdang.plans.extraction import extract_text

HEAD = "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026\n\n"


def plan(goals: str, organisation: str = "1. Sở Nội vụ: Chủ trì thực hiện.") -> dict:
    return extract_text(f"{HEAD}I. MỤC TIÊU\n\n{goals}\n\nII. TỔ CHỨC THỰC HIỆN\n\n{organisation}\n")


def codes(result: dict) -> list[tuple[str, str | None]]:
    return [(i["code"], i["goal"]) for i in result["indicators"]]


def test_a_flat_numbered_list_has_no_goals():
    result = plan("1. Hằng năm, đạt 100% xã.\n\n2. Đến năm 2030 đạt 90% cơ quan.")
    assert result["goals"] == []
    assert codes(result) == [("1", None), ("2", None)]
    assert result["indicators"][0]["text"] == "Hằng năm, đạt 100% xã"
    assert result["indicators"][0]["source"] == "1. Hằng năm, đạt 100% xã."


def test_dash_items_are_numbered_in_order_and_the_general_objective_is_skipped():
    result = plan(
        "1. Mục tiêu chung\n\nNâng cao nhận thức, đạt 100% hiệu quả.\n\n"
        "2. Mục tiêu cụ thể đến năm 2030\n\n- Đạt 80% xã có mô hình.\n- Hằng năm, ít nhất 02 cuộc."
    )
    assert codes(result) == [("1", None), ("2", None)]
    assert result["indicators"][0]["targets"][0]["year"] == 2030


def test_goals_with_indicators_give_goal_dot_indicator_codes():
    result = plan(
        "2. Mục tiêu cụ thể\n\na) Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Đạt 60% vào năm 2030.\n\n"
        "b) Mục tiêu 2: Trong lĩnh vực kinh tế\n\n- Chỉ tiêu 1: Đạt khoảng 45%.\n- Chỉ tiêu 2: Dưới 25%."
    )
    assert result["goals"] == [
        {
            "code": "1",
            "title": "Trong lĩnh vực chính trị",
            "source": "a) Mục tiêu 1: Trong lĩnh vực chính trị",
        },
        {"code": "2", "title": "Trong lĩnh vực kinh tế", "source": "b) Mục tiêu 2: Trong lĩnh vực kinh tế"},
    ]
    assert codes(result) == [("1.1", "1"), ("2.1", "2"), ("2.2", "2")]
    assert result["indicators"][0]["text"] == "Đạt 60% vào năm 2030"


def test_explicit_indicator_codes_are_kept():
    result = plan(
        "Mục tiêu 1. Về truyền thông\n\nChỉ tiêu 1.1: Đạt 90%.\n\nChỉ tiêu 1.2: Đạt 80%.\n\n2.3. Đạt 70%."
    )
    assert codes(result) == [("1.1", "1"), ("1.2", "1"), ("2.3", "2")]


def test_an_indicator_without_a_number_is_a_yes_no_commitment_with_a_warning():
    result = plan("1. Nội dung về giới được đưa vào chương trình giảng dạy.")
    assert [t["kind"] for t in result["indicators"][0]["targets"]] == ["boolean"]
    assert any("1" in w for w in result["warnings"])


def test_responsibility_clauses_name_who_reports_each_indicator():
    result = plan(
        "a) Mục tiêu 1: Chính trị\n\n- Chỉ tiêu 1: Đạt 60%.\n- Chỉ tiêu 2: Đạt 50%.\n\n"
        "b) Mục tiêu 2: Kinh tế\n\n- Chỉ tiêu 1: Đạt 45%.\n- Chỉ tiêu 2: Dưới 25%.\n\n"
        "c) Mục tiêu 3: Y tế\n\n- Chỉ tiêu 1: Dưới 5%.",
        "1. Sở Nội vụ\n\na) Chủ trì theo dõi và báo cáo kết quả thực hiện mục tiêu 1; chỉ tiêu 2 của mục tiêu 2.\n\n"
        "2. Sở Y tế\n\na) Chịu trách nhiệm báo cáo các chỉ tiêu của mục tiêu 3 và chỉ tiêu 1 của mục tiêu 2.\n\n"
        "3. Sở Tài chính\n\na) Phối hợp thực hiện chỉ tiêu 1 của mục tiêu 2.",
    )
    responsible = {i["code"]: i["responsible"] for i in result["indicators"]}
    assert responsible == {
        "1.1": ["Sở Nội vụ"],
        "1.2": ["Sở Nội vụ"],
        "2.1": ["Sở Y tế"],
        "2.2": ["Sở Nội vụ"],
        "3.1": ["Sở Y tế"],
    }


def test_in_a_flat_plan_goal_numbers_are_the_indicators():
    result = plan(
        "1. Đạt 90%.\n\n2. Đạt 80%.\n\n3. Đạt 70%.",
        "1. Sở Nội vụ: Chịu trách nhiệm báo cáo kết quả triển khai Mục tiêu 2, 3.",
    )
    assert [i["responsible"] for i in result["indicators"]] == [[], ["Sở Nội vụ"], ["Sở Nội vụ"]]


def test_a_clause_naming_an_indicator_the_plan_does_not_have_is_a_warning():
    result = plan("1. Đạt 90%.", "1. Sở Nội vụ: Theo dõi, báo cáo chỉ tiêu 7.")
    assert any("7" in w for w in result["warnings"])


def test_objectives_inside_the_purpose_section_are_found():
    result = extract_text(
        f"{HEAD}I. MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU\n\n1. Mục đích\n\nNâng cao nhận thức.\n\n2. Mục tiêu\n\n"
        "- 100% thôn tổ chức sinh hoạt chuyên đề.\n- Giảm tỷ lệ tảo hôn xuống dưới 5%.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì.\n"
    )
    assert [(i["code"], i["targets"][0]["kind"]) for i in result["indicators"]] == [
        ("1", "min"),
        ("2", "max"),
    ]


def test_a_clause_naming_an_unread_indicator_asks_to_check_the_reading_rather_than_blaming_the_plan():
    from django.utils import translation

    with translation.override("vi"):
        result = plan("1. Đạt 90%.", "1. Sở Nội vụ: Theo dõi, báo cáo chỉ tiêu 7.")
    warning = next(w for w in result["warnings"] if "7" in w)
    assert "không đọc được chỉ tiêu 7" in warning and "đối chiếu" in warning
    assert "kế hoạch không" not in warning.lower()


def test_indicators_numbered_with_a_gap_are_flagged_as_possibly_missed_by_the_reader():
    from django.utils import translation

    with translation.override("vi"):
        result = plan(
            "a) Mục tiêu 3: Trong lĩnh vực gia đình\n\n- Chỉ tiêu 2: Đạt 90% xã.\n\n- Chỉ tiêu 3: Đạt 80% hộ.\n\n"
            "b) Mục tiêu 4: Trong lĩnh vực y tế\n\n- Chỉ tiêu 1: Đạt 70% trạm.\n\n- Chỉ tiêu 2: Đạt 60% trạm."
        )
    assert [w for w in result["warnings"] if "đánh số" in w] == [
        "Các chỉ tiêu của mục tiêu 3 được đánh số 3.2, 3.3: hệ thống có thể đã bỏ sót hoặc đọc lặp một chỉ tiêu; "
        "hãy đối chiếu với văn bản."
    ]
