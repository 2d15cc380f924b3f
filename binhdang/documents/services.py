"""Generating the reports (read only: nothing is stored; each call reads the figures live).

- :func:`annual_report(plan, year, ...)`: the plan's annual report as DOCX (:mod:`annual_docx`);
- :func:`annual_annex(plan, year)`: its tables as XLSX (:mod:`annex_xlsx`);
- :func:`unit_report(submission, ...)`: a unit's own report as DOCX (:mod:`unit_report`);
- :func:`find_period_year(plan, year)`: the year's reporting period, or :class:`DocumentError`;
- :func:`editor_blocks`, :func:`save_section`, :func:`reset_section`: the officer's edits of the
  annual report's prose (:mod:`binhdang.documents.models`), used by the DOCX and PDF downloads;
- :func:`annual_report_pdf`: the DOCX converted by LibreOffice (``soffice --headless``), when installed
  (:func:`pdf_available`).

Each returns a :class:`GeneratedFile` (file name and bytes), in Vietnamese whatever the user's
language (words, dates, "1.250", "87,5%"). Dates default to today in Vietnam.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone, translation

from binhdang.core.exports import DOCX, XLSX
from binhdang.documents import annex_xlsx, annual_docx, synthesis
from binhdang.documents import unit_report as unit_report_docx
from binhdang.documents.annual import collect
from binhdang.documents.issuers import initials
from binhdang.documents.models import MAX_TEXT, ReportDraft, ReportSection
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
    period = Period.objects.filter(plan=plan, year=year, kind="annual").first()
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


def report_edits(plan: Plan, year: int) -> dict[str, str]:
    """The officer's prose by section key (empty when nothing was edited)."""
    draft = ReportDraft.objects.filter(plan=plan, year=year).first()
    return draft.edits() if draft else {}


def annual_report(
    plan: Plan, year: int, *, with_narratives: bool = True, day: dt.date | None = None
) -> GeneratedFile:
    """The annual report of ``plan`` for ``year`` (DOCX), with the officer's edits of the prose.
    ``with_narratives`` False (the ministry's copy) leaves out what the units wrote (domain §10) and
    the edits (they may quote the units)."""
    find_period(plan, year)
    edits = report_edits(plan, year) if with_narratives else {}
    with translation.override("vi"):  # official documents: Vietnamese words, dates and numbers
        content = collect(plan, year, with_narratives=with_narratives)
        data = annual_docx.build(content, _today(day), edits)
    return GeneratedFile(annual_report_filename(plan, year), DOCX, data)


def pdf_available() -> bool:
    """Whether LibreOffice (``soffice``) is installed to make PDFs."""
    return shutil.which("soffice") is not None


def docx_to_pdf(data: bytes, timeout: int = 120, suffix: str = ".docx") -> bytes:
    """A DOCX (or, with ``suffix`` ".xlsx", a workbook) converted to PDF by LibreOffice headless
    (DocumentError when it is missing or fails)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise DocumentError("Máy chủ chưa cài LibreOffice nên chưa tạo được tệp PDF; hãy tải bản Word.")
    with tempfile.TemporaryDirectory(prefix="binhdang-pdf-") as folder:
        source = Path(folder) / f"report{suffix}"
        source.write_bytes(data)
        profile = Path(folder) / "profile"  # a private profile: parallel conversions do not collide
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as error:
            raise DocumentError("LibreOffice không chuyển được báo cáo sang PDF (quá thời gian).") from error
        target = Path(folder) / "report.pdf"
        if not target.exists():
            raise DocumentError("LibreOffice không chuyển được báo cáo sang PDF.")
        return target.read_bytes()


def annual_report_pdf(plan: Plan, year: int, *, with_narratives: bool = True) -> GeneratedFile:
    """The annual report as PDF (the DOCX with the edits, converted by LibreOffice)."""
    docx = annual_report(plan, year, with_narratives=with_narratives)
    name = annual_report_filename(plan, year).removesuffix(".docx") + ".pdf"
    return GeneratedFile(name, "application/pdf", docx_to_pdf(docx.content))


@dataclass
class Block:
    """A section of the report in the editor: the generated section, the prose shown (edited or
    generated), whether it was edited, and its saved versions (newest first)."""

    section: synthesis.Section
    text: str
    edited: bool
    versions: list
    #: The chapter heading ("II. KẾT QUẢ ...") when this block opens a chapter, else "".
    chapter: str = ""

    @property
    def table_rows(self) -> list[list[tuple[str, bool]]]:
        """The locked table's rows (and total) as the document writes them: (text, is a number)."""
        table = self.section.table
        if table is None:
            return []
        rows = [*table.rows, *([table.total] if table.total is not None else [])]
        return [
            [
                (annual_docx.cell_text(v, c.kind), c.kind != "text")
                for v, c in zip(row, table.columns, strict=True)
            ]
            for row in rows
        ]


def editor_blocks(plan: Plan, year: int) -> list[Block]:
    """Every section of the report's body with the officer's prose where edited."""
    find_period(plan, year)
    with translation.override("vi"):
        parts = synthesis.sections(collect(plan, year))
    saved = {s.key: s for s in ReportSection.objects.filter(draft__plan=plan, draft__year=year)}
    history: dict[str, list] = {}
    for record in (
        ReportSection.history.filter(draft__plan=plan, draft__year=year)
        .select_related("history_user")
        .order_by("-history_date")
    ):
        history.setdefault(record.key, []).append(record)
    blocks = []
    chapter = ""
    for section in parts:
        row = saved.get(section.key)
        text = row.text if row is not None else section.prose
        opens = section.chapter if section.chapter and section.chapter != chapter else ""
        chapter = section.chapter or chapter
        title = synthesis.CHAPTERS[opens] if opens else ""
        blocks.append(Block(section, text, row is not None, history.get(section.key, []), title))
    return blocks


def _section_key(plan: Plan, year: int, key: str) -> None:
    with translation.override("vi"):
        keys = {s.key for s in synthesis.sections(collect(plan, year, with_previous=False))}
    if key not in keys:
        raise DocumentError(f'Báo cáo năm {year} không có phần "{key}".')


@transaction.atomic
def save_section(user, plan: Plan, year: int, key: str, text: str) -> ReportSection:
    """Store the officer's prose of section ``key`` (a new version in its history)."""
    find_period(plan, year)
    _section_key(plan, year, key)
    text = "\n".join(line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")).strip()
    if len(text) > MAX_TEXT:
        raise DocumentError(
            f"Nội dung phần này dài {len(text)} ký tự, vượt quá {MAX_TEXT} ký tự cho phép; chưa lưu."
        )
    draft, _created = ReportDraft.objects.get_or_create(plan=plan, year=year)
    section = ReportSection.objects.select_for_update().filter(draft=draft, key=key).first()
    if section is None:
        section = ReportSection(draft=draft, key=key)
    section.text = text
    section.updated_by = user
    section._history_user = user  # type: ignore[attr-defined]
    section.save()
    return section


@transaction.atomic
def reset_section(user, plan: Plan, year: int, key: str) -> None:
    """Back to the generated text of section ``key`` (the reset is kept in its history)."""
    _section_key(plan, year, key)
    for section in ReportSection.objects.filter(draft__plan=plan, draft__year=year, key=key):
        section._history_user = user  # type: ignore[attr-defined]
        section.delete()


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
