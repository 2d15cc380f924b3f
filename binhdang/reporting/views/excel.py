"""Excel round-trip pages: download a unit's prefilled template, the zip of every expected unit's
template (focal officer), and the upload of filled templates (several at once), with a result per
file. Queries through ``reporting.access``, the work in ``reporting.excel``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render

from binhdang.core.exports import Scope, download
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, exporters
from binhdang.reporting.excel.forms import ExcelUploadForm
from binhdang.reporting.excel.importer import import_many
from binhdang.reporting.views.common import managed_period


@login_required
def template_download(request: HttpRequest, period_pk: int, unit_pk: int) -> HttpResponseBase:
    """The unit's template, prefilled with its report's current values."""
    period = get_object_or_404(access.visible_periods(request.user).select_related("plan"), pk=period_pk)
    unit = get_object_or_404(OrgUnit, pk=unit_pk, province=period.province_id)
    if not access.can_download_template(request.user, period, unit):
        raise Http404
    submission = access.visible_submissions(request.user).filter(period=period, unit=unit).first()
    include_narrative = submission is None or access.can_see_narrative(request.user, submission)
    scope = Scope(
        user=request.user,
        period=period,
        unit=unit,
        submission=submission,
        filters={"include_narrative": include_narrative},
    )
    return download(exporters.UnitTemplate(), scope)


@login_required
def templates_zip(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Every expected unit's template in one zip (focal officer)."""
    period = managed_period(request, pk)
    return download(exporters.TemplatesZip(), Scope(user=request.user, period=period))


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload filled templates: each file is checked as a whole and saved (or submitted), or refused
    with the list of its problems, independently of the other files."""
    user = request.user
    if not (access.manages_any_province(user) or access.reports_for_any_unit(user)):
        raise PermissionDenied
    form = ExcelUploadForm(request.POST, request.FILES) if request.method == "POST" else ExcelUploadForm()
    results = []
    if form.is_bound and form.is_valid():
        results = import_many(form.cleaned_data["uploads"], user, submit=form.cleaned_data["submit"])
        form = ExcelUploadForm(initial={"submit": form.cleaned_data["submit"]})
    accepted = sum(1 for r in results if r.accepted)
    return render(
        request,
        "reporting/xlsx_upload.html",
        {"form": form, "results": results, "accepted": accepted, "rejected": len(results) - accepted},
        status=400 if form.errors else 200,
    )
