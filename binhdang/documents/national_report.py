"""The ministry's national report of a year as files (read only, computed live):

- :func:`national_report(year) <national_report>`: the DOCX (:mod:`national_docx`);
- :func:`national_annex(year) <national_annex>`: the XLSX of its tables (:mod:`national_xlsx`).

A year outside the plans' period (2026-2030) is refused with :class:`~binhdang.documents.services.DocumentError`.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

from binhdang.core.exports import DOCX, XLSX
from binhdang.documents import national, national_docx, national_xlsx
from binhdang.documents.services import DocumentError, GeneratedFile

#: The years of the plans 2026-2030.
YEARS = tuple(range(2026, 2031))


def check_year(year: int) -> None:
    if year not in YEARS:
        raise DocumentError(
            f"Năm {year} nằm ngoài giai đoạn {YEARS[0]}-{YEARS[-1]} của các kế hoạch: không có báo cáo toàn quốc."
        )


def national_report_filename(year: int) -> str:
    """``bao-cao-toan-quoc-2026.docx``."""
    return f"bao-cao-toan-quoc-{year}.docx"


def national_annex_filename(year: int) -> str:
    return f"bao-cao-toan-quoc-{year}-phu-luc.xlsx"


def national_report(year: int, *, day: dt.date | None = None) -> GeneratedFile:
    """The ministry's national report of ``year`` (DOCX, Nghị định 30 layout, issued by Bộ Nội vụ)."""
    check_year(year)
    with translation.override("vi"):
        data = national_docx.build(national.collect(year), day or timezone.localdate())
    return GeneratedFile(national_report_filename(year), DOCX, data)


def national_annex(year: int) -> GeneratedFile:
    """The national report's tables of ``year`` (XLSX)."""
    check_year(year)
    with translation.override("vi"):
        data = national_xlsx.build(national.collect(year))
    return GeneratedFile(national_annex_filename(year), XLSX, data)
