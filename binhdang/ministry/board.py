"""The ministry's board of the provinces for a year and programme: one row per province, with its
report's state, when it was sent and whether late, its units' completeness and timeliness (the
results engine's national roll-up) and its plan's status. A fixed number of queries whatever the
number of provinces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.ministry.models import MinistryReminder, ProvinceReport, ReportState
from binhdang.ministry.services import deadline_for
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan, PlanStatus
from binhdang.reporting.models import Period
from binhdang.results import catalog_rules as rules
from binhdang.results.engine import plans_in_force
from binhdang.results.period_counts import FiguresOfAPeriod

NOT_SENT = "not_sent"
#: The board's states: not sent, then the report's states.
STATES = [(NOT_SENT, _("Not sent")), *ReportState.choices]
_STATE_LABELS = dict(STATES)


@dataclass(frozen=True)
class ProvinceFigures(FiguresOfAPeriod):
    """A province's plan in force and how its units reported that year: the results engine's counts
    (``catalog_rules.period_figures``, what the national roll-up shows), without the indicators."""

    plan: Plan
    figures: rules.PeriodFigures | None


def _province_figures(year: int, program: str) -> list[tuple[OrgUnit, ProvinceFigures | None]]:
    """Every province (by name) with its plan in force for ``program`` and its units' reporting in
    ``year`` (None: no plan in force). Three queries and the engine's one; the board shows no indicator,
    so the indicators, targets and values the national roll-up reads are not read here."""
    plans = plans_in_force(program)
    periods = {
        p.plan_id: p
        for p in Period.objects.filter(
            plan_id__in=[plan.pk for plan in plans.values()], year=year, kind="annual"
        ).only("id", "plan", "deadline")
    }
    # Completeness and timeliness do not depend on the sessions threshold of a 1790 period.
    figures = rules.period_figures([rules.PeriodSpec(p.pk, p.deadline_end) for p in periods.values()])
    provinces = OrgUnit.objects.provinces().only("id", "code", "name", "type").order_by("name")
    rows = []
    for province in provinces:
        plan = plans.get(province.pk)
        period = periods.get(plan.pk) if plan is not None else None
        found = figures.get(period.pk) if period is not None else None
        rows.append((province, ProvinceFigures(plan, found) if plan is not None else None))
    return rows


@dataclass
class BoardRow:
    province: OrgUnit
    plan: Plan | None
    #: "active", "draft" or "" (no plan of the programme).
    plan_status: str
    report: ProvinceReport | None
    first_sent_at: dt.datetime | None
    results: ProvinceFigures | None
    deadline: dt.date
    today: dt.date
    #: When the ministry last reminded the province for this year (None: never).
    reminded_at: dt.datetime | None = None

    @cached_property
    def state(self) -> str:
        return self.report.state if self.report else NOT_SENT

    @cached_property
    def state_label(self) -> str:
        return str(_STATE_LABELS[self.state])

    @cached_property
    def sent_day(self) -> dt.date | None:
        """The day of the first sending (a sending again after a return keeps the first day)."""
        return timezone.localdate(self.first_sent_at) if self.first_sent_at else None

    @cached_property
    def late(self) -> bool:
        """Sent after the deadline, or not sent and the deadline day is over."""
        if self.sent_day is not None:
            return self.sent_day > self.deadline
        return self.plan is not None and self.today > self.deadline

    @cached_property
    def remindable(self) -> bool:
        return self.plan is not None and self.state in (NOT_SENT, ReportState.RETURNED)


@dataclass
class Board:
    year: int
    program: str
    deadline: dt.date
    rows: list[BoardRow]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    @property
    def late_count(self) -> int:
        return sum(1 for row in self.rows if row.late)

    def filtered(self, state: str = "", late: bool = False) -> list[BoardRow]:
        return [r for r in self.rows if (not state or r.state == state) and (not late or r.late)]


def _plan_statuses(program: str) -> dict[int, str]:
    """{province id: "active" when it has a plan in force, else "draft" when it has a draft}."""
    found: dict[int, str] = {}
    rows = Plan.objects.filter(program=program, level="province").values_list("province_id", "status")
    for province_id, status in rows:
        if status == PlanStatus.ACTIVE or (status == PlanStatus.DRAFT and province_id not in found):
            found[province_id] = status
    return found


def build(year: int, program: str, today: dt.date | None = None) -> Board:
    """The board of ``year`` for ``program``."""
    today = today or timezone.localdate()
    deadline = deadline_for(year)
    by_province = _province_figures(year, program)
    statuses = _plan_statuses(program)
    reports = ProvinceReport.objects.filter(year=year, plan__program=program).order_by(
        "province_id", "-version"
    )
    latest: dict[int, ProvinceReport] = {}
    for report in reports.select_related("sent_by"):
        latest.setdefault(report.province_id, report)
    first = dict(
        ProvinceReport.objects.filter(year=year, plan__program=program)
        .values("province_id")
        .annotate(first=Min("sent_at"))
        .values_list("province_id", "first")
    )
    reminded = dict(
        MinistryReminder.objects.filter(year=year)
        .values("province_id")
        .annotate(last=Max("sent_at"))
        .values_list("province_id", "last")
    )
    rows = []
    for province, results in by_province:
        plan = results.plan if results is not None else None
        rows.append(
            BoardRow(
                province=province,
                plan=plan,
                plan_status=statuses.get(province.pk, ""),
                report=latest.get(province.pk),
                first_sent_at=first.get(province.pk),
                results=results,
                deadline=deadline,
                today=today,
                reminded_at=reminded.get(province.pk),
            )
        )
    return Board(year, program, deadline, rows)
