"""The log of every reminder sent: one row per recipient and channel (e-mail or in-app).

Written by :mod:`binhdang.reporting.reminders`. A row is created as ``pending`` before the e-mail
goes out (the claim), then set to ``sent`` or ``failed`` with the error. A focal officer's request
logs its e-mails as ``queued`` at once (the worker may not be running); the worker replaces them with
the rows of what it sent. The unique constraints make
the claim idempotent: the same automatic reminder (period, unit, kind, channel, recipient) is sent at
most once a day, and a manual request at most once per recipient, even when two workers run at once.
A failed row does not count, so a later run the same day tries again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.models.notifications import ReminderRequest
from binhdang.reporting.models.periods import Period


class ReminderLog(models.Model):
    class Kind(models.TextChoices):
        BEFORE_DEADLINE = "before_deadline", _("Before the deadline")
        OVERDUE = "overdue", _("Overdue")
        MANUAL = "manual", _("Sent by the focal officer")

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        IN_APP = "in_app", _("In-app notification")

    class Status(models.TextChoices):
        #: A manual request's e-mail waiting for the background worker (``binhdang db_worker``).
        QUEUED = "queued", _("Queued for the background worker")
        PENDING = "pending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.CASCADE, related_name="reminder_logs"
    )
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    #: The e-mail address, or the username of an in-app notification ("" when the unit has nobody).
    recipient = models.CharField(_("recipient"), max_length=254, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    request = models.ForeignKey(
        ReminderRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="logs"
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)
    #: The day (Vietnam time) the reminder belongs to: at most one automatic reminder a day.
    day = models.DateField(_("day"))
    #: Days from ``day`` to the deadline: 3 = three days before, -2 = two days late.
    days_to_deadline = models.SmallIntegerField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder log entry")
        verbose_name_plural = _("reminder log")
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["period", "day"])]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit", "kind", "channel", "recipient", "day"],
                condition=Q(status__in=["pending", "sent"]) & Q(kind__in=["before_deadline", "overdue"]),
                name="reporting_reminder_once_a_day",
            ),
            models.UniqueConstraint(
                fields=["request", "unit", "channel", "recipient"],
                condition=Q(status__in=["pending", "sent"]) & Q(kind="manual"),
                name="reporting_manual_reminder_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.unit} · {self.kind} · {self.channel} · {self.recipient} · {self.status}"
