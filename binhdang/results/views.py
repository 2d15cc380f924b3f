"""Results pages, thin: objects through ``results.access``, figures from ``results.engine`` (live,
computed on every request), display helpers from ``results.presenters``.

An object outside what the user may see is a 404; a reporter asking for their province's dashboards
or another unit's figures gets a 403.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from binhdang.plans.models import Program
from binhdang.reporting import access as reporting_access
from binhdang.reporting.forms_catalog import CATEGORY_OPTION_LABELS, form_for_period
from binhdang.reporting.models import Period, Submission
from binhdang.results import access, engine, presenters
from binhdang.results import catalog_rules as rules
from binhdang.results.engine.national import plans_in_force
from binhdang.results.status import STATUSES

PROGRAMS = (Program.COMMUNICATION, Program.STRATEGY)


def _default_year(plan) -> int:
    """The latest year of the plan that has a period and has begun; else its first year."""
    years = engine.plan_years(plan)
    this_year = timezone.localdate().year
    opened = [
        y
        for y in Period.objects.filter(plan=plan, kind="annual").values_list("year", flat=True)
        if y in years
    ]
    started = [y for y in opened if y <= max(this_year, years[0])]
    return max(started) if started else years[0]


def _check_year(plan, year: int) -> list[int]:
    years = engine.plan_years(plan)
    if year not in years:
        raise Http404
    return years


def _period(plan, year: int) -> Period | None:
    return Period.objects.filter(plan=plan, year=year, kind="annual").select_related("focal_unit").first()


def _status_legend() -> list[tuple[str, str, str]]:
    return [(key, str(label), css) for key, (label, css) in STATUSES.items()]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The results home: the plans the user may follow, the ministry view, a reporter's own units."""
    user = request.user
    if not user.has_perm("results.view_results"):
        raise Http404
    plans = list(access.home_plans(user).order_by("province__name", "program", "-version"))
    unit_links = []
    in_force = plans_in_force(Program.COMMUNICATION)
    for unit in access.reporter_units(user):
        plan = in_force.get(unit.province_id or 0)
        if plan is not None:
            unit_links.append((unit, plan, _default_year(plan)))
    return render(
        request,
        "results/index.html",
        {
            "plans": [(plan, _default_year(plan)) for plan in plans],
            "unit_links": unit_links,
            "national": access.can_view_national(user),
            "year": timezone.localdate().year,
        },
    )


@login_required
def help_page(request: HttpRequest) -> HttpResponse:
    """How values, targets and statuses are computed (the rule of ``results.status``)."""
    return render(request, "results/help.html", {"legend": _status_legend()})


@login_required
def national(request: HttpRequest) -> HttpResponse:
    """The ministry view: every province's plan in force, side by side, with drill-down."""
    if not access.can_view_national(request.user):
        raise PermissionDenied
    program = request.GET.get("program") or Program.COMMUNICATION
    if program not in PROGRAMS:
        raise Http404
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        raise Http404 from None
    if not 2000 <= year <= 2100:
        raise Http404
    rollup = engine.national_rollup(year, program)
    rows = [
        (province, result, [result.by_catalog().get(code) if result else None for code in rollup.codes])
        for province, result in rollup.rows
    ]
    return render(
        request,
        "results/national.html",
        {
            "rollup": rollup,
            "rows": rows,
            "totals": [rollup.totals[code] for code in rollup.codes],
            "years": list(range(2026, 2031)),
            "programs": [(p, Program(p).label) for p in PROGRAMS],
            "legend": _status_legend(),
        },
    )


@login_required
def plan_default(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_plan(request.user, pk)
    return redirect("results:dashboard", pk=plan.pk, year=_default_year(plan))


@login_required
def dashboard(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """A plan's dashboard: every target against its roadmap, status by colour and word, trends to 2030."""
    plan = access.get_plan(request.user, pk)
    years = _check_year(plan, year)
    history = engine.plan_history(plan, years)
    results = history[year]
    rows, charts = [], []
    for position, result in enumerate(results.indicators):
        series = [history[y].indicators[position] for y in years]
        rows.append((result, series))
        charts.append(
            {
                "id": f"chart-{result.indicator.pk}",
                "title": f"{result.indicator.code}. {result.indicator.text[:90]}",
                **presenters.chart_data(series),
            }
        )
    return render(
        request,
        "results/dashboard.html",
        {
            "plan": plan,
            "year": year,
            "years": years,
            "results": results,
            "rows": rows,
            "chart_data": {"labels": presenters.chart_labels(), "charts": charts},
            "legend": _status_legend(),
            "national": access.can_view_national(request.user),
        },
    )


@login_required
def summary(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The one-page view for leaders (printable)."""
    plan = access.get_plan(request.user, pk)
    _check_year(plan, year)
    results = engine.plan_results(plan, year)
    period = results.period
    missing = []
    if period is not None:
        missing = [row for row in rules.unit_rows(period) if not row.counts]
    return render(
        request,
        "results/summary.html",
        {
            "plan": plan,
            "year": year,
            "results": results,
            "missing": missing,
            "missing_by_type": presenters.missing_by_type(missing),
            "legend": _status_legend(),
            "printed_at": timezone.localtime(),
        },
    )


@login_required
def completeness(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """Reporting completeness by commune (or another unit type) and year, with drill-down to units."""
    plan = access.get_plan(request.user, pk)
    years = _check_year(plan, year)
    unit_type = request.GET.get("type", "commune")
    table = presenters.completeness_table(plan, years, year, unit_type)
    return render(
        request,
        "results/completeness.html",
        {
            "plan": plan,
            "year": year,
            "years": years,
            "table": table,
            "unit_type": unit_type,
            "types": presenters.TYPE_CHOICES,
            "cells": presenters.CELL_LABELS,
        },
    )


@login_required
def indicator(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """One indicator: its history, the units below the bar, breakdowns by unit type and by sex."""
    found = access.get_indicator(request.user, pk)
    plan = found.plan
    years = _check_year(plan, year)
    history = engine.indicator_history(found, years)
    result = next(r for r in history if r.year == year)
    detail = presenters.indicator_detail(result)
    chart = {
        "id": f"chart-{found.pk}",
        "title": f"{found.code}. {found.text[:90]}",
        **presenters.chart_data(history),
    }
    return render(
        request,
        "results/indicator.html",
        {
            "plan": plan,
            "indicator": found,
            "year": year,
            "years": years,
            "result": result,
            "history": history,
            "detail": detail,
            "chart_data": {"labels": presenters.chart_labels(), "charts": [chart]},
            "legend": _status_legend(),
        },
    )


@login_required
def unit(request: HttpRequest, pk: int, year: int, unit_pk: int) -> HttpResponse:
    """One unit's own figures for a plan's year (its reporters see this page only)."""
    plan = access.get_unit_plan(request.user, pk)
    found = access.get_unit(request.user, plan, unit_pk)
    years = _check_year(plan, year)
    period = _period(plan, year)
    submission = Submission.objects.filter(period=period, unit=found).first() if period else None
    values, verdicts = [], []
    if period is not None and submission is not None and submission.is_complete:
        stored = submission.value_map()
        for element in form_for_period(period).elements_for(found, period.focal_unit):
            for coc in element.category_options:
                if (element.code, coc) in stored:
                    label = element.field_label(coc) if coc else str(element.label)
                    values.append(
                        (
                            label,
                            stored[(element.code, coc)],
                            element.value_type,
                            CATEGORY_OPTION_LABELS.get(coc, ""),
                        )
                    )
    if period is not None and period.form_code == rules.TT1790:
        verdicts = presenters.unit_verdicts(plan, period, found)
    can_open = submission is not None and reporting_access.can_view_submission(request.user, submission)
    return render(
        request,
        "results/unit.html",
        {
            "plan": plan,
            "unit": found,
            "year": year,
            "years": years,
            "period": period,
            "submission": submission,
            "values": values,
            "verdicts": verdicts,
            "can_open_report": can_open,
            "can_view_plan": access.can_view_plan_results(request.user, plan),
            "state": presenters.cell_state(
                submission.state if submission else None,
                submission.first_submitted_at if submission else None,
                period,
            )
            if period
            else None,
            "cells": presenters.CELL_LABELS,
        },
    )
