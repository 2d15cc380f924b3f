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
