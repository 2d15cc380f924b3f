"""Pages of the reports to the ministry: the ministry's board, a plan-year's sendings, the steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from binhdang.accounts import access as base
from binhdang.core.exports import Scope, download, get
from binhdang.core.formatting import date as vn_date
from binhdang.ministry import access, board, board_rows, services
from binhdang.ministry.forms import DeadlineForm, ReturnForm, SendForm
from binhdang.ministry.models import ProvinceReport
from binhdang.plans.models import Plan, PlanStatus, Program
from binhdang.results.engine import plans_in_force

YEARS = list(range(2026, 2031))


def _year(value) -> int:
    try:
        year = int(value or timezone.localdate().year)
    except ValueError:
        raise Http404 from None
    if year not in YEARS:
        raise Http404
    return year


def _program(value) -> str:
    program = value or Program.COMMUNICATION
    if program not in Program.values:
        raise Http404
    return program


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The ministry goes to its board; a province's officers and leaders see their plans' sendings."""
    if access.sees_board(request.user):
        return redirect("ministry:board")
    provinces = base.readable_provinces(request.user)
    if not provinces.exists():
        raise PermissionDenied
    plans = Plan.objects.filter(province__in=provinces, status=PlanStatus.ACTIVE).select_related("province")
    reports = ProvinceReport.objects.filter(plan__in=plans).order_by("plan_id", "year", "-version")
    latest: dict[tuple[int, int], ProvinceReport] = {}
    for report in reports:
        latest.setdefault((report.plan_id, report.year), report)
    rows = [
        (plan, [(year, latest.get((plan.pk, year))) for year in YEARS]) for plan in plans.order_by("title")
    ]
    return render(request, "ministry/index.html", {"rows": rows})


@login_required
def board_page(request: HttpRequest) -> HttpResponse:
    if not access.sees_board(request.user):
        raise PermissionDenied
    year, program = _year(request.GET.get("year")), _program(request.GET.get("program"))
    state = request.GET.get("state", "")
    if state and state not in dict(board.STATES):
        raise Http404
    late = request.GET.get("late") == "1"
    found = board.build(year, program)
    rows = found.filtered(state, late)
    acts = access.acts_for_ministry(request.user)
    return render(
        request,
        "ministry/board.html",
        {
            "board": found,
            "rows": rows,
            "rows_html": board_rows.rows_html(found, rows, acts=acts),
            "state": state,
            "late": late,
            "states": [(key, label, found.count(key)) for key, label in board.STATES],
            "years": YEARS,
            "programs": Program.choices,
            "acts": acts,
            "deadline_form": DeadlineForm(initial={"deadline": vn_date(found.deadline)}),
        },
    )


@login_required
@require_POST
def set_deadline(request: HttpRequest) -> HttpResponse:
    if not access.acts_for_ministry(request.user):
        raise PermissionDenied
    year = _year(request.POST.get("year"))
    form = DeadlineForm(request.POST)
    if form.is_valid():
        try:
            services.set_deadline(year, form.cleaned_data["deadline"], request.user)
            messages.success(
                request,
                _("Deadline of %(year)s: %(day)s.")
                % {"year": year, "day": vn_date(form.cleaned_data["deadline"])},
            )
        except services.MinistryError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, " ".join(str(e) for e in form.errors["deadline"]))
    return redirect(f"{_board_url()}?year={year}")


def _board_url() -> str:
    return reverse("ministry:board")


@login_required
@require_POST
def remind(request: HttpRequest) -> HttpResponse:
    if not access.acts_for_ministry(request.user):
        raise PermissionDenied
    year, program = _year(request.POST.get("year")), _program(request.POST.get("program"))
    chosen = {int(pk) for pk in request.POST.getlist("plan") if pk.isdigit()}
    plans = [plan for plan in plans_in_force(program).values() if plan.pk in chosen]
    if not plans:
        messages.error(request, _("Choose the provinces to remind."))
    else:
        sent = services.send_reminders(year, plans, request.user, services.deadline_for(year))
        messages.success(
            request,
            _("Reminders sent to %(n)d provinces: %(names)s.")
            % {"n": len(sent), "names": ", ".join(r.province.name for r in sent) or "—"},
        )
    return redirect(f"{_board_url()}?year={year}&program={program}")


@login_required
def plan_year(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """A plan's report of a year to the ministry: every version with its steps; send (again)."""
    plan = access.get_plan(request.user, pk)
    year = _year(year)
    reports = list(
        ProvinceReport.objects.filter(plan=plan, year=year)
        .select_related("sent_by")
        .prefetch_related("steps__user")
        .order_by("-version")
    )
    current = reports[0] if reports else None
    may_send = access.can_send(request.user, plan) and (current is None or current.may_send_again)
    return render(
        request,
        "ministry/plan_year.html",
        {
            "plan": plan,
            "year": year,
            "reports": reports,
            "current": current,
            "deadline": services.deadline_for(year),
            "form": SendForm() if may_send else None,
            "acts": access.acts_for_ministry(request.user),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def send(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    plan = access.get_plan(request.user, pk)
    year = _year(year)
    if not access.can_send(request.user, plan):
        raise PermissionDenied
    form = SendForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("ministry:plan_year", pk=plan.pk, year=year)
    try:
        report = services.send_report(
            plan,
            year,
            request.user,
            form.cleaned_data["signed"],
            form.cleaned_data["note"],
            form.cleaned_data["difficulties"],
            form.cleaned_data["proposals"],
        )
        messages.success(
            request,
            _("Report of %(year)s sent to the ministry (version %(v)d).")
            % {"year": year, "v": report.version},
        )
    except services.MinistryError as error:
        messages.error(request, str(error))
    return redirect("ministry:plan_year", pk=plan.pk, year=year)


def _step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = access.get_report_to_act_on(request.user, pk)
    try:
        if action == "receive":
            services.receive(report, request.user)
            messages.success(request, _("Marked as received."))
        elif action == "accept":
            services.accept(report, request.user, request.POST.get("comment", ""))
            messages.success(request, _("Report accepted."))
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                messages.error(request, " ".join(str(e) for e in form.errors["comment"]))
            else:
                services.return_report(report, request.user, form.cleaned_data["comment"])
                messages.success(request, _("Report returned to the province with your comments."))
    except services.MinistryError as error:
        messages.error(request, str(error))
    return redirect("ministry:plan_year", pk=report.plan_id, year=report.year)


@login_required
@require_POST
def receive(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "receive")


@login_required
@require_POST
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "return")


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "accept")


@login_required
@require_GET
def report_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    report = access.get_report(request.user, pk)
    return download(get("ministry.sent_report"), Scope(user=request.user, filters={"report": report}))


@login_required
@require_GET
def signed_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    report = access.get_report(request.user, pk)
    response = download(get("ministry.signed_report"), Scope(user=request.user, filters={"report": report}))
    response["Content-Type"] = report.signed_content_type  # checked at upload: PDF, JPEG or PNG
    return response
