"""The reminders a focal officer sends to the units that have not submitted (``services`` re-exports
:func:`request_reminders`, its entry point)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access
from binhdang.reporting.models import Period, ReminderRequest, State
from binhdang.reporting.notifications import notify, reporters_of
from binhdang.reporting.reminders import log_request
from binhdang.reporting.tasks import enqueue_manual_reminders
from binhdang.reporting.transitions import require as _require


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
