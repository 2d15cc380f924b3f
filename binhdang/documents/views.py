"""Downloads of the generated reports, thin: objects through ``documents.access``, files from the
exporters of ``documents.exporters`` through ``core.exports.download``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from binhdang.core.exports import Scope, download
from binhdang.documents import access, exporters, services
from binhdang.results.engine import plan_years


def _plan_and_year(request: HttpRequest, pk: int, year: int):
    plan = access.get_report_plan(request.user, pk)
    if year not in plan_years(plan):
        raise Http404
    try:
        services.find_period(plan, year)
    except services.DocumentError:
        raise Http404 from None
    return plan


@login_required
def annual_report(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The plan's annual report (DOCX); the units' narratives only for those who may read them."""
    plan = _plan_and_year(request, pk, year)
    narratives = access.can_read_plan_narratives(request.user, plan)
    scope = Scope(user=request.user, plan=plan, year=year, filters={"with_narratives": narratives})
    return download(exporters.AnnualReport(), scope)


@login_required
def annual_annex(request: HttpRequest, pk: int, year: int) -> HttpResponseBase:
    """The annual report's tables (XLSX)."""
    plan = _plan_and_year(request, pk, year)
    return download(exporters.AnnualAnnex(), Scope(user=request.user, plan=plan, year=year))


@login_required
def unit_report(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A unit's own report from its submission (DOCX)."""
    submission = access.get_unit_report_submission(request.user, pk)
    return download(exporters.UnitReport(), Scope(user=request.user, submission=submission))
