"""Generating the reports (read only: nothing is stored; each call reads the figures live).

- :func:`annual_report(plan, year, ...)`: the plan's annual report as DOCX (:mod:`annual_docx`);
- :func:`annual_annex(plan, year)`: its tables as XLSX (:mod:`annex_xlsx`);
- :func:`unit_report(submission, ...)`: a unit's own report as DOCX (:mod:`unit_report`);
- :func:`find_period_year(plan, year)`: the year's reporting period, or :class:`DocumentError`.

Each returns a :class:`GeneratedFile` (file name and bytes), in Vietnamese whatever the user's
language (words, dates, "1.250", "87,5%"). Dates default to today in Vietnam.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone, translation

from binhdang.core.exports import DOCX, XLSX
from binhdang.documents import annex_xlsx, annual_docx
from binhdang.documents import unit_report as unit_report_docx
from binhdang.documents.annual import collect
from binhdang.documents.issuers import initials
from binhdang.plans.models import Plan
from binhdang.reporting.models import Period, Submission


class DocumentError(Exception):
    """A report cannot be made (the message says why, in Vietnamese)."""


@dataclass(frozen=True)
class GeneratedFile:
    name: str
    content_type: str
    content: bytes


def find_period(plan: Plan, year: int) -> Period:
    """The reporting period of ``plan`` in ``year``; DocumentError when it was never opened."""
    period = Period.objects.filter(plan=plan, year=year).first()
    if period is None:
        raise DocumentError(f'Kế hoạch "{plan.title}" chưa mở kỳ báo cáo năm {year}.')
    return period


def _today(day: dt.date | None) -> dt.date:
    return day or timezone.localdate()


def _stem(plan: Plan, year: int) -> str:
    return f"bao-cao-{plan.slug[:60]}-{year}"


def annual_report_filename(plan: Plan, year: int) -> str:
    """``bao-cao-<plan slug>-2026.docx``."""
    return f"{_stem(plan, year)}.docx"


def annual_annex_filename(plan: Plan, year: int) -> str:
    """``bao-cao-<plan slug>-2026-phu-luc.xlsx``."""
    return f"{_stem(plan, year)}-phu-luc.xlsx"


def unit_report_filename(submission: Submission) -> str:
    """``bao-cao-<initials of the unit>-<unit code>-2026.docx``."""
    unit = submission.unit
    return f"bao-cao-{initials(unit.name).lower()}-{unit.code}-{submission.period.year}.docx"


def annual_report(
    plan: Plan, year: int, *, with_narratives: bool = True, day: dt.date | None = None
) -> GeneratedFile:
    """The annual report of ``plan`` for ``year`` (DOCX). ``with_narratives`` False leaves out what
    the units wrote (for readers who may not see it, domain §10)."""
    find_period(plan, year)
    with translation.override("vi"):  # official documents: Vietnamese words, dates and numbers
        content = collect(plan, year, with_narratives=with_narratives)
        data = annual_docx.build(content, _today(day))
    return GeneratedFile(annual_report_filename(plan, year), DOCX, data)


def annual_annex(plan: Plan, year: int) -> GeneratedFile:
    """The tables of the annual report (XLSX): indicators, reporting completeness, unit figures."""
    find_period(plan, year)
    with translation.override("vi"):
        data = annex_xlsx.build(collect(plan, year, with_narratives=False))
    return GeneratedFile(annual_annex_filename(plan, year), XLSX, data)


def unit_report(submission: Submission, *, day: dt.date | None = None) -> GeneratedFile:
    """A unit's own report for its submission's year (DOCX)."""
    with translation.override("vi"):
        data = unit_report_docx.build(submission, _today(day))
    return GeneratedFile(unit_report_filename(submission), DOCX, data)
