"""The activity log's figures in the report form: the reporter accepts them all, or one field at a
time (``reporting.log_figures``; the figures come from ``work.prefill``). Accepting is a save like any
other (validation, the audit trail); opening the report never writes them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from binhdang.reporting.editing import ReportBeingEdited
from binhdang.reporting.errors import AccessDenied, ReportingError
from binhdang.reporting.views.common import ReportingRequest, report_errors
from binhdang.reporting.views.reports import _page_url, _posted_version, _report_in, _report_of

#: The posted name of the accept buttons: ``all``, or the field name of one value.
ACCEPT = "accept_log"
ALL = "all"


def _accept(request: ReportingRequest, report: ReportBeingEdited) -> HttpResponse:
    if not report.can_edit:
        raise PermissionDenied
    chosen = set(request.POST.getlist(ACCEPT))
    accepted = None if ALL in chosen or not chosen else chosen
    proposals = report.proposals()
    data = report.with_proposals(request.POST, accepted)
    filled = sum(1 for name, text in data.items() if text != request.POST.get(name, None))
    try:
        result = report.save(data, _posted_version(request))
    except AccessDenied as exc:
        raise PermissionDenied from exc
    except ReportingError as exc:  # a conflict, a closed period
        report_errors(request, exc)
        return _back(request, report)
    if result is not None and result.refused:
        messages.warning(
            request,
            ngettext(
                "%(n)d value was not accepted; it is marked beside its field.",
                "%(n)d values were not accepted; they are marked beside their fields.",
                len(result.refused),
            )
            % {"n": len(result.refused)},
        )
    elif filled and proposals:
        messages.success(
            request,
            ngettext(
                "%(n)d figure of the activity log was put in the report: check it and correct it if needed.",
                "%(n)d figures of the activity log were put in the report: check them and correct them if needed.",
                filled,
            )
            % {"n": filled},
        )
    return _back(request, report)


def _back(request: ReportingRequest, report: ReportBeingEdited) -> HttpResponse:
    url = _page_url(report)
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


@login_required
@require_POST
def accept(request: ReportingRequest, pk: int) -> HttpResponse:
    """Put the log's figures in the empty fields of a report (all, or those named)."""
    return _accept(request, _report_of(request, pk))


@login_required
@require_POST
def report_accept(request: ReportingRequest, period_pk: int, unit_pk: int) -> HttpResponse:
    """The same for a report nobody has started: accepting creates it, as a first saved value does."""
    return _accept(request, _report_in(request, period_pk, unit_pk))
