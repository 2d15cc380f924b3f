"""What the home pages show of the year's work (assembled by ``portal.home``): for the province's
readers, each active plan's task completion, the tasks late or without news (and, for the focal officer,
the inspections' follow-up items past their deadline), and this year's activity totals; for reporters,
the plans they record activities under, the tasks their units lead and the follow-up items addressed to
their units."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from binhdang.accounts.access import (
    readable_province_ids,
    readable_provinces,
    reporting_unit_ids,
    sees_all_provinces,
)
from binhdang.plans.access import visible_plans
from binhdang.plans.models import Plan, Task
from binhdang.work import access, activities, budget, inspection_access, inspections, task_followup
from binhdang.work.inspection_models import FollowUp


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


def reporter_work(user) -> list[PlanWork]:
    """The plans a reporter records activities under, with the tasks their units lead and the open
    follow-up items addressed to them: one query for the plans, which also tells whether their units
    lead a task or have an open item in each, then, only if so, one for the tasks and one for the items
    of all those plans together (a reporter reloads this page all day; a commune leads no task).

    The plans come from ``access.recording_plans``; like the plan's pages, their tasks are then the
    plan's own (``visible_tasks`` is the tasks of the visible plans), and an item addressed to one of
    the user's units is one they see (``inspection_access.visible_inspections`` includes every
    inspection with an item for their units): no visibility subquery to build and plan again."""
    units = sorted(reporting_unit_ids(user))
    plans = _active(access.recording_plans(user)).only(*_SHOWN)
    if units:
        open_items = inspections.open_follow_ups(
            FollowUp.objects.filter(inspection__plan=OuterRef("pk"), unit_id__in=units)
        )
        plans = plans.annotate(
            leads=Exists(Task.objects.filter(plan=OuterRef("pk"), lead_id__in=units)),
            addressed=Exists(open_items),
        )
    plans = list(plans)
    if not plans:
        return []
    led: dict[int, list[task_followup.TaskRow]] = {}
    leading = [plan for plan in plans if getattr(plan, "leads", False)]
    if leading:  # ordered within each plan as the plan lists them, without joining the plans only to sort
        led_tasks = Task.objects.filter(plan__in=leading, lead_id__in=units).order_by("plan_id", "order")
        for row in task_followup.task_rows(led_tasks):
            led.setdefault(row.task.plan_id, []).append(row)
    addressed: dict[int, list[FollowUp]] = {}
    concerned = [plan for plan in plans if getattr(plan, "addressed", False)]
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
