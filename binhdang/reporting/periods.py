"""Period workflows: open a plan's reporting year, its expected reporters, dates, close and reopen.

Each function runs in one transaction; ``user`` None is the system (command line, demo) and skips the
access checks. Re-exported by :mod:`reporting.services`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.core import audit, formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, expected, forms_catalog, plan_adapter
from binhdang.reporting.errors import AccessDenied, ReportingError
from binhdang.reporting.models import ExpectedReporter, Period, PeriodStatus


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AccessDenied(message)


def default_cutoff(year: int) -> tuple[dt.date, dt.date]:
    """Annual data cutoff of Nghị định 09/2019: 15/12 of the previous year to 14/12 of ``year``."""
    return dt.date(year - 1, 12, 15), dt.date(year, 12, 14)


def default_expected_units(plan, year: int | None = None) -> QuerySet[OrgUnit]:
    """Units expected to report by default (domain §6): every active department, mass organisation,
    media agency and commune of the plan's province. For a strategy plan, the units its reporting
    section names for ``year`` plus the responsible agencies of its indicators (:mod:`expected`)."""
    if year is None:
        year = plan.period_start or plan.period_end or 0
    return expected.expected_units(plan, year)


def plan_covers_year(plan, year: int) -> bool:
    """Whether ``year`` lies in the plan's span (``period_start``-``period_end``, both included).

    A plan that states no span (an old import) accepts any valid year; one that states a single year
    covers that year only.
    """
    start, end = plan.period_start or plan.period_end, plan.period_end or plan.period_start
    return start is None or start <= year <= end


@transaction.atomic
def open_period(
    plan,
    year: int,
    user: User | None,
    *,
    deadline: dt.date | None = None,
    cutoff_start: dt.date | None = None,
    cutoff_end: dt.date | None = None,
    lock_date: dt.date | None = None,
    expected_units: Iterable[OrgUnit] | None = None,
) -> Period:
    """Open the reporting year ``year`` of ``plan``.

    Defaults: cutoff 15/12 of the previous year to 14/12; deadline from the plan's reporting
    obligation (:func:`plan_adapter.unit_deadline`), else the cutoff end; lock date the later of the
    deadline and the cutoff end; expected reporters :func:`default_expected_units`.
    """
    if user is not None:
        _require(access.can_open_period(user, plan), _("You cannot open a period for this plan."))
    form_code = forms_catalog.form_code_for(plan)
    errors = []
    if form_code is None:
        errors.append(
            _("This plan has no report form: only communication and strategy plans are reported on.")
        )
    if not 2000 <= int(year) <= 2100:
        errors.append(_("Year: %(year)s is not a valid year.") % {"year": year})
    elif not plan_covers_year(plan, int(year)):
        errors.append(
            _(
                "Year: %(year)s is outside the plan's period %(start)s - %(end)s; "
                "open a reporting year from %(start)s to %(end)s."
            )
            % {
                "year": year,
                "start": plan.period_start or plan.period_end,
                "end": plan.period_end or plan.period_start,
            }
        )
    if errors:
        raise ReportingError(errors)
    default_start, default_end = default_cutoff(year)
    cutoff_start, cutoff_end = cutoff_start or default_start, cutoff_end or default_end
    deadline = deadline or plan_adapter.unit_deadline(plan, year) or cutoff_end
    lock_date = lock_date or max(deadline, cutoff_end)
    if cutoff_start > cutoff_end:
        errors.append(_("Data cutoff: the start date must not be after the end date."))
    if lock_date < deadline:
        errors.append(
            _("Lock date: must not be before the deadline (%(deadline)s).")
            % {"deadline": formatting.date(deadline)}
        )
    if Period.objects.filter(plan=plan, year=year, kind="annual").exists():
        errors.append(_("The %(year)s reporting period of this plan is already open.") % {"year": year})
    if errors or form_code is None:
        raise ReportingError(errors)
    period = Period(
        plan=plan,
        province=plan.province,
        year=year,
        form_code=form_code,
        cutoff_start=cutoff_start,
        cutoff_end=cutoff_end,
        deadline=deadline,
        lock_date=lock_date,
        opened_by=user,
        focal_unit=plan_adapter.focal_unit(plan),
    )
    audit.by(period, user)
    period.save()
    units = list(default_expected_units(plan, year) if expected_units is None else expected_units)
    _check_units_in_province(period, units)
    ExpectedReporter.objects.bulk_create([ExpectedReporter(period=period, unit=u) for u in units])
    return period


def _check_units_in_province(period: Period, units: Iterable[OrgUnit]) -> None:
    foreign = [u.name for u in units if u.province_id != period.province_id]
    if foreign:
        raise ReportingError(
            _("These units are not in the plan's province: %(names)s") % {"names": ", ".join(foreign)}
        )


@transaction.atomic
def set_expected_reporters(period: Period, units: Iterable[OrgUnit], user: User | None) -> tuple[int, int]:
    """Make ``units`` the expected reporters of ``period``; returns ``(added, removed)``.

    A unit that already has a report cannot be removed (its report would vanish from the board).
    """
    if user is not None:
        _require(access.can_manage_period(user, period), _("You cannot change this period."))
    wanted = {u.pk: u for u in units}
    _check_units_in_province(period, wanted.values())
    current = {e.unit_id: e for e in period.expected_reporters.all()}
    removed_ids = set(current) - set(wanted)
    started = set(period.submissions.filter(unit_id__in=removed_ids).values_list("unit__name", flat=True))
    if started:
        raise ReportingError(
            _("These units have already started their report and stay expected: %(names)s")
            % {"names": ", ".join(sorted(started))}
        )
    for unit_id in removed_ids:
        entry = current[unit_id]
        audit.by(entry, user)
        entry.delete()
    added = 0
    for unit_id, unit in wanted.items():
        if unit_id not in current:
            entry = ExpectedReporter(period=period, unit=unit)
            audit.by(entry, user)
            entry.save()
            added += 1
    return added, len(removed_ids)


@transaction.atomic
def update_period(
    period: Period,
    user: User | None,
    *,
    deadline: dt.date,
    lock_date: dt.date | None,
    cutoff_start: dt.date,
    cutoff_end: dt.date,
) -> Period:
    """Change a period's dates (focal officer)."""
    if user is not None:
        _require(access.can_manage_period(user, period), _("You cannot change this period."))
    errors = []
    if cutoff_start > cutoff_end:
        errors.append(_("Data cutoff: the start date must not be after the end date."))
    if lock_date is not None and lock_date < deadline:
        errors.append(
            _("Lock date: must not be before the deadline (%(deadline)s).")
            % {"deadline": formatting.date(deadline)}
        )
    if errors:
        raise ReportingError(errors)
    period.deadline, period.lock_date = deadline, lock_date
    period.cutoff_start, period.cutoff_end = cutoff_start, cutoff_end
    audit.by(period, user)
    period.save()
    return period


def _set_period_status(period: Period, user: User | None, status: str) -> Period:
    if user is not None:
        _require(access.can_manage_period(user, period), _("You cannot change this period."))
    period.status = status
    audit.by(period, user)
    period.save(update_fields=["status"])
    return period


@transaction.atomic
def close_period(period: Period, user: User | None) -> Period:
    """Close a period: no report of it can change any more."""
    return _set_period_status(period, user, PeriodStatus.CLOSED)


@transaction.atomic
def reopen_period(period: Period, user: User | None) -> Period:
    return _set_period_status(period, user, PeriodStatus.OPEN)
