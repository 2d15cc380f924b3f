"""What the home pages show about reporting.

- :func:`due_items(user)`: the reports a reporter has to do (for ``portal.home``'s reporter home);
- :func:`period_summaries(user)`: the periods a focal officer, leader or ministry viewer follows,
  with completeness, timeliness and the units overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from binhdang.accounts import access as base
from binhdang.core import sqlrows
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting import access
from binhdang.reporting.models import ExpectedReporter, Period, Submission
from binhdang.reporting.models.periods import PeriodStatus
from binhdang.reporting.models.submissions import COMPLETE_STATES
from binhdang.reporting.status import BOARD_STATES, NOT_STARTED, Board, build_board


@dataclass
class DueItem:
    """One report a reporter has to do (or has done) in a period."""

    period: Period
    unit: OrgUnit
    #: The state of the unit's report in the period; None when nobody has started it.
    submission_state: str | None
    url: str

    @property
    def deadline(self) -> dt.date:
        return self.period.deadline

    @property
    def state(self) -> str:
        return self.submission_state or NOT_STARTED

    @property
    def state_label(self):
        return BOARD_STATES[self.state][0]

    @property
    def badge(self) -> str:
        return BOARD_STATES[self.state][1]

    @property
    def is_done(self) -> bool:
        return self.submission_state in COMPLETE_STATES

    @property
    def overdue(self) -> bool:
        """Not submitted (a draft, returned, or not started) and the deadline day is over."""
        return not self.is_done and self.period.is_past_deadline()

    @property
    def title(self) -> str:
        return f"{self.period.plan} · {self.period.label}"


#: What a due item shows of its period, plan, unit and province (the due table, the reporter's units):
#: the form's definition and the plan's texts are not read (fewer columns to read and convert).
_PERIOD = ("id", "plan_id", "province_id", "year", "kind", "sequence", "title", "deadline", "status")
_PLAN = ("id", "title")
_UNIT = ("id", "name", "type", "is_active", "province_id")
_PROVINCE = ("id", "name")


def _due_rows(unit_ids: list[int], include_closed: bool) -> list[tuple]:
    """The expected reports of ``unit_ids`` (open periods only unless ``include_closed``), each with the
    state of its report (None when not started), its period, plan, unit and the unit's province
    (None when it has none), as ``sqlrows`` reads them: one plain statement, as the ORM wrote it with
    ``select_related`` and ``only``, without building that queryset on every home and "my reports"."""
    connection = sqlrows.connection_for(ExpectedReporter)
    groups = (
        sqlrows.Columns(Period, "p", _PERIOD),
        sqlrows.Columns(Plan, "pl", _PLAN),
        sqlrows.Columns(OrgUnit, "u", _UNIT),
        sqlrows.Columns(OrgUnit, "pr", _PROVINCE),
    )
    q = connection.ops.quote_name
    state = sqlrows.Columns(Submission, "s", ("state",))
    sql = (
        f"SELECT (SELECT {state.sql(connection)} FROM {state.table(connection)}"
        f" WHERE s.{q('period_id')} = e.{q('period_id')} AND s.{q('unit_id')} = e.{q('unit_id')} LIMIT 1), "
        + ", ".join(group.sql(connection) for group in groups)
        + f" FROM {sqlrows.Columns(ExpectedReporter, 'e', ()).table(connection)}"
        f" INNER JOIN {groups[2].table(connection)} ON e.{q('unit_id')} = u.{q('id')}"
        f" INNER JOIN {groups[0].table(connection)} ON e.{q('period_id')} = p.{q('id')}"
        f" INNER JOIN {groups[1].table(connection)} ON p.{q('plan_id')} = pl.{q('id')}"
        f" LEFT OUTER JOIN {groups[3].table(connection)} ON u.{q('province_id')} = pr.{q('id')}"
        f" WHERE e.{q('unit_id')} IN ({sqlrows.marks(unit_ids)})"
    )
    params: list = list(unit_ids)
    if not include_closed:
        sql += f" AND p.{q('status')} = %s"
        params.append(PeriodStatus.OPEN)
    return sqlrows.select(connection, sql, params, (state, *groups))


def due_items(user, *, include_closed: bool = False) -> list[DueItem]:
    """The reports of the units ``user`` reports for, in open periods (all periods with
    ``include_closed``): what is still to do first, by deadline. ``url`` opens the report. One query
    (:func:`_due_rows`): each with the state of its report, its period, plan, unit and province."""
    if not access.reports_for_any_unit(user):  # no unit: nothing to ask the database (an officer)
        return []
    rows = _due_rows(sorted(base.reporting_unit_ids(user)), include_closed)
    db = sqlrows.connection_for(ExpectedReporter).alias
    plans: dict[int, Plan] = {}
    provinces: dict[int, OrgUnit] = {}
    n_period, n_plan, n_unit = len(_PERIOD), len(_PLAN), len(_UNIT)
    items = []
    for row in rows:
        state, values = row[0], row[1:]
        period = sqlrows.instance(Period, _PERIOD, values[:n_period], db)
        plan_values = values[n_period : n_period + n_plan]
        plan = plans.get(plan_values[0])
        if plan is None:
            plan = plans[plan_values[0]] = sqlrows.instance(Plan, _PLAN, plan_values, db)
        sqlrows.cache_related(period, "plan", plan)
        start = n_period + n_plan
        unit = sqlrows.instance(OrgUnit, _UNIT, values[start : start + n_unit], db)
        province_values = values[start + n_unit :]
        province = None
        if province_values[0] is not None:
            province = provinces.get(province_values[0])
            if province is None:
                province = provinces[province_values[0]] = sqlrows.instance(
                    OrgUnit, _PROVINCE, province_values, db
                )
        sqlrows.cache_related(unit, "province", province)
        items.append(DueItem(period, unit, state, reverse("reporting:report", args=[period.pk, unit.pk])))
    return sorted(items, key=lambda i: (i.is_done, i.period.deadline, i.unit.name))


def due_and_units(user) -> tuple[list[DueItem], list[OrgUnit]]:
    """The reports due in open periods (:func:`due_items`) and the units the user reports for, by name,
    with their province: a reporter of one unit with a report due (a commune's) has its unit from the
    reports, without another query; several units are listed in the database's order of names."""
    items = due_items(user)
    units = base.reporting_unit_ids(user)
    if len(units) == 1 and items:
        return items, [items[0].unit]
    return items, list(base.reporting_units(user).select_related("province").order_by("name"))


def period_summaries(user) -> list[Board]:
    """The boards (unfiltered) of the periods the user follows, newest year first."""
    if not base.reads_any_province(user):  # a reporter only: nothing to ask the database
        return []
    periods = (
        access.board_periods(user).select_related("plan", "province").order_by("-year", "province__name")
    )
    return [build_board(period) for period in periods]
