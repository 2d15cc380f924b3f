"""Reminders to the units that have not submitted their report: in-app notifications to their
reporters and e-mails to the reporters and the unit's own address, every one logged (issue 4, item 5).

When (settings, see ``binhdang/settings.py``):

- ``REMINDER_DAYS_BEFORE`` (default ``[7, 3, 1]``): on these days before the deadline;
- ``REMINDER_OVERDUE_EVERY_DAYS`` (default 7): the day after the deadline, then every that many days,
  while the period is open;
- manual: when the focal officer presses "send reminders" on the status board
  (:func:`services.request_reminders` creates the request and the in-app notifications; its e-mails
  are sent by :func:`send_manual_reminders`, enqueued after the commit).

Who: the expected units of open periods whose report is not submitted or accepted (a returned report
counts as not submitted), active units only. To whom: every active reporter of the unit (in-app;
e-mail when the account has an address) and the unit's own e-mail address if set.

Every delivery is a :class:`ReminderLog` row (recipient, channel, sent/failed with the error). A row
is claimed as ``pending`` before the e-mail goes out; the table's unique constraints make a second
run the same day (or a second worker) skip what was already sent, while failed deliveries are tried
again by the next run. E-mails are sent outside any long transaction (an SMTP server can be slow; the
database must not stay locked meanwhile). A row left ``pending`` by a crash blocks that one
reminder for the rest of the day only.

API: :func:`due_reminders(today)`, :func:`send_due_reminders(today)`, :func:`log_request(request)` (the
log of a manual request at once: notifications sent, e-mails queued, units without anybody),
:func:`send_manual_reminders(reminder_request_id)`, :func:`send_pending_manual_reminders()`,
:func:`units_without_reporters(units)`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from binhdang.accounts.models import Role, RoleAssignment, User
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import notifications
from binhdang.reporting.models import (
    Notification,
    Period,
    PeriodStatus,
    ReminderLog,
    ReminderRequest,
    Submission,
)
from binhdang.reporting.models.submissions import COMPLETE_STATES
from binhdang.reporting.status import BOARD_STATES, NOT_STARTED

logger = logging.getLogger(__name__)
Kind = ReminderLog.Kind
Channel = ReminderLog.Channel
Status = ReminderLog.Status


def days_before() -> list[int]:
    return [int(d) for d in getattr(settings, "REMINDER_DAYS_BEFORE", [7, 3, 1])]


def overdue_interval() -> int:
    return max(1, int(getattr(settings, "REMINDER_OVERDUE_EVERY_DAYS", 7)))


def reminder_kind(period: Period, today: dt.date) -> str | None:
    """``before_deadline``, ``overdue`` or None: whether ``period``'s units are reminded on ``today``."""
    days = (period.deadline - today).days
    if days >= 0:
        return Kind.BEFORE_DEADLINE if days in days_before() else None
    return Kind.OVERDUE if (-days - 1) % overdue_interval() == 0 else None


@dataclass(frozen=True)
class DueReminder:
    period: Period
    unit: OrgUnit
    kind: str
    #: Days from today to the deadline (negative when overdue).
    days_to_deadline: int
    #: The report's board state: ``not_started``, ``draft`` or ``returned``.
    state: str


def due_reminders(today: dt.date | None = None) -> list[DueReminder]:
    """The automatic reminders due on ``today`` (default: today in Vietnam), one per unit."""
    today = today or timezone.localdate()
    due: list[DueReminder] = []
    periods = Period.objects.filter(status=PeriodStatus.OPEN).select_related("plan", "province")
    for period in periods.order_by("deadline", "pk"):
        kind = reminder_kind(period, today)
        if kind is None:
            continue
        states = dict(Submission.objects.filter(period=period).values_list("unit_id", "state"))
        entries = period.expected_reporters.select_related("unit").filter(unit__is_active=True)
        for entry in entries.order_by("unit__type", "unit__name"):
            state = states.get(entry.unit_id, NOT_STARTED)
            if state in COMPLETE_STATES:
                continue
            due.append(DueReminder(period, entry.unit, kind, (period.deadline - today).days, state))
    return due


@dataclass
class SendSummary:
    units: int = 0
    notifications: int = 0
    emails_sent: int = 0
    emails_failed: int = 0
    #: Units reminded that have no e-mail address at all (nor their reporters): logged as failed.
    without_address: int = 0
    #: Deliveries skipped because they were already made (same reminder, same day).
    skipped: int = 0

    def add(self, other: SendSummary) -> SendSummary:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)
        return self

    def as_dict(self) -> dict:
        return asdict(self)


def absolute_url(path: str) -> str:
    return f"{getattr(settings, 'SITE_URL', 'http://localhost:8000').rstrip('/')}{path}"


def _subject(period: Period, unit: OrgUnit, kind: str, days: int) -> str:
    values = {"year": period.year_label, "unit": unit.name, "deadline": period.deadline.strftime("%d/%m/%Y")}
    if kind == Kind.BEFORE_DEADLINE:
        if days == 0:
            return _("Reminder: the %(year)s report of %(unit)s is due today (%(deadline)s)") % values
        return ngettext(
            "Reminder: the %(year)s report of %(unit)s is due in %(days)d day (%(deadline)s)",
            "Reminder: the %(year)s report of %(unit)s is due in %(days)d days (%(deadline)s)",
            days,
        ) % {**values, "days": days}
    if kind == Kind.OVERDUE:
        return ngettext(
            "Overdue: the %(year)s report of %(unit)s is %(days)d day late (deadline %(deadline)s)",
            "Overdue: the %(year)s report of %(unit)s is %(days)d days late (deadline %(deadline)s)",
            -days,
        ) % {**values, "days": -days}
    return (
        _("Reminder from the focal agency: the %(year)s report of %(unit)s (deadline %(deadline)s)") % values
    )


def _notification_text(period: Period, unit: OrgUnit, kind: str, days: int) -> str:
    values = {"year": period.year_label, "unit": unit.name, "deadline": period.deadline.strftime("%d/%m/%Y")}
    if kind == Kind.OVERDUE:
        return (
            _("%(unit)s: the %(year)s report is overdue (deadline %(deadline)s); please submit it.") % values
        )
    return _("%(unit)s: reminder, the %(year)s report is due on %(deadline)s.") % values


def _body(period: Period, unit: OrgUnit, kind: str, days: int, state: str, link: str, message: str) -> str:
    return render_to_string(
        "reporting/email/reminder.txt",
        {
            "period": period,
            "unit": unit,
            "kind": kind,
            "days": abs(days),
            "deadline": period.deadline.strftime("%d/%m/%Y"),
            "state_label": BOARD_STATES.get(state, BOARD_STATES[NOT_STARTED])[0],
            "link": link,
            "message": message,
        },
    ).strip()


def _claim(**fields) -> ReminderLog | None:
    """Create the log row as ``pending``; None if the same delivery is already pending or sent."""
    try:
        with transaction.atomic():
            return ReminderLog.objects.create(status=Status.PENDING, sent_at=timezone.now(), **fields)
    except IntegrityError:
        return None


def _finish(log: ReminderLog, status: str, error: str = "") -> None:
    log.status, log.error, log.sent_at = status, error[:2000], timezone.now()
    log.save(update_fields=["status", "error", "sent_at"])


class _Mailer:
    """One connection of the default mailer for a run; reopened after a failure."""

    def __init__(self):
        self.backend = None

    def send(self, message: EmailMessage) -> None:
        if self.backend is None:
            self.backend = mailers.default
        try:
            sent = self.backend.send_messages([message])
        except Exception:
            self.close()
            raise
        if not sent:
            raise OSError(_("the mail server did not accept the message"))

    def close(self) -> None:
        if self.backend is not None:
            try:
                self.backend.close()
            except Exception:  # closing a broken connection may fail too; nothing more to do
                logger.warning("closing the mail connection failed", exc_info=True)
            self.backend = None


@dataclass
class _Delivery:
    period: Period
    unit: OrgUnit
    kind: str
    day: dt.date
    days: int
    state: str
    request: ReminderRequest | None
    message: str = ""


def _deliver(item: _Delivery, mailer: _Mailer, *, in_app: bool) -> SendSummary:
    """Notify (``in_app``) and e-mail the reporters of one unit, and e-mail the unit; log each."""
    summary = SendSummary(units=1)
    period, unit = item.period, item.unit
    reporters = list(notifications.reporters_of([unit]).order_by("username"))
    path = reverse("reporting:report", args=[period.pk, unit.pk])
    subject = _subject(period, unit, item.kind, item.days)
    common = {
        "period": period,
        "unit": unit,
        "kind": item.kind,
        "day": item.day,
        "days_to_deadline": item.days,
        "request": item.request,
        "subject": subject[:255],
    }
    if in_app:
        text = _notification_text(period, unit, item.kind, item.days)
        for user in reporters:
            log = _claim(channel=Channel.IN_APP, recipient=user.username, user=user, **common)
            if log is None:
                summary.skipped += 1
                continue
            Notification.objects.create(user=user, text=text[:500], link=path, reminder=item.request)
            _finish(log, Status.SENT)
            summary.notifications += 1
    addresses = _addresses(unit, reporters)
    if not addresses:
        logged = ReminderLog.objects.filter(
            period=period, unit=unit, kind=item.kind, channel=Channel.EMAIL, recipient="", day=item.day
        )
        if item.kind == Kind.MANUAL:
            logged = logged.filter(request=item.request)
        if not logged.exists():  # once a day (or once per manual request) is enough to say so
            log = _claim(channel=Channel.EMAIL, recipient="", user=None, **common)
            if log is not None:
                _finish(log, Status.FAILED, _("Neither the unit nor its reporters have an e-mail address."))
                summary.without_address += 1
        return summary
    body = _body(period, unit, item.kind, item.days, item.state, absolute_url(path), item.message)
    for address, addressee in addresses.items():
        log = _claim(channel=Channel.EMAIL, recipient=address, user=addressee, **common)
        if log is None:
            summary.skipped += 1
            continue
        try:
            mailer.send(EmailMessage(subject, body, None, [address]))
        except Exception as exc:  # any failure of one message is logged; the others still go out
            logger.warning("reminder e-mail to %s failed: %s", address, exc)
            _finish(log, Status.FAILED, f"{type(exc).__name__}: {exc}")
            summary.emails_failed += 1
        else:
            _finish(log, Status.SENT)
            summary.emails_sent += 1
    return summary


def send_due_reminders(today: dt.date | None = None) -> SendSummary:
    """Send the automatic reminders due on ``today`` (idempotent within a day), then any manual
    request whose e-mails have not gone out. Returns what was done."""
    today = today or timezone.localdate()
    summary = SendSummary()
    by_period: dict[int, list[DueReminder]] = defaultdict(list)
    for item in due_reminders(today):
        by_period[item.period.pk].append(item)
    mailer = _Mailer()
    with translation.override(settings.LANGUAGE_CODE):
        try:
            for items in by_period.values():
                summary.add(_send_period(items, today, mailer))
        finally:
            mailer.close()
    summary.add(send_pending_manual_reminders())
    return summary


def _send_period(items: list[DueReminder], today: dt.date, mailer: _Mailer) -> SendSummary:
    period = items[0].period
    request = ReminderRequest.objects.create(
        period=period, kind=ReminderRequest.Kind.AUTOMATIC, message=str(Kind(items[0].kind).label)
    )
    summary, reached = SendSummary(), []
    for item in items:
        delivery = _Delivery(period, item.unit, item.kind, today, item.days_to_deadline, item.state, request)
        done = _deliver(delivery, mailer, in_app=True)
        summary.add(done)
        if done.notifications or done.emails_sent or done.emails_failed or done.without_address:
            reached.append(item.unit)
        else:
            summary.units -= 1  # everything already sent today
    if not reached:
        request.delete()
        return summary
    request.units.set(reached)
    request.notified_count = summary.notifications
    request.emailed_at = timezone.now()
    request.save(update_fields=["notified_count", "emailed_at"])
    return summary


def _log_notifications(request: ReminderRequest, units: list[OrgUnit]) -> None:
    """Log the in-app notifications :func:`services.request_reminders` created for a manual request."""
    unit_of: dict[int, OrgUnit] = {}
    by_pk = {u.pk: u for u in units}
    assignments = RoleAssignment.objects.filter(role=Role.REPORTER, org_unit__in=units).order_by("pk")
    for user_id, unit_id in assignments.values_list("user_id", "org_unit_id"):
        unit_of.setdefault(user_id, by_pk[unit_id])
    for note in request.notifications.select_related("user"):
        unit = unit_of.get(note.user_id)
        if unit is None:
            continue
        log = _claim(
            period=request.period,
            unit=unit,
            kind=Kind.MANUAL,
            channel=Channel.IN_APP,
            recipient=note.user.username,
            user=note.user,
            request=request,
            subject=note.text[:255],
            day=timezone.localdate(note.created_at),
            days_to_deadline=(request.period.deadline - timezone.localdate(note.created_at)).days,
        )
        if log is not None:
            _finish(log, Status.SENT)
            ReminderLog.objects.filter(pk=log.pk).update(sent_at=note.created_at)


def _addresses(unit: OrgUnit, reporters: list[User]) -> dict[str, User | None]:
    """The e-mail addresses a unit's reminder goes to: its reporters' and the unit's own."""
    addresses: dict[str, User | None] = {}
    for reporter in reporters:
        if reporter.email:
            addresses.setdefault(reporter.email.strip().lower(), reporter)
    if unit.email:
        addresses.setdefault(unit.email.strip().lower(), None)
    return addresses


def units_without_reporters(units: Iterable[OrgUnit]) -> list[OrgUnit]:
    """The units among ``units`` with no active reporter account: nobody there sees a notice."""
    units = list(units)
    reached = set(
        RoleAssignment.objects.filter(
            role=Role.REPORTER, org_unit__in=units, user__is_active=True
        ).values_list("org_unit_id", flat=True)
    )
    return [u for u in units if u.pk not in reached]


def log_request(request: ReminderRequest) -> None:
    """Log a focal officer's request as soon as it is made, whether or not the worker runs: the
    in-app notifications already created (sent), each e-mail still to send (queued for the worker),
    and the units nobody could be reached at (failed, with the reason)."""
    period, units = request.period, list(request.units.order_by("type", "name"))
    today = timezone.localdate()
    _log_notifications(request, units)
    common = {"period": period, "kind": Kind.MANUAL, "request": request, "day": today}
    common["days_to_deadline"] = (period.deadline - today).days
    for unit in units:
        reporters = list(notifications.reporters_of([unit]).order_by("username"))
        subject = _subject(period, unit, Kind.MANUAL, 0)[:255]
        if not reporters:
            log = _claim(
                unit=unit, channel=Channel.IN_APP, recipient="", user=None, subject=subject, **common
            )
            if log is not None:
                _finish(log, Status.FAILED, _("The unit has no reporter account."))
        for address, addressee in _addresses(unit, reporters).items():
            ReminderLog.objects.create(
                unit=unit,
                channel=Channel.EMAIL,
                recipient=address,
                user=addressee,
                subject=subject,
                status=Status.QUEUED,
                **common,
            )


def send_manual_reminders(reminder_request_id: int) -> SendSummary:
    """E-mail the units of a focal officer's reminder request and log its notifications.

    Units that have submitted since the request are left out. Running it again sends nothing twice.
    """
    request = (
        ReminderRequest.objects.select_related("period", "period__plan")
        .filter(pk=reminder_request_id)
        .first()
    )
    summary = SendSummary()
    if request is None:
        return summary
    period = request.period
    units = list(request.units.order_by("type", "name"))
    states = dict(Submission.objects.filter(period=period, unit__in=units).values_list("unit_id", "state"))
    today = timezone.localdate()
    mailer = _Mailer()
    with translation.override(settings.LANGUAGE_CODE):
        _log_notifications(request, units)
        try:
            for unit in units:
                state = states.get(unit.pk, NOT_STARTED)
                if state in COMPLETE_STATES:
                    continue
                days = (period.deadline - today).days
                delivery = _Delivery(period, unit, Kind.MANUAL, today, days, state, request, request.message)
                summary.add(_deliver(delivery, mailer, in_app=False))
        finally:
            mailer.close()
    # what was queued has now been sent, failed, or left out (the unit submitted meanwhile)
    request.logs.filter(status=Status.QUEUED).delete()
    ReminderRequest.objects.filter(pk=request.pk).update(emailed_at=timezone.now())
    return summary


def send_pending_manual_reminders() -> SendSummary:
    """Manual requests whose e-mails never went out (e.g. the worker was down when they were made)."""
    summary = SendSummary()
    pending = ReminderRequest.objects.filter(
        kind=ReminderRequest.Kind.MANUAL, emailed_at__isnull=True, period__status=PeriodStatus.OPEN
    )
    for request_id in pending.order_by("pk").values_list("pk", flat=True):
        summary.add(send_manual_reminders(request_id))
    return summary
