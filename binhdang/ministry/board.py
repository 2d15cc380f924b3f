"""The ministry's board of the provinces for a year and programme: one row per province, with its
report's state, when it was sent and whether late, its units' completeness and timeliness (the
results engine's national roll-up) and its plan's status. A fixed number of queries whatever the
number of provinces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.core import sqlrows
from binhdang.ministry.models import MinistryReminder, ProvinceReport, ReportState
from binhdang.ministry.services import deadline_for
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.models import Plan, PlanStatus
from binhdang.reporting.models import Period
from binhdang.results.engine import plans_in_force
from binhdang.results.figures import PeriodFigures, PeriodSpec, period_figures
from binhdang.results.period_counts import FiguresOfAPeriod

NOT_SENT = "not_sent"
#: The board's states: not sent, then the report's states.
STATES = [(NOT_SENT, _("Not sent")), *ReportState.choices]
_STATE_LABELS = dict(STATES)


@dataclass(frozen=True)
class ProvinceFigures(FiguresOfAPeriod):
    """A province's plan in force and how its units reported that year: the results engine's counts
    (``figures.period_figures``, what the national roll-up shows), without the indicators."""

    plan: Plan
    figures: PeriodFigures | None


def _province_figures(year: int, program: str) -> list[tuple[OrgUnit, ProvinceFigures | None]]:
    """Every province (by name) with its plan in force for ``program`` and its units' reporting in
    ``year`` (None: no plan in force). Three queries and the engine's one; the board shows no indicator,
    so the indicators, targets and values the national roll-up reads are not read here."""
    plans = plans_in_force(program)
    periods = _annual_periods([plan.pk for plan in plans.values()], year)
    # Completeness and timeliness do not depend on the sessions threshold of a 1790 period.
    figures = period_figures([PeriodSpec(p.pk, p.deadline_end) for p in periods.values()])
    provinces = _provinces()
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
    connection = sqlrows.connection_for(Plan)
    q = connection.ops.quote_name
    plans = sqlrows.Columns(Plan, "pl", ("province_id", "status"))
    sql = (
        f"SELECT {plans.sql(connection)} FROM {plans.table(connection)}"
        f" WHERE pl.{q('program')} = %s AND pl.{q('level')} = %s"
    )
    for province_id, status in sqlrows.select(connection, sql, [program, "province"], [plans]):
        if status == PlanStatus.ACTIVE or (status == PlanStatus.DRAFT and province_id not in found):
            found[province_id] = status
    return found


def _annual_periods(plan_ids: list[int], year: int) -> dict[int, Period]:
    """{plan id: its annual period of ``year``} with the period's id, plan and deadline."""
    if not plan_ids:
        return {}
    connection = sqlrows.connection_for(Period)
    q = connection.ops.quote_name
    periods = sqlrows.Columns(Period, "p", ("id", "plan_id", "deadline"))
    sql = (
        f"SELECT {periods.sql(connection)} FROM {periods.table(connection)}"
        f" WHERE p.{q('plan_id')} IN ({sqlrows.marks(plan_ids)}) AND p.{q('year')} = %s"
        f" AND p.{q('kind')} = %s"
    )
    rows = sqlrows.select(connection, sql, [*plan_ids, year, "annual"], [periods])
    found = {}
    for row in rows:
        period = sqlrows.instance(Period, periods.attnames, row, connection.alias)
        found[period.plan_id] = period
    return found


def _provinces() -> list[OrgUnit]:
    """Every province by name, with its id, code, name and type."""
    connection = sqlrows.connection_for(OrgUnit)
    q = connection.ops.quote_name
    units = sqlrows.Columns(OrgUnit, "u", ("id", "code", "name", "type"))
    sql = (
        f"SELECT {units.sql(connection)} FROM {units.table(connection)}"
        f" WHERE u.{q('type')} = %s ORDER BY u.{q('name')} ASC"
    )
    rows = sqlrows.select(connection, sql, [OrgUnitType.PROVINCE], [units])
    return [sqlrows.instance(OrgUnit, units.attnames, row, connection.alias) for row in rows]


def _reports(year: int, program: str) -> tuple[dict[int, ProvinceReport], dict[int, dt.datetime]]:
    """Each province's latest report of ``year`` for ``program`` (its highest version: id, state, version,
    sent_at) and when it first sent one (the earliest sending of all its versions): one statement."""
    connection = sqlrows.connection_for(ProvinceReport)
    q = connection.ops.quote_name
    reports = sqlrows.Columns(
        ProvinceReport, "r", ("id", "province_id", "plan_id", "state", "version", "sent_at")
    )
    plans = sqlrows.Columns(Plan, "pl", ())
    sql = (
        f"SELECT {reports.sql(connection)} FROM {reports.table(connection)}"
        f" INNER JOIN {plans.table(connection)} ON r.{q('plan_id')} = pl.{q('id')}"
        f" WHERE r.{q('year')} = %s AND pl.{q('program')} = %s"
        f" ORDER BY r.{q('province_id')} ASC, r.{q('version')} DESC"
    )
    latest: dict[int, ProvinceReport] = {}
    first: dict[int, dt.datetime] = {}
    for row in sqlrows.select(connection, sql, [year, program], [reports]):
        report = sqlrows.instance(ProvinceReport, reports.attnames, row, connection.alias)
        latest.setdefault(report.province_id, report)
        if report.sent_at is not None and (
            report.province_id not in first or report.sent_at < first[report.province_id]
        ):
            first[report.province_id] = report.sent_at
    return latest, first


def _reminded(year: int) -> dict[int, dt.datetime]:
    """{province id: when the ministry last reminded it for ``year``}."""
    connection = sqlrows.connection_for(MinistryReminder)
    q = connection.ops.quote_name
    reminders = sqlrows.Columns(MinistryReminder, "m", ("province_id", "sent_at"))
    sql = (
        f"SELECT m.{q('province_id')}, MAX(m.{q('sent_at')}) FROM {reminders.table(connection)}"
        f" WHERE m.{q('year')} = %s GROUP BY m.{q('province_id')}"
    )
    return dict(sqlrows.select(connection, sql, [year], [reminders]))


def build(year: int, program: str, today: dt.date | None = None) -> Board:
    """The board of ``year`` for ``program``."""
    today = today or timezone.localdate()
    deadline = deadline_for(year)
    by_province = _province_figures(year, program)
    statuses = _plan_statuses(program)
    latest, first = _reports(year, program)
    reminded = _reminded(year)
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
