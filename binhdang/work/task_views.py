"""The focal officer's pages to add, correct and remove a plan's tasks. Thin: the plan's access from
``plans.access``, the changes through ``work.task_editing``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from binhdang.plans.access import can_manage_plan, plan_or_404
from binhdang.work import access, task_editing
from binhdang.work.errors import WorkError
from binhdang.work.task_forms import TaskForm, TaskRemoveForm


def _data(form: TaskForm) -> dict:
    return {name: form.cleaned_data[name] for name in task_editing.FIELDS}


def _refused(form, error: WorkError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error))


@login_required
@require_http_methods(["GET", "POST"])
def task_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    if not can_manage_plan(request.user, plan):
        raise PermissionDenied
    form = TaskForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            task = task_editing.add_task(plan, request.user, _data(form))
        except WorkError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The task was added."))
            return redirect("work:task", pk=task.pk)
    return render(request, "work/task_form.html", {"plan": plan, "form": form, "task": None})


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.task_or_404(request.user, pk)
    if not can_manage_plan(request.user, task.plan):
        raise PermissionDenied
    initial = {name: getattr(task, name) for name in task_editing.FIELDS if name != "cooperating"}
    initial["cooperating"] = list(task.cooperating.all())
    form = TaskForm(request.POST or None, plan=task.plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            task_editing.edit_task(task, request.user, _data(form))
        except WorkError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The task was saved."))
            return redirect("work:task", pk=task.pk)
    return render(request, "work/task_form.html", {"plan": task.plan, "form": form, "task": task})


@login_required
@require_http_methods(["GET", "POST"])
def task_remove(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.task_or_404(request.user, pk)
    plan = task.plan
    if not can_manage_plan(request.user, plan):
        raise PermissionDenied
    form = TaskRemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            task_editing.remove_task(task, request.user, with_updates=form.cleaned_data["confirm"])
        except WorkError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The task was removed."))
            return redirect("work:tasks", slug=plan.slug)
    return render(
        request,
        "work/task_remove.html",
        {"plan": plan, "task": task, "form": form, "updates": task.updates.count()},
    )
