"""The ministry's national results page (``/ministry/national/``) and its downloads: CSV, SDMX-CSV,
Excel and the national report (Word). The ministry (and admins) only: a province's users get 403."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_GET

from binhdang.core.exports import Scope, download, get
from binhdang.ministry import access
from binhdang.ministry.views import YEARS, _year
from binhdang.plans.models import Program
from binhdang.results.national import PROGRAMS, NationalIndicator, national_results
from binhdang.results.status import STATUSES


def _chart(index: int, item: NationalIndicator) -> dict:
    """The ranked bar chart of an indicator (``static/ministry/national.js``)."""
    return {
        "id": f"chart-{index}",
        "code": item.code,
        "unit": item.unit,
        "national": float(item.value) if item.value is not None else None,
        "names": [cell.province.name for cell in item.ranked],
        "values": [float(cell.value) for cell in item.ranked if cell.value is not None],
        "statuses": [cell.status for cell in item.ranked],
    }


@login_required
@require_GET
def national(request: HttpRequest) -> HttpResponse:
    """Per catalog indicator: the national value, the ranked provinces, those off track."""
    if not access.sees_board(request.user):
        raise PermissionDenied
    year = _year(request.GET.get("year"))
    results = national_results(year)
    sections = []
    charts: list[dict] = []
    for program in PROGRAMS:
        items = []
        for item in results.for_program(program):
            chart = _chart(len(charts), item)
            charts.append(chart)
            items.append((item, chart["id"]))
        sections.append((Program(program).label, results.rollups[program], items))
    return render(
        request,
        "ministry/national.html",
        {
            "year": year,
            "years": YEARS,
            "sections": sections,
            "chart_data": {
                "charts": charts,
                "labels": {"national": "Toàn quốc", "decimal": ","},
                "statuses": {key: str(label) for key, (label, _css) in STATUSES.items()},
            },
        },
    )


def _download(request: HttpRequest, year: int, identifier: str) -> HttpResponseBase:
    if not access.sees_board(request.user):
        raise PermissionDenied
    return download(get(identifier), Scope(user=request.user, year=_year(year)))


@login_required
@require_GET
def national_csv(request: HttpRequest, year: int) -> HttpResponseBase:
    return _download(request, year, "ministry.national_csv")


@login_required
@require_GET
def national_sdmx(request: HttpRequest, year: int) -> HttpResponseBase:
    return _download(request, year, "ministry.national_sdmx")


@login_required
@require_GET
def national_xlsx(request: HttpRequest, year: int) -> HttpResponseBase:
    return _download(request, year, "ministry.national_xlsx")


@login_required
@require_GET
def national_report(request: HttpRequest, year: int) -> HttpResponseBase:
    return _download(request, year, "ministry.national_report")
