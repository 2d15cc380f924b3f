"""Roadmap annex tables (binhdang.plans.extraction.roadmap), in text and in Word."""

from __future__ import annotations

from binhdang.plans.extraction import extract_docx, extract_text
from tests.plans.docx_render import render_docx

PLAN = """\
Số: 1/KH-UBND

KẾ HOẠCH

Thực hiện công tác bình đẳng giới giai đoạn 2026 - 2030

I. MỤC TIÊU

1. Đến năm 2030 đạt 90% cơ quan truyền thông áp dụng Bộ chỉ số về giới.

2. Đến năm 2030 đạt 100% hương ước không phân biệt đối xử về giới.

II. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ: Chủ trì.

PHỤ LỤC LỘ TRÌNH

| STT | Mục tiêu | Năm 2026 | Năm 2028 | Năm 2030 |
|---|---|---|---|---|
| 1 | Cơ quan truyền thông áp dụng Bộ chỉ số | 50% | 70% | 90% |
|  | Hương ước không phân biệt đối xử về giới | 80 | - | 100% |
| | Ghi chú | | | |
"""


def test_each_row_gives_yearly_milestones_for_its_indicator():
    roadmap = extract_text(PLAN)["roadmap"]
    assert [
        (r["indicator"], [(m["year"], m["value"], m["unit"]) for m in r["milestones"]]) for r in roadmap
    ] == [
        ("1", [(2026, 50, "%"), (2028, 70, "%"), (2030, 90, "%")]),
        ("2", [(2026, 80, None), (2030, 100, "%")]),
    ]
    assert roadmap[0]["source"] == "1 Cơ quan truyền thông áp dụng Bộ chỉ số 50% 70% 90%"


def test_a_word_table_gives_the_same_roadmap():
    assert extract_docx(render_docx(PLAN))["roadmap"] == extract_text(PLAN)["roadmap"]


def test_a_table_without_year_columns_is_not_a_roadmap():
    text = PLAN.replace("Năm 2026", "A").replace("Năm 2028", "B")
    assert extract_text(text)["roadmap"] == []


def test_a_roadmap_table_inside_the_objectives_adds_milestones_not_indicators():
    inside = PLAN.replace("II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì.\n\nPHỤ LỤC LỘ TRÌNH\n\n", "")
    inside += "\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì.\n"
    result = extract_text(inside)
    assert [i["code"] for i in result["indicators"]] == ["1", "2"]
    assert [r["indicator"] for r in result["roadmap"]] == ["1", "2"]


def test_signs_in_table_cells_read_as_their_words():
    table = PLAN.replace("| 50% | 70% | 90% |", "| ≥ 50% | > 70% | ≤ 90% |")
    milestones = extract_text(table)["roadmap"][0]["milestones"]
    assert [(m["kind"], m["value"]) for m in milestones] == [("min", 50), ("min", 70), ("max", 90)]
