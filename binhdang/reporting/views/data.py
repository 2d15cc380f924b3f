"""Data value sets through the web (upload, download) and the user's notifications."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.core.exports import Scope, download
from binhdang.reporting import access, exporters, import_summary, navigation
from binhdang.reporting.datavalue_export import export_filters
from binhdang.reporting.datavaluesets import DataValueSetError, import_data_value_sets
from binhdang.reporting.dhis2 import FormatError, read_import
from binhdang.reporting.forms import DataUploadForm
from binhdang.reporting.models import Notification
from binhdang.reporting.views.common import ReportingRequest, board_period

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _may_import(user) -> bool:
    """Importing data value sets is a focal officer's tool; reporters fill the form or the Excel
    template."""
    return access.manages_any_province(user)


@login_required
def data_import(request: ReportingRequest) -> HttpResponse:
    """Upload a data value set file (binhdang's or DHIS2's JSON, or ADX): all of it is imported, or
    nothing; the answer shows DHIS2's import summary (counts, conflicts with their place)."""
    if not _may_import(request.user):
        raise PermissionDenied
    form = DataUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    result = None
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_UPLOAD_BYTES:
                raise DataValueSetError(
                    _("The file is larger than %(mb)d MB.") % {"mb": MAX_UPLOAD_BYTES // 1024 // 1024}
                )
            data = read_import(upload.read())
            result = import_data_value_sets(data, request.user, dry_run=form.cleaned_data["dry_run"])
        except (DataValueSetError, FormatError) as exc:
            errors = exc.messages
            summary = import_summary.failure(errors, dry_run=form.cleaned_data["dry_run"])
        else:
            summary = import_summary.success(result)
            if result.dry_run:
                messages.info(
                    request,
                    _(
                        "The file is valid: %(sets)d reports, %(values)d values, %(submitted)d "
                        "would be submitted. Nothing was imported."
                    )
                    % vars(result)
                    + " "
                    + import_summary.count_text(summary),
                )
            else:
                messages.success(
                    request,
                    _("Imported %(sets)d reports, %(values)d values; %(submitted)d submitted.") % vars(result)
                    + " "
                    + import_summary.count_text(summary),
                )
                for notice in result.notices:
                    messages.warning(request, notice)
                for warning in summary["conflicts"]:
                    messages.warning(request, f"{warning['object']}: {warning['message']}")
                return redirect("reporting:data_import")
    return render(
        request,
        "reporting/data_import.html",
        {
            "form": form,
            "errors": errors,
            "result": result,
            "summary": summary,
            "summary_json": json.dumps(summary, ensure_ascii=False, indent=2) if summary else "",
        },
        status=400 if errors else 200,
    )


@login_required
def data_export(request: ReportingRequest, pk: int) -> HttpResponseBase:
    """Download the period's reports as a data value set file; ``?unit=CODE`` and ``?status=STATE``
    keep one unit's report or the reports in one state (400 with the Vietnamese reason when unknown)."""
    period = board_period(request, pk)
    try:
        filters = export_filters(period, request.GET.get("unit"), request.GET.get("status"))
    except DataValueSetError as exc:
        return JsonResponse(
            {"errors": exc.messages}, status=400, json_dumps_params={"ensure_ascii": False, "indent": 2}
        )
    scope = Scope(user=request.user, period=period, filters={"units": filters.units, "state": filters.state})
    return download(exporters.DataValueSets(), scope)


def _dhis2_export(request: ReportingRequest, pk: int, exporter) -> HttpResponseBase:
    period = board_period(request, pk)
    try:
        filters = export_filters(period, request.GET.get("unit"), request.GET.get("status"))
        scope = Scope(
            user=request.user,
            period=period,
            filters={
                "units": filters.units,
                "state": filters.state,
                "id_scheme": (request.GET.get("idScheme") or "CODE").upper(),
            },
        )
        return download(exporter, scope)
    except (DataValueSetError, FormatError) as exc:
        return JsonResponse(
            {"errors": exc.messages}, status=400, json_dumps_params={"ensure_ascii": False, "indent": 2}
        )


@login_required
def data_export_dhis2(request: ReportingRequest, pk: int) -> HttpResponseBase:
    """The period's reports as ONE DHIS2 data value set (values carry orgUnit, period, dataSet);
    ``?idScheme=CODE`` (default) or ``UID``, and the ``?unit=&status=`` filters of the JSON export."""
    return _dhis2_export(request, pk, exporters.Dhis2DataValueSet())


@login_required
def data_export_adx(request: ReportingRequest, pk: int) -> HttpResponseBase:
    """The period's reports as ADX (DHIS2's XML), with the same parameters as the DHIS2 JSON."""
    return _dhis2_export(request, pk, exporters.Adx())


#: The newest notifications listed on the notifications page.
SHOWN_NOTICES = 100


@login_required
def notifications(request: ReportingRequest) -> HttpResponse:
    """The user's notifications, newest first; opening them marks them read (they still show as new
    on this page, once)."""
    items = navigation.newest_notices(request.user, SHOWN_NOTICES)  # read state as found
    if len(items) == SHOWN_NOTICES or any(n.read_at is None for n in items):
        # fewer than shown and none unread: these are all of them, nothing to mark
        Notification.objects.filter(user=request.user).unread().update(read_at=timezone.now())
    navigation.all_notices_read(request)  # the menu's badge: nothing left to count
    return render(request, "reporting/notifications.html", {"items": items})


@login_required
@require_POST
def notifications_read(request: ReportingRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user).unread().update(read_at=timezone.now())
    return redirect("reporting:notifications")
