"""Extract the structured content of an implementation plan (Kế hoạch) from a .docx or a text file.

Public API::

    extract_file(path) -> PlanExtraction  # .docx or text, recognised by content
    extract_text(text) -> PlanExtraction
    extract_docx(data) -> PlanExtraction  # bytes or a binary file object
    ExtractionError                 # not a plan / unreadable file, message in Vietnamese

The dict (typed in ``records``) follows ``binhdang/plans/contracts/plan-extract.schema.json`` and adds ``number`` and ``date`` of
the plan, ``warnings`` (what could not be read), ``roadmap`` (rows of a roadmap annex table) and,
for each extracted item, ``source``: the sentence or line of the document it was read from
(``sources`` holds those of the top-level fields). The rules are deterministic; each module's
docstring states the ones it applies.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, cast

from django.utils.translation import gettext as _

from binhdang.plans.extraction import (
    agencies,
    campaigns,
    decision,
    header,
    indicators,
    legal,
    reporting,
    roadmap,
    signer,
    tasks,
)
from binhdang.plans.extraction.document import Document, read_text
from binhdang.plans.extraction.errors import ExtractionError
from binhdang.plans.extraction.files import load, load_docx
from binhdang.plans.extraction.records import Level, PlanExtraction
from binhdang.plans.extraction.sections import Layout, layout

__all__ = ["ExtractionError", "extract_docx", "extract_file", "extract_text"]

PLAN_SECTIONS = ("goals", "tasks", "organisation")


def extract_file(path: str | Path) -> PlanExtraction:
    """Extract the plan in the file at ``path`` (.docx or text, whatever its name)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ExtractionError(_("The file %(name)s does not exist.") % {"name": path}) from error
    except IsADirectoryError as error:
        raise ExtractionError(_("%(name)s is a folder, not a file.") % {"name": path}) from error
    except OSError as error:
        raise ExtractionError(
            _("The file %(name)s cannot be read: %(error)s") % {"name": path, "error": error}
        ) from error
    return _extract(load(data, path.name))


def extract_text(text: str) -> PlanExtraction:
    """Extract a plan written as plain or Markdown-like text."""
    if not text or not text.strip():
        raise ExtractionError(_("The text is empty."))
    return _extract(read_text(text))


def extract_docx(data: bytes | BinaryIO) -> PlanExtraction:
    """Extract a plan from the bytes (or a binary file object) of a .docx document."""
    raw = data if isinstance(data, bytes | bytearray) else data.read()
    name = getattr(data, "name", "") or "document.docx"
    if not raw:
        raise ExtractionError(_("The file %(name)s is empty.") % {"name": name})
    return _extract(load_docx(bytes(raw), str(name)))


def _extract(document: Document) -> PlanExtraction:
    if not document.blocks:
        raise ExtractionError(_("The file is not a plan: it has no text."))
    issued_by = decision.split(document.blocks)
    blocks = issued_by.plan if issued_by else document.blocks
    plan = layout(blocks)
    _check_is_plan(plan)
    warnings: list[str] = []

    title = header.title_text(plan.title)
    head = [*issued_by.header, *issued_by.plan_header] if issued_by else plan.header
    number, number_source = header.plan_number(issued_by.header if issued_by else plan.header)
    date, _place, date_source = header.plan_date(issued_by.header if issued_by else plan.header)
    if issued_by and issued_by.annex_line is not None:
        if number is None and issued_by.annex_number():
            number, number_source = issued_by.annex_number(), issued_by.annex_line.text
        if date is None and issued_by.annex_date():
            date, date_source = issued_by.annex_date(), issued_by.annex_line.text
    body_blocks = [b for s in plan.sections for b in s.blocks]
    issuer = header.issuer(head, title, plan.preamble, body_blocks)
    goals, inds, indicator_warnings = indicators.extract(plan, document.tables)
    warnings += indicator_warnings
    agency_list = agencies.extract(plan)
    unknown = agencies.responsibilities(agency_list, inds, goals)
    reports = reporting.extract(plan, agencies.duty_owner(agency_list))
    via = [name for r in reports for name in reporting.receivers_of(r["source"])[1]]
    focal, focal_source = agencies.focal_agency(agency_list, via)
    sign = signer.signer(issued_by.closing) if issued_by else signer.signer(plan.closing or blocks[-10:])

    if issuer is None:
        warnings.append(_("The issuing body and its locality could not be read."))
    if not title:
        warnings.append(_("The subject line under “KẾ HOẠCH” could not be read."))
    if number is None:
        warnings.append(
            _("The plan number is blank or missing (“%(line)s”).") % {"line": number_source or "Số: ..."}
        )
    if date is None:
        warnings.append(
            _("The plan date is blank or missing (“%(line)s”).") % {"line": date_source or "..., ngày ..."}
        )
    for code in dict.fromkeys(unknown):
        warnings.append(
            _(
                "A responsibility clause names indicator %(code)s, but no indicator %(code)s was read from "
                "the objectives; check the indicators against the document."
            )
            % {"code": code}
        )
    if not reports:
        warnings.append(
            _("No reporting deadline (“trước ngày ...”) could be read; add it if the document gives one.")
        )
    if focal is None:
        warnings.append(_("The focal agency that receives the reports could not be identified."))
    if not agency_list:
        warnings.append(
            _("No agencies could be read from the section “TỔ CHỨC THỰC HIỆN”; check and add them.")
        )
    if sign is None:
        warnings.append(_("The signer could not be read."))

    return {
        "issuer": issuer.issuer if issuer else "",
        "locality": issuer.locality if issuer else "",
        "level": cast(Level, issuer.level) if issuer else "province",  # header.LEVEL_WORDS: the contract's
        "program": header.program(title, plan.preamble),
        "title": title,
        "period": header.period(title),
        "number": number,
        "date": date,
        "legal_bases": legal.legal_bases(plan.preamble),
        "focal_agency": focal,
        "goals": goals,
        "indicators": inds,
        "tasks": tasks.extract(plan, document.tables),
        "agencies": [a.as_dict() for a in agency_list],
        "reporting": reports,
        "campaigns": campaigns.extract(blocks[: plan.closing[0].index] if plan.closing else blocks),
        "signer": sign or {"authority": None, "position": None, "name": "", "source": None},
        "roadmap": roadmap.extract(document.tables, inds),
        "decision": (
            {
                "number": number,
                "date": date,
                "source": issued_by.annex_line.text if issued_by.annex_line else None,
            }
            if issued_by
            else None
        ),
        "warnings": warnings,
        "sources": {
            "issuer": issuer.source if issuer else None,
            "title": title or None,
            "number": number_source,
            "date": date_source,
            "focal_agency": focal_source,
        },
    }


def _check_is_plan(plan: Layout) -> None:
    kinds = {s.kind for s in plan.sections}
    found = [k for k in PLAN_SECTIONS if k in kinds]
    if len(found) >= 2 or (plan.title and found):
        return
    if plan.title:
        # A plan's title was found: the reader, not the document, failed to find its sections.
        raise ExtractionError(
            _(
                "The file has the title “KẾ HOẠCH” but its sections could not be read: no heading of the "
                "objectives (MỤC TIÊU), tasks (NHIỆM VỤ) or organisation (TỔ CHỨC THỰC HIỆN) was recognised. "
                "If the headings are there, number them I., II., III. and upload the file again."
            )
        )
    raise ExtractionError(
        _(
            "The file is not a plan: no “KẾ HOẠCH” title with the sections on objectives (MỤC TIÊU), "
            "tasks (NHIỆM VỤ) and organisation (TỔ CHỨC THỰC HIỆN) was found."
        )
    )
