"""The reporter's pages: my reports, the report page with autosave and submit, the history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.core.numbers import posted_int
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, home, services
from binhdang.reporting.entry import build_sections, parse_post
from binhdang.reporting.errors import AccessDenied, ConflictError, ReportingError, ReportValidationError
from binhdang.reporting.forms import AttachmentForm, CommentForm
from binhdang.reporting.forms_catalog import NARRATIVE_FIELDS, form_for_period
from binhdang.reporting.history import report_history
from binhdang.reporting.models import Notification
from binhdang.reporting.validation import Issue, soft_warnings, submit_errors
from binhdang.reporting.views.common import ReportingRequest, report_errors, visible_submission


@login_required
def index(request: ReportingRequest) -> HttpResponse:
    """Reports: the reporter's reports, the periods a focal officer or leader follows."""
    user = request.user
    return render(
        request,
        "reporting/index.html",
        {
            "due": home.due_items(user, include_closed=True),
            "boards": home.period_summaries(user),
            "can_open": user.has_perm("reporting.open_period"),
            "can_import": access.manages_any_province(user) or access.reports_for_any_unit(user),
            "unread": Notification.objects.filter(user=user).unread().count(),
        },
    )


@login_required
def report(request: ReportingRequest, period_pk: int, unit_pk: int) -> HttpResponse:
    """Open (creating it the first time) the report of a unit in a period."""
    period = get_object_or_404(access.visible_periods(request.user), pk=period_pk)
    unit = get_object_or_404(OrgUnit, pk=unit_pk, province=period.province_id)
    existing = access.visible_submissions(request.user).filter(period=period, unit=unit).first()
    if existing is not None:
        return redirect("reporting:submission", pk=existing.pk)
    if not access.can_start_report(request.user, period, unit):
        raise Http404
    submission = services.get_or_create_submission(period, unit, request.user)
    return redirect("reporting:submission", pk=submission.pk)


def _page_context(request: ReportingRequest, submission, *, values=None, issues=(), narrative=None) -> dict:
    period = submission.period
    form = form_for_period(period)
    elements = services.elements_for(submission)
    stored = submission.value_map()
    shown = {**stored, **(values or {})}
    warnings = soft_warnings(elements, stored, services.previous_values(submission))
    can_edit = access.can_edit_submission(request.user, submission)
    see_narrative = access.can_see_narrative(request.user, submission)
    narrative_values = {**submission.narrative(), **(narrative or {})}
    return {
        "submission": submission,
        "period": period,
        "form": form,
        "sections": build_sections(form, submission.unit, period.focal_unit, shown, issues, warnings),
        "narrative": [{"field": f, "value": narrative_values[f.name]} for f in NARRATIVE_FIELDS],
        "see_narrative": see_narrative,
        "can_edit": can_edit,
        "can_review": access.can_review_submission(request.user, submission),
        "can_view_board": access.can_view_board(request.user, period),
        "pending": submit_errors(elements, stored),
        "warnings": warnings,
        "stored_warnings": submission.warnings,
        "attachments": submission.attachments.all() if see_narrative else [],
        "comments": submission.comments.select_related("author") if see_narrative else [],
        "last_comment": submission.comments.select_related("author").last() if see_narrative else None,
        "state_changes": submission.state_changes.select_related("user"),
        "comment_form": CommentForm(),
        "attachment_form": AttachmentForm(),
        "locked_for_reporters": period.locked_for_reporters(),
    }


@login_required
def submission_page(request: ReportingRequest, pk: int) -> HttpResponse:
    """The report: an entry form for who may change it, a read-only view (with review) otherwise."""
    submission = visible_submission(request, pk)
    return render(request, "reporting/submission.html", _page_context(request, submission))


def _status(
    request: ReportingRequest,
    submission,
    *,
    saved=None,
    conflict=None,
    errors=(),
    pending=None,
    status: int = 200,
) -> HttpResponse:
    """The autosave status fragment (with the new version and the validation summary, out of band)."""
    return render(
        request,
        "reporting/_save_status.html",
        {
            "submission": submission,
            "saved": saved,
            "conflict": conflict,
            "errors": errors,
            "pending": pending,
            "oob": True,
        },
        status=status,
    )


def _posted_version(request: ReportingRequest) -> int:
    """The version the page was loaded with; a missing or garbled one (0) always conflicts."""
    return posted_int(request.POST.get("version")) or 0


def _save(request: ReportingRequest, submission):
    """Save the posted values; returns the SaveResult. Raises the service errors."""
    values, narrative = parse_post(request.POST, services.elements_for(submission))
    if not access.can_see_narrative(request.user, submission):
        narrative = {}
    return services.save_draft(
        submission, values, narrative, request.user, expected_version=_posted_version(request)
    )


@login_required
@require_POST
def save(request: ReportingRequest, pk: int) -> HttpResponse:
    """Save the draft: htmx autosave (answers the status fragment) or the "save" button."""
    submission = visible_submission(request, pk)
    try:
        result = _save(request, submission)
    except AccessDenied as exc:
        raise PermissionDenied from exc
    except ConflictError as exc:
        if request.htmx:
            return _status(request, submission, conflict=exc)
        report_errors(request, exc)
        return redirect("reporting:submission", pk=pk)
    except ReportValidationError as exc:
        if request.htmx:
            return _status(request, submission, errors=exc.issues)
        values, narrative = parse_post(request.POST, services.elements_for(submission))
        context = _page_context(request, submission, values=values, issues=exc.issues, narrative=narrative)
        context["errors"] = exc.issues
        return render(request, "reporting/submission.html", context, status=400)
    except ReportingError as exc:
        if request.htmx:
            return _status(request, submission, errors=[Issue("", "", m) for m in exc.messages])
        report_errors(request, exc)
        return redirect("reporting:submission", pk=pk)
    saved_at = date_format(timezone.localtime(result.submission.updated_at), "H:i")
    if request.htmx:
        return _status(request, result.submission, saved=saved_at, pending=result.pending)
    messages.success(request, _("Draft saved at %(time)s") % {"time": saved_at})
    return redirect("reporting:submission", pk=pk)


@login_required
@require_POST
def submit(request: ReportingRequest, pk: int) -> HttpResponse:
    """Save the posted values, then submit (or resubmit) the report."""
    submission = visible_submission(request, pk)
    try:
        result = _save(request, submission)
        services.submit(result.submission, request.user, expected_version=result.version)
    except AccessDenied as exc:
        raise PermissionDenied from exc
    except ConflictError as exc:
        if request.htmx:
            return _status(request, submission, conflict=exc)
        report_errors(request, exc)
        return redirect("reporting:submission", pk=pk)
    except ReportValidationError as exc:
        if request.htmx:
            submission.refresh_from_db()
            return _status(request, submission, errors=exc.issues, pending=None)
        context = _page_context(request, submission, issues=exc.issues)
        context["errors"] = exc.issues
        return render(request, "reporting/submission.html", context, status=400)
    except ReportingError as exc:
        if request.htmx:
            return _status(request, submission, errors=[Issue("", "", m) for m in exc.messages])
        report_errors(request, exc)
        return redirect("reporting:submission", pk=pk)
    messages.success(request, _("The report was submitted. The focal agency will review it."))
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = submission.get_absolute_url()
        return response
    return redirect("reporting:submission", pk=pk)


@login_required
def history(request: ReportingRequest, pk: int) -> HttpResponse:
    """Who changed which value when, old -> new; narrative edits; evidence; workflow steps."""
    submission = visible_submission(request, pk)
    see_narrative = access.can_see_narrative(request.user, submission)
    entries = report_history(submission, include_narrative_text=see_narrative)
    if not see_narrative:
        entries = [e for e in entries if e.kind != "attachment"]
        for entry in entries:
            entry.comment = ""
    return render(request, "reporting/history.html", {"submission": submission, "entries": entries})
