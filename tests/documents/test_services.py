"""Generating the files: names, types, refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.documents import services


def test_the_annual_report_and_its_annex_are_named_after_the_plan_and_year(plan, reports):
    report = services.annual_report(plan, 2026, day=dt.date(2026, 12, 5))
    assert report.name == "bao-cao-kh-1790-daklak-2026.docx" and report.content_type == services.DOCX
    assert report.content.startswith(b"PK")
    annex = services.annual_annex(plan, 2026)
    assert annex.name == "bao-cao-kh-1790-daklak-2026-phu-luc.xlsx" and annex.content_type == services.XLSX


def test_the_unit_report_is_named_after_the_unit(reports):
    generated = services.unit_report(reports["a"])
    assert generated.name == "bao-cao-xek-66-C001-2026.docx"


def test_a_year_never_opened_is_refused_with_a_vietnamese_message(plan, period):
    with pytest.raises(services.DocumentError, match="chưa mở kỳ báo cáo năm 2027"):
        services.annual_report(plan, 2027)
    with pytest.raises(services.DocumentError):
        services.annual_annex(plan, 2027)


def test_documents_are_vietnamese_whatever_the_active_language(plan, reports):
    from io import BytesIO

    from django.utils import translation
    from docx import Document

    with translation.override("en"):
        document = Document(BytesIO(services.annual_report(plan, 2026).content))
        unit = Document(BytesIO(services.unit_report(reports["a"]).content))
    annex = document.tables[-1]
    news = [c.text for c in annex.rows[0].cells].index("Tin, bài")
    assert annex.rows[-1].cells[news].text == "1.260"
    figures = {r.cells[1].text: r.cells[2].text for r in unit.tables[1].rows[1:]}
    assert "Số lượt người tham dự (Nữ)" in figures
