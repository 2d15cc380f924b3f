"""The year's calendar of a plan (deadlines and campaigns), and the deadlines a unit must meet.

``obligations_for_unit(unit, year)`` is what the reporting app asks: the reporting deadlines that
fall on ``unit`` in ``year`` under the plans in force of its province, sorted by date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from binhdang.core.formatting import date as vn_date
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan, PlanStatus, ReportingObligation


@dataclass(frozen=True)
class CalendarEntry:
    """One line of a plan's calendar: a reporting deadline or a campaign (a day or a period)."""

    start: date
    end: date
    kind: str  # "deadline" or "campaign"
    title: str
    detail: str
    source: str
    plan: Plan

    @property
    def is_period(self) -> bool:
        return self.end != self.start

    @property
    def when(self) -> str:
        """ "30/11/2026", or "15/11/2026 - 15/12/2026" for a period."""
        return f"{vn_date(self.start)} - {vn_date(self.end)}" if self.is_period else vn_date(self.start)


@dataclass(frozen=True)
class DueObligation:
    obligation: ReportingObligation
    deadline: date

    @property
    def plan(self) -> Plan:
        return self.obligation.plan


def _deadline_title(obligation: ReportingObligation) -> str:
    receivers = ", ".join(obligation.receivers)
    reporter = obligation.reporter_unit.name if obligation.reporter_unit else obligation.reporter_text
    if reporter and receivers:
        return _("%(reporter)s report to %(receivers)s") % {"reporter": reporter, "receivers": receivers}
    if receivers:
        return _("Report to %(receivers)s") % {"receivers": receivers}
    return _("Report on the plan")


def plan_calendar(plan: Plan, year: int) -> list[CalendarEntry]:
    """The plan's deadlines and campaigns in ``year``, sorted by date."""
    entries = []
    for obligation in plan.obligations.select_related("reporter_unit"):
        deadline = obligation.deadline_in(year)
        if deadline is None:
            continue
        detail = _("every year") if obligation.recurrence == "annual" else _("once")
        entries.append(
            CalendarEntry(
                deadline,
                deadline,
                "deadline",
                _deadline_title(obligation),
                str(detail),
                obligation.source,
                plan,
            )
        )
    for campaign in plan.campaigns.all():
        start, end = campaign.dates_in(year)
        entries.append(CalendarEntry(start, end, "campaign", campaign.name, "", campaign.source, plan))
    entries.sort(key=lambda e: (e.start, e.kind != "deadline", e.end, e.title))
    return entries


def calendar_years(plan: Plan) -> list[int]:
    """The years one can pick on the plan's calendar page."""
    start = plan.period_start or 2026
    end = plan.period_end or max(start, 2030)
    return list(range(start, max(start, end) + 1))


def obligations_for_unit(unit: OrgUnit, year: int, *, plans=None) -> list[DueObligation]:
    """Deadlines ``unit`` must meet in ``year`` under the plans in force of its province, by date.

    ``plans`` narrows the plans considered (a queryset); by default every plan in force.
    """
    if unit.province_id is None:
        return []
    queryset = plans if plans is not None else Plan.objects.filter(status=PlanStatus.ACTIVE)
    obligations = ReportingObligation.objects.filter(
        plan__in=queryset.filter(province_id=unit.province_id)
    ).select_related("plan", "reporter_unit")
    due = []
    for obligation in obligations:
        deadline = obligation.deadline_in(year)
        if deadline is not None and obligation.covers(unit):
            due.append(DueObligation(obligation, deadline))
    due.sort(key=lambda d: (d.deadline, d.obligation.plan_id, d.obligation.order))
    return due
