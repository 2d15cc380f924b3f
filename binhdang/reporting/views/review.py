"""The focal officer's review (return, accept, reopen: one view, one service each) and the evidence
files of a report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from binhdang.core import exports
from binhdang.core.numbers import posted_int
from binhdang.reporting import access, attachments, services
from binhdang.reporting.editing import ReportBeingEdited
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.forms import AttachmentForm
from binhdang.reporting.models import State, Submission
from binhdang.reporting.views.common import ReportingRequest, report_errors, visible_submission


@dataclass(frozen=True)
class ReviewAction:
    """One step of the review: the service that does it and what the officer is told after."""

    service: Callable[..., Submission]
    done: str | Promise


#: The review steps, by the name in the URL (``reporting:return``, ``reporting:accept``, ``reporting:reopen``).
ACTIONS = {
    "return": ReviewAction(
        services.return_submission, gettext_lazy("The report was returned to %(unit)s with your comment.")
    ),
    "accept": ReviewAction(services.accept, gettext_lazy("The report of %(unit)s was accepted.")),
    "reopen": ReviewAction(
        services.reopen, gettext_lazy("The report of %(unit)s was reopened for correction.")
    ),
}


def _version(request: ReportingRequest) -> int | None:
    return posted_int(request.POST.get("version"))


@login_required
@require_POST
def review(request: ReportingRequest, pk: int, action: str) -> HttpResponse:
    """Return (a comment is required), accept or reopen a report, then show it read-only: the page
    offers the next report waiting for review."""
    submission = visible_submission(request, pk)
    if not request.user.has_perm("reporting.review_submission", submission):
        raise PermissionDenied
    step = ACTIONS[action]
    try:
        step.service(
            submission,
            request.user,
            comment=request.POST.get("comment", ""),
            expected_version=_version(request),
        )
    except ReportingError as exc:
        report_errors(request, exc)
    else:
        messages.success(request, str(step.done) % {"unit": submission.unit.name})
    return redirect("reporting:submission", pk=pk)


def review_context(request: ReportingRequest, report: ReportBeingEdited) -> dict:
    """What the report page needs for the review: may the user review, does the entry form show
    (a returned report is the unit's to correct: the focal officer reads it, and edits it on behalf of
    the unit only when asking with ``?edit=1``), and the next report waiting for review."""
    submission = report.submission
    if submission is None:
        return {
            "can_review": False,
            "can_edit": report.can_edit,
            "can_edit_on_behalf": False,
            "review_queue": None,
        }
    with_unit = (
        submission.state == State.RETURNED
        and report.can_edit
        and access.edits_on_behalf(request.user, submission)
        and request.GET.get("edit") != "1"
    )
    return {
        "can_review": report.can_review,
        "can_edit": report.can_edit and not with_unit,
        "can_edit_on_behalf": with_unit,
        "review_queue": services.review_queue(submission, request.user) if report.can_review else None,
    }


@login_required
@require_POST
def attachment_upload(request: ReportingRequest, pk: int) -> HttpResponse:
    submission = visible_submission(request, pk)
    if not access.can_edit_submission(request.user, submission):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("reporting:submission", pk=pk)
    try:
        attachment = attachments.add_attachment(
            submission, form.cleaned_data["file"], request.user, form.cleaned_data["description"]
        )
    except ReportingError as exc:
        report_errors(request, exc)
    else:
        messages.success(request, _("%(name)s was attached.") % {"name": attachment.original_name})
    return redirect("reporting:submission", pk=pk)


def _attachment(request: ReportingRequest, pk: int, attachment_pk: int):
    submission = visible_submission(request, pk)
    if not access.can_see_narrative(request.user, submission):
        raise Http404
    return get_object_or_404(submission.attachments, pk=attachment_pk)


@login_required
def attachment_download(request: ReportingRequest, pk: int, attachment_pk: int) -> FileResponse:
    attachment = _attachment(request, pk, attachment_pk)
    return exports.stored_file(attachment.file, attachment.original_name, attachment.content_type)


@login_required
@require_POST
def attachment_delete(request: ReportingRequest, pk: int, attachment_pk: int) -> HttpResponse:
    attachment = _attachment(request, pk, attachment_pk)
    if not access.can_edit_submission(request.user, attachment.submission):
        raise PermissionDenied
    try:
        attachments.delete_attachment(attachment, request.user)
    except ReportingError as exc:
        report_errors(request, exc)
    else:
        messages.success(request, _("%(name)s was removed.") % {"name": attachment.original_name})
    return redirect("reporting:submission", pk=pk)
