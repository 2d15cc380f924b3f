"""Upload of filled XLSX templates: everything is checked before anything is written, and each file is
saved in one transaction, or not at all.

:func:`import_xlsx(file, user, *, submit=False) -> ImportResult` refuses (``result.errors``, each
naming its place, e.g. "Biểu1!C15: phải là số nguyên không âm — Số cuộc truyền thông") and
changes nothing when:

- the file is not an .xlsx workbook, is too large, or is not a template of this system (no ``_meta``
  sheet, another template or version, a ``_meta`` whose signature does not match, rows moved, the
  unit code in the header changed, a form changed since the download);
- the unit belongs to another province, or the user does not report for it, or it is not expected
  in the period; the period is closed, or locked for reporters; the report is already submitted;
- a cell holds text or a date where a number is expected, a negative count, a percentage outside
  0-100, a yes/no or option cell something else; a part exceeds its whole (``TT_CONVENTIONS_OK`` >
  ``TT_CONVENTIONS``); with ``submit``, a value is missing;
- the report was changed in the system since the template was downloaded (optimistic concurrency:
  nobody's figures are overwritten silently).

A good file is saved through :func:`services.save_draft` (audit trail, versions) and, with
``submit``, submitted through :func:`services.submit` (``source="excel"``). An empty cell clears
the value: the file is the whole report. :func:`import_many` imports several files, each on its own.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from binhdang.accounts import access as base_access
from binhdang.core import formatting
from binhdang.core.archives import UnsafeArchive, check_archive
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, services
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.excel import layout as L
from binhdang.reporting.excel.cells import cell_text
from binhdang.reporting.excel.meta import KEYS, Meta, read_meta
from binhdang.reporting.models import Period, PeriodStatus, Submission
from binhdang.reporting.validation import InvalidValue, consistency_errors, missing_values

MAX_FILE_BYTES = 5 * 1024 * 1024
#: Largest part of a workbook once inflated (a template's sheet is about 100 KB; openpyxl reads it twice
#: at about 1.5 MB a second, so this bounds the reading to a few seconds).
MAX_PART_BYTES = 4 * 1024 * 1024
#: How many "rows were changed" messages to list before stopping.
MAX_STRUCTURE_MESSAGES = 5


class XlsxRejected(ReportingError):
    """The file was refused; ``messages`` name each problem and its place."""


@dataclass
class ImportResult:
    filename: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    period: Period | None = None
    unit: OrgUnit | None = None
    submission: Submission | None = None
    #: Values the file holds (non-empty input cells).
    values: int = 0
    changed: bool = False
    submitted: bool = False

    @property
    def accepted(self) -> bool:
        return not self.errors


def _at(ref: str, sheet: str = L.SHEET) -> str:
    return f"{sheet}!{ref}"


def _meta_at(meta: Meta, key: str) -> str:
    return _at(f"B{meta.row_of(key)}", L.META_SHEET)


def _read_bytes(file) -> bytes:
    if isinstance(file, bytes | bytearray):
        return bytes(file)
    if isinstance(file, str | Path):
        return Path(file).read_bytes()
    if hasattr(file, "seek"):
        file.seek(0)
    return file.read(MAX_FILE_BYTES + 1)


def _not_a_template() -> XlsxRejected:
    return XlsxRejected(
        _(
            "This file is not a report template of this system (the hidden _meta sheet is missing or "
            "is not ours). Download the Excel template from the report page and fill that one."
        )
    )


def _open(file, name: str):
    """Both views of the workbook: cached values, and formulas (to spot formulas without a value).
    The archive is checked first (:mod:`binhdang.core.archives`): a decompression bomb is refused
    before openpyxl inflates anything."""
    data = _read_bytes(file)
    if len(data) > MAX_FILE_BYTES:
        raise XlsxRejected(_("The file is larger than %(mb)d MB.") % {"mb": MAX_FILE_BYTES // 1024 // 1024})
    not_xlsx = XlsxRejected(_("The file is not an Excel workbook (.xlsx); it cannot be read."))
    try:
        check_archive(data, name, max_member_bytes=MAX_PART_BYTES)
    except UnsafeArchive as exc:
        raise XlsxRejected(str(exc)) from exc
    except zipfile.BadZipFile as exc:
        raise not_xlsx from exc
    try:
        with warnings.catch_warnings():
            # Files saved by Excel carry extensions openpyxl does not keep; that is harmless here.
            warnings.simplefilter("ignore")
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # an untrusted file: any parsing failure means "not a workbook we can read"
        raise not_xlsx from exc
    return values, formulas


def _meta(workbook) -> Meta:
    if L.META_SHEET not in workbook.sheetnames:
        raise _not_a_template()
    found = read_meta(workbook[L.META_SHEET])
    if found.get("template") != L.TEMPLATE_ID or any(key not in found for key in KEYS):
        raise _not_a_template()
    meta = Meta(**{key: found[key] for key in KEYS})
    if meta.version != str(L.TEMPLATE_VERSION):
        raise XlsxRejected(
            _("%(place)s: template version %(version)s is no longer accepted; download a new template.")
            % {"place": _meta_at(meta, "version"), "version": meta.version}
        )
    if not meta.signature_ok():
        raise XlsxRejected(
            _(
                "%(place)s: the hidden _meta sheet was changed (its signature does not match). Download "
                "the template again from the report page."
            )
            % {"place": _meta_at(meta, "signature")}
        )
    if L.SHEET not in workbook.sheetnames:
        raise XlsxRejected(
            _("The sheet %(sheet)s is missing: the file is not a complete report template.")
            % {"sheet": L.SHEET}
        )
    return meta


def _context(meta: Meta, user) -> tuple[Period, OrgUnit, Submission | None]:
    """The period, unit and report the file is for, if the user may change them now."""
    period = (
        Period.objects.select_related("plan", "province", "focal_unit")
        .filter(pk=int(meta.period_id) if meta.period_id.isdigit() else 0)
        .first()
    )
    unit = OrgUnit.objects.filter(code=meta.unit_code).select_related("province").first()
    unit_at = _at(L.CELL_UNIT_CODE)
    if period is None:
        raise XlsxRejected(
            _("%(place)s: the reporting period of this template no longer exists.")
            % {"place": _meta_at(meta, "period_id")}
        )
    if unit is None:
        raise XlsxRejected(
            _('%(place)s: no organisation unit has the code "%(code)s".')
            % {"place": unit_at, "code": meta.unit_code}
        )
    names = {"place": unit_at, "unit": unit.name, "code": unit.code}
    if user is not None and not access.can_submit_data_for(user, unit):
        home = base_access.home_province(user)
        if home is not None and unit.province_id != home.pk:
            raise XlsxRejected(
                _("%(place)s: %(unit)s (%(code)s) belongs to another province than yours.") % names
            )
        raise XlsxRejected(_("%(place)s: you cannot report for %(unit)s (%(code)s).") % names)
    if meta.form != period.form_code:
        raise XlsxRejected(
            _("%(place)s: form %(form)s does not match the period's form %(expected)s.")
            % {"place": _meta_at(meta, "form"), "form": meta.form, "expected": period.form_code}
        )
    errors = []
    year_at = {"place": _at(L.CELL_YEAR), "year": period.year}
    if not period.expected_reporters.filter(unit=unit).exists():
        errors.append(_("%(place)s: %(unit)s is not expected to report in this period.") % names)
    if period.status != PeriodStatus.OPEN:
        errors.append(_("%(place)s: the %(year)s reporting period is closed.") % year_at)
    elif (
        user is not None
        and not base_access.manages_province(user, period.province)
        and period.locked_for_reporters()
        and period.lock_date is not None
    ):
        errors.append(
            _("%(place)s: the period was locked on %(day)s: ask the focal officer to change the report.")
            % {**year_at, "day": formatting.date(period.lock_date)}
        )
    submission = Submission.objects.filter(period=period, unit=unit).select_related("updated_by").first()
    if submission is not None and not submission.is_editable_state:
        errors.append(
            _("%(place)s: the report of %(unit)s is %(state)s and can no longer be changed.")
            % {**names, "state": submission.get_state_display().lower()}
        )
    if errors:
        raise XlsxRejected(errors)
    return period, unit, submission


def _check_structure(sheet, layout: L.Layout, meta: Meta, unit: OrgUnit) -> None:
    if layout.checksum() != meta.structure:
        raise XlsxRejected(
            _(
                "%(place)s: the report form has changed since this template was downloaded; download a new template."
            )
            % {"place": _meta_at(meta, "structure")}
        )
    errors = []
    shown = sheet[L.CELL_UNIT_CODE].value
    if str(shown or "").strip() != unit.code:
        errors.append(
            _("%(place)s: the unit code was changed (%(found)s instead of %(code)s).")
            % {"place": _at(L.CELL_UNIT_CODE), "found": shown or "—", "code": unit.code}
        )
    expected = [(f"{L.COL_CODE}{r.row}", r.code_text) for r in layout.rows]
    expected += [(f"{L.COL_CODE}{n.row}", f"narrative:{n.field.name}") for n in layout.narrative]
    for ref, code in expected:
        found = str(sheet[ref].value or "").strip()
        if found != code:
            errors.append(
                _(
                    "%(place)s: expected the code %(code)s, found %(found)s: rows were added, deleted or "
                    "moved. Download the template again."
                )
                % {"place": _at(ref), "code": code or "—", "found": found or "—"}
            )
            if len(errors) >= MAX_STRUCTURE_MESSAGES:
                break
    if errors:
        raise XlsxRejected(errors)


def _cell_message(ref: str, message: str, label: str) -> str:
    return _("%(place)s: %(message)s — %(label)s") % {"place": _at(ref), "message": message, "label": label}


def _read_values(values_sheet, formulas_sheet, layout: L.Layout) -> tuple[dict, dict, list[str], set]:
    """``(values, narrative, errors, keys of the refused cells)``."""
    values: dict[tuple[str, str], str] = {}
    errors: list[str] = []
    bad: set[tuple[str, str]] = set()
    for cell in layout.value_cells:
        raw = values_sheet[cell.ref].value
        formula = formulas_sheet[cell.ref].value
        label = cell.element.message_label(cell.coc)
        if raw is None and isinstance(formula, str) and formula.startswith("="):
            errors.append(
                _cell_message(
                    cell.ref, _("holds a formula whose result is not saved: type the figure"), label
                )
            )
            bad.add(cell.key)
            continue
        try:
            values[cell.key] = cell_text(cell.element, cell.coc, raw)
        except InvalidValue as exc:
            errors.append(_cell_message(cell.ref, str(exc), label))
            bad.add(cell.key)
    narrative = {}
    for item in layout.narrative:
        raw = values_sheet[item.ref].value
        narrative[item.field.name] = "" if raw is None else str(raw).strip()
    return values, narrative, errors, bad


def _rule_errors(layout: L.Layout, values: dict, bad: set, *, submit: bool) -> list[str]:
    """Consistency rules (and, to submit, missing values), except on cells already refused."""
    filled = {key: text for key, text in values.items() if text != ""}
    issues = consistency_errors(layout.elements, filled)
    if submit:
        issues += missing_values(layout.elements, filled)
    messages = []
    for issue in issues:
        if (issue.code, issue.coc) in bad:
            continue
        cell = layout.cell_of(issue.code, issue.coc) or next(
            (c for c in layout.value_cells if c.element.code == issue.code), None
        )
        ref = cell.ref if cell else L.CELL_UNIT_CODE
        messages.append(_cell_message(ref, issue.message, issue.label or issue.code))
    return messages


def _conflict(layout: L.Layout, meta: Meta, submission, values: dict, narrative: dict) -> list[str]:
    """The report changed in the system since the download (and not into what the file holds)."""
    current = layout.content_digest(
        submission.value_map() if submission else {}, submission.narrative() if submission else {}
    )
    if current in (meta.content, layout.content_digest(values, narrative)):
        return []
    who = str(submission.updated_by) if submission and submission.updated_by else _("another user")
    when = date_format(timezone.localtime(submission.updated_at), "H:i d/m/Y") if submission else ""
    return [
        _(
            "The report of %(unit)s was changed in the system after this template was downloaded (saved by "
            "%(user)s at %(time)s). Nothing was saved: download the template again to get the current "
            "figures, then enter your changes."
        )
        % {"unit": submission.unit.name if submission else "", "user": who, "time": when}
    ]


def _write(result: ImportResult, period, unit, submission, values, narrative, user, submit: bool) -> None:
    with transaction.atomic():
        if submission is None:
            submission = services.get_or_create_submission(period, unit, user)
        if user is not None and not access.can_see_narrative(user, submission):
            narrative = {}
        saved = services.save_draft(submission, values, narrative, user, expected_version=submission.version)
        result.changed = saved.changed
        result.warnings = [str(w) for w in saved.warnings]
        if submit:
            services.submit(saved.submission, user, expected_version=saved.version, source="excel")
            result.submitted = True
        result.submission = saved.submission


def import_xlsx(file, user, *, submit: bool = False, filename: str | None = None) -> ImportResult:
    """Check a filled template and save it as a draft (and submit it with ``submit``); all or nothing.

    ``file``: an uploaded file, a binary file object, bytes or a path. ``user``: the uploader (None: the
    system, no access checks). Never raises for a bad file: the problems are in ``result.errors``.
    """
    name = filename or str(getattr(file, "name", "") or (file if isinstance(file, str | Path) else ""))
    result = ImportResult(filename=Path(name).name if name else "")
    try:
        values_book, formulas_book = _open(file, result.filename or "workbook.xlsx")
        meta = _meta(values_book)
        period, unit, submission = _context(meta, user)
        result.period, result.unit = period, unit
        layout = L.build_layout(period, unit)
        sheet = values_book[L.SHEET]
        _check_structure(sheet, layout, meta, unit)
        values, narrative, errors, bad = _read_values(sheet, formulas_book[L.SHEET], layout)
        errors += _rule_errors(layout, values, bad, submit=submit)
        if not errors:
            errors = _conflict(layout, meta, submission, values, narrative)
        if errors:
            raise XlsxRejected(errors)
        result.values = sum(1 for text in values.values() if text != "")
        _write(result, period, unit, submission, values, narrative, user, submit)
    except ReportingError as exc:
        result.errors = list(exc.messages)
        result.submission, result.changed, result.submitted, result.warnings = None, False, False, []
    return result


def import_many(files: Iterable, user, *, submit: bool = False) -> list[ImportResult]:
    """Import several files, each on its own (a bad file does not stop the others)."""
    return [import_xlsx(f, user, submit=submit) for f in files]
