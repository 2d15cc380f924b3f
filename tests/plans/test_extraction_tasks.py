"""Tasks of the tasks section (binhdang.plans.extraction.tasks)."""

from __future__ import annotations

from binhdang.plans.extraction import extract_text

HEAD = "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026\n\nI. MỤC TIÊU\n\n1. Đạt 90%.\n\n"
TAIL = "\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì.\n"


def tasks(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[dict]:
    result = extract_text(f"{HEAD}{heading}\n\n{body}{TAIL}")
    return [{k: v for k, v in t.items() if k in ("code", "title")} for t in result["tasks"]]


def task_agencies(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[tuple]:
    result = extract_text(f"{HEAD}{heading}\n\n{body}{TAIL}")
    return [(t["code"], t["lead"], t["cooperating"], t["timeframe"]) for t in result["tasks"]]


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


def test_a_task_sentence_names_its_lead_and_cooperating_agencies():
    assert task_agencies(
        "1. Tuyên truyền về bình đẳng giới\n\n"
        "a) Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Y tế và các cơ quan liên quan tổ chức tập huấn.\n\n"
        "b) Giao Công an tỉnh chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch triển khai.\n\n"
        "c) Tăng cường vai trò chủ trì của các cấp ủy."
    ) == [
        ("1", None, [], None),
        ("1.a", "Sở Nội vụ", ["Sở Tài chính", "Sở Y tế", "các cơ quan liên quan"], None),
        ("1.b", "Công an tỉnh", ["Sở Văn hóa, Thể thao và Du lịch"], None),
        ("1.c", None, [], None),
    ]


def test_labelled_lines_under_a_task_give_its_lead_cooperating_agencies_and_time_frame():
    assert task_agencies(
        "1. Tập huấn cho cán bộ\n\n- Cơ quan chủ trì: Phòng Văn hóa - Xã hội.\n\n"
        "- Cơ quan phối hợp: Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã.\n\n- Thời gian thực hiện: Quý IV hằng năm.\n\n"
        "2. Truyền thông trên loa\n\nChủ trì: Công an xã; phối hợp: các thôn, buôn; thời gian: 2026 - 2030."
    ) == [
        ("1", "Phòng Văn hóa - Xã hội", ["Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"], "Quý IV hằng năm"),
        ("2", "Công an xã", ["các thôn, buôn"], "2026 - 2030"),
    ]


def test_a_task_table_gives_one_task_per_row_with_its_agencies_and_time():
    table = (
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Tổ chức Tháng hành động vì bình đẳng giới | Sở Nội vụ | Sở Y tế; Hội Liên hiệp Phụ nữ tỉnh | Tháng 11 hằng năm |\n"
        "| 2 | Tập huấn kiến thức về giới | Sở Tư pháp | Các sở, ban, ngành | 2026 - 2030 |\n"
    )
    assert task_agencies(table) == [
        ("1", "Sở Nội vụ", ["Sở Y tế", "Hội Liên hiệp Phụ nữ tỉnh"], "Tháng 11 hằng năm"),
        ("2", "Sở Tư pháp", ["Các sở, ban, ngành"], "2026 - 2030"),
    ]
    assert tasks(table)[0] == {"code": "1", "title": "Tổ chức Tháng hành động vì bình đẳng giới"}


def test_a_task_table_in_an_annex_gives_the_agencies_of_the_tasks_numbered_in_the_text():
    body = (
        "1. Tổ chức Tháng hành động\n\n2. Tập huấn kiến thức về giới\n\n"
        "| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 2 | Tập huấn | Sở Tư pháp | Sở Nội vụ | Năm 2027 |\n"
    )
    assert task_agencies(body) == [("1", None, [], None), ("2", "Sở Tư pháp", ["Sở Nội vụ"], "Năm 2027")]
