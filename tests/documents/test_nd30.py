"""The Nghị định 30 builders: dates, page, styles, header and closing blocks."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from binhdang.core import formatting
from binhdang.documents import nd30


def issuer():
    return nd30.Issuer(
        parent="UBND TỈNH ĐẮK LẮK",
        body="Sở Nội vụ",
        symbol="SNV",
        place="Đắk Lắk",
        authority="KT. GIÁM ĐỐC",
        position="PHÓ GIÁM ĐỐC",
        recipients=["Bộ Nội vụ", "Lưu: VT"],
    )


def test_dates_are_written_the_vietnamese_way():
    assert formatting.long_date(dt.date(2026, 12, 5)) == "ngày 05 tháng 12 năm 2026"
    assert formatting.long_date(dt.date(2026, 2, 14)) == "ngày 14 tháng 02 năm 2026"
    assert nd30.place_and_date("Đắk Lắk", dt.date(2026, 3, 1)) == "Đắk Lắk, ngày 01 tháng 3 năm 2026"


def build() -> Document:
    document = nd30.new_document()
    nd30.header_block(document, issuer(), dt.date(2026, 12, 5))
    nd30.title(document, "Kết quả thực hiện Kế hoạch năm 2026")
    nd30.heading(document, "I. KẾT QUẢ")
    nd30.body(document, "Nội dung.")
    nd30.closing_block(document, issuer())
    nd30.annex_section(document, "Phụ lục I", "CHỈ TIÊU", "Kèm theo Báo cáo")
    nd30.table(document, ["A", "B"], [["1", "2"]], (50, 50), numeric=(1,))
    return Document(BytesIO(nd30.save(document)))


def test_each_new_document_is_its_own_copy_of_the_styled_blank():
    first, second = nd30.new_document(), nd30.new_document()
    nd30.body(first, "Chỉ trong văn bản thứ nhất.")
    first.sections[0].header.paragraphs[0].add_run("Đầu trang riêng")
    assert [p.text for p in second.paragraphs] == [""] * len(second.paragraphs)
    assert "Đầu trang riêng" not in second.sections[0].header.paragraphs[0].text
    assert "Chỉ trong văn bản thứ nhất." not in second.element.xml and "Chỉ trong" in first.element.xml
    assert second.styles[nd30.TABLE_TEXT].font.size == Pt(12)  # the decree's styles, in every copy
    assert second.core_properties.language == "vi-VN"


def test_the_page_is_a4_with_the_decree_margins_and_page_numbers_from_page_two(db):
    document = build()
    first, annex = document.sections
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert round(first.top_margin.mm) == round(first.bottom_margin.mm) == 20
    assert (round(first.left_margin.mm), round(first.right_margin.mm)) == (30, 15)
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header.paragraphs[0]._p.xml
    assert first.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not first.first_page_header.paragraphs[0].text
    assert annex.page_width > annex.page_height  # annexes in landscape


def test_the_body_is_times_new_roman_14_on_styles(db):
    document = build()
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Times New Roman" and heading.font.bold
    assert "asciiTheme" not in heading.element.xml


def test_the_header_block_has_the_body_number_motto_and_place_date(db):
    document = build()
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "UBND TỈNH ĐẮK LẮK",
        "SỞ NỘI VỤ",
        "Số:        /BC-SNV",
    ]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert right.paragraphs[0].runs[0].bold and right.paragraphs[0].runs[0].font.size == Pt(12)
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc" and right.paragraphs[1].runs[0].bold
    assert right.paragraphs[3].text == "Đắk Lắk, ngày 05 tháng 12 năm 2026"
    assert right.paragraphs[3].runs[0].italic
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("BÁO CÁO") + 1] == "Kết quả thực hiện Kế hoạch năm 2026"


def test_the_closing_block_has_the_recipients_and_the_signature(db):
    document = build()
    left, right = document.tables[1].rows[0].cells
    heading = left.paragraphs[0]
    assert heading.text == "Nơi nhận:"
    assert heading.style.font.size == Pt(12) and heading.style.font.bold and heading.style.font.italic
    assert [p.text for p in left.paragraphs[1:]] == ["- Bộ Nội vụ;", "- Lưu: VT."]
    assert left.paragraphs[1].style.font.size == Pt(11)
    assert [p.text for p in right.paragraphs[:2]] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_tables_repeat_their_header_and_right_align_numbers(db):
    document = build()
    grid = document.tables[2]
    assert "tblHeader" in grid.rows[0]._tr.xml
    assert grid.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert round(grid.columns[0].width.mm) == round(Mm(50).mm)


def test_every_row_of_a_table_keeps_its_own_text_style_width_and_size(db):
    document = nd30.new_document()
    texts = [
        ["Xã Ea Kar", "1.250"],
        ["  có khoảng trắng ", ""],
        ["dòng một\ndòng hai", "a\tb"],
        ["Tổng", "9"],
    ]
    grid = nd30.table(document, ["Đơn vị", "Số"], texts, (50, 30), numeric=[1], size=9)
    saved = BytesIO()
    document.save(saved)
    grid = Document(BytesIO(saved.getvalue())).tables[0]
    assert [[cell.text for cell in row.cells] for row in grid.rows[1:]] == texts
    assert ' xml:space="preserve">  có khoảng trắng </w:t>' in grid.rows[2]._tr.xml
    for row in grid.rows:
        assert [round(cell.width.mm) for cell in row.cells] == [50, 30]
        assert all(run.font.size == Pt(9) for cell in row.cells for run in cell.paragraphs[0].runs)
    assert all(row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for row in grid.rows[1:])


def test_a_table_row_with_a_cell_too_many_or_too_few_is_refused():
    document = nd30.new_document()
    for row in (["1"], ["1", "2", "3"]):
        with pytest.raises(ValueError, match="of 2 columns"):
            nd30.table(document, ["A", "B"], [["x", "y"], row])


def test_each_copied_row_has_its_own_texts_with_spaces_kept_and_empty_cells_empty():
    document = nd30.new_document()
    grid = nd30.table(document, ["A", "B", "C"], [["1", " lề ", ""], ["2", "dòng\nhai", "x"]], numeric=(0,))
    reread = Document(BytesIO(nd30.save(document))).tables[-1]
    assert [[cell.text for cell in row.cells] for row in reread.rows] == [
        ["A", "B", "C"],
        ["1", " lề ", ""],
        ["2", "dòng\nhai", "x"],
    ]
    assert reread.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert len(grid.rows) == 3
