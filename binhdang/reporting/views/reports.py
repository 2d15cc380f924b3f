"""The reporter's pages: my reports, the report page with autosave and submit, the history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.core.numbers import posted_int
from binhdang.reporting import access, home, navigation, report_reads, services
from binhdang.reporting.editing import ReportBeingEdited
from binhdang.reporting.entry import display_value, linked_issues
from binhdang.reporting.errors import (
    AccessDenied,
    ConflictError,
    OutliersToConfirm,
    ReportingError,
    ReportValidationError,
)
from binhdang.reporting.forms import AttachmentForm
from binhdang.reporting.forms_catalog import ValueType
from binhdang.reporting.history import report_history
from binhdang.reporting.models import State
from binhdang.reporting.outliers import OUTLIER, note_key, peer_values
from binhdang.reporting.validation import Issue, soft_warnings
from binhdang.reporting.views import form_rows, review
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
            "can_import": access.manages_any_province(user),
            # counted when the button is drawn, after the menu: its one statement has counted them
            "unread": lambda: navigation.unread_notices(request),
        },
    )


def _report_in(request: ReportingRequest, period_pk: int, unit_pk: int) -> ReportBeingEdited:
    """The report of a unit in a period: the existing one if the user may see it, else the report
    nobody has started yet if the user may start it (404 otherwise). Nothing is created.

    The period, the unit, its report and whether it is expected are read in one statement
    (``report_reads.unit_page``); the access helpers decide on them. Either outcome implies that the
    user sees the period (``access.visible_periods``): a report they may see is of a province they
    read or of a unit they report for, and who may start one manages its province or reports for the
    expected unit."""
    found = report_reads.unit_page(period_pk, unit_pk)
    if found is None:
        raise Http404
    period, unit, existing, expected = found
    if existing is not None and access.can_view_submission(request.user, existing):
        return ReportBeingEdited.of_submission(request.user, existing)
    report = ReportBeingEdited.not_started(request.user, period, unit, expected=expected)
    if report is None:
        raise Http404
    return report


def _report_of(request: ReportingRequest, pk: int) -> ReportBeingEdited:
    return ReportBeingEdited.of_submission(request.user, visible_submission(request, pk))


@login_required
def report(request: ReportingRequest, period_pk: int, unit_pk: int) -> HttpResponse:
    """The report of a unit in a period. Opening it changes nothing: a report nobody has started is
    shown empty and becomes a draft with its first saved value."""
    report = _report_in(request, period_pk, unit_pk)
    if report.submission is not None:
        return redirect("reporting:submission", pk=report.submission.pk)
    return render(request, "reporting/submission.html", _page_context(request, report))


def _page_context(
    request: ReportingRequest, report: ReportBeingEdited, *, typed=None, issues=None, narrative=None
) -> dict:
    submission, period = report.submission, report.period
    evidence = submission if report.can_see_narrative else None
    returned = evidence is not None and evidence.state == State.RETURNED
    # the activity log's figures are shown to who may change the report (proposals, differences)
    # and to the officers (differences): not read for a reporter's read-only page
    sections = report.sections(typed, issues, log=report.shows_log)
    context = review.review_context(request, report)  # can_edit, can_review, the next report
    accept_log_url = _action_url(report, "accept_log") if report.can_edit else ""
    if context["can_edit"]:  # the page's form (not while an officer reviews a returned report)
        fields = form_rows.editable_sections_html(
            sections, show_codes=report.can_view_board, accept_log_url=accept_log_url
        )
    else:
        fields = form_rows.readonly_sections_html(
            sections, show_codes=report.can_view_board, can_view_board=report.can_view_board
        )
    editing = context["can_edit"]  # what only the entry form shows is not computed for the read-only page
    return {
        "report": report,
        "submission": submission,
        "unit": report.unit,
        "period": period,
        "form": report.form,
        "sections": sections,  # the review's list of differences from the activity log reads them
        "sections_html": fields,
        "narrative": [
            {"field": f, "value": {**report.narrative(), **(narrative or {})}[f.name]}
            for f in report.form.narrative  # none in an ad hoc request, a quarter or a collection
        ],
        "see_narrative": report.can_see_narrative,
        **context,
        "can_view_board": report.can_view_board,
        "show_codes": report.can_view_board,
        "save_url": _action_url(report, "save") if editing else "",
        "submit_url": _action_url(report, "submit") if editing else "",
        "accept_log_url": accept_log_url,
        "log_proposals": len(report.proposals()) if report.can_edit else 0,
        "log_differences": report.log_differences() if report.can_review else [],
        "pending": report.pending() if editing else [],
        "warnings": report.warnings,
        "stored_warnings": submission.warnings if submission is not None else [],
        "attachments": report_reads.attachments(evidence) if evidence is not None else [],
        # shown on a returned report only: not read for the others (a submitted one is reloaded often)
        "last_comment": evidence.comments.select_related("author").last() if evidence and returned else None,
        "state_changes": report_reads.state_changes(submission) if submission is not None else [],
        "outlier_rows": _outlier_rows(submission) if submission is not None else [],
        "attachment_form": AttachmentForm() if editing else None,
        "locked_for_reporters": period.locked_for_reporters(),
        "group_separator": get_format("THOUSAND_SEPARATOR") if editing else "",
        "decimal_separator": get_format("DECIMAL_SEPARATOR") if editing else "",
    }


def _action_url(report: ReportBeingEdited, action: str) -> str:
    """Where the page posts: the report's own URL, or the unit's in the period before it exists."""
    if report.submission is not None:
        return reverse(f"reporting:{action}", args=[report.submission.pk])
    return reverse(f"reporting:report_{action}", args=[report.period.pk, report.unit.pk])


def _page_url(report: ReportBeingEdited) -> str:
    if report.submission is not None:
        return report.submission.get_absolute_url()
    return reverse("reporting:report", args=[report.period.pk, report.unit.pk])


def _outlier_rows(submission) -> list[dict]:
    """The values flagged at the last save or submission, each with the reporter's answer (if any)."""
    notes = submission.outlier_notes or {}
    return [
        {"flag": w, "answer": notes.get(note_key(w.get("code", ""), w.get("coc", "")))}
        for w in submission.warnings or []
        if isinstance(w, dict) and w.get("kind") == OUTLIER
    ]


@login_required
def submission_page(request: ReportingRequest, pk: int) -> HttpResponse:
    """The report: an entry form for who may change it, a read-only view (with review) otherwise."""
    return render(request, "reporting/submission.html", _page_context(request, _report_of(request, pk)))


def _status(
    request: ReportingRequest,
    report: ReportBeingEdited,
    *,
    saved=None,
    conflict=None,
    errors=(),
    field_issues=None,
    refused=(),
    status: int = 200,
) -> HttpResponse:
    """The autosave status fragment, with out of band: the new version, the validation summary and
    the messages beside every field (the problems of ``field_issues``, by default the kept refused
    texts; the soft warnings)."""
    started = report.submission is not None
    sections = report.sections(issues=field_issues, log=False) if started else []
    return render(
        request,
        "reporting/_save_status.html",
        {
            "report": report,
            "submission": report.submission,
            "saved": saved,
            "conflict": conflict,
            "errors": linked_issues(errors),
            "refused": linked_issues(refused),
            "pending": report.pending() if started else None,
            "oob_messages": form_rows.oob_messages_html(sections),
            "oob": True,
        },
        status=status,
    )


def _posted_version(request: ReportingRequest) -> int:
    """The version the page was loaded with; a missing or garbled one (0) always conflicts."""
    return posted_int(request.POST.get("version")) or 0


def _change(request: ReportingRequest, report: ReportBeingEdited, action: str) -> HttpResponse:
    """Save (``action`` "save") or save and submit ("submit") what was posted; one answer for both,
    as the htmx fragment or, without JavaScript, the page again."""
    try:
        if action == "submit":
            report.submit(request.POST, _posted_version(request))
            result = None
        else:
            result = report.save(request.POST, _posted_version(request))
    except AccessDenied as exc:
        raise PermissionDenied from exc
    except ConflictError as exc:
        if request.htmx:
            return _status(request, report, conflict=exc)
        report_errors(request, exc)
        return redirect(_page_url(report))
    except OutliersToConfirm:
        return _to_outliers(request, report.submission)
    except ReportValidationError as exc:
        if request.htmx:
            return _status(request, report, errors=exc.issues, field_issues=exc.issues)
        typed, narrative = report.parse(request.POST)
        context = _page_context(request, report, typed=typed, issues=exc.issues, narrative=narrative)
        context["errors"] = linked_issues(exc.issues)
        return render(request, "reporting/submission.html", context, status=400)
    except ReportingError as exc:
        if request.htmx:
            return _status(request, report, errors=[Issue("", "", m) for m in exc.messages])
        report_errors(request, exc)
        return redirect(_page_url(report))
    if action == "submit":
        messages.success(request, _("The report was submitted. The focal agency will review it."))
        if request.htmx:
            response = HttpResponse(status=204)
            response["HX-Redirect"] = _page_url(report)
            return response
        return redirect(_page_url(report))
    submission = report.submission
    saved_at = date_format(timezone.localtime(submission.updated_at), "H:i") if submission else None
    refused = result.refused if result is not None else []
    if request.htmx:
        return _status(request, report, saved=saved_at, refused=refused)
    if refused:
        typed, narrative = report.parse(request.POST)
        context = _page_context(request, report, typed=typed, narrative=narrative)
        context["errors"] = linked_issues(refused)
        return render(request, "reporting/submission.html", context, status=400)
    if saved_at:
        messages.success(request, _("Draft saved at %(time)s") % {"time": saved_at})
    return redirect(_page_url(report))


@login_required
@require_POST
def save(request: ReportingRequest, pk: int) -> HttpResponse:
    """Save the draft: htmx autosave (answers the status fragment) or the "save" button."""
    return _change(request, _report_of(request, pk), "save")


@login_required
@require_POST
def submit(request: ReportingRequest, pk: int) -> HttpResponse:
    """Save the posted values, then submit (or resubmit) the report."""
    return _change(request, _report_of(request, pk), "submit")


@login_required
@require_POST
def report_save(request: ReportingRequest, period_pk: int, unit_pk: int) -> HttpResponse:
    """Save the report of a unit in a period; the first value saved creates it."""
    return _change(request, _report_in(request, period_pk, unit_pk), "save")


@login_required
@require_POST
def report_submit(request: ReportingRequest, period_pk: int, unit_pk: int) -> HttpResponse:
    """Save and submit the report of a unit in a period (created if nobody had started it)."""
    return _change(request, _report_in(request, period_pk, unit_pk), "submit")


def _to_outliers(request: ReportingRequest, submission) -> HttpResponse:
    """Send the reporter to the page that asks to confirm or explain the flagged values."""
    url = reverse("reporting:confirm_outliers", args=[submission.pk])
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


@login_required
def confirm_outliers(request: ReportingRequest, pk: int) -> HttpResponse:
    """Before submitting: each value flagged as unusual (``reporting.outliers``) is confirmed or
    explained by the reporter, then the report is submitted. Works without JavaScript."""
    submission = visible_submission(request, pk)
    if not access.can_edit_submission(request.user, submission):
        raise PermissionDenied
    elements = services.elements_for(submission)
    values = submission.value_map()
    previous, peers = services.previous_values(submission), peer_values(submission, elements)
    flags = [w for w in soft_warnings(elements, values, previous, None, peers) if w.kind == OUTLIER]
    errors: list = []
    if request.method == "POST":
        answers = {}
        for flag in flags:
            name = f"{flag.code}__{flag.coc}"
            note = request.POST.get(f"note-{name}", "").strip()
            if note or request.POST.get(f"confirm-{name}") == "yes":
                answers[(flag.code, flag.coc)] = note
        # what this page read (values, last year's, the peers') is not read again if the report is
        # still at that version
        read = services.SaveResult(submission, False, values=values, previous=previous, peers=peers)
        try:
            services.submit(
                submission,
                request.user,
                expected_version=_posted_version(request),
                confirm_outliers=True,
                explanations=answers,
                saved=read,
            )
        except AccessDenied as exc:
            raise PermissionDenied from exc
        except ReportValidationError as exc:  # open flags, or what prevents submitting
            errors = exc.issues
        except ReportingError as exc:
            report_errors(request, exc)
            return redirect("reporting:submission", pk=pk)
        else:
            messages.success(request, _("The report was submitted. The focal agency will review it."))
            return redirect("reporting:submission", pk=pk)
    notes = submission.outlier_notes or {}
    rows = [
        {
            "flag": flag,
            "name": f"{flag.code}__{flag.coc}",
            "value": display_value(ValueType.NUMBER, values.get((flag.code, flag.coc), "")),
            "note": request.POST.get(f"note-{flag.code}__{flag.coc}")
            if request.method == "POST"
            else (notes.get(note_key(flag.code, flag.coc)) or {}).get("note", ""),
            "confirmed": request.POST.get(f"confirm-{flag.code}__{flag.coc}") == "yes",
        }
        for flag in flags
    ]
    return render(
        request,
        "reporting/confirm_outliers.html",
        # the page asking again is a normal step of submitting, not a failed request: 200
        {"submission": submission, "period": submission.period, "rows": rows, "errors": errors},
    )


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
