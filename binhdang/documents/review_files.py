"""The review reports as files (read only; figures read live), for the command line and the downloads:

- :func:`review_report` / :func:`review_annex`: a plan's review over a span (DOCX / XLSX);
- :func:`national_review_report` / :func:`national_review_annex`: the ministry's review (DOCX / XLSX);
- :func:`for_command`: what ``binhdang report --plan ID|SLUG --years 2026-2028`` and
  ``binhdang report --national --years 2026-2028`` write.

A span outside the plan (2026-2030 for the ministry) or reversed raises
:class:`~binhdang.documents.review.SpanError` (a ``DocumentError``) naming the years.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

from binhdang.core.exports import DOCX, XLSX
from binhdang.documents import review, review_docx, review_national, review_tables, review_xlsx
from binhdang.documents.issuers import plan_issuer
from binhdang.documents.services import GeneratedFile
from binhdang.plans.models import Plan, Program


def _stem(kind: str, name: str, start: int, end: int) -> str:
    prefix = "tong-ket" if kind == "tổng kết" else "so-ket"
    return f"{prefix}-{name[:60]}-{start}-{end}"


def review_filename(plan: Plan, start: int, end: int, suffix: str = ".docx") -> str:
    """``so-ket-<plan slug>-2026-2028.docx`` (``tong-ket-...`` when the span reaches the plan's end)."""
    kind = review.review_kind(end, review.plan_span(plan)[1])
    return _stem(kind, plan.slug, start, end) + ("-phu-luc" if suffix == ".xlsx" else "") + suffix


def national_filename(start: int, end: int, program: str, suffix: str = ".docx") -> str:
    kind = review.review_kind(end, review_national.LAST_YEAR)
    name = f"toan-quoc-{'chuong-trinh-1790' if program == Program.COMMUNICATION else 'chien-luoc'}"
    return _stem(kind, name, start, end) + ("-phu-luc" if suffix == ".xlsx" else "") + suffix


def review_report(
    plan: Plan, start: int, end: int, *, with_narratives: bool = True, day: dt.date | None = None
) -> GeneratedFile:
    with translation.override("vi"):
        content = review.collect(plan, start, end, with_narratives=with_narratives)
        data = review_docx.build(content, day or timezone.localdate())
    return GeneratedFile(review_filename(plan, start, end), DOCX, data)


def review_annex(plan: Plan, start: int, end: int, *, with_narratives: bool = False) -> GeneratedFile:
    """The annex has figures only: the narratives are never in it (``with_narratives`` is for symmetry)."""
    with translation.override("vi"):
        content = review.collect(plan, start, end, with_narratives=with_narratives)
        data = review_xlsx.build(
            review_tables.review_tables(content), review_docx.subject(content), plan_issuer(plan).body
        )
    return GeneratedFile(review_filename(plan, start, end, ".xlsx"), XLSX, data)


def national_review_report(
    start: int, end: int, program: str = Program.COMMUNICATION, day: dt.date | None = None
) -> GeneratedFile:
    with translation.override("vi"):
        content = review_national.collect(start, end, program)
        data = review_national.build_docx(content, day or timezone.localdate())
    return GeneratedFile(national_filename(start, end, program), DOCX, data)


def national_review_annex(start: int, end: int, program: str = Program.COMMUNICATION) -> GeneratedFile:
    with translation.override("vi"):
        content = review_national.collect(start, end, program)
        data = review_xlsx.build(
            review_national.tables(content), review_national.subject(content), review_national.MINISTRY.body
        )
    return GeneratedFile(national_filename(start, end, program, ".xlsx"), XLSX, data)


def for_command(plan: Plan | None, years: str, format: str) -> GeneratedFile:
    """The review the command writes: the plan's (``plan``) or the ministry's (``plan`` None)."""
    start, end = review.parse_span(years)
    if plan is None:
        maker = national_review_annex if format == "xlsx" else national_review_report
        return maker(start, end)
    if format == "xlsx":
        return review_annex(plan, start, end)
    return review_report(plan, start, end)
