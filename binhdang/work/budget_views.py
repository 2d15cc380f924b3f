"""The budget page of a plan and year: planned and spent funds per unit and source, their totals and
shares, and the form to enter a unit's planned funds (``work.budget``). Thin: access from
``work.access``, changes through :func:`work.budget.set_planned`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from binhdang.core import formatting
from binhdang.plans.access import plan_or_404
from binhdang.plans.models import Plan
from binhdang.work import access, budget
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.forms import PlannedFundsForm
from binhdang.work.models import FundSource, PlannedFunds


def plan_years(plan: Plan) -> list[int]:
    first = plan.period_start or timezone.localdate().year
    last = plan.period_end or first
    return list(range(first, last + 1))


def default_year(plan: Plan) -> int:
    years = plan_years(plan)
    return min(max(timezone.localdate().year, years[0]), years[-1])


@login_required
@require_http_methods(["GET", "POST"])
def budget_page(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    if year not in plan_years(plan):
        raise Http404
    units = access.recordable_units(request.user, plan)
    may_plan = units.exists()
    form = PlannedFundsForm(request.POST or None, units=units) if may_plan else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            unit = form.cleaned_data["unit"]
            try:
                budget.set_planned(plan, unit, year, request.user, form.amounts())
            except AccessDenied as error:
                raise PermissionDenied from error
            except WorkError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(
                    request,
                    _("The planned funds of %(unit)s for %(year)s were saved.")
                    % {"unit": unit.name, "year": year},
                )
                return redirect(reverse("work:budget", args=[plan.slug, year]) + f"?unit={unit.pk}")
    elif form is not None:
        chosen = request.GET.get("unit", "")
        unit = units.filter(pk=int(chosen)).first() if chosen.isdigit() and len(chosen) < 10 else None
        unit = unit or units.first()
        planned = {p.source: p.amount for p in PlannedFunds.objects.filter(plan=plan, unit=unit, year=year)}
        form.initial = {"unit": unit} | {s: _grouped(planned.get(s)) for s in FundSource.values}
    summary = budget.summary(plan, year, access.budget_units(request.user, plan))
    return render(
        request,
        "work/budget.html",
        {
            "plan": plan,
            "year": year,
            "years": plan_years(plan),
            "summary": summary,
            "form": form,
            "whole": access.sees_whole_province(request.user, plan),
        },
    )


def _grouped(amount: int | None) -> str:
    return "" if amount is None else formatting.number(amount)


@login_required
@require_GET
def budget_default(request: HttpRequest, slug: str) -> HttpResponse:
    plan = plan_or_404(request.user, slug)
    return redirect("work:budget", slug=plan.slug, year=default_year(plan))
