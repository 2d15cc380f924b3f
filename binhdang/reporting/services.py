"""Reporting workflows: periods, drafts, the submit/return/accept/reopen cycle, reminders.

Each function runs in one transaction and either does all of its work or raises a
:mod:`reporting.errors` exception having changed nothing. ``user`` is the acting user (recorded in
the audit trail and the state changes); ``user=None`` means the system itself (command line, demo)
and skips the access checks.

Periods (from :mod:`reporting.periods`)
    :func:`default_cutoff`, :func:`default_expected_units`, :func:`open_period`,
    :func:`set_expected_reporters`, :func:`close_period`, :func:`reopen_period`
Reports
    :func:`get_or_create_submission`, :func:`elements_for`, :func:`previous_values`,
    :func:`save_draft` (optimistic concurrency: ``expected_version``), :func:`submit`,
    :func:`return_submission`, :func:`accept`, :func:`reopen`; :func:`review_queue` (what waits next),
    from :mod:`reporting.review_steps`; the steps they share (lock, conflict, state change) are in
    :mod:`reporting.transitions`
Reminders and notifications
    :func:`request_reminders`, :func:`notify`
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.core import audit
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access
from binhdang.reporting.errors import (
    AccessDenied,
    ConflictError,
    OutliersToConfirm,
    ReportingError,
    ReportValidationError,
    TransitionError,
)
from binhdang.reporting.forms_catalog import NARRATIVE_FIELDS, DataElement, form_for_period
from binhdang.reporting.models import (
    DataValue,
    Period,
    PeriodStatus,
    ReminderRequest,
    State,
    StateChange,
    Submission,
)
from binhdang.reporting.notifications import notify, reporters_of
from binhdang.reporting.outliers import OUTLIER, peer_values, record_answers, unresolved
from binhdang.reporting.periods import (  # re-exported: services is the one entry point
    close_period,
    default_cutoff,
    default_expected_units,
    open_period,
    reopen_period,
    set_expected_reporters,
    update_period,
)
from binhdang.reporting.refused import keep_refused, refused_issues
from binhdang.reporting.reminders import log_request
from binhdang.reporting.requests import open_request, open_subannual
from binhdang.reporting.review_steps import (  # re-exported: services is the one entry point
    ReviewQueue,
    accept,
    reopen,
    return_submission,
    review_queue,
)
from binhdang.reporting.tasks import enqueue_manual_reminders
from binhdang.reporting.transitions import conflict as _conflict
from binhdang.reporting.transitions import lock as _lock
from binhdang.reporting.transitions import refresh as _refresh
from binhdang.reporting.transitions import require as _require
from binhdang.reporting.transitions import transition as _transition
from binhdang.reporting.validation import Issue, clean_values, soft_warnings, submit_errors

__all__ = [
    "ConflictError",
    "ReportValidationError",
    "ReportingError",
    "ReviewQueue",
    "SaveResult",
    "TransitionError",
    "accept",
    "close_period",
    "default_cutoff",
    "default_expected_units",
    "elements_for",
    "get_or_create_submission",
    "notify",
    "open_period",
    "open_request",
    "open_subannual",
    "previous_values",
    "reopen",
    "reopen_period",
    "reporters_of",
    "request_reminders",
    "return_submission",
    "review_queue",
    "save_draft",
    "save_new_report",
    "set_expected_reporters",
    "submit",
    "update_period",
]

NARRATIVE_NAMES = tuple(f.name for f in NARRATIVE_FIELDS)


# --------------------------------------------------------------------------------------------- reports


def get_or_create_submission(period: Period, unit: OrgUnit, user: User | None = None) -> Submission:
    """The report of ``unit`` in ``period``, created as an empty draft the first time."""
    existing = Submission.objects.filter(period=period, unit=unit).first()
    if existing is not None:
        return existing
    if user is not None:
        _require(access.can_start_report(user, period, unit), _("You cannot start this report."))
    elif not period.expected_reporters.filter(unit=unit).exists():
        raise ReportingError(_("%(unit)s is not expected to report in this period.") % {"unit": unit.name})
    try:
        with transaction.atomic():
            # Nobody has saved anything yet: "last saved by" stays empty until the first saved value.
            submission = Submission(period=period, unit=unit)
            audit.by(submission, user)
            submission.save()
            return submission
    except IntegrityError:  # created by a concurrent request
        return Submission.objects.get(period=period, unit=unit)


def elements_for(submission: Submission) -> list[DataElement]:
    """The data elements the submission's unit fills in its period's form."""
    period = submission.period
    return form_for_period(period).elements_for(submission.unit, period.focal_unit)


def previous_values(submission: Submission) -> dict[tuple[str, str], str]:
    """The unit's values of the year before, same form (for the "ten times last year" warning)."""
    period = submission.period
    earlier = (
        Submission.objects.filter(
            unit=submission.unit_id,
            period__form_code=period.form_code,
            period__year=period.year - 1,
            period__kind=period.kind,
            period__sequence=period.sequence,
        )
        .order_by("-state", "-pk")
        .values("pk")[:1]
    )
    rows = DataValue.objects.filter(submission=Subquery(earlier))  # one query: the report and its values
    return {
        (code, coc): text
        for code, coc, text in rows.values_list("data_element", "category_option_combo", "value")
    }


@dataclass
class SaveResult:
    submission: Submission
    changed: bool
    warnings: list[Issue] = field(default_factory=list)
    #: What would still prevent submitting (missing values, consistency rules, refused values).
    pending: list[Issue] = field(default_factory=list)
    #: Values refused by a partial save (their typed text is kept on the submission).
    refused: list[Issue] = field(default_factory=list)
    #: Every value of the report after the save.
    values: dict[tuple[str, str], str] = field(default_factory=dict)
    #: The unit's values of the year before (:func:`previous_values`), as read by the save.
    previous: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def version(self) -> int:
        return self.submission.version


def _check_editable(current: Submission, user: User | None) -> None:
    if current.period.status != PeriodStatus.OPEN:
        raise TransitionError(_("The %(year)s reporting period is closed.") % {"year": current.period.year})
    if not current.is_editable_state:
        raise TransitionError(
            _("This report is %(state)s and can no longer be changed.")
            % {"state": current.get_state_display().lower()}
        )
    if user is not None and not access.can_edit_submission(user, current):
        if access.can_view_submission(user, current) and current.period.locked_for_reporters():
            raise AccessDenied(
                _("The period was locked on %(day)s: ask the focal officer to change the report.")
                % {"day": date_format(current.period.lock_date or current.period.deadline, "d/m/Y")}
            )
        raise AccessDenied(_("You cannot change this report."))


def _write_values(
    current: Submission, clean: Mapping[tuple[str, str], str], user: User | None
) -> tuple[bool, dict[tuple[str, str], str]]:
    """Write the changed values; whether anything changed, and every value of the report after the
    writes (not read again). Each value is saved on its own (its save signals as usual), and the
    history rows of the new and changed ones are then written in one statement each: the same rows
    (who, when, old and new; "+" for a new value, "~" for a change) one save each would have written."""
    existing = {(v.data_element, v.category_option_combo): v for v in current.values.all()}
    merged = {key: value.value for key, value in existing.items()}
    now, changed = timezone.now(), False
    created: list[DataValue] = []
    updated: list[DataValue] = []
    for (code, coc), text in clean.items():
        value = existing.get((code, coc))
        if text == "":
            if value is not None:
                audit.by(value, user)
                value.delete()
                merged.pop((code, coc), None)
                changed = True
            continue
        if value is None:
            value = DataValue(submission=current, data_element=code, category_option_combo=coc)
            created.append(value)
        elif value.value == text:
            continue
        else:
            updated.append(value)
        value.value, value.updated_at, value.updated_by = text, now, user
        audit.by(value, user)
        value.skip_history_when_saving = True  # type: ignore[attr-defined]  # simple-history's hook
        value.save()
        del value.skip_history_when_saving  # type: ignore[attr-defined]
        merged[(code, coc)] = text
        changed = True
    for rows, update in ((created, False), (updated, True)):
        if rows:
            DataValue.history.bulk_history_create(rows, update=update, default_change_reason=None)  # type: ignore[attr-defined]
    return changed, merged


@transaction.atomic
def save_draft(
    submission: Submission,
    values: Mapping[tuple[str, str], str],
    narrative: Mapping[str, str] | None,
    user: User | None,
    *,
    expected_version: int | None,
    elements: list[DataElement] | None = None,
    partial: bool = False,
) -> SaveResult:
    """Save values and narrative of an editable report (a draft or a returned one).

    ``values`` maps ``(data element code, category option combo)`` to text; keys left out are kept,
    an empty text clears the value. ``narrative`` may hold ``results``, ``difficulties``,
    ``proposals`` (others are ignored). ``expected_version`` is the version the caller loaded; if the
    report was saved since, :class:`ConflictError` names who saved it and when, and nothing changes
    (pass None only for system imports). ``elements`` are the unit's data elements if the caller has
    them already (the web page builds them once per request).

    A value of the wrong type or out of range raises :class:`ReportValidationError` naming the field,
    and nothing is saved; with ``partial`` (the web form's autosave) the valid values are saved and
    the refused ones come back in ``refused``, their typed text kept on the submission until a valid
    value replaces it. Consistency rules and missing values do not block a draft: they come back in
    ``pending``; soft warnings in ``warnings`` (also stored on the submission).
    """
    current = _lock(submission, expected_version)
    _check_editable(current, user)
    elements = elements if elements is not None else elements_for(current)
    clean, errors = clean_values(elements, values)
    if errors and not partial:
        raise ReportValidationError(errors)
    refused = {(e.code, e.coc): values[(e.code, e.coc)] for e in errors if (e.code, e.coc) in values}
    changed, merged = _write_values(current, clean, user)
    changed = keep_refused(current, clean, refused) or changed
    for name, text in (narrative or {}).items():
        if name in NARRATIVE_NAMES and getattr(current, name) != (text or "").strip():
            setattr(current, name, (text or "").strip())
            changed = True
    previous = previous_values(current)
    warnings = soft_warnings(elements, merged, previous, peers=peer_values(current, elements))
    if changed:
        current.version += 1
        current.updated_at, current.updated_by = timezone.now(), user
        current.warnings = [w.as_dict() for w in warnings]
        audit.by(current, user)
        current.save()
    submission.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    pending = refused_issues(elements, current) + submit_errors(elements, merged)
    return SaveResult(current, changed, warnings, pending, errors, merged, previous)


@transaction.atomic
def save_new_report(
    period: Period,
    unit: OrgUnit,
    values: Mapping[tuple[str, str], str],
    narrative: Mapping[str, str] | None,
    user: User,
    *,
    elements: list[DataElement] | None = None,
    partial: bool = False,
) -> SaveResult | None:
    """The first save of a report nobody has started: creates it with what was typed.

    Opening a report changes nothing; a report is a draft from its first saved value. Nothing typed
    (only empty fields): nothing is created and the answer is None. If someone created the report
    since the page was opened, :class:`ConflictError` says who and when.
    """
    if not any((text or "").strip() for text in [*values.values(), *(narrative or {}).values()]):
        return None
    existing = Submission.objects.filter(period=period, unit=unit).select_related("updated_by").first()
    if existing is not None:
        raise _conflict(existing)
    _require(access.can_start_report(user, period, unit), _("You cannot start this report."))
    try:
        with transaction.atomic():
            submission = Submission(period=period, unit=unit)
            audit.by(submission, user)
            submission.save()
    except IntegrityError as exc:  # created by a concurrent request
        raise _conflict(
            Submission.objects.select_related("updated_by").get(period=period, unit=unit)
        ) from exc
    return save_draft(
        submission,
        values,
        narrative,
        user,
        expected_version=submission.version,
        elements=elements,
        partial=partial,
    )


@transaction.atomic
def submit(
    submission: Submission,
    user: User | None,
    *,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
    source: str = "web",
    elements: list[DataElement] | None = None,
    confirm_outliers: bool = False,
    explanations: Mapping[tuple[str, str], str] | None = None,
    reason: str | None = None,
    saved: SaveResult | None = None,
) -> Submission:
    """Submit a draft or resubmit a returned report. ``at`` backdates the submission (a data value
    set's ``completeDate`` loaded as history: ``source="history"``, and ``reason`` says so in the audit
    trail). Refused with the list of problems while a value is missing, a consistency rule fails or a
    refused typed text is still kept (see :func:`save_draft`).

    Outliers (``reporting.outliers``) never refuse a value. With ``confirm_outliers`` (the web form),
    each flagged value must be confirmed or explained first: ``explanations`` maps a value key to the
    reporter's explanation ("" confirms the value as it is), kept in ``outlier_notes`` (audited); while
    a flag stays open, :class:`OutliersToConfirm` lists it and nothing changes. Other channels submit
    with the flags recorded, unexplained, for the focal officer to see.

    ``saved`` is the save made just before (the web form saves then submits): its values and last
    year's are not read again when nothing changed the report since (its version is the one locked)."""
    current = _lock(submission, expected_version)
    if current.state not in (State.DRAFT, State.RETURNED):
        raise TransitionError(
            _("Only a draft or a returned report can be submitted; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    _check_editable(current, user)
    elements = elements if elements is not None else elements_for(current)
    previous: dict[tuple[str, str], str] | None = None
    if saved is not None and saved.submission.pk == current.pk and saved.version == current.version:
        values, previous = saved.values, saved.previous
    else:
        values = current.value_map()
    problems = refused_issues(elements, current) + submit_errors(elements, values)
    if current.period.requires_document and not current.attachments.exists():
        problems.append(Issue("", "", _("Document: upload the document (e.g. the implementing plan) first.")))
    if problems:
        raise ReportValidationError(problems)
    if previous is None:
        previous = previous_values(current)
    warnings = soft_warnings(elements, values, previous, current.narrative(), peer_values(current, elements))
    flags = [w for w in warnings if w.kind == OUTLIER]
    current.outlier_notes = record_answers(current.outlier_notes, flags, values, explanations or {}, user)
    if confirm_outliers and unresolved(flags, current.outlier_notes, values):
        raise OutliersToConfirm(unresolved(flags, current.outlier_notes, values))
    at = at or timezone.now()
    action = StateChange.Action.RESUBMIT if current.state == State.RETURNED else StateChange.Action.SUBMIT
    current.submitted_at = at
    current.first_submitted_at = current.first_submitted_at or at
    current.warnings = [w.as_dict() for w in warnings]
    _transition(current, user, action, State.SUBMITTED, at=at, source=source, reason=reason)
    return _refresh(submission, current)


@transaction.atomic
def request_reminders(
    period: Period,
    units: Iterable[OrgUnit],
    user: User | None,
    message: str = "",
    kind: str = ReminderRequest.Kind.MANUAL,
) -> ReminderRequest:
    """Record a reminder for ``units`` and notify their reporters in the application.

    Units that have already submitted are skipped. The e-mails are sent by the worker
    (``tasks.send_manual_reminders_task``, enqueued once the transaction commits); the daily
    ``runperiodic`` also picks up any request whose ``emailed_at`` is still empty.
    """
    if user is not None:
        _require(access.can_manage_period(user, period), _("You cannot send reminders for this period."))
    expected = set(period.expected_reporters.values_list("unit_id", flat=True))
    done = set(
        period.submissions.filter(state__in=(State.SUBMITTED, State.ACCEPTED)).values_list(
            "unit_id", flat=True
        )
    )
    targets = [u for u in units if u.pk in expected and u.pk not in done]
    request = ReminderRequest.objects.create(
        period=period, requested_by=user, message=message.strip(), kind=kind
    )
    request.units.set(targets)
    text = _("Reminder: the %(year)s report is due on %(deadline)s.") % {
        "year": period.year,
        "deadline": period.deadline.strftime("%d/%m/%Y"),
    }
    if message.strip():
        text = f"{text} {message.strip()}"
    count = notify(reporters_of(targets), text, reverse("reporting:index"), reminder=request)
    request.notified_count = count
    request.save(update_fields=["notified_count"])
    log_request(request)  # the log tells what was done and what waits for the worker, at once
    enqueue_manual_reminders(request.pk)  # the e-mails go out from the worker once this commits
    return request
