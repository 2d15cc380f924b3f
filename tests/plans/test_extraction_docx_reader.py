"""Reading Word .docx plans (binhdang.plans.extraction.docx_reader) built with python-docx."""

from __future__ import annotations

import io

import docx

from binhdang.plans.extraction.files import load_docx
from tests.plans.docx_render import render_docx


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_header_table_gives_the_issuer_and_motto_side_by_side_before_the_body():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(1, 0).text = "Số: 12/KH-UBND"
    table.cell(1, 1).text = "Lai Châu, ngày 05 tháng 3 năm 2026"
    document.add_paragraph("KẾ HOẠCH", style="Title")
    read = load_docx(saved(document), "k.docx")
    assert [b.body for b in read.blocks] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LAI CHÂU",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/KH-UBND",
        "Lai Châu, ngày 05 tháng 3 năm 2026",
        "KẾ HOẠCH",
    ]
    assert read.blocks[0].cell == (0, 0, 0)
    assert read.blocks[-1].heading == 1
    assert read.tables[0][1] == ["Số: 12/KH-UBND", "Lai Châu, ngày 05 tháng 3 năm 2026"]


def test_heading_styles_bold_runs_and_bullets_are_read():
    document = docx.Document()
    document.add_paragraph("II. MỤC TIÊU", style="Heading 2")
    paragraph = document.add_paragraph()
    paragraph.add_run("2. Sở Tài chính:").bold = True
    paragraph.add_run(" Trên cơ sở dự toán.")
    document.add_paragraph("Chủ trì, phối hợp.", style="List Bullet")
    document.add_paragraph("Nhánh con.", style="List Bullet 2")
    whole = document.add_paragraph()
    whole.add_run("Sở Nội vụ").bold = True
    blocks = load_docx(saved(document), "k.docx").blocks
    assert (blocks[0].kind, blocks[0].label, blocks[0].heading) == ("roman", "II", 2)
    assert (blocks[1].label, blocks[1].bold_prefix, blocks[1].bold) == ("2", "Sở Tài chính:", False)
    assert (blocks[2].kind, blocks[2].label, blocks[2].body) == ("bullet", "-", "Chủ trì, phối hợp.")
    assert blocks[3].label == "+"
    assert blocks[4].bold


def test_line_breaks_split_a_paragraph_and_a_broken_sentence_is_joined():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("KT. CHỦ TỊCH")
    paragraph.add_run().add_break()
    paragraph.add_run("PHÓ CHỦ TỊCH")
    document.add_paragraph("Phối hợp kiểm tra, chủ")
    document.add_paragraph("động báo cáo.")
    assert [b.body for b in load_docx(saved(document), "k.docx").blocks] == [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phối hợp kiểm tra, chủ động báo cáo.",
    ]


def test_word_automatic_numbering_gives_the_labels():
    text = "## I. MỤC TIÊU\n\n1. Đạt 90%.\n\n2. Đạt 80%.\n\n## II. NHIỆM VỤ\n\n1. Tuyên truyền."
    blocks = load_docx(render_docx(text, auto_numbering=True), "k.docx").blocks
    assert [(b.kind, b.label, b.body) for b in blocks] == [
        ("roman", "I", "MỤC TIÊU"),
        ("number", "1", "Đạt 90%."),
        ("number", "2", "Đạt 80%."),
        ("roman", "II", "NHIỆM VỤ"),
        ("number", "1", "Tuyên truyền."),
    ]


def test_merged_cells_are_read_once():
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Chỉ tiêu"
    table.cell(0, 2).text = "2026"
    read = load_docx(saved(document), "k.docx")
    assert read.tables == [[["Chỉ tiêu", "2026"]]]


def test_an_empty_document_has_no_blocks():
    assert load_docx(saved(docx.Document()), "k.docx").blocks == []
