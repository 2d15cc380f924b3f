"""The layout of a plan (binhdang.plans.extraction.sections)."""

from __future__ import annotations

import pytest

from binhdang.plans.extraction.document import read_text
from binhdang.plans.extraction.sections import classify, layout, nest

PLAN = """\
Số: 1/KH-UBND

KẾ HOẠCH

Thực hiện công tác bình đẳng giới năm 2026

Căn cứ Quyết định số 1/QĐ-UBND ngày 01/01/2026 của Ủy ban nhân dân tỉnh.

## **I. MỤC ĐÍCH, YÊU CẦU**

Nâng cao nhận thức.

II. MỤC TIÊU

1. Đạt 90%.

**III. NỘI DUNG THỰC HIỆN**

1. Tuyên truyền.

a) Tổ chức hội nghị.

- Chi tiết.

IV. Tổ chức thực hiện

Nơi nhận:
- Lưu: VT.

Nguyễn Văn An
"""


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("MỤC TIÊU, CHỈ TIÊU", "goals"),
        ("NHIỆM VỤ VÀ GIẢI PHÁP", "tasks"),
        ("NỘI DUNG THỰC HIỆN", "tasks"),
        ("KINH PHÍ THỰC HIỆN", "budget"),
        ("TỔ CHỨC THỰC HIỆN", "organisation"),
        ("CHẾ ĐỘ BÁO CÁO", "reporting"),
        ("Tổ chức thực hiện và chế độ báo cáo", "organisation"),
        ("Phần khác", "other"),
    ],
)
def test_sections_are_classified_by_their_heading(title, kind):
    assert classify(title) == kind


def test_the_plan_is_cut_into_header_title_preamble_sections_and_closing():
    plan = layout(read_text(PLAN).blocks)
    assert [b.body for b in plan.header] == ["Số: 1/KH-UBND"]
    assert plan.title == ["Thực hiện công tác bình đẳng giới năm 2026"]
    assert [b.body[:7] for b in plan.preamble] == ["Căn cứ "]
    assert [s.kind for s in plan.sections] == ["purpose", "goals", "tasks", "organisation"]
    assert plan.closing[0].body == "Nơi nhận:"
    assert plan.closing[-1].body == "Nguyễn Văn An"


def test_items_nest_by_their_labels():
    plan = layout(read_text(PLAN).blocks)
    roots = nest(plan.section("tasks").blocks)
    assert [r.body for r in roots] == ["Tuyên truyền."]
    assert [c.body for c in roots[0].children] == ["Tổ chức hội nghị."]
    assert [c.body for c in roots[0].children[0].children] == ["Chi tiết."]
