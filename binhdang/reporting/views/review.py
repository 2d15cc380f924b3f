"""The focal officer's review (return, accept, reopen) and the evidence files of a report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.core.numbers import posted_int
from binhdang.reporting import access, attachments, services
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.forms import AttachmentForm
from binhdang.reporting.views.common import ReportingRequest, report_errors, visible_submission


def _reviewable(request: ReportingRequest, pk: int):
    submission = visible_submission(request, pk)
    if not request.user.has_perm("reporting.review_submission", submission):
        raise PermissionDenied
    return submission


def _version(request: ReportingRequest) -> int | None:
    return posted_int(request.POST.get("version"))


@login_required
@require_POST
def return_view(request: ReportingRequest, pk: int) -> HttpResponse:
    submission = _reviewable(request, pk)
    try:
        services.return_submission(
            submission, request.user, request.POST.get("comment", ""), expected_version=_version(request)
        )
    except ReportingError as exc:
        report_errors(request, exc)
    else:
        messages.success(
            request,
            _("The report was returned to %(unit)s with your comment.") % {"unit": submission.unit.name},
        )
    return redirect("reporting:submission", pk=pk)


@login_required
@require_POST
def accept_view(request: ReportingRequest, pk: int) -> HttpResponse:
    submission = _reviewable(request, pk)
    try:
        services.accept(
            submission,
            request.user,
            comment=request.POST.get("comment", ""),
            expected_version=_version(request),
        )
    except ReportingError as exc:
        report_errors(request, exc)
    else:
        messages.success(request, _("The report of %(unit)s was accepted.") % {"unit": submission.unit.name})
    return redirect("reporting:submission", pk=pk)


@login_required
@require_POST
def reopen_view(request: ReportingRequest, pk: int) -> HttpResponse:
    submission = _reviewable(request, pk)
    try:
        services.reopen(
            submission, request.user, request.POST.get("comment", ""), expected_version=_version(request)
        )
    except ReportingError as exc:
        report_errors(request, exc)
    else:
        messages.success(
            request, _("The report of %(unit)s was reopened for correction.") % {"unit": submission.unit.name}
        )
    return redirect("reporting:submission", pk=pk)


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
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )


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
