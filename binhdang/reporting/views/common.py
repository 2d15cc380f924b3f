"""Helpers shared by the reporting views."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django_htmx.middleware import HtmxDetails

from binhdang.accounts.models import User
from binhdang.reporting import access, report_reads
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.models import Period, Submission


class ReportingRequest(HttpRequest):
    """What the reporting views get (for type checking): a logged-in user, django-htmx's details."""

    user: User  # type: ignore[assignment]
    htmx: HtmxDetails


def visible_submission(request: HttpRequest, pk: int) -> Submission:
    """The report ``pk`` with its period (plan, focal unit), unit and last editor, if the user may see
    it (404 otherwise, as for a report that does not exist): one plain statement, then the access
    helper's rule for one report (``access.can_view_submission``, the rule of
    ``access.visible_submissions``), with the roles already read for the request."""
    submission = report_reads.submission(pk)
    if submission is None or not access.can_view_submission(request.user, submission):
        raise Http404("No report matches the given query.")
    return submission


def board_period(request: HttpRequest, pk: int) -> Period:
    """A period whose board the user reads (404 otherwise)."""
    return get_object_or_404(access.board_periods(request.user).select_related("plan", "province"), pk=pk)


def managed_period(request: HttpRequest, pk: int) -> Period:
    """A period the user manages: 404 if they cannot see it, 403 if they only read it."""
    period = board_period(request, pk)
    if not request.user.has_perm("reporting.manage_period", period):
        raise PermissionDenied
    return period


def report_errors(request: HttpRequest, error: ReportingError) -> None:
    for message in error.messages:
        messages.error(request, message)
