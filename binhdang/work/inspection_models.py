"""Inspections and supervision of a plan (kiểm tra, giám sát, liên ngành) and their follow-up items.

An inspection is planned (a planned date) and, once carried out, done (its done date, findings and
recommendations). Each follow-up item (việc khắc phục) has a responsible unit, a deadline and a status
the unit keeps up to date; it shows as overdue ("quá hạn") when its deadline has passed and it is not
done (:meth:`FollowUp.shown_status`). The models are loaded by ``work.models``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan


class InspectionKind(models.TextChoices):
    INSPECTION = "inspection", _("inspection")
    SUPERVISION = "supervision", _("supervision")
    INTERAGENCY = "interagency", _("interagency inspection")


class Inspection(models.Model):
    """A planned or done inspection of one or more units under a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="inspections")
    kind = models.CharField(_("kind"), max_length=16, choices=InspectionKind.choices)
    title = models.CharField(_("subject of the inspection"), max_length=500)
    units = models.ManyToManyField(OrgUnit, verbose_name=_("inspected units"), related_name="inspections")
    planned_date = models.DateField(_("planned date"))
    done_date = models.DateField(_("date carried out"), null=True, blank=True)
    lead_agency = models.ForeignKey(
        OrgUnit,
        verbose_name=_("lead agency of the team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_inspections",
    )
    team = models.TextField(_("team members"), max_length=2000, blank=True)
    findings = models.TextField(_("findings"), max_length=8000, blank=True)
    recommendations = models.TextField(_("recommendations"), max_length=8000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-planned_date", "-pk"]
        indexes = [models.Index(fields=["plan", "planned_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_date is not None

    @property
    def day(self) -> dt.date:
        """The inspection's date: when it was carried out, else when it is planned."""
        return self.done_date or self.planned_date

    @property
    def year(self) -> int:
        return self.day.year


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    #: Never stored: shown when the deadline has passed and the item is not done.
    OVERDUE = "overdue", _("overdue")


#: The statuses a user chooses (overdue is computed).
FOLLOW_UP_CHOICES = [c for c in FollowUpStatus.choices if c[0] != FollowUpStatus.OVERDUE]


class FollowUp(models.Model):
    """A follow-up item of an inspection: what a unit must put right, by when, and how far it got."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.TextField(_("follow-up item"), max_length=2000)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    deadline = models.DateField(_("deadline for follow-up"))
    status = models.CharField(
        _("status"), max_length=16, choices=FOLLOW_UP_CHOICES, default=FollowUpStatus.NOT_STARTED
    )
    note = models.TextField(_("progress note"), max_length=4000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up item")
        verbose_name_plural = _("follow-up items")
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def shown_status(self, today: dt.date | None = None) -> str:
        """The stored status, or ``overdue`` when the deadline has passed and the item is not done."""
        today = today or timezone.localdate()
        if self.status != FollowUpStatus.DONE and self.deadline < today:
            return FollowUpStatus.OVERDUE
        return self.status

    def shown_status_label(self) -> str:
        return str(FollowUpStatus(self.shown_status()).label)

    @property
    def badge(self) -> str:
        """The CSS class of the status badge."""
        badges: dict[str, str] = {
            FollowUpStatus.DONE: "badge-ok",
            FollowUpStatus.OVERDUE: "badge-bad",
            FollowUpStatus.IN_PROGRESS: "badge-info",
        }
        return badges.get(self.shown_status(), "badge-muted")

    @property
    def is_overdue(self) -> bool:
        return self.shown_status() == FollowUpStatus.OVERDUE
