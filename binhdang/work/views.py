"""Pages of the year's work: a plan's tasks and one task with its updates; the activity log (record,
list with filters and totals, correct). Thin: access from ``work.access``, changes through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from binhdang.core import exports
from binhdang.plans.access import can_manage_plan, plan_or_404
from binhdang.work import access, activities, home, task_followup, trail
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.forms import ActivityForm, TaskUpdateForm
from binhdang.work.models import ActivityType, TaskStatus


def _int(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The user's active plans: task completion, tasks needing attention, where to record activities."""
    work = home.province_work(
        request.user, attention=access.follows_tasks(request.user)
    ) + home.reporter_work(request.user)
    return render(request, "work/index.html", {"work": work})


@login_required
@require_GET
def task_list(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    today = timezone.localdate()
    all_rows = task_followup.task_rows(access.visible_tasks(request.user).filter(plan=plan), today)
    status = request.GET.get("status", "")
    status = status if status in TaskStatus.values else ""
    rows = task_followup.filter_rows(
        all_rows,
        status=status,
        lead=_int(request, "lead"),
        late=request.GET.get("late") == "1",
        quiet_days=_int(request, "quiet"),
        today=today,
    )
    leads = sorted({r.task.lead for r in all_rows if r.task.lead}, key=lambda u: u.name)
    return render(
        request,
        "work/task_list.html",
        {
            "plan": plan,
            "rows": rows,
            "total": len(all_rows),
            "statuses": TaskStatus.choices,
            "leads": leads,
            "chosen": {
                "status": status,
                "lead": _int(request, "lead"),
                "late": request.GET.get("late") == "1",
                "quiet": _int(request, "quiet"),
            },
            "today": today,
            "may_edit": can_manage_plan(request.user, plan),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.task_or_404(request.user, pk)
    may_update = access.can_update_task(request.user, task)
    form = TaskUpdateForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        if form.is_valid():
            try:
                task_followup.add_update(
                    task,
                    request.user,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                    file=form.cleaned_data["file"],
                )
            except WorkError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(request, _("The progress update was saved."))
                return redirect("work:task", pk=task.pk)
    row = task_followup.task_rows(access.visible_tasks(request.user).filter(pk=task.pk))[0]
    updates = task.updates.select_related("author")
    return render(
        request,
        "work/task_detail.html",
        {
            "task": task,
            "plan": task.plan,
            "row": row,
            "updates": updates,
            "form": form,
            "may_update": may_update,
            "may_edit": can_manage_plan(request.user, task.plan),
            "history": trail.changes([task]),
        },
    )


@login_required
@require_GET
def update_file(request: HttpRequest, pk: int, update_pk: int) -> FileResponse:
    task = access.task_or_404(request.user, pk)
    update = task.updates.filter(pk=update_pk).exclude(file="").first()
    if update is None:
        raise Http404
    return exports.stored_file(update.file, update.file_name or "minh-chung")


@login_required
@require_GET
def activity_list(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    mine = access.visible_activities(request.user).filter(plan=plan)
    type_ = request.GET.get("type", "")
    type_ = type_ if type_ in ActivityType.values else ""
    month = _int(request, "month")
    chosen: dict[str, Any] = {
        "unit": _int(request, "unit"),
        "type": type_,
        "campaign": _int(request, "campaign"),
        "month": month if month and 1 <= month <= 12 else None,
        "year": _int(request, "year"),
    }
    shown = activities.filtered(mine, **chosen)
    whole = access.sees_whole_province(request.user, plan)
    unit_choices = (
        sorted({a.unit for a in mine.select_related("unit").only("unit")}, key=lambda u: u.name)
        if whole
        else []
    )
    return render(
        request,
        "work/activity_list.html",
        {
            "plan": plan,
            "activities": shown.select_related("unit", "campaign")[:500],
            "count_shown": shown.count(),
            "totals": activities.totals(shown),
            "whole": whole,
            "units": unit_choices,
            "types": ActivityType.choices,
            "campaigns": plan.campaigns.all(),
            "months": range(1, 13),
            "chosen": chosen,
            "may_record": access.recordable_units(request.user, plan).exists(),
        },
    )


def _data(form: ActivityForm) -> dict:
    return {name: form.cleaned_data[name] for name in activities.FIELDS}


def _files_not_kept(request: HttpRequest, form: ActivityForm) -> None:
    """A browser cannot show chosen files again: say so when a refused form had some."""
    if request.method == "POST" and form.errors and request.FILES.getlist("attachments"):
        form.add_error("attachments", _("The files you chose were not saved: choose them again."))


@login_required
@require_http_methods(["GET", "POST"])
def activity_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    units = access.recordable_units(request.user, plan)
    if not units.exists():
        raise PermissionDenied
    chosen = _int(request, "campaign")
    campaign = plan.campaigns.filter(pk=chosen).first() if chosen is not None else None
    initial = activities.initial_for_campaign(campaign, timezone.localdate()) if campaign else {}
    form = ActivityForm(request.POST or None, request.FILES or None, plan=plan, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activity = activities.record(
                plan, form.cleaned_data["unit"], request.user, _data(form), form.cleaned_data["attachments"]
            )
        except AccessDenied as error:
            form.add_error(None, str(error))
        except WorkError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("The activity was recorded."))
            if campaign is not None:  # recorded from the campaign calendar: back there
                return redirect(f"{reverse('work:campaigns', args=[plan.slug])}?year={activity.date.year}")
            return redirect("work:activities", slug=plan.slug)
    _files_not_kept(request, form)
    return render(request, "work/activity_form.html", {"plan": plan, "form": form, "activity": None})


@login_required
@require_http_methods(["GET", "POST"])
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_or_404(request.user, pk)
    plan = activity.plan
    may_change = access.can_change_activity(request.user, activity)
    if request.method == "POST" and not may_change:
        raise PermissionDenied
    units = access.recordable_units(request.user, plan).filter(pk=activity.unit_id)
    initial = {name: getattr(activity, name) for name in activities.FIELDS} | {"unit": activity.unit}
    form = ActivityForm(request.POST or None, request.FILES or None, plan=plan, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activities.change(activity, request.user, _data(form), form.cleaned_data["attachments"])
        except WorkError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("The activity was saved."))
            return redirect("work:activities", slug=plan.slug)
    _files_not_kept(request, form)
    history = activities.changes(activity)
    return render(
        request,
        "work/activity_form.html",
        {"plan": plan, "form": form, "activity": activity, "may_change": may_change, "history": history},
    )


@login_required
@require_GET
def activity_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    activity = access.activity_or_404(request.user, pk)
    attached = activity.files.filter(pk=file_pk).first()
    if attached is None:
        raise Http404
    return exports.stored_file(attached.file, attached.name)
