"""Data value sets (DHIS2-style JSON, domain §9, a contract) in and out.

A file is one set ``{"dataSet": "TT1790", "period": "2026", "orgUnit": "<unit code>",
"completeDate": "2026-11-20", "dataValues": [{"dataElement": "TT_PARTICIPANTS",
"categoryOptionCombo": "FEMALE", "value": "120"}]}`` or ``{"dataValueSets": [set, ...]}``.

- Values without disaggregation have no ``categoryOptionCombo`` (``""`` and ``"default"`` are
  accepted on import). Booleans are ``"true"``/``"false"``, options by code.
- ``completeDate`` submits the report. The submission time is the server's: a date in the past is
  kept (and timeliness judged on it) only when a focal officer of the unit's province, an admin or
  the system (command line without ``--user``) loads history; the step is then recorded with source
  ``history`` and the audit trail's reason "loaded history, completeDate from the file". From anyone
  else (a unit's reporter) the report is submitted now and the result carries a notice saying so. A
  date in the future is refused. On export it is the date of the first submission, so a round trip
  by the focal officer keeps "on time" as it was.
- Import is all or nothing: every problem is reported with its place (``dataValueSets[2].
  dataValues[5].dataElement``) and nothing is written while one remains.

- A ``completeDate`` cannot be before the start of the period's data cutoff.
- A value's ``comment`` (as in DHIS2) is the unit's explanation of a value flagged as unusual
  (``reporting.outliers``); the export gives it back for the values it explains.

API: :func:`parse_data_value_sets(content) -> object` (the JSON of a file),
:func:`import_data_value_sets(data, user, dry_run=False) -> ImportResult`,
:func:`export_data_value_sets(period, units=None, state=None) -> dict`,
:func:`export_filters(period, unit_code, state)` (the ``--unit``/``--status`` and ``?unit=&status=``
filters of the export, checked).

The checks of each set are in :mod:`binhdang.reporting.datavalue_checks`; this module reads the file
and writes what they let through, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.core.jsonbody import JsonInputError, load_json
from binhdang.core.text import nul_place
from binhdang.reporting import services
from binhdang.reporting.datavalue_checks import (
    KNOWN_DATASETS,
    check_set,
    frozen_set_plan,
    loads_history,
    parse_iso_period,
)
from binhdang.reporting.dhis2 import FormatError, RawSet, split_sets
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.models import Submission

__all__ = [
    "KNOWN_DATASETS",
    "DataValueSetError",
    "ImportResult",
    "count_changes",
    "frozen_set_plan",
    "import_data_value_sets",
    "loads_history",
    "parse_data_value_sets",
    "parse_iso_period",
]


class DataValueSetError(ReportingError):
    """The file was refused; ``messages`` name each problem and its place."""


@dataclass
class ImportResult:
    sets: int = 0
    values: int = 0
    submitted: int = 0
    submissions: list[Submission] = field(default_factory=list)
    dry_run: bool = False
    #: What was done otherwise than the file says (a past completeDate of a reporter: submitted now).
    notices: list[str] = field(default_factory=list)
    #: values counted as DHIS2 does: new, changed, already stored as given, cleared
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    #: soft warnings of the saved reports (kept, not blocking), each ``"<place>: <message>"``
    warnings: list[str] = field(default_factory=list)


def parse_data_value_sets(content: bytes | str) -> object:
    """The JSON value of a file's ``content`` (UTF-8, with or without BOM), read through the one bounded
    JSON reader (:func:`binhdang.core.jsonbody.load_json`); DataValueSetError when it is not JSON, too
    large or nested too deeply."""
    try:
        return load_json(content)
    except JsonInputError as exc:
        raise DataValueSetError(str(exc)) from exc


def _sets(data) -> list[RawSet]:
    """The file's sets in any accepted format (:mod:`binhdang.reporting.dhis2`), with their places."""
    try:
        return split_sets(data)
    except FormatError as exc:
        raise DataValueSetError(exc.messages) from exc


def import_data_value_sets(data, user, *, dry_run: bool = False) -> ImportResult:
    """Check and import data value sets; all or nothing.

    Refused (:class:`DataValueSetError`, nothing written) for: an unknown form, data element or
    category option; an unknown unit, or one the user may not report for (e.g. another province);
    a period that is not annual, not open or closed for the unit; a report already submitted or
    accepted; a value of the wrong type or out of range; a ``completeDate`` while a value is missing
    or a rule fails. ``user`` None is the system (command line without ``--user``).
    With ``dry_run`` the checks and writes run and are rolled back.
    """
    place = nul_place(data)
    if place is not None:
        raise DataValueSetError(
            _("%(place)s holds a NUL character (code 0), which cannot be stored.") % {"place": place}
        )
    errors: list[str] = []
    notices: list[str] = []
    seen: set = set()
    plans = [
        p
        for raw in _sets(data)
        if (p := check_set(raw.path, raw.data, user, errors, seen, notices, raw.value_places)) is not None
    ]
    if errors:
        raise DataValueSetError(errors)
    result = ImportResult(dry_run=dry_run, notices=notices)
    with transaction.atomic():
        for item in plans:
            if item.unchanged:
                result.sets += 1
                result.ignored += len(item.values)
                continue
            submission = services.get_or_create_submission(item.period, item.unit, None)
            count_changes(result, submission.value_map(), item.values)
            try:
                saved = services.save_draft(submission, item.values, None, user, expected_version=None)
                result.warnings += [
                    f"{item.places.get((w.code, w.coc), item.path or '/')}: {w.message}"
                    for w in saved.warnings
                ]
                if item.history:
                    services.submit(
                        submission,
                        user,
                        at=item.complete_at,
                        source="history",
                        explanations=item.comments,
                        reason=_("Loaded history: submission date from the file's completeDate"),
                    )
                    result.submitted += 1
                elif item.complete_at is not None:
                    services.submit(
                        submission, user, at=item.complete_at, source="import", explanations=item.comments
                    )
                    result.submitted += 1
            except ReportingError as exc:
                raise DataValueSetError([f"{item.path or '/'}: {m}" for m in exc.messages]) from exc
            result.sets += 1
            result.values += sum(1 for v in item.values.values() if v != "")
            result.submissions.append(submission)
        if dry_run:
            transaction.set_rollback(True)
    return result


def count_changes(result: ImportResult, stored: dict, values: dict) -> None:
    """Count ``values`` against the ``stored`` ones as DHIS2 does: imported (new), updated (changed),
    ignored (the same), deleted (cleared)."""
    for key, value in values.items():
        old = stored.get(key, "")
        if value == old:
            result.ignored += 1
        elif value == "":
            result.deleted += 1
        elif old == "":
            result.imported += 1
        else:
            result.updated += 1
