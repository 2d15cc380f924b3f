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
    :func:`save_draft` (optimistic concurrency: ``expected_version``; the value rows read and written
    by :mod:`reporting.value_rows`), :func:`submit`, :func:`save_and_submit` (the web form's submit),
    :func:`return_submission`, :func:`accept`, :func:`reopen`; :func:`review_queue` (what waits next),
    from :mod:`reporting.review_steps`; the steps they share (lock, conflict, state change) are in
    :mod:`reporting.transitions`
Reminders and notifications
    :func:`request_reminders` (from :mod:`reporting.reminder_requests`), :func:`notify`
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.core import audit
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access, value_rows
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
from binhdang.reporting.reminder_requests import request_reminders  # re-exported
from binhdang.reporting.requests import open_request, open_subannual
from binhdang.reporting.review_steps import (  # re-exported: services is the one entry point
    ReviewQueue,
    accept,
    reopen,
    return_submission,
    review_queue,
)
from binhdang.reporting.transitions import conflict as _conflict
from binhdang.reporting.transitions import lock as _lock
from binhdang.reporting.transitions import refresh as _refresh
from binhdang.reporting.transitions import require as _require
from binhdang.reporting.transitions import still_at as _still_at
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
    "save_and_submit",
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
    #: The other units' figures (``outliers.peer_values``), as read by the save.
    peers: Mapping[tuple[str, str], list] | None = None

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
    bulk: bool = False,
    fresh: bool = False,
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

    Every value written has its history row (who, when, old and new value). With ``bulk`` (the web
    form) the new values are written in one statement and the changed ones in another, their save
    signals sent as usual (:func:`reporting.value_rows.write`); imports save one value at a time.
    ``fresh``: ``submission`` was read with its period and unit in this request (the web form), see
    :func:`_lock_read`.
    """
    current = _lock_read(submission, expected_version, fresh=fresh)
    return _save_locked(
        submission, current, values, narrative, user, elements=elements, partial=partial, bulk=bulk
    )


def _lock_read(submission: Submission, expected_version: int | None, *, fresh: bool) -> Submission:
    """The report locked for a change (:func:`reporting.transitions.lock`). A ``fresh`` one, read with
    its period and unit earlier in this request, is locked by its version alone: unless someone changed
    it since (its version grew), a copy of it is the report as locked, not read again."""
    if fresh and _still_at(submission):
        if expected_version is not None and submission.version != int(expected_version):
            raise _conflict(submission)
        return copy.copy(submission)
    return _lock(submission, expected_version)


def _save_locked(
    submission: Submission,
    current: Submission,
    values: Mapping[tuple[str, str], str],
    narrative: Mapping[str, str] | None,
    user: User | None,
    *,
    elements: list[DataElement] | None,
    partial: bool,
    bulk: bool,
) -> SaveResult:
    """:func:`save_draft` of ``current``, the report locked in this transaction (``submission`` is
    the caller's object, brought up to date)."""
    _check_editable(current, user)
    elements = elements if elements is not None else elements_for(current)
    clean, errors = clean_values(elements, values)
    if errors and not partial:
        raise ReportValidationError(errors)
    refused = {(e.code, e.coc): values[(e.code, e.coc)] for e in errors if (e.code, e.coc) in values}
    existing, previous = value_rows.read_for_save(current)  # its values and last year's: one statement
    changed, merged = value_rows.write(current, clean, user, existing, bulk=bulk)
    changed = keep_refused(current, clean, refused) or changed
    for name, text in (narrative or {}).items():
        if name in NARRATIVE_NAMES and getattr(current, name) != (text or "").strip():
            setattr(current, name, (text or "").strip())
            changed = True
    peers = peer_values(current, elements)
    warnings = soft_warnings(elements, merged, previous, peers=peers)
    if changed:
        current.version += 1
        current.updated_at, current.updated_by = timezone.now(), user
        current.warnings = [w.as_dict() for w in warnings]
        audit.by(current, user)
        current.save()
    submission.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    pending = refused_issues(elements, current) + submit_errors(elements, merged)
    return SaveResult(current, changed, warnings, pending, errors, merged, previous, peers)


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
    bulk: bool = False,
) -> SaveResult | None:
    """The first save of a report nobody has started: creates it with what was typed.

    Opening a report changes nothing; a report is a draft from its first saved value. Nothing typed
    (only empty fields): nothing is created and the answer is None. If someone created the report
    since the page was opened, :class:`ConflictError` says who and when.
    """
    if not any((text or "").strip() for text in [*values.values(), *(narrative or {}).values()]):
        return None
    _require(access.can_start_report(user, period, unit), _("You cannot start this report."))
    try:  # a report created since the page was opened (one per period and unit) is the conflict
        with transaction.atomic():
            submission = Submission(period=period, unit=unit)
            audit.by(submission, user)
            submission.save()
    except IntegrityError as exc:
        raise _conflict(
            Submission.objects.select_related("updated_by").get(period=period, unit=unit)
        ) from exc
    # created in this transaction: already locked (by its insert), no value stored yet
    return _save_locked(
        submission, submission, values, narrative, user, elements=elements, partial=partial, bulk=bulk
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

    ``saved`` is the save made just before (the web form saves then submits), or the report as the
    confirmation page read it in this request: its values, last year's and the peers' are not read
    again, nor the report, when nothing changed it since (its version is the one locked)."""
    if saved is not None and saved.submission.pk == submission.pk and expected_version == saved.version:
        # the save's report, unless someone changed it since (then the conflict, as any other lock)
        current = (
            copy.copy(saved.submission)
            if _still_at(saved.submission)
            else _lock(submission, expected_version)
        )
    else:
        current = _lock(submission, expected_version)
    return _submit_locked(
        submission,
        current,
        user,
        at=at,
        source=source,
        elements=elements,
        confirm_outliers=confirm_outliers,
        explanations=explanations,
        reason=reason,
        saved=saved,
    )


def _submit_locked(
    submission: Submission,
    current: Submission,
    user: User | None,
    *,
    at: dt.datetime | None,
    source: str,
    elements: list[DataElement] | None,
    confirm_outliers: bool,
    explanations: Mapping[tuple[str, str], str] | None,
    reason: str | None,
    saved: SaveResult | None,
) -> Submission:
    """:func:`submit` of ``current``, the report locked in this transaction."""
    if current.state not in (State.DRAFT, State.RETURNED):
        raise TransitionError(
            _("Only a draft or a returned report can be submitted; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    _check_editable(current, user)
    elements = elements if elements is not None else elements_for(current)
    previous: dict[tuple[str, str], str] | None = None
    peers = None
    if saved is not None and saved.submission.pk == current.pk and saved.version == current.version:
        values, previous, peers = saved.values, saved.previous, saved.peers
    else:
        values = current.value_map()
    problems = refused_issues(elements, current) + submit_errors(elements, values)
    if current.period.requires_document and not current.attachments.exists():
        problems.append(Issue("", "", _("Document: upload the document (e.g. the implementing plan) first.")))
    if problems:
        raise ReportValidationError(problems)
    if previous is None:
        previous = previous_values(current)
    if peers is None:
        peers = peer_values(current, elements)
    warnings = soft_warnings(elements, values, previous, current.narrative(), peers)
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


def save_and_submit(
    submission: Submission,
    values: Mapping[tuple[str, str], str],
    narrative: Mapping[str, str] | None,
    user: User,
    *,
    expected_version: int,
    elements: list[DataElement] | None = None,
    on_saved: Callable[[SaveResult], None] | None = None,
) -> Submission:
    """The web form's submit (``submission`` read with its period and unit in this request): save what was posted (:func:`save_draft`, ``partial``), then
    :func:`submit` it with the unusual values to confirm. ``on_saved`` is called with the save's result
    before submitting (the page shows it whatever the submission's outcome).

    A save that changed the report is committed first: a refused submission (a value missing, a value
    to confirm) keeps what was typed. A save that changed nothing wrote nothing: the submission goes on
    in its transaction, the report locked once."""
    with transaction.atomic():
        current = _lock_read(submission, expected_version, fresh=True)
        saved = _save_locked(
            submission, current, values, narrative, user, elements=elements, partial=True, bulk=True
        )
        if on_saved is not None:
            on_saved(saved)
        if not saved.changed:
            return _submit_locked(
                submission,
                current,
                user,
                at=None,
                source="web",
                elements=elements,
                confirm_outliers=True,
                explanations=None,
                reason=None,
                saved=saved,
            )
    return submit(
        submission,
        user,
        expected_version=saved.version,
        elements=elements,
        confirm_outliers=True,
        saved=saved,
    )
