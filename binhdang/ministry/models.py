"""The province's annual report sent to the ministry (Bộ Nội vụ), the ministry's deadline per year,
and the reminders it sent.

A :class:`ProvinceReport` is one sending of a plan's annual report for a year: the generated report
as it was at sending (DOCX bytes kept) and the signed scan or PDF the officer uploaded. Its states:
sent → received → returned (with comments) or accepted; sent → returned / accepted directly too.
Sending again after a return makes a new version (a new row): nothing is lost. Every step is a
:class:`ProvinceReportStep` (who, when, comment) and the rows keep their history (simple-history).
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

#: The plans' words: "tổng hợp báo cáo UBND tỉnh, Bộ Nội vụ trước ngày 05/12 hằng năm".
DEFAULT_DEADLINE = (12, 5)


class ReportState(models.TextChoices):
    SENT = "sent", _("Sent")
    RECEIVED = "received", _("Received")
    RETURNED = "returned", _("Returned with comments")
    ACCEPTED = "accepted", _("Accepted")


class TransitionError(Exception):
    """A step not allowed from the report's state (the message says why, in Vietnamese)."""


#: state -> the states the ministry may move it to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    ReportState.SENT: (ReportState.RECEIVED, ReportState.RETURNED, ReportState.ACCEPTED),
    ReportState.RECEIVED: (ReportState.RETURNED, ReportState.ACCEPTED),
    ReportState.RETURNED: (),
    ReportState.ACCEPTED: (),
}


def _report_path(instance: ProvinceReport, filename: str) -> str:
    return f"ministry/{instance.year}/{instance.province_id}/v{instance.version}-{filename}"


class ProvinceReport(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="+")
    province = models.ForeignKey(
        OrgUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="ministry_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    state = models.CharField(_("state"), max_length=16, choices=ReportState.choices, default=ReportState.SENT)
    #: The generated annual report as it was when sent (DOCX).
    report_file = models.FileField(_("annual report"), upload_to=_report_path, max_length=300)
    #: The signed scan or signed PDF uploaded by the officer.
    signed_file = models.FileField(_("signed report"), upload_to=_report_path, max_length=300)
    signed_name = models.CharField(_("signed file name"), max_length=255)
    signed_content_type = models.CharField(max_length=100)
    note = models.TextField(_("note"), blank=True)
    #: The province's difficulties and its proposals to the ministry, in its own words (the ministry's
    #: national report groups them across provinces); never the units' narratives.
    difficulties = models.TextField(_("difficulties"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    #: The ministry's last comment (returned or accepted); every comment is in the steps too.
    comment = models.TextField(_("comment"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report to the ministry")
        verbose_name_plural = _("reports to the ministry")
        ordering = ["province", "year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year", "version"], name="ministry_report_version_once"),
        ]
        indexes = [models.Index(fields=["year", "province", "version"])]

    def __str__(self) -> str:
        return f"{self.province} · {self.year} · v{self.version} · {self.state}"

    def can_move_to(self, state: str) -> bool:
        return state in TRANSITIONS[self.state]

    def move_to(self, state: str) -> str:
        """Change the state (not saved); :class:`TransitionError` when not allowed. Returns the old state."""
        if not self.can_move_to(state):
            raise TransitionError(
                _("This report is %(state)s: it cannot be %(target)s.")
                % {"state": self.get_state_display().lower(), "target": ReportState(state).label.lower()}
            )
        old, self.state = self.state, state
        return old

    @property
    def may_send_again(self) -> bool:
        """Only a returned report is sent again (as a new version)."""
        return self.state == ReportState.RETURNED

    def sent_day(self) -> dt.date:
        return timezone.localdate(self.sent_at)

    def is_late(self, deadline: dt.date) -> bool:
        return self.sent_day() > deadline


class ProvinceReportStep(models.Model):
    """One step of a report: sent, received, returned, accepted, with who, when and the comment."""

    report = models.ForeignKey(ProvinceReport, on_delete=models.CASCADE, related_name="steps")
    from_state = models.CharField(_("from"), max_length=16, choices=ReportState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=16, choices=ReportState.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("step of a report to the ministry")
        verbose_name_plural = _("steps of reports to the ministry")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.report}: {self.from_state or '-'} -> {self.to_state}"


class MinistryDeadline(models.Model):
    """The day by which the provinces send their report of ``year`` (set by the ministry)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    deadline = models.DateField(_("deadline"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline of the reports to the ministry")
        verbose_name_plural = _("deadlines of the reports to the ministry")

    def __str__(self) -> str:
        return f"{self.year}: {self.deadline:%d/%m/%Y}"


class MinistryReminder(models.Model):
    """One reminder the ministry sent to a province: the text and who received it in the app."""

    year = models.PositiveSmallIntegerField(_("year"))
    province = models.ForeignKey(
        OrgUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.CharField(_("text"), max_length=500)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder from the ministry")
        verbose_name_plural = _("reminders from the ministry")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year} · {self.province} · {self.sent_at:%Y-%m-%d %H:%M}"
