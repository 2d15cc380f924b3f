"""Reporting workflows: periods, drafts, the submit/return/accept/reopen cycle, reminders.

Each function runs in one transaction and either does all of its work or raises a
:mod:`reporting.errors` exception having changed nothing. ``user`` is the acting user (recorded in
the audit trail and the state changes); ``user=None`` means the system itself (command line, demo)
and skips the access checks.

Periods
    :func:`default_cutoff`, :func:`default_expected_units`, :func:`open_period`,
    :func:`set_expected_reporters`, :func:`close_period`, :func:`reopen_period`
Reports
    :func:`get_or_create_submission`, :func:`elements_for`, :func:`previous_values`,
    :func:`save_draft` (optimistic concurrency: ``expected_version``), :func:`submit`,
    :func:`return_submission`, :func:`accept`, :func:`reopen`
Reminders and notifications
    :func:`request_reminders`, :func:`notify`
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.accounts.models import Role, User
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit
from binhdang.reporting import access, plan_adapter
from binhdang.reporting.errors import (
    AccessDenied,
    ConflictError,
    ReportingError,
    ReportValidationError,
    TransitionError,
)
from binhdang.reporting.forms_catalog import NARRATIVE_FIELDS, DataElement, form_for_period
from binhdang.reporting.models import (
    Comment,
    DataValue,
    ExpectedReporter,
    Notification,
    Period,
    PeriodStatus,
    ReminderRequest,
    State,
    StateChange,
    Submission,
)
from binhdang.reporting.validation import Issue, clean_values, soft_warnings, submit_errors

NARRATIVE_NAMES = tuple(f.name for f in NARRATIVE_FIELDS)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AccessDenied(message)


def _local(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "H:i d/m/Y")


# --------------------------------------------------------------------------------------------- periods


def default_cutoff(year: int) -> tuple[dt.date, dt.date]:
    """Annual data cutoff of Nghị định 09/2019: 15/12 of the previous year to 14/12 of ``year``."""
    return dt.date(year - 1, 12, 15), dt.date(year, 12, 14)


def default_expected_units(plan) -> QuerySet[OrgUnit]:
    """Units expected to report by default (domain §6): every active department, mass organisation,
    media agency and commune of the plan's province. For a strategy plan, the responsible agencies of
    its direct-entry indicators where the plan names them."""
    units = OrgUnit.objects.filter(province=plan.province, is_active=True)
    if plan_adapter.form_code_for(plan) == "NQ28":
        ids = set().union(*(i.responsible_unit_ids for i in plan_adapter.direct_indicators(plan)))
        if ids:
            return units.filter(pk__in=ids)
    return units.filter(type__in=REPORTING_TYPES)


@transaction.atomic
def open_period(
    plan,
    year: int,
    user: User | None,
    *,
    deadline: dt.date | None = None,
    cutoff_start: dt.date | None = None,
    cutoff_end: dt.date | None = None,
    lock_date: dt.date | None = None,
    expected_units: Iterable[OrgUnit] | None = None,
) -> Period:
    """Open the reporting year ``year`` of ``plan``.

    Defaults: cutoff 15/12 of the previous year to 14/12; deadline from the plan's reporting
    obligation (:func:`plan_adapter.unit_deadline`), else the cutoff end; lock date the later of the
    deadline and the cutoff end; expected reporters :func:`default_expected_units`.
    """
    if user is not None:
        _require(access.can_open_period(user, plan), _("You cannot open a period for this plan."))
    form_code = plan_adapter.form_code_for(plan)
    errors = []
    if form_code is None:
        errors.append(
            _("This plan has no report form: only communication and strategy plans are reported on.")
        )
    if not 2000 <= int(year) <= 2100:
        errors.append(_("Year: %(year)s is not a valid year.") % {"year": year})
    if errors:
        raise ReportingError(errors)
    default_start, default_end = default_cutoff(year)
    cutoff_start, cutoff_end = cutoff_start or default_start, cutoff_end or default_end
    deadline = deadline or plan_adapter.unit_deadline(plan, year) or cutoff_end
    lock_date = lock_date or max(deadline, cutoff_end)
    if cutoff_start > cutoff_end:
        errors.append(_("Data cutoff: the start date must not be after the end date."))
    if lock_date < deadline:
        errors.append(
            _("Lock date: must not be before the deadline (%(deadline)s).")
            % {"deadline": deadline.strftime("%d/%m/%Y")}
        )
    if Period.objects.filter(plan=plan, year=year).exists():
        errors.append(_("The %(year)s reporting period of this plan is already open.") % {"year": year})
    if errors:
        raise ReportingError(errors)
    period = Period(
        plan=plan,
        province=plan.province,
        year=year,
        form_code=form_code,
        cutoff_start=cutoff_start,
        cutoff_end=cutoff_end,
        deadline=deadline,
        lock_date=lock_date,
        opened_by=user,
        focal_unit=plan_adapter.focal_unit(plan),
    )
    period._history_user = user
    period.save()
    units = list(default_expected_units(plan) if expected_units is None else expected_units)
    _check_units_in_province(period, units)
    ExpectedReporter.objects.bulk_create([ExpectedReporter(period=period, unit=u) for u in units])
    return period


def _check_units_in_province(period: Period, units: Iterable[OrgUnit]) -> None:
    foreign = [u.name for u in units if u.province_id != period.province_id]
    if foreign:
        raise ReportingError(
            _("These units are not in the plan's province: %(names)s") % {"names": ", ".join(foreign)}
        )


@transaction.atomic
def set_expected_reporters(period: Period, units: Iterable[OrgUnit], user: User | None) -> tuple[int, int]:
    """Make ``units`` the expected reporters of ``period``; returns ``(added, removed)``.

    A unit that already has a report cannot be removed (its report would vanish from the board).
    """
    if user is not None:
        _require(access.can_manage_period(user, period), _("You cannot change this period."))
    wanted = {u.pk: u for u in units}
    _check_units_in_province(period, wanted.values())
    current = {e.unit_id: e for e in period.expected_reporters.all()}
    removed_ids = set(current) - set(wanted)
    started = set(period.submissions.filter(unit_id__in=removed_ids).values_list("unit__name", flat=True))
    if started:
        raise ReportingError(
            _("These units have already started their report and stay expected: %(names)s")
            % {"names": ", ".join(sorted(started))}
        )
    for unit_id in removed_ids:
        entry = current[unit_id]
        entry._history_user = user
        entry.delete()
    added = 0
    for unit_id, unit in wanted.items():
        if unit_id not in current:
            entry = ExpectedReporter(period=period, unit=unit)
            entry._history_user = user
            entry.save()
            added += 1
    return added, len(removed_ids)


@transaction.atomic
def update_period(
    period: Period,
    user: User | None,
    *,
    deadline: dt.date,
    lock_date: dt.date | None,
    cutoff_start: dt.date,
    cutoff_end: dt.date,
) -> Period:
    """Change a period's dates (focal officer)."""
    if user is not None:
        _require(access.can_manage_period(user, period), _("You cannot change this period."))
    errors = []
    if cutoff_start > cutoff_end:
        errors.append(_("Data cutoff: the start date must not be after the end date."))
    if lock_date is not None and lock_date < deadline:
        errors.append(
            _("Lock date: must not be before the deadline (%(deadline)s).")
            % {"deadline": deadline.strftime("%d/%m/%Y")}
        )
    if errors:
        raise ReportingError(errors)
    period.deadline, period.lock_date = deadline, lock_date
    period.cutoff_start, period.cutoff_end = cutoff_start, cutoff_end
    period._history_user = user
    period.save()
    return period


def _set_period_status(period: Period, user: User | None, status: str) -> Period:
    if user is not None:
        _require(access.can_manage_period(user, period), _("You cannot change this period."))
    period.status = status
    period._history_user = user
    period.save(update_fields=["status"])
    return period


@transaction.atomic
def close_period(period: Period, user: User | None) -> Period:
    """Close a period: no report of it can change any more."""
    return _set_period_status(period, user, PeriodStatus.CLOSED)


@transaction.atomic
def reopen_period(period: Period, user: User | None) -> Period:
    return _set_period_status(period, user, PeriodStatus.OPEN)


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
            submission = Submission(period=period, unit=unit, updated_by=user)
            submission._history_user = user
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
            unit=submission.unit, period__form_code=period.form_code, period__year=period.year - 1
        )
        .order_by("-state", "-pk")
        .first()
    )
    return earlier.value_map() if earlier else {}


@dataclass
class SaveResult:
    submission: Submission
    changed: bool
    warnings: list[Issue] = field(default_factory=list)
    #: What would still prevent submitting (missing values, consistency rules).
    pending: list[Issue] = field(default_factory=list)

    @property
    def version(self) -> int:
        return self.submission.version


def _conflict(current: Submission) -> ConflictError:
    who = str(current.updated_by) if current.updated_by else _("another user")
    message = _(
        "This report was saved by %(user)s at %(time)s after you opened it. Your changes were not saved: "
        "reload the page to see the latest version, then enter your changes again."
    ) % {"user": who, "time": _local(current.updated_at)}
    return ConflictError(
        message, saved_by=current.updated_by, saved_at=current.updated_at, current_version=current.version
    )


def _lock(submission: Submission, expected_version: int | None) -> Submission:
    current = (
        Submission.objects.select_for_update()
        .select_related("period", "unit", "updated_by")
        .get(pk=submission.pk)
    )
    if expected_version is not None and current.version != int(expected_version):
        raise _conflict(current)
    return current


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
                % {"day": current.period.lock_date.strftime("%d/%m/%Y")}
            )
        raise AccessDenied(_("You cannot change this report."))


def _write_values(current: Submission, clean: Mapping[tuple[str, str], str], user: User | None) -> bool:
    existing = {(v.data_element, v.category_option_combo): v for v in current.values.all()}
    now, changed = timezone.now(), False
    for (code, coc), text in clean.items():
        value = existing.get((code, coc))
        if text == "":
            if value is not None:
                value._history_user = user
                value.delete()
                changed = True
            continue
        if value is None:
            value = DataValue(submission=current, data_element=code, category_option_combo=coc)
        elif value.value == text:
            continue
        value.value, value.updated_at, value.updated_by = text, now, user
        value._history_user = user
        value.save()
        changed = True
    return changed


@transaction.atomic
def save_draft(
    submission: Submission,
    values: Mapping[tuple[str, str], str],
    narrative: Mapping[str, str] | None,
    user: User | None,
    *,
    expected_version: int | None,
) -> SaveResult:
    """Save values and narrative of an editable report (a draft or a returned one).

    ``values`` maps ``(data element code, category option combo)`` to text; keys left out are kept,
    an empty text clears the value. ``narrative`` may hold ``results``, ``difficulties``,
    ``proposals`` (others are ignored). ``expected_version`` is the version the caller loaded; if the
    report was saved since, :class:`ConflictError` names who saved it and when, and nothing changes
    (pass None only for system imports). A value of the wrong type or out of range raises
    :class:`ReportValidationError` naming the field, and nothing is saved. Consistency rules and
    missing values do not block a draft: they come back in ``pending``; soft warnings in ``warnings``
    (also stored on the submission).
    """
    current = _lock(submission, expected_version)
    _check_editable(current, user)
    elements = elements_for(current)
    clean, errors = clean_values(elements, values)
    if errors:
        raise ReportValidationError(errors)
    changed = _write_values(current, clean, user)
    for name, text in (narrative or {}).items():
        if name in NARRATIVE_NAMES and getattr(current, name) != (text or "").strip():
            setattr(current, name, (text or "").strip())
            changed = True
    merged = current.value_map()
    warnings = soft_warnings(elements, merged, previous_values(current))
    if changed:
        current.version += 1
        current.updated_at, current.updated_by = timezone.now(), user
        current.warnings = [w.as_dict() for w in warnings]
        current._history_user = user
        current.save()
    submission.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return SaveResult(current, changed, warnings, submit_errors(elements, merged))


def _transition(
    current: Submission,
    user: User | None,
    action: str,
    to_state: str,
    *,
    comment: str = "",
    at: dt.datetime | None = None,
    source: str = "web",
) -> StateChange:
    change = StateChange.objects.create(
        submission=current,
        action=action,
        from_state=current.state,
        to_state=to_state,
        user=user,
        at=at or timezone.now(),
        comment=comment,
        source=source,
    )
    current.state = to_state
    current.version += 1
    current.updated_at, current.updated_by = timezone.now(), user
    current._history_user = user
    current.save()
    if comment:
        Comment.objects.create(
            submission=current, author=user, text=comment, state_change=change, created_at=change.at
        )
    return change


def _refresh(target: Submission, current: Submission) -> Submission:
    target.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return target


@transaction.atomic
def submit(
    submission: Submission,
    user: User | None,
    *,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
    source: str = "web",
) -> Submission:
    """Submit a draft or resubmit a returned report. ``at`` backdates the submission (a data value
    set's ``completeDate``). Refused with the list of problems while a value is missing or a
    consistency rule fails."""
    current = _lock(submission, expected_version)
    if current.state not in (State.DRAFT, State.RETURNED):
        raise TransitionError(
            _("Only a draft or a returned report can be submitted; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    _check_editable(current, user)
    elements = elements_for(current)
    values = current.value_map()
    problems = submit_errors(elements, values)
    if problems:
        raise ReportValidationError(problems)
    at = at or timezone.now()
    action = StateChange.Action.RESUBMIT if current.state == State.RETURNED else StateChange.Action.SUBMIT
    current.submitted_at = at
    current.first_submitted_at = current.first_submitted_at or at
    current.warnings = [
        w.as_dict() for w in soft_warnings(elements, values, previous_values(current), current.narrative())
    ]
    _transition(current, user, action, State.SUBMITTED, at=at, source=source)
    return _refresh(submission, current)


def _review(submission: Submission, user: User | None, expected_version: int | None) -> Submission:
    current = _lock(submission, expected_version)
    if user is not None:
        _require(access.can_review_submission(user, current), _("You cannot review this report."))
    return current


@transaction.atomic
def return_submission(
    submission: Submission, user: User | None, comment: str, *, expected_version: int | None = None
) -> Submission:
    """Send a submitted report back to its unit for correction, with the reason (required)."""
    current = _review(submission, user, expected_version)
    if current.state != State.SUBMITTED:
        raise TransitionError(
            _("Only a submitted report can be returned; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    if not (comment or "").strip():
        raise ReportingError(_("Comment: say what the unit must correct."))
    _transition(current, user, StateChange.Action.RETURN, State.RETURNED, comment=comment.strip())
    _notify_unit(
        current,
        _("Your %(year)s report was returned for correction: %(comment)s")
        % {"year": current.period.year, "comment": comment.strip()},
    )
    return _refresh(submission, current)


@transaction.atomic
def accept(
    submission: Submission, user: User | None, *, comment: str = "", expected_version: int | None = None
) -> Submission:
    """Accept a submitted report; it is then locked until the focal officer reopens it."""
    current = _review(submission, user, expected_version)
    if current.state != State.SUBMITTED:
        raise TransitionError(
            _("Only a submitted report can be accepted; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    current.accepted_at = timezone.now()
    _transition(current, user, StateChange.Action.ACCEPT, State.ACCEPTED, comment=(comment or "").strip())
    _notify_unit(current, _("Your %(year)s report was accepted.") % {"year": current.period.year})
    return _refresh(submission, current)


@transaction.atomic
def reopen(
    submission: Submission, user: User | None, comment: str = "", *, expected_version: int | None = None
) -> Submission:
    """Unlock an accepted report: it goes back to the unit as returned (with an optional reason)."""
    current = _review(submission, user, expected_version)
    if current.state != State.ACCEPTED:
        raise TransitionError(
            _("Only an accepted report can be reopened; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    if current.period.status != PeriodStatus.OPEN:
        raise TransitionError(_("The %(year)s reporting period is closed.") % {"year": current.period.year})
    current.accepted_at = None
    _transition(current, user, StateChange.Action.REOPEN, State.RETURNED, comment=(comment or "").strip())
    _notify_unit(
        current, _("Your %(year)s report was reopened for correction.") % {"year": current.period.year}
    )
    return _refresh(submission, current)


# ---------------------------------------------------------------------------------------- notifications


def reporters_of(units: Iterable[OrgUnit]) -> QuerySet[User]:
    """Active users holding the reporter role on any of ``units``."""
    return User.objects.filter(
        is_active=True, role_assignments__role=Role.REPORTER, role_assignments__org_unit__in=list(units)
    ).distinct()


def notify(users: Iterable[User], text: str, link: str = "", reminder: ReminderRequest | None = None) -> int:
    """Create one in-app notification per user; returns how many."""
    notes = [Notification(user=u, text=text[:500], link=link, reminder=reminder) for u in users]
    Notification.objects.bulk_create(notes)
    return len(notes)


def _notify_unit(submission: Submission, text: str) -> None:
    link = reverse("reporting:submission", args=[submission.pk])
    notify(reporters_of([submission.unit]), f"{submission.unit.name}: {text}", link)


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
    from binhdang.reporting.tasks import enqueue_manual_reminders  # tasks imports the reminders service

    enqueue_manual_reminders(request.pk)  # the e-mails go out from the worker once this commits
    return request
