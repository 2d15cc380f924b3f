"""The export of a period's reports as data value sets (``{"dataValueSets": [...]}``, domain README
section 9): the filters checked from text (command line, query string) and the sets themselves, one per
report with values or submitted, values in form order, the unit's explanation of a flagged value as its
``comment``. The import is :mod:`reporting.datavaluesets`; DHIS2's and ADX's shapes are
:mod:`reporting.dhis2`."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.datavaluesets import DataValueSetError
from binhdang.reporting.forms_catalog import form_for_period
from binhdang.reporting.models import Period, State
from binhdang.reporting.models.periods import LOCAL_TZ
from binhdang.reporting.outliers import note_key


@dataclass(frozen=True)
class ExportFilters:
    """The checked filters of an export: the units to keep (None: all) and the report state (None: all)."""

    units: list[OrgUnit] | None = None
    state: str | None = None


def export_filters(period: Period, unit_code: str | None = None, state: str | None = None) -> ExportFilters:
    """Check the export filters given as text (command line, query string).

    ``unit_code``: the code of a unit of the period's province; ``state``: a report state (``draft``,
    ``submitted``, ``returned``, ``accepted``). Empty means no filter. An unknown unit or state raises
    :class:`DataValueSetError` naming it and what is accepted.
    """
    errors = []
    units = None
    if unit_code:
        unit = OrgUnit.objects.filter(code=unit_code, province_id=period.province_id).first()
        if unit is None:
            errors.append(
                _('unit: no unit of %(province)s has the code "%(code)s".')
                % {"province": period.province.name, "code": unit_code}
            )
        else:
            units = [unit]
    if state and state not in State.values:
        errors.append(
            _('status: "%(value)s" is not a report state (expected %(known)s).')
            % {"value": state, "known": ", ".join(State.values)}
        )
    if errors:
        raise DataValueSetError(errors)
    return ExportFilters(units, state or None)


def export_data_value_sets(period: Period, units=None, state: str | None = None) -> dict:
    """The period's reports as ``{"dataValueSets": [...]}``, one set per report that has values or was
    submitted (``units``: restrict to these units; ``state``: to reports in this state). Ordered by
    unit code, values in form order."""
    form = form_for_period(period)
    order = {key: i for i, key in enumerate(form.value_keys())}
    submissions = period.submissions.select_related("unit").prefetch_related("values").order_by("unit__code")
    if units is not None:
        submissions = submissions.filter(unit__in=units)
    if state is not None:
        submissions = submissions.filter(state=state)
    sets = []
    for submission in submissions:
        values = sorted(
            submission.values.all(),
            key=lambda v: order.get((v.data_element, v.category_option_combo), len(order)),
        )
        if not values and submission.state == State.DRAFT:
            continue
        entry: dict[str, object] = {
            "dataSet": period.form_code,
            "period": period.iso_period or str(period.year),
            "orgUnit": submission.unit.code,
        }
        if submission.is_complete and submission.first_submitted_at:
            entry["completeDate"] = (
                timezone.localtime(submission.first_submitted_at, LOCAL_TZ).date().isoformat()
            )
        notes = submission.outlier_notes or {}
        entry["dataValues"] = [
            {
                "dataElement": v.data_element,
                **({"categoryOptionCombo": v.category_option_combo} if v.category_option_combo else {}),
                "value": v.value,
                **_comment_of(notes, v),
            }
            for v in values
        ]
        sets.append(entry)
    return {"dataValueSets": sets}


def _comment_of(notes: dict, value) -> dict:
    """``{"comment": ...}`` when the unit explained this (flagged) value, as it is now."""
    note = notes.get(note_key(value.data_element, value.category_option_combo)) or {}
    return {"comment": note["note"]} if note.get("note") and note.get("value") == value.value else {}
