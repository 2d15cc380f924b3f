"""The plan's identity (binhdang.plans.extraction.header): issuer, level, number, date, title, period."""

from __future__ import annotations

import pytest

from binhdang.plans.extraction import header
from binhdang.plans.extraction.document import read_text
from binhdang.plans.extraction.sections import layout

BODY = "\n\nI. MỤC TIÊU\n\n1. Đạt 90%.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì.\n"


def identity(top: str):
    plan = layout(read_text(top + BODY).blocks)
    title = header.title_text(plan.title)
    found = header.issuer(plan.header, title, plan.preamble, [b for s in plan.sections for b in s.blocks])
    return plan, title, found


@pytest.mark.parametrize(
    ("top", "issuer", "locality", "level"),
    [
        (
            "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 12/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
            "Lai Châu, ngày 05 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026",
            "UBND tỉnh Lai Châu",
            "Lai Châu",
            "province",
        ),
        (
            "UBND HUYỆN MƯỜNG TÈ\n\nSố: 8/KH-UBND\n\nKẾ HOẠCH\n\nTruyền thông về bình đẳng giới năm 2023",
            "UBND huyện Mường Tè",
            "Mường Tè",
            "district",
        ),
        (
            "Số: /KH-UBND\n\nEa Kar, ngày tháng năm 2026\n\nKẾ HOẠCH\n\n"
            "Thực hiện bình đẳng giới năm 2026 trên địa bàn xã Ea Kar",
            "UBND xã Ea Kar",
            "Ea Kar",
            "commune",
        ),
        (
            "Số: 3/KH-UBND\n\nKẾ HOẠCH\n\nBình đẳng giới năm 2026\n\n"
            "Ủy ban nhân dân phường Tân Phong ban hành Kế hoạch như sau:",
            "UBND phường Tân Phong",
            "Tân Phong",
            "commune",
        ),
        (
            "Số: 3/KH-UBND\n\nĐà Nẵng, ngày 02 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nBình đẳng giới năm 2026\n\n"
            "Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:",
            "UBND thành phố Đà Nẵng",
            "Đà Nẵng",
            "province",
        ),
        (
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BUÔN MA THUỘT\n\nSố: 7/KH-UBND\n\nKẾ HOẠCH\n\nBình đẳng giới năm 2024",
            "UBND thành phố Buôn Ma Thuột",
            "Buôn Ma Thuột",
            "district",
        ),
    ],
)
def test_the_issuing_body_locality_and_level_are_read(top, issuer, locality, level):
    _, _, found = identity(top)
    assert (found.issuer, found.locality, found.level) == (issuer, locality, level)


def test_the_parent_bodys_plan_cited_in_the_preamble_is_not_the_issuer():
    _, _, found = identity(
        "Số: /KH-UBND\n\nKẾ HOẠCH\n\nTruyền thông về bình đẳng giới trên địa bàn huyện Sìn Hồ\n\n"
        "Thực hiện Kế hoạch số 5/KH-UBND ngày 01/02/2022 của UBND tỉnh Lai Châu, Ủy ban nhân dân huyện ban hành:"
    )
    assert found.issuer == "UBND huyện Sìn Hồ"


def test_the_number_and_date_are_read_and_blanks_are_null():
    plan, _, _ = identity(
        "Số: 45/KH-UBND\n\nBản Giang, ngày 12 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nBình đẳng giới"
    )
    assert header.plan_number(plan.header)[0] == "45/KH-UBND"
    assert header.plan_date(plan.header)[:2] == ("2026-03-12", "Bản Giang")
    plan, _, _ = identity("Số: /KH-UBND\n\nBản Giang, ngày   tháng   năm 2026\n\nKẾ HOẠCH\n\nBình đẳng giới")
    assert header.plan_number(plan.header) == (None, "Số: /KH-UBND")
    assert header.plan_date(plan.header)[0] is None


def test_a_title_written_over_several_lines_is_one_subject_line():
    _, title, _ = identity(
        "**KẾ HOẠCH**  \n**Truyền thông về bình đẳng giới đến năm 2030 trên**  \n**địa bàn huyện Sìn Hồ**"
    )
    assert title == "Truyền thông về bình đẳng giới đến năm 2030 trên địa bàn huyện Sìn Hồ"


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("Thực hiện Chiến lược giai đoạn 2026 - 2030", {"start": 2026, "end": 2030}),
        ("Thực hiện Chiến lược giai đoạn 2026-2030", {"start": 2026, "end": 2030}),
        ("Truyền thông về bình đẳng giới đến năm 2030", {"start": None, "end": 2030}),
        ("Công tác bình đẳng giới năm 2027", {"start": 2027, "end": 2027}),
        ("Công tác bình đẳng giới", {"start": None, "end": None}),
    ],
)
def test_the_period_comes_from_the_title(title, period):
    assert header.period(title) == period


@pytest.mark.parametrize(
    ("title", "preamble", "program"),
    [
        ("Thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030", "", "communication"),
        ("Thực hiện Chiến lược quốc gia về bình đẳng giới", "", "strategy"),
        ("Công tác năm 2026", "Thực hiện Nghị quyết về Chiến lược quốc gia về bình đẳng giới;", "strategy"),
        ("Công tác bình đẳng giới năm 2026", "Căn cứ Luật Bình đẳng giới;", "other"),
    ],
)
def test_the_programme_comes_from_the_title_else_from_the_documents_cited(title, preamble, program):
    blocks = read_text(preamble).blocks if preamble else []
    assert header.program(title, blocks) == program


LOCALITIES = [
    ("ỦY BAN NHÂN DÂN\nHUYỆN TRIỆU SƠN", "UBND huyện Triệu Sơn", "district"),
    ("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU", "UBND tỉnh Bà Rịa - Vũng Tàu", "province"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH", "UBND thành phố Hồ Chí Minh", "province"),
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THỚI HIỆP", "UBND phường Tân Thới Hiệp", "commune"),
    ("ỦY BAN NHÂN DÂN\nTHỊ XÃ BUÔN HỒ", "UBND thị xã Buôn Hồ", "district"),
    ("ỦY BAN NHÂN DÂN\nĐẶC KHU CÔN ĐẢO", "UBND đặc khu Côn Đảo", "commune"),
    ("ỦY BAN NHÂN DÂN\nXÃ CÔNG HẢI", "UBND xã Công Hải", "commune"),
    ("ỦY BAN NHÂN DÂN\nXÃ ĐỘC LẬP", "UBND xã Độc Lập", "commune"),
    ("Ủy ban nhân dân\nhuyện Krông Pắc", "UBND huyện Krông Pắc", "district"),
    ("UBND huyện Triệu Sơn", "UBND huyện Triệu Sơn", "district"),
]


@pytest.mark.parametrize(("body", "issuer", "level"), LOCALITIES)
def test_a_locality_of_any_length_and_case_is_read_whole_from_the_header(body, issuer, level):
    top = (
        f"{body}\n\nSố: 12/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "KẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026"
    )
    _, _, found = identity(top)
    assert (found.issuer, found.level) == (issuer, level)


@pytest.mark.parametrize(("body", "issuer", "level"), LOCALITIES)
def test_a_locality_in_a_word_header_table_beside_the_motto_is_read_whole(body, issuer, level):
    from binhdang.plans.extraction import extract_docx
    from tests.plans.layout_render import WordLayout, render_layout

    text = (
        "Số: 12/KH-UBND\n\nHà Nội, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nThực hiện công tác bình đẳng giới\n\n"
        "I. MỤC TIÊU\n\n1. Hằng năm đạt 90% cơ quan tổ chức truyền thông.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Nội vụ: Chủ trì, báo cáo trước ngày 30/11 hằng năm."
    )
    text = f"{body}\n\n{text}"
    extraction = extract_docx(render_layout(text, WordLayout(header="table", paragraphs="none")))
    assert (extraction["issuer"], extraction["level"]) == (issuer, level)
