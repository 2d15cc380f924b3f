"""The focal officer adds, corrects and removes a plan's tasks in the pages (the importer creates them
from the plan's text; the review page names their lead agency). Each workflow is one transaction and
is recorded in the task's audit trail with its author.

- :func:`add_task` / :func:`edit_task`: code, title, group, lead agency (one of the province's agencies,
  as on the review page: ``plans.services.lead_choices``), cooperating agencies, time frame and due date
  (within the plan's period);
- :func:`remove_task`: a task that has progress updates is removed only when the officer confirms that
  its updates go with it (``with_updates``); otherwise it is refused with a message saying how many.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from binhdang.core import audit, formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.access import can_manage_plan
from binhdang.plans.models import Plan, Task, TaskGroup
from binhdang.plans.services import lead_choices
from binhdang.work.activities import plan_dates
from binhdang.work.errors import AccessDenied, WorkError

FIELDS = ("code", "title", "group", "lead", "cooperating", "timeframe", "due_date")


def _check(plan: Plan, data: dict, task: Task | None = None) -> dict:
    """The cleaned values of a task of ``plan`` (``task``: the one being corrected), or
    :class:`WorkError` naming the field at fault."""
    code = (data.get("code") or "").strip()
    if not code:
        raise WorkError(_("Enter the task's code (e.g. 1.d)."), field="code")
    if len(code) > 16:
        raise WorkError(_("The task's code is longer than 16 characters."), field="code")
    same = plan.tasks.filter(code=code)
    if task is not None:
        same = same.exclude(pk=task.pk)
    if same.exists():
        raise WorkError(_("The plan already has a task %(code)s.") % {"code": code}, field="code")
    title = (data.get("title") or "").strip()
    if not title:
        raise WorkError(_("Enter the task's name."), field="title")
    if len(title) > 4000:
        raise WorkError(_("The task's name is longer than 4000 characters."), field="title")
    group = data.get("group")
    if group is not None and (not isinstance(group, TaskGroup) or group.plan_id != plan.pk):
        raise WorkError(_("The group is not one of this plan's."), field="group")
    agencies = lead_choices(plan)
    lead = data.get("lead")
    if lead is not None and (not isinstance(lead, OrgUnit) or not agencies.filter(pk=lead.pk).exists()):
        raise WorkError(
            _("“%(unit)s” is not an agency of %(province)s.")
            % {"unit": getattr(lead, "name", lead), "province": plan.province.name},
            field="lead",
        )
    cooperating = list(data.get("cooperating") or [])
    for unit in cooperating:
        if not isinstance(unit, OrgUnit) or not agencies.filter(pk=unit.pk).exists():
            raise WorkError(
                _("“%(unit)s” is not an agency of %(province)s.")
                % {"unit": getattr(unit, "name", unit), "province": plan.province.name},
                field="cooperating",
            )
    if lead is not None and lead in cooperating:
        raise WorkError(
            _("%(unit)s leads the task: it cannot also be a cooperating agency.") % {"unit": lead.name},
            field="cooperating",
        )
    timeframe = (data.get("timeframe") or "").strip()
    if len(timeframe) > 200:
        raise WorkError(_("The time frame is longer than 200 characters."), field="timeframe")
    due = data.get("due_date")
    if due is not None:
        if not isinstance(due, dt.date):
            raise WorkError(_("Enter the due date (dd/mm/yyyy)."), field="due_date")
        first, last = plan_dates(plan)
        if (first and due < first) or (last and due > last):
            raise WorkError(
                _("The due date %(date)s is outside the plan's period (%(first)s to %(last)s).")
                % {
                    "date": formatting.date(due),
                    "first": formatting.date(first) if first else "…",
                    "last": formatting.date(last) if last else "…",
                },
                field="due_date",
            )
    return {
        "code": code,
        "title": title,
        "group": group,
        "lead": lead,
        "cooperating": cooperating,
        "timeframe": timeframe,
        "due_date": due,
    }


def _manage(plan: Plan, user) -> None:
    if not can_manage_plan(user, plan):
        raise AccessDenied(_("Only the province's focal officer changes the plan's tasks."))


def add_task(plan: Plan, user, data: dict) -> Task:
    """Add a task to ``plan`` (placed after the others of its group)."""
    _manage(plan, user)
    cleaned = _check(plan, data)
    cooperating = cleaned.pop("cooperating")
    with transaction.atomic():
        last = plan.tasks.aggregate(last=Max("order"))["last"] or 0
        task = Task(plan=plan, order=last + 1, **cleaned)
        audit.by(task, user, reason=_("added in the pages")).save()
        if cooperating:
            task.cooperating.set(cooperating)
    return task


def edit_task(task: Task, user, data: dict) -> Task:
    """Correct a task (the audit trail keeps the old values)."""
    _manage(task.plan, user)
    current = {name: getattr(task, name) for name in FIELDS if name != "cooperating"}
    current["cooperating"] = list(task.cooperating.all())
    cleaned = _check(task.plan, current | data, task)
    cooperating = cleaned.pop("cooperating")
    with transaction.atomic():
        for name, value in cleaned.items():
            setattr(task, name, value)
        audit.by(task, user, reason=_("corrected in the pages")).save()
        if {u.pk for u in cooperating} != set(task.cooperating.values_list("pk", flat=True)):
            task.cooperating.set(cooperating)
    return task


def remove_task(task: Task, user, *, with_updates: bool = False) -> None:
    """Remove a task. One with progress updates is refused unless ``with_updates`` (the officer
    confirmed that its updates are removed with it); the audit trail keeps the task and its updates."""
    _manage(task.plan, user)
    updates = list(task.updates.all())
    if updates and not with_updates:
        raise WorkError(
            _(
                "Task %(code)s has %(count)d progress updates from its lead agency: tick the box to confirm "
                "that they are removed with it, or keep the task."
            )
            % {"code": task.code, "count": len(updates)},
            field="confirm",
        )
    with transaction.atomic():
        for update in updates:
            audit.by(update, user).delete()
        audit.by(task, user, reason=_("removed in the pages")).delete()
