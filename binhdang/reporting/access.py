"""Who sees and changes which reporting objects. Every reporting query goes through here.

Built on ``binhdang.accounts.access``:

- reporters see and fill the reports of the units they report for, while the period is open and not
  past its lock date;
- focal officers manage the periods of their province: open them, fill or correct any report,
  return, accept and reopen reports, see the status board, send reminders, import and export data;
- leaders read everything of their province (status board, reports, history) and change nothing;
- ministry viewers read figures of every province but not the narrative text (domain §10);
- anyone else sees nothing (views answer 404).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from binhdang.accounts import access as base
from binhdang.accounts.models import Role
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting.models import ExpectedReporter, Period, PeriodStatus, Submission


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def visible_periods(user) -> QuerySet[Period]:
    """Periods the user may see: of readable provinces, or where a unit of theirs is expected (or has
    a report).

    Built from the role grants already read for the request: plain id lists, and ``pk IN (subquery)``
    rather than joins over the reverse relations, so no row is repeated and no DISTINCT is needed
    (PostgreSQL plans it in a fraction of the time).
    """
    if not _active(user):
        return Period.objects.none()
    if base.sees_all_provinces(user):
        return Period.objects.all()
    provinces = sorted(base.readable_province_ids(user))
    units = sorted(base.reporting_unit_ids(user))
    where = Q()
    if provinces:
        where |= Q(province_id__in=provinces)
    if units:
        where |= Q(pk__in=ExpectedReporter.objects.filter(unit_id__in=units).values("period_id"))
        where |= Q(pk__in=Submission.objects.filter(unit_id__in=units).order_by().values("period_id"))
    if not where:
        return Period.objects.none()
    return Period.objects.filter(where)


def board_periods(user) -> QuerySet[Period]:
    """Periods whose status board the user may read (focal officers, leaders, ministry, admin)."""
    if not _active(user):
        return Period.objects.none()
    if base.sees_all_provinces(user):
        return Period.objects.all()
    provinces = sorted(base.readable_province_ids(user))
    return Period.objects.filter(province_id__in=provinces) if provinces else Period.objects.none()


def visible_submissions(user) -> QuerySet[Submission]:
    """Reports the user may open: of readable provinces, or of the units they report for."""
    if not _active(user):
        return Submission.objects.none()
    if base.sees_all_provinces(user):
        return Submission.objects.all()
    provinces = sorted(base.readable_province_ids(user))
    units = sorted(base.reporting_unit_ids(user))
    # A report has one period and one unit: filtering through them never repeats a row (no DISTINCT);
    # a branch whose id list is empty is left out (for a reporter: no join with the periods at all).
    where = Q()
    if provinces:
        where |= Q(period__province_id__in=provinces)
    if units:
        where |= Q(unit_id__in=units)
    if not where:
        return Submission.objects.none()
    return Submission.objects.filter(where)


def can_open_period(user, plan) -> bool:
    return base.manages_province(user, plan.province)


def can_manage_period(user, period: Period) -> bool:
    return base.manages_province_id(user, period.province_id)


def can_view_board(user, period: Period) -> bool:
    return base.reads_province_id(user, period.province_id)


def can_view_submission(user, submission: Submission) -> bool:
    return base.reads_province_id(user, submission.period.province_id) or base.reports_for_unit_id(
        user, submission.unit_id
    )


def can_see_narrative(user, submission: Submission) -> bool:
    """Narrative text may name people: only the unit, the focal agency and leaders read it."""
    if not _active(user):
        return False
    if user.is_superuser or base.reports_for_unit_id(user, submission.unit_id):
        return True
    province = submission.period.province_id
    return any(
        role in (Role.FOCAL_OFFICER, Role.LEADER) and unit == province for role, unit, _ in base.grants(user)
    )


def can_review_submission(user, submission: Submission) -> bool:
    """Return, accept, reopen: the focal officer of the province."""
    return base.manages_province_id(user, submission.period.province_id)


def can_edit_submission(user, submission: Submission) -> bool:
    """Change values, narrative and evidence, and submit.

    The report must be a draft or returned and its period open. The focal officer may always (e.g. to
    enter a report sent on paper); a reporter of the unit only until the period's lock date.
    """
    if not _active(user) or not submission.is_editable_state:
        return False
    period = submission.period
    if period.status != PeriodStatus.OPEN:
        return False
    if base.manages_province_id(user, period.province_id):
        return True
    return base.reports_for_unit_id(user, submission.unit_id) and not period.locked_for_reporters()


def edits_on_behalf(user, submission: Submission) -> bool:
    """The user may edit the report only as the province's focal officer, not as a reporter of its unit
    (the report page then shows a returned report read-only first: it is the unit's to correct)."""
    return can_edit_submission(user, submission) and not base.reports_for_unit_id(user, submission.unit_id)


def can_start_report(user, period: Period, unit: OrgUnit, *, expected: bool | None = None) -> bool:
    """May the user create the report of ``unit`` in ``period`` (the unit must be expected: ``expected``
    when the caller has read it already, else asked of the database)."""
    if not period.is_open:
        return False
    if expected is None:
        expected = period.expected_reporters.filter(unit=unit).exists()
    if not expected:
        return False
    if base.manages_province_id(user, period.province_id):
        return True
    return base.reports_for_unit_id(user, unit.pk) and not period.locked_for_reporters()


def can_submit_data_for(user, unit: OrgUnit) -> bool:
    """May the user import data values for ``unit`` (focal officer of its province, or its reporter)."""
    return base.manages_province_id(user, unit.province_id) or base.reports_for_unit_id(user, unit.pk)


def can_download_template(user, period: Period, unit: OrgUnit) -> bool:
    """May the user download the Excel template of ``unit`` in ``period`` (its reporter or the focal
    officer, for an expected unit of a period they can see)."""
    return (
        can_submit_data_for(user, unit)
        and visible_periods(user).filter(pk=period.pk).exists()
        and period.expected_reporters.filter(unit=unit).exists()
    )


def reporting_units(user) -> QuerySet[OrgUnit]:
    return base.reporting_units(user)


def managed_provinces(user) -> QuerySet[OrgUnit]:
    return base.managed_provinces(user)


def plans_for_opening(user):
    """Plans of the provinces the user manages that have a report form (communication, strategy)."""
    return (
        Plan.objects.filter(
            province__in=base.managed_provinces(user).values("pk"), program__in=("communication", "strategy")
        )
        .exclude(status="archived")
        .select_related("province")
        .order_by("province__name", "-period_end", "title")
    )


def province_units(period: Period) -> QuerySet[OrgUnit]:
    """Units that may be made expected reporters of ``period``: the active non-root units of its province."""
    return OrgUnit.objects.filter(province=period.province_id, is_active=True).exclude(type="province")


def manages_any_province(user) -> bool:
    return base.manages_any_province(user)


def reports_for_any_unit(user) -> bool:
    return base.reports_for_any_unit(user)
