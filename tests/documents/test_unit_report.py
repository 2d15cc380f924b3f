"""A unit's own report from its submission, ready to sign."""

from __future__ import annotations

from io import BytesIO

from docx import Document

from binhdang.documents import unit_report
from tests.documents.conftest import DAY


def generate(submission) -> Document:
    return Document(BytesIO(unit_report.build(submission, DAY)))


def test_a_commune_report_has_its_header_narrative_figures_and_signature(reports):
    document = generate(reports["a"])
    left, right = document.tables[0].rows[0].cells
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN\nXÃ EA KAR"
    assert left.paragraphs[2].text == "Số:        /BC-UBND"
    assert right.paragraphs[3].text == "Ea Kar, ngày 05 tháng 12 năm 2026"
    lines = [p.text for p in document.paragraphs]
    assert lines[lines.index("BÁO CÁO") + 1].startswith("Kết quả thực hiện Kế hoạch thực hiện Chương trình")
    assert "- Hưởng ứng Tháng hành động với 2 hoạt động." in lines
    assert "- Kinh phí còn hạn chế." in lines
    assert not any("DỰ THẢO" in line for line in lines)
    figures = {r.cells[1].text: r.cells[2].text for r in document.tables[1].rows[1:]}
    assert figures["Số lượt người tham dự (Nữ)"] == "60"
    assert any(label.startswith("Số tin, bài") and value == "1.250" for label, value in figures.items())
    closing = document.tables[2].rows[0].cells
    assert closing[0].paragraphs[1].text == "- Sở Nội vụ;"
    assert [p.text for p in closing[1].paragraphs[:2]] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_a_draft_is_marked_as_such(reports):
    lines = [p.text for p in generate(reports["b"]).paragraphs]
    assert "DỰ THẢO (báo cáo chưa được gửi)" in lines


def test_values_are_written_in_vietnamese(reports):
    figures = {r[1]: r[2] for r in unit_report.figure_rows(reports["media"])}
    assert "OFFICIAL" not in figures.values() and "true" not in figures.values()
    assert "Có" in figures.values()
