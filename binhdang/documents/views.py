"""Downloads of the generated reports, thin: objects through ``documents.access``, files from
``documents.services``."""

from __future__ import annotations

from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest

from binhdang.documents import access, services
from binhdang.results.engine import plan_years


def _download(generated: services.GeneratedFile) -> FileResponse:
    response = FileResponse(
        BytesIO(generated.content),
        as_attachment=True,
        filename=generated.name,
        content_type=generated.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


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
def annual_report(request: HttpRequest, pk: int, year: int) -> FileResponse:
    """The plan's annual report (DOCX); the units' narratives only for those who may read them."""
    plan = _plan_and_year(request, pk, year)
    narratives = access.can_read_plan_narratives(request.user, plan)
    return _download(services.annual_report(plan, year, with_narratives=narratives))


@login_required
def annual_annex(request: HttpRequest, pk: int, year: int) -> FileResponse:
    """The annual report's tables (XLSX)."""
    plan = _plan_and_year(request, pk, year)
    return _download(services.annual_annex(plan, year))


@login_required
def unit_report(request: HttpRequest, pk: int) -> FileResponse:
    """A unit's own report from its submission (DOCX)."""
    submission = access.get_unit_report_submission(request.user, pk)
    return _download(services.unit_report(submission))
