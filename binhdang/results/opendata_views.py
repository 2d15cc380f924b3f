"""Open data downloads of a plan's results for a year: ``data.csv``, ``data.json``, ``data.sdmx.csv``.

Same access as the dashboard (``results.access.get_plan``: 404 outside the user's provinces, 403 for
a reporter of the province) and the same years; the files are built by ``results.opendata`` from the
live engine figures.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from binhdang.results import access, engine, opendata


def _download(request: HttpRequest, pk: int, year: int, fmt: str) -> HttpResponse:
    plan = access.get_plan(request.user, pk)
    if year not in engine.plan_years(plan):
        raise Http404
    body = opendata.render(plan, year, fmt)
    response = HttpResponse(body.encode("utf-8"), content_type=opendata.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{opendata.filename(plan, year, fmt)}"'
    return response


@login_required
@require_safe
def data_csv(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The year's results as CSV (UTF-8 with a byte-order mark, for Excel)."""
    return _download(request, pk, year, "csv")


@login_required
@require_safe
def data_json(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The year's results as JSON with metadata."""
    return _download(request, pk, year, "json")


@login_required
@require_safe
def data_sdmx(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The year's results as SDMX-CSV (domain §9)."""
    return _download(request, pk, year, "sdmx")
