"""Open data downloads of a plan's results for a year: ``data.csv``, ``data.json``, ``data.sdmx.csv``.

Same access as the dashboard (``results.access.get_plan``: 404 outside the user's provinces, 403 for
a reporter of the province) and the same years; the files are built by ``results.opendata`` from the
live engine figures (exporters of ``results.exporters``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe

from binhdang.core.exports import Scope, download
from binhdang.results import access, engine, exporters


def _download(request: HttpRequest, pk: int, year: int, fmt: str) -> HttpResponseBase:
    plan = access.get_plan(request.user, pk)
    if year not in engine.plan_years(plan):
        raise Http404
    return download(exporters.BY_FORMAT[fmt](), Scope(user=request.user, plan=plan, year=year))


@login_required
@require_safe
def data_csv(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The year's results as CSV (UTF-8 with a byte-order mark, for Excel)."""
    return _download(request, pk, year, "csv")


@login_required
@require_safe
def data_json(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The year's results as JSON with metadata."""
    return _download(request, pk, year, "json")


@login_required
@require_safe
def data_sdmx(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The year's results as SDMX-CSV (domain §9)."""
    return _download(request, pk, year, "sdmx")


@require_safe
def sdmx_structure(request: HttpRequest) -> HttpResponseBase:
    """The SDMX-ML 3.0 structure that the SDMX-CSV's ``STRUCTURE_ID`` names: public (codes and names
    of the catalog, the provinces and the plans' indicators, no figure), for SDMX registries."""
    response = download(exporters.SdmxStructure(), Scope(user=request.user))
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline", 1)
    return response
