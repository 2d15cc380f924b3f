"""What the home pages show of the year's work (assembled by ``portal.home``): for the province's
readers, each active plan's task completion, the tasks late or without news (and, for the focal officer,
the inspections' follow-up items past their deadline), and this year's activity totals; for reporters,
the plans they record activities under, the tasks their units lead and the follow-up items addressed to
their units."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from binhdang.accounts.access import (
    readable_province_ids,
    readable_provinces,
    reporting_unit_ids,
    sees_all_provinces,
)
from binhdang.core import sqlrows
from binhdang.plans.access import visible_plans
from binhdang.plans.models import Plan, PlanStatus, Task
from binhdang.work import access, activities, budget, inspection_access, inspections, task_followup
from binhdang.work.inspection_models import FollowUp, FollowUpStatus, Inspection


@dataclass
class PlanWork:
    plan: Plan
    completion: task_followup.Completion | None = None
    attention: list[task_followup.TaskRow] = field(default_factory=list)
    attention_count: int = 0
    totals: activities.Totals | None = None
    year: int = 0
    led: list[task_followup.TaskRow] = field(default_factory=list)
    #: The year's planned and spent funds by source (the province's readers).
    budget: budget.BudgetSummary | None = None
    #: Follow-up items of inspections past their deadline (the focal officer's) or open and addressed to
    #: the reporter's units.
    follow_ups: list = field(default_factory=list)
    follow_up_count: int = 0
    #: For the focal officer: ``follow_ups`` are the overdue ones.
    overdue: bool = False


def _active(plans):
    """The active plans, without the province and issuing unit ``visible_plans`` joins in: the home
    shows a plan's title and links only, and reading the two units' columns cost more than the plans."""
    return plans.filter(status="active").select_related(None).order_by("-period_start", "pk")


#: What a reporter's home shows of a plan (its title and the links by slug): its other columns (legal
#: bases, import warnings, source file...) are not read.
_SHOWN = ("title", "slug", "province_id", "status")


def province_work(user, *, attention: bool) -> list[PlanWork]:
    """Each active plan of the provinces the user reads: completion, this year's activities and funds
    by source and, for a focal officer (``attention``), the tasks late or without news."""
    today = timezone.localdate()
    rows = []
    if sees_all_provinces(user):
        plans = visible_plans(user).filter(province__in=readable_provinces(user).values("pk"))
    else:  # the provinces' ids are known from the roles: no subquery to plan
        plans = visible_plans(user).filter(province_id__in=sorted(readable_province_ids(user)))
    for plan in _active(plans):
        tasks = task_followup.task_rows(plan.tasks.all(), today)  # once for completion and attention
        item = PlanWork(plan, completion=task_followup.completion_of(tasks), year=today.year)
        if attention:
            flagged = task_followup.attention_of(tasks, today)
            item.attention, item.attention_count = flagged[:10], len(flagged)
            overdue = inspections.overdue_follow_ups(
                inspection_access.visible_follow_ups(user).filter(inspection__plan=plan), today
            )
            shown = list(overdue[:10])
            count = len(shown) if len(shown) < 10 else overdue.count()  # fewer than 10: all of them
            item.follow_ups, item.follow_up_count, item.overdue = shown, count, True
        logged = access.visible_activities(user).filter(plan=plan, date__year=today.year)
        item.totals = activities.totals(logged)
        item.budget = budget.summary(plan, today.year)
        rows.append(item)
    return rows


def _recording_plan_rows(user, units: list[int]) -> list[tuple[Plan, bool, bool]]:
    """The active plans the user records activities under (``access.recording_plans``: the plans of
    ``access.recording_province_ids``, every one of which the user may open), newest first, with their
    title, slug, province and status, each with whether ``units`` lead one of its tasks and whether
    they have an open follow-up item of one of its inspections (open as in
    ``inspections.open_follow_ups``): one plain statement, as the ORM wrote it, without building that
    queryset and its two subqueries on every home of a reporter."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return []
    provinces = sorted(access.recording_province_ids(user))
    if not provinces:
        return []
    connection = sqlrows.connection_for(Plan)
    q = connection.ops.quote_name
    columns = sqlrows.Columns(Plan, "pl", ("id", *_SHOWN))
    asked = ""
    params: list = []
    if units:
        marks = sqlrows.marks(units)
        task = sqlrows.Columns(Task, "t", ())
        item = sqlrows.Columns(FollowUp, "f", ())
        inspection = sqlrows.Columns(Inspection, "i", ())
        asked = (
            f", EXISTS(SELECT 1 FROM {task.table(connection)} WHERE t.{q('plan_id')} = pl.{q('id')}"
            f" AND t.{q('lead_id')} IN ({marks}))"
            f", EXISTS(SELECT 1 FROM {item.table(connection)} INNER JOIN {inspection.table(connection)}"
            f" ON f.{q('inspection_id')} = i.{q('id')} WHERE i.{q('plan_id')} = pl.{q('id')}"
            f" AND f.{q('unit_id')} IN ({marks}) AND NOT (f.{q('status')} = %s))"
        )
        params += [*units, *units, FollowUpStatus.DONE]
    sql = (
        f"SELECT {columns.sql(connection)}{asked} FROM {columns.table(connection)}"
        f" WHERE pl.{q('province_id')} IN ({sqlrows.marks(provinces)}) AND pl.{q('status')} = %s"
        f" ORDER BY pl.{q('period_start')} DESC, pl.{q('id')} ASC"
    )
    params += [*provinces, PlanStatus.ACTIVE]
    rows = sqlrows.select(connection, sql, params, [columns])  # the two flags: 0/1 or truth values
    n = len(columns.attnames)
    return [
        (
            sqlrows.instance(Plan, columns.attnames, row[:n], connection.alias),
            bool(units) and bool(row[n]),
            bool(units) and bool(row[n + 1]),
        )
        for row in rows
    ]


def reporter_work(user) -> list[PlanWork]:
    """The plans a reporter records activities under, with the tasks their units lead and the open
    follow-up items addressed to them: one query for the plans (:func:`_recording_plan_rows`), which
    also tells whether their units lead a task or have an open item in each, then, only if so, one for
    the tasks and one for the items of all those plans together (a reporter reloads this page all day;
    a commune leads no task).

    Like the plan's pages, their tasks are then the plan's own (``visible_tasks`` is the tasks of the
    visible plans), and an item addressed to one of the user's units is one they see
    (``inspection_access.visible_inspections`` includes every inspection with an item for their
    units): no visibility subquery to build and plan again."""
    units = sorted(reporting_unit_ids(user))
    found = _recording_plan_rows(user, units)
    if not found:
        return []
    plans = [plan for plan, _leads, _addressed in found]
    led: dict[int, list[task_followup.TaskRow]] = {}
    leading = [plan for plan, leads, _addressed in found if leads]
    if leading:  # ordered within each plan as the plan lists them, without joining the plans only to sort
        led_tasks = Task.objects.filter(plan__in=leading, lead_id__in=units).order_by("plan_id", "order")
        for row in task_followup.task_rows(led_tasks):
            led.setdefault(row.task.plan_id, []).append(row)
    addressed: dict[int, list[FollowUp]] = {}
    concerned = [plan for plan, _leads, addressed in found if addressed]
    if concerned:
        for item in inspections.open_follow_ups(
            FollowUp.objects.filter(inspection__plan__in=concerned, unit_id__in=units)
        ):
            addressed.setdefault(item.inspection.plan_id, []).append(item)
    rows = []
    for plan in plans:
        items = addressed.get(plan.pk, [])
        rows.append(
            PlanWork(plan, led=led.get(plan.pk, []), follow_ups=items[:10], follow_up_count=len(items))
        )
    return rows
