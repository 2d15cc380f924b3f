"""The focal officer's pages for reports at other rhythms: ask units for an ad hoc report or a
document, open the quarters or months of a year, download a period's answers (Excel)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from binhdang.core.numbers import posted_int
from binhdang.reporting import access, answers, forms_catalog, services
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.models import Period, PeriodKind
from binhdang.reporting.request_forms import RequestForm, SubannualForm, element_choices
from binhdang.reporting.requests import base_form
from binhdang.reporting.views.common import ReportingRequest, board_period


def _plan_of(request: ReportingRequest):
    """The plan chosen (``?plan=``) among those the user opens periods for; the only one if there is
    one; None to let the user choose. 404 for a plan outside the user's provinces."""
    if not request.user.has_perm("reporting.open_period"):
        raise PermissionDenied
    plans = access.plans_for_opening(request.user)
    chosen = posted_int(request.GET.get("plan") or request.POST.get("plan") or "")
    if chosen is not None:
        return get_object_or_404(plans, pk=chosen), plans
    return (plans.first() if plans.count() == 1 else None), plans


def _elements(plan) -> list[tuple[str, str]]:
    return element_choices(base_form(Period(plan=plan, form_code=forms_catalog.form_code_for(plan) or "")))


@login_required
def request_open(request: ReportingRequest) -> HttpResponse:
    """Ask some or all units of the province for a report of its own (đột xuất) or for a document."""
    plan, plans = _plan_of(request)
    if plan is None:
        return render(request, "reporting/requests/choose_plan.html", {"plans": plans, "action": "request"})
    units = access.province_units(Period(province=plan.province)).order_by("type", "name")
    initial = {"kind": request.GET.get("kind") or PeriodKind.AD_HOC}
    form = RequestForm(request.POST or None, units=units, elements=_elements(plan), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.open_request(
                plan,
                request.user,
                kind=data["kind"],
                title=data["title"],
                deadline=data["deadline"],
                units=list(data["units"]),
                element_codes=data["elements"],
                questions=form.questions(),
            )
        except ReportingError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("The request is sent: %(n)d units are asked to answer by %(day)s.")
                % {"n": period.expected_reporters.count(), "day": period.deadline.strftime("%d/%m/%Y")},
            )
            return redirect("reporting:board", pk=period.pk)
    return render(request, "reporting/requests/request_open.html", {"form": form, "plan": plan})


@login_required
def subannual_open(request: ReportingRequest) -> HttpResponse:
    """Open quarters (or months) of a year for chosen figures, e.g. the news items of indicator 6.3."""
    plan, plans = _plan_of(request)
    if plan is None:
        return render(request, "reporting/requests/choose_plan.html", {"plans": plans, "action": "subannual"})
    initial = {"year": request.GET.get("year") or 2026, "deadline_days": 10}
    units = access.province_units(Period(province=plan.province)).order_by("type", "name")
    form = SubannualForm(request.POST or None, elements=_elements(plan), units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            opened = services.open_subannual(
                plan,
                data["year"],
                request.user,
                kind=data["kind"],
                numbers=data["numbers"],
                element_codes=data["elements"],
                questions=form.questions(),
                units=list(data["units"]) or None,
                deadline_days=data["deadline_days"],
                targets=form.targets(),
            )
        except ReportingError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Opened: %(periods)s.") % {"periods": ", ".join(str(p.label) for p in opened)},
            )
            return redirect("reporting:board", pk=opened[0].pk)
    return render(request, "reporting/requests/subannual_open.html", {"form": form, "plan": plan})


@login_required
def answers_xlsx(request: ReportingRequest, pk: int) -> HttpResponse:
    """The answers of every expected unit of a period (Excel), for who reads its board."""
    period = board_period(request, pk)
    response = HttpResponse(
        answers.workbook(period, request.user),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="tra-loi-ky-{period.pk}.xlsx"'
    return response
