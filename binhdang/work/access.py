"""Who may see and change the plan's tasks' follow-up and the activity log (every query goes here).

- Tasks: whoever may open the plan reads its tasks and their updates; the reporters of a task's lead
  agency and the focal officers of the plan's province add updates.
- Activities: the province's readers (focal officer, leader), the ministry and admins read all of
  a province's activities; a reporter reads and records those of the units they report for; a focal
  officer records and corrects them for any unit of the province.
- Campaigns: whoever may open the plan reads its campaign calendar; the province's readers see every
  expected unit's results, a reporter those of their own units; the province's focal officers add,
  change and remove the plan's campaigns.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from binhdang.accounts.access import (
    managed_province_ids,
    manages_any_province,
    manages_province_id,
    readable_province_ids,
    readable_provinces,
    reporting_province_ids,
    reporting_unit_ids,
    reporting_units,
    reports_for_unit_id,
    sees_all_provinces,
)
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.access import can_manage_plan, plan_visibility, visible_plans
from binhdang.plans.models import Campaign, Plan, Task
from binhdang.work.models import Activity


def follows_tasks(user) -> bool:
    """Focal officers (and admins) follow tasks: their pages flag the late ones and those without news."""
    return manages_any_province(user)


def visible_tasks(user) -> QuerySet[Task]:
    # Through the task's plan (one per task: no repeated rows), not a subquery of the visible plans.
    where = plan_visibility(user, "plan__")
    return Task.objects.filter(where) if where is not None else Task.objects.none()


def task_or_404(user, pk: int) -> Task:
    task = visible_tasks(user).select_related("plan", "lead", "group").filter(pk=pk).first()
    if task is None:
        raise Http404
    return task


def can_update_task(user, task: Task) -> bool:
    """The lead agency's reporters and the focal officers of the plan's province."""
    if not getattr(user, "is_authenticated", False):
        return False
    return manages_province_id(user, task.plan.province_id) or reports_for_unit_id(user, task.lead_id)


def visible_activities(user) -> QuerySet[Activity]:
    if not getattr(user, "is_authenticated", False):
        return Activity.objects.none()
    units = sorted(reporting_unit_ids(user))
    if sees_all_provinces(user):
        where = Q(plan__province__in=readable_provinces(user).values("pk"))
    else:
        provinces = sorted(readable_province_ids(user))
        where = Q(plan__province_id__in=provinces) if provinces else Q()
    if units:
        where |= Q(unit_id__in=units)
    return Activity.objects.filter(where) if where else Activity.objects.none()


def activity_or_404(user, pk: int) -> Activity:
    activity = visible_activities(user).select_related("plan", "unit", "campaign").filter(pk=pk).first()
    if activity is None:
        raise Http404
    return activity


def sees_whole_province(user, plan: Plan) -> bool:
    """May the user read every unit's activities of this plan (its province's readers)."""
    if sees_all_provinces(user):
        return readable_provinces(user).filter(pk=plan.province_id).exists()
    return plan.province_id in readable_province_ids(user)


def recordable_units(user, plan: Plan) -> QuerySet[OrgUnit]:
    """The units for which the user may record activities under ``plan``."""
    units = OrgUnit.objects.filter(province_id=plan.province_id, valid_to__isnull=True)
    if manages_province_id(user, plan.province_id):
        return units.exclude(pk=plan.province_id).order_by("type", "code")
    return units.filter(pk__in=sorted(reporting_unit_ids(user))).order_by("code")


def can_record_activity(user, plan: Plan, unit: OrgUnit | None) -> bool:
    if unit is None or not getattr(user, "is_authenticated", False) or plan.province_id != unit.province_id:
        return False
    return manages_province_id(user, plan.province_id) or reports_for_unit_id(user, unit.pk)


def can_change_activity(user, activity: Activity) -> bool:
    return can_record_activity(user, activity.plan, activity.unit)


def recording_province_ids(user) -> set[int]:
    """The provinces whose active plans the user records activities under: those of the units they
    report for and those they manage (every province they read for an admin). Every active plan of
    these provinces is one the user may open (``visible_plans``: the provinces they read or report in,
    drafts excepted; every province for an admin or a ministry viewer)."""
    provinces = reporting_province_ids(user)
    if getattr(user, "is_superuser", False):
        provinces |= set(readable_provinces(user).values_list("pk", flat=True))
    else:
        provinces |= managed_province_ids(user)
    return provinces


def recording_plans(user) -> QuerySet[Plan]:
    """Active plans under which the user may record activities (their province's plans)."""
    return (
        visible_plans(user)
        .filter(province__in=recording_province_ids(user), status="active")
        .order_by("-period_start", "pk")
    )


def campaign_or_404(user, pk: int) -> Campaign:
    campaign = Campaign.objects.filter(plan__in=visible_plans(user).values("pk"), pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


def can_manage_campaigns(user, plan: Plan) -> bool:
    """The focal officers of the plan's province (and admins)."""
    return can_manage_plan(user, plan)


def calendar_units(user, plan: Plan, expected: QuerySet[OrgUnit]) -> QuerySet[OrgUnit]:
    """The units whose campaign results the user sees on the plan's calendar: every ``expected`` unit
    for the province's readers, otherwise the user's own units of the plan's province."""
    if sees_whole_province(user, plan):
        return expected
    return reporting_units(user).filter(province_id=plan.province_id, is_active=True)


def can_plan_funds(user, plan: Plan, unit: OrgUnit | None) -> bool:
    """Who enters a unit's planned funds: its reporters and the focal officers of the plan's province."""
    return can_record_activity(user, plan, unit)


def budget_units(user, plan: Plan) -> QuerySet[OrgUnit] | None:
    """The units whose funds the user reads under ``plan``: None for every unit (the province's
    readers), else the units they report for."""
    if sees_whole_province(user, plan):
        return None
    return OrgUnit.objects.filter(pk__in=sorted(reporting_unit_ids(user)), province_id=plan.province_id)
