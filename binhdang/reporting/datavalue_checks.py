"""Checking one set of a data value set file (:mod:`binhdang.reporting.datavaluesets`, the contract)
before anything is written: its form, period (DHIS2 ISO: ``2026``, ``2026Q1``, ``202603``), unit and the
user's right to report for it, its ``completeDate`` (kept in the past only when history is loaded), a
report already submitted or accepted (accepted unchanged, else refused), and each data value against the
form. Every problem is appended to ``errors`` with its place in the file; a set without one comes back as
a :class:`SetPlan`, ready to write.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.accounts import access as base_access
from binhdang.core.text import clip
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access
from binhdang.reporting.forms_catalog import (
    DEFAULT_COC,
    EXPORT_ONLY_DATASETS,
    STATIC_FORMS,
    STRATEGY_FORM_CODE,
    form_for_period,
)
from binhdang.reporting.models import Period, PeriodKind, PeriodStatus, Submission
from binhdang.reporting.models.periods import LOCAL_TZ
from binhdang.reporting.validation import InvalidValue, normalize, submit_errors

KNOWN_DATASETS = (*STATIC_FORMS, STRATEGY_FORM_CODE)
#: DHIS2 ISO periods read: a year (2026), a quarter (2026Q1) or a month (202603).
_ISO_PERIOD = re.compile(r"^(\d{4})(?:Q([1-4])|(0[1-9]|1[0-2]))?$")


def parse_iso_period(text: str) -> tuple[int, str, int] | None:
    """``(year, kind, sequence)`` of a DHIS2 ISO period: ``2026`` annual, ``2026Q1`` the first quarter,
    ``202603`` March; None for anything else."""
    match = _ISO_PERIOD.match(text)
    if match is None:
        return None
    year, quarter, month = match.groups()
    if quarter:
        return int(year), PeriodKind.QUARTERLY, int(quarter)
    if month:
        return int(year), PeriodKind.MONTHLY, int(month)
    return int(year), PeriodKind.ANNUAL, 0


@dataclass
class SetPlan:
    """One set, checked and ready to write."""

    path: str
    period: Period
    unit: OrgUnit
    values: dict[tuple[str, str], str]
    complete_at: dt.datetime | None
    #: A value's ``comment`` (as in DHIS2): the explanation of a value flagged as unusual.
    comments: dict[tuple[str, str], str] = field(default_factory=dict)
    #: The completeDate is in the past and kept: a focal officer, an admin or the system loads history.
    history: bool = False
    #: the report is submitted or accepted and every value is already stored as given: nothing to do
    unchanged: bool = False
    #: place in the file of each value, by key (for the import summary)
    places: dict[tuple[str, str], str] = field(default_factory=dict)


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _complete_at(text: str) -> dt.datetime:
    day = dt.date.fromisoformat(text)
    today = timezone.localdate()
    if day == today:
        return timezone.now()
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=LOCAL_TZ)


def loads_history(user, unit: OrgUnit) -> bool:
    """Whether ``user`` may give a report a submission date in the past (a data value set's
    ``completeDate``): the system (None), an admin, or a focal officer of the unit's province."""
    return user is None or user.is_superuser or base_access.manages_province(user, unit.province)


def _dated(path: str, complete_at: dt.datetime | None, user, unit: OrgUnit, notices: list[str]):
    """``(submission time, loads history)`` for a set's completeDate (see the module docstring)."""
    if complete_at is None or timezone.localtime(complete_at, LOCAL_TZ).date() >= timezone.localdate():
        return complete_at, False
    if loads_history(user, unit):
        return complete_at, True
    now = timezone.now()
    notices.append(
        _(
            "%(path)s: %(unit)s's report is submitted now (%(now)s), not on %(day)s as the file says: "
            "only the focal officer loading history may give an earlier date."
        )
        % {
            "path": _at(path, "completeDate"),
            "unit": unit.name,
            "now": date_format(timezone.localtime(now, LOCAL_TZ), "d/m/Y H:i"),
            "day": date_format(timezone.localtime(complete_at, LOCAL_TZ).date(), "d/m/Y"),
        }
    )
    return now, False


def _find_period(
    dataset: str, year: int, unit: OrgUnit, kind: str = PeriodKind.ANNUAL, sequence: int = 0
) -> Period | None:
    candidates = list(
        Period.objects.filter(
            form_code=dataset,
            year=year,
            kind=kind,
            sequence=sequence,
            province_id=unit.province_id,
            expected_reporters__unit=unit,
        ).order_by("-status", "-pk")
    )
    open_ones = [p for p in candidates if p.status == PeriodStatus.OPEN]
    if open_ones:
        return open_ones[0]
    return candidates[0] if candidates else None


def check_set(
    path: str, raw, user, errors: list[str], seen: set, notices: list[str], places: list[str] | None = None
) -> SetPlan | None:
    """The set ``raw`` found at ``path`` in the file, checked for ``user`` (None: the system), or None
    when a problem was appended to ``errors``. ``seen`` holds the (unit, form, period) of the sets
    before it (a second one is refused); ``notices`` gets what will be done otherwise than the file
    says; ``places`` are the places of its data values in the file (ADX, DHIS2), when not
    ``<path>.dataValues[i]``."""
    if not isinstance(raw, dict):
        errors.append(_("%(path)s: must be a JSON object.") % {"path": path or "/"})
        return None
    before = len(errors)
    dataset = raw.get("dataSet")
    if dataset in EXPORT_ONLY_DATASETS:
        errors.append(
            _(
                "%(path)s: the %(code)s data set is for export only (the activity log's totals and planned "
                "funds); it cannot be imported as a report. Enter activities in the activity log."
            )
            % {"path": _at(path, "dataSet"), "code": dataset}
        )
    elif dataset not in KNOWN_DATASETS:
        errors.append(
            _('%(path)s: unknown form "%(code)s" (expected %(known)s).')
            % {"path": _at(path, "dataSet"), "code": dataset, "known": ", ".join(KNOWN_DATASETS)}
        )
    period_text = str(raw.get("period", ""))
    if parse_iso_period(period_text) is None:
        errors.append(
            _(
                '%(path)s: "%(value)s" is not a period (a year such as 2026, a quarter 2026Q1, a month 202603).'
            )
            % {"path": _at(path, "period"), "value": period_text}
        )
    unit = OrgUnit.objects.filter(code=str(raw.get("orgUnit", ""))).first()
    if unit is None:
        errors.append(
            _('%(path)s: no organisation unit has the code "%(code)s".')
            % {"path": _at(path, "orgUnit"), "code": raw.get("orgUnit", "")}
        )
    elif user is not None and not access.can_submit_data_for(user, unit):
        home = base_access.home_province(user)
        if home is not None and unit.province_id != home.pk:
            errors.append(
                _("%(path)s: %(unit)s belongs to another province than yours.")
                % {"path": _at(path, "orgUnit"), "unit": unit.name}
            )
        else:
            errors.append(
                _("%(path)s: you cannot report for %(unit)s.")
                % {"path": _at(path, "orgUnit"), "unit": unit.name}
            )
    complete_at = None
    if raw.get("completeDate") not in (None, ""):
        try:
            complete_at = _complete_at(str(raw["completeDate"]))
        except ValueError:
            errors.append(
                _('%(path)s: "%(value)s" is not a date (YYYY-MM-DD).')
                % {"path": _at(path, "completeDate"), "value": clip(raw["completeDate"])}
            )
        else:
            if timezone.localtime(complete_at, LOCAL_TZ).date() > timezone.localdate():
                errors.append(
                    _("%(path)s: %(day)s is in the future; a report is submitted at the latest today.")
                    % {"path": _at(path, "completeDate"), "day": date_format(complete_at.date(), "d/m/Y")}
                )
    data_values = raw.get("dataValues")
    if not isinstance(data_values, list):
        errors.append(_("%(path)s: must be a list.") % {"path": _at(path, "dataValues")})
    if len(errors) > before or unit is None:
        return None
    dataset = str(dataset)
    year, kind, sequence = parse_iso_period(period_text) or (0, PeriodKind.ANNUAL, 0)
    if (unit.pk, dataset, period_text) in seen:
        errors.append(
            _("%(path)s: a second set for %(unit)s, %(year)s in the same file.")
            % {"path": path or "/", "unit": unit.name, "year": year}
        )
        return None
    seen.add((unit.pk, dataset, period_text))
    period = _find_period(dataset, year, unit, kind, sequence)
    if period is None:
        errors.append(
            _("%(path)s: no %(form)s reporting period %(year)s is open for %(unit)s.")
            % {"path": _at(path, "period"), "form": dataset, "year": period_text, "unit": unit.name}
        )
        return None
    if period.status != PeriodStatus.OPEN:
        errors.append(
            _("%(path)s: the %(form)s reporting period %(year)s is closed.")
            % {"path": _at(path, "period"), "form": dataset, "year": year}
        )
        return None
    complete_at, history = _dated(path, complete_at, user, unit, notices)
    if complete_at is not None and timezone.localtime(complete_at, LOCAL_TZ).date() < period.cutoff_start:
        errors.append(
            _("%(path)s: %(day)s is before the reporting period (its data start on %(start)s).")
            % {
                "path": _at(path, "completeDate"),
                "day": date_format(complete_at.date(), "d/m/Y"),
                "start": date_format(period.cutoff_start, "d/m/Y"),
            }
        )
        return None
    submission = Submission.objects.filter(period=period, unit=unit).first()
    if submission is not None and not submission.is_editable_state:
        return frozen_set_plan(path, period, unit, submission, data_values, places, errors)
    if (
        user is not None
        and not base_access.manages_province(user, unit.province)
        and period.locked_for_reporters()
    ):
        errors.append(
            _("%(path)s: the period was locked on %(day)s.")
            % {"path": _at(path, "period"), "day": date_format(period.lock_date or period.deadline, "d/m/Y")}
        )
        return None
    values, elements, keyed = _period_values(path, period, unit, data_values, errors, places)
    if values is None:
        return None
    if complete_at is not None:
        merged = {**(submission.value_map() if submission else {}), **values}
        merged = {k: v for k, v in merged.items() if v != ""}
        for issue in submit_errors(elements, merged):
            errors.append(
                _("%(path)s: cannot be submitted: %(issue)s")
                % {"path": _at(path, "completeDate"), "issue": issue}
            )
    return SetPlan(path, period, unit, values, complete_at, _comments(data_values), history, places=keyed)


def _comments(data_values) -> dict[tuple[str, str], str]:
    """The ``comment`` of each data value that has one (text, at most 2000 characters kept)."""
    comments = {}
    for item in data_values or []:
        if isinstance(item, dict) and isinstance(item.get("comment"), str) and item["comment"].strip():
            coc = str(item.get("categoryOptionCombo") or "")
            key = (str(item.get("dataElement", "")), DEFAULT_COC if coc.lower() == "default" else coc)
            comments[key] = item["comment"].strip()[:2000]
    return comments


def frozen_set_plan(path, period, unit, submission, data_values, places, errors) -> SetPlan | None:
    """A set for a report already submitted or accepted: accepted (and ignored) when every value is
    stored exactly as given, as DHIS2 does; else refused, naming each value that would change."""
    values, elements, keyed = _period_values(path, period, unit, data_values, errors, places)
    if values is None:
        return None
    stored = submission.value_map()
    changed = [key for key, value in values.items() if stored.get(key, "") != value]
    if not changed:
        return SetPlan(path, period, unit, values, None, unchanged=True, places=keyed)
    state = submission.get_state_display().lower()
    errors.append(
        _("%(path)s: the report of %(unit)s is %(state)s and can no longer be changed.")
        % {"path": path or "/", "unit": unit.name, "state": state}
    )
    for key in changed:
        errors.append(
            _("%(path)s: %(label)s would change from “%(old)s” to “%(new)s” in a report that is %(state)s.")
            % {
                "path": f"{keyed[key]}.value",
                "label": next(e for e in elements if e.code == key[0]).message_label(key[1]),
                "old": stored.get(key, ""),
                "new": values[key],
                "state": state,
            }
        )
    return None


def _period_values(path, period, unit, data_values, errors, places) -> tuple[dict | None, list, dict]:
    """The data values of a set checked against the unit's form of ``period`` (None when a problem was
    appended to ``errors``), the form's elements for the unit, and each value's place in the file."""
    form = form_for_period(period)
    elements = form.elements_for(unit, period.focal_unit)
    keyed: dict = {}
    values = _check_values(_at(path, "dataValues"), data_values, form, elements, unit, errors, places, keyed)
    return values, elements, keyed


def _check_values(path, data_values, form, elements, unit, errors, places=None, keyed=None) -> dict | None:
    by_code = {e.code: e for e in elements}
    values: dict[tuple[str, str], str] = {}
    before = len(errors)
    for index, item in enumerate(data_values):
        where = places[index] if places else f"{path}[{index}]"
        if not isinstance(item, dict):
            errors.append(_("%(path)s: must be a JSON object.") % {"path": where})
            continue
        code = str(item.get("dataElement", ""))
        coc = str(item.get("categoryOptionCombo") or "")
        coc = DEFAULT_COC if coc.lower() == "default" else coc
        element = by_code.get(code)
        if element is None:
            if form.element(code) is not None:
                errors.append(
                    _('%(path)s: "%(code)s" is not reported by %(unit)s.')
                    % {"path": f"{where}.dataElement", "code": code, "unit": unit.name}
                )
            else:
                errors.append(
                    _('%(path)s: unknown data element "%(code)s" in form %(form)s.')
                    % {"path": f"{where}.dataElement", "code": code, "form": form.code}
                )
            continue
        if coc not in element.category_options:
            errors.append(
                _('%(path)s: "%(coc)s" is not a category option of %(code)s (expected %(expected)s).')
                % {
                    "path": f"{where}.categoryOptionCombo",
                    "coc": coc or "default",
                    "code": code,
                    "expected": ", ".join(c or "default" for c in element.category_options),
                }
            )
            continue
        if (code, coc) in values:
            errors.append(
                _("%(path)s: %(code)s %(coc)s is given twice.") % {"path": where, "code": code, "coc": coc}
            )
            continue
        raw = item.get("value")
        if isinstance(raw, bool):
            raw = "true" if raw else "false"
        if keyed is not None:
            keyed[(code, coc)] = where
        try:
            values[(code, coc)] = normalize(element, coc, "" if raw is None else str(raw))
        except InvalidValue as exc:
            errors.append(
                _('%(path)s: %(label)s: "%(value)s" %(reason)s.')
                % {
                    "path": f"{where}.value",
                    "label": element.message_label(coc),
                    "value": clip(raw),
                    "reason": exc,
                }
            )
    return None if len(errors) > before else values
