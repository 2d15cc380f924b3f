"""In-app notifications and the log of reminder requests.

The status board's "send reminders" creates a :class:`ReminderRequest` (who asked, for which units)
and one :class:`Notification` per reporter of those units. The reminders helper sends the e-mails of
requests whose ``emailed_at`` is empty and sets it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.models.periods import Period


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("text"), max_length=500)
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    reminder = models.ForeignKey(
        "ReminderRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text


class ReminderRequest(models.Model):
    class Kind(models.TextChoices):
        MANUAL = "manual", _("Sent by the focal officer")
        AUTOMATIC = "automatic", _("Automatic")

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reminder_requests")
    units = models.ManyToManyField(OrgUnit, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MANUAL)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    message = models.TextField(_("message"), blank=True)
    notified_count = models.PositiveIntegerField(default=0)
    #: Set by the e-mail sender once the reminder e-mails have gone out.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reminder request")
        verbose_name_plural = _("reminder requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.period} · {self.created_at:%Y-%m-%d %H:%M}"
