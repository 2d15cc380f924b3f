"""The pages of one plan: overview, indicators and roadmap, who does what, calendar; status changes."""

from __future__ import annotations

from collections import OrderedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from binhdang.core import exports
from binhdang.plans import access, services
from binhdang.plans.calendar import calendar_years, plan_calendar
from binhdang.plans.forms import BindingForm, ResponsibleForm, StatusForm
from binhdang.plans.models import Plan, PlanStatus
from binhdang.plans.roadmap import RoadmapError, cell_name, cell_text


def _context(request: HttpRequest, plan: Plan, tab: str, **extra) -> dict:
    return {"plan": plan, "tab": tab, "can_manage": access.can_manage_plan(request.user, plan), **extra}


def _indicators(plan: Plan):
    return plan.indicators.select_related("catalog", "goal").prefetch_related(
        "targets", "milestones", "responsible"
    )


@login_required
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.plan_or_404(request.user, slug)
    versions = [p for p in plan.all_versions() if access.can_view_plan(request.user, p)]
    later = [p for p in plan.next_versions.all() if access.can_view_plan(request.user, p)]
    counts = {
        "goals": plan.goals.count(),
        "indicators": plan.indicators.count(),
        "tasks": plan.task_groups.count(),
        "agencies": plan.duties.count(),
        "deadlines": plan.obligations.count(),
        "campaigns": plan.campaigns.count(),
    }
    return render(
        request,
        "plans/plan_detail.html",
        _context(
            request,
            plan,
            "overview",
            versions=versions,
            later=later,
            counts=counts,
            statuses=PlanStatus,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicators(request: HttpRequest, slug: str) -> HttpResponse:
    """Indicators with their targets, and the roadmap table (editable by the focal officer)."""
    plan = access.plan_or_404(request.user, slug)
    can_manage = access.can_manage_plan(request.user, plan)
    errors: dict[str, str] = {}
    posted = None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        try:
            changed = services.save_roadmap(plan, request.POST, request.user)
        except RoadmapError as error:
            errors, posted = error.errors, request.POST
            messages.error(request, _("The roadmap was not saved: correct the cells marked below."))
        else:
            messages.success(request, _("Roadmap saved (%(count)d cell(s) changed).") % {"count": changed})
            return redirect("plans:indicators", plan.slug)
    years = plan.roadmap_years
    rows: list[dict] = []
    goals: OrderedDict = OrderedDict()
    for item in _indicators(plan):
        cells = []
        for year in years:
            name = cell_name(item, year)
            expected = item.target_for(year)
            cells.append(
                {
                    "year": year,
                    "name": name,
                    "error": errors.get(name),
                    "text": posted.get(name, "")
                    if posted is not None
                    else cell_text(item.milestone_for(year)),
                    "expected": expected,
                }
            )
        rows.append({"indicator": item, "cells": cells})
        goals.setdefault(item.goal, []).append(item)
    return render(
        request,
        "plans/plan_indicators.html",
        _context(
            request,
            plan,
            "indicators",
            rows=rows,
            years=years,
            goals=goals.items(),
            errors=errors,
        ),
        status=400 if errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One indicator: targets, expected value each year, responsible agencies; the officer rebinds it
    to the catalog and names its responsible agencies (two forms, told apart by the posted ``form``)."""
    plan = access.plan_or_404(request.user, slug)
    item = access.indicator_or_404(request.user, plan, pk)
    can_manage = access.can_manage_plan(request.user, plan)
    posted = request.POST.get("form", "binding") if request.method == "POST" else None
    form = BindingForm(
        request.POST if posted == "binding" else None,
        program=plan.program,
        initial={"catalog": item.catalog.code if item.catalog else ""},
    )
    responsible_form = ResponsibleForm(
        request.POST if posted == "responsible" else None,
        units=services.responsible_choices(plan),
        initial={"units": list(item.responsible.all()), "others": "\n".join(item.responsible_text or [])},
    )
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if posted == "binding" and form.is_valid():
            services.set_indicator_binding(item, form.cleaned_data["catalog"] or None, request.user)
            messages.success(
                request, _("The catalog binding of indicator %(code)s was saved.") % {"code": item.code}
            )
            return redirect(item)
        if posted == "responsible" and responsible_form.is_valid():
            services.set_indicator_responsible(
                item, responsible_form.cleaned_data["units"], responsible_form.other_lines(), request.user
            )
            messages.success(
                request, _("The responsible agencies of indicator %(code)s were saved.") % {"code": item.code}
            )
            return redirect(item)
        if posted not in ("binding", "responsible"):
            messages.error(request, _("Nothing was saved: the form sent is unknown."))
    item = _indicators(plan).get(pk=item.pk)
    expectations = [(year, item.target_for(year), item.milestone_for(year)) for year in plan.roadmap_years]
    return render(
        request,
        "plans/indicator_detail.html",
        _context(
            request,
            plan,
            "indicators",
            indicator=item,
            form=form,
            responsible_form=responsible_form,
            expectations=expectations,
            history=item.history.select_related("history_user")[:10],
        ),
        status=400 if request.method == "POST" else 200,  # a valid POST has redirected
    )


@login_required
def agencies(request: HttpRequest, slug: str) -> HttpResponse:
    """Who does what: duties by agency, tasks, and the agencies responsible for each indicator."""
    plan = access.plan_or_404(request.user, slug)
    groups = plan.task_groups.prefetch_related("tasks")
    loose_tasks = plan.tasks.filter(group__isnull=True)
    return render(
        request,
        "plans/plan_agencies.html",
        _context(
            request,
            plan,
            "agencies",
            duties=plan.duties.select_related("agency"),
            groups=groups,
            loose_tasks=loose_tasks,
            indicators=_indicators(plan),
        ),
    )


@login_required
def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The year's deadlines and campaigns, sorted by date."""
    plan = access.plan_or_404(request.user, slug)
    years = calendar_years(plan)
    default = timezone.localdate().year
    if default not in years:
        default = years[0] if default < years[0] else years[-1]
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        year = default
    if year not in years:
        year = default
    return render(
        request,
        "plans/plan_calendar.html",
        _context(
            request,
            plan,
            "calendar",
            year=year,
            years=years,
            entries=plan_calendar(plan, year),
        ),
    )


@login_required
@require_POST
def change_status(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.plan_or_404(request.user, slug)
    if not access.can_manage_plan(request.user, plan):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_plan_status(plan, form.cleaned_data["status"], request.user)
        except services.PlanImportError as error:  # e.g. another plan in force under the same number
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("The plan is now: %(status)s.") % {"status": plan.get_status_display()}
            )
    else:
        messages.error(request, _("Unknown status."))
    return redirect(plan)


@login_required
def source_file(request: HttpRequest, slug: str) -> FileResponse:
    """The document the plan was imported from."""
    plan = access.plan_or_404(request.user, slug)
    if not plan.source_file:
        raise Http404
    return exports.stored_file(plan.source_file, plan.source_name or "")
