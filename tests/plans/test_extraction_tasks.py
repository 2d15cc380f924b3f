"""Tasks of the tasks section (binhdang.plans.extraction.tasks)."""

from __future__ import annotations

from binhdang.plans.extraction import extract_text

HEAD = "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026\n\nI. MỤC TIÊU\n\n1. Đạt 90%.\n\n"
TAIL = "\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì.\n"


def tasks(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[dict]:
    result = extract_text(f"{HEAD}{heading}\n\n{body}{TAIL}")
    return [{k: v for k, v in t.items() if k != "source"} for t in result["tasks"]]


def test_numbered_items_and_their_lettered_children_are_tasks_but_dashes_are_not():
    assert tasks(
        "1. Giải pháp chung\n\na) Tăng cường lãnh đạo. Đề cao vai trò.\n\nđ) Tăng cường năng lực;\n\n- Chi tiết không là nhiệm vụ.\n\n"
        "Hằng năm, tổ chức Tháng hành động.\n\n*2. Đổi mới hình thức truyền thông*"
    ) == [
        {"code": "1", "title": "Giải pháp chung"},
        {"code": "1.a", "title": "Tăng cường lãnh đạo. Đề cao vai trò"},
        {"code": "1.đ", "title": "Tăng cường năng lực"},
        {"code": "2", "title": "Đổi mới hình thức truyền thông"},
    ]


def test_a_contents_section_holds_the_tasks_too():
    assert tasks(
        "### **1. Tăng cường thông tin**\n\n- Thường xuyên thông tin.", "III. NỘI DUNG THỰC HIỆN"
    ) == [{"code": "1", "title": "Tăng cường thông tin"}]


def test_a_tasks_section_of_dashes_only_numbers_them():
    assert tasks("- Tuyên truyền.\n\n- Tập huấn.") == [
        {"code": "1", "title": "Tuyên truyền"},
        {"code": "2", "title": "Tập huấn"},
    ]
