"""Who does what and when: tasks, agency duties, reporting obligations and campaigns of a plan."""

from __future__ import annotations

import calendar
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.models.choices import Recurrence
from binhdang.plans.models.plan import Plan


class TaskGroup(models.Model):
    """A numbered item of the tasks section ("1. Tăng cường cung cấp thông tin ...")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="task_groups")
    code = models.CharField(_("code"), max_length=16)
    title = models.TextField(_("title"))
    source = models.TextField(_("source sentence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("task group")
        verbose_name_plural = _("task groups")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Task(models.Model):
    """A lettered task under a group ("1.a"), with its lead and cooperating agencies when known."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    group = models.ForeignKey(
        TaskGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    code = models.CharField(_("code"), max_length=16)
    title = models.TextField(_("title"))
    lead = models.ForeignKey(
        OrgUnit,
        verbose_name=_("lead agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_plan_tasks",
    )
    cooperating = models.ManyToManyField(
        OrgUnit, verbose_name=_("cooperating agencies"), blank=True, related_name="cooperating_plan_tasks"
    )
    #: The lead as the plan writes it when it is a group of agencies, not one unit ("Các sở, ngành").
    lead_text = models.CharField(_("lead agency (as written)"), max_length=500, blank=True)
    #: Cooperating agencies that are groups, not units ("các cơ quan liên quan"), as written.
    cooperating_text = models.JSONField(_("other cooperating agencies"), default=list, blank=True)
    timeframe = models.CharField(_("time frame"), max_length=200, blank=True)
    #: The due date set by the focal officer; without one, the date the time frame names (if any).
    due_date = models.DateField(_("due date"), null=True, blank=True)
    source = models.TextField(_("source sentence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords(m2m_fields=[cooperating])

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class AgencyDuty(models.Model):
    """The duties the plan gives one agency (or a group of agencies, kept as text)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="duties")
    agency = models.ForeignKey(
        OrgUnit,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_duties",
    )
    agency_name = models.CharField(_("agency as written"), max_length=500)
    #: True when the heading names a group ("Các sở, ban, ngành ...") rather than one unit.
    is_group = models.BooleanField(_("group of agencies"), default=False)
    duties = models.JSONField(_("duties"), default=list, blank=True)
    source = models.TextField(_("source sentence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agency duty")
        verbose_name_plural = _("agency duties")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.agency_name


def _safe_date(year: int, month: int, day: int) -> date:
    """The date, with the day clamped to the month's last day (29/02 in a common year -> 28/02)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


class ReportingObligation(models.Model):
    """Who reports to whom, by when ("trước ngày 30/11 hàng năm").

    The reporters are either one unit (``reporter_unit``) or kinds of units (``reporter_kinds``,
    org-unit types: every department, commune, ...), read from the plan's words.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="obligations")
    reporter_text = models.CharField(_("reporters as written"), max_length=500, blank=True)
    reporter_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_obligations",
    )
    reporter_kinds = models.JSONField(_("kinds of reporting units"), default=list, blank=True)
    receivers = models.JSONField(_("receivers"), default=list, blank=True)
    deadline_month = models.PositiveSmallIntegerField(_("deadline month"))
    deadline_day = models.PositiveSmallIntegerField(_("deadline day"))
    recurrence = models.CharField(_("recurrence"), max_length=16, choices=Recurrence.choices)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    source = models.TextField(_("source sentence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting obligations")
        ordering = ["plan", "deadline_month", "deadline_day", "order"]

    def __str__(self) -> str:
        return f"{self.reporter_text or '-'} → {', '.join(self.receivers)}: {self.deadline_day:02d}/{self.deadline_month:02d}"

    def deadline_in(self, year: int) -> date | None:
        """The deadline falling in ``year``, or None when the obligation has none that year.

        An annual obligation falls due every year of the plan's period; a one-off obligation only in
        its own year (the plan's first year when the text gives none).
        """
        if self.recurrence == Recurrence.ONCE:
            if (self.year or self.plan.period_start) != year:
                return None
        elif (self.plan.period_start and year < self.plan.period_start) or (
            self.plan.period_end and year > self.plan.period_end
        ):
            return None
        return _safe_date(year, self.deadline_month, self.deadline_day)

    def reporter_kinds_display(self) -> list[str]:
        """The kinds of reporting units, as the user reads them ("Sở, ngành", "Xã, phường")."""
        labels = dict(OrgUnitType.choices)
        return [str(labels.get(kind, kind)) for kind in self.reporter_kinds]

    def covers(self, unit: OrgUnit) -> bool:
        """True when ``unit`` must report under this obligation."""
        if unit.province_id != self.plan.province_id:
            return False
        if self.reporter_unit_id is not None:
            return unit.pk == self.reporter_unit_id
        return unit.type in self.reporter_kinds


class CampaignOrigin(models.TextChoices):
    PLAN = "plan", _("named in the plan")
    DEFAULT = "default", _("usual day added at import")
    OFFICER = "officer", _("added by the focal officer")


class Campaign(models.Model):
    """A campaign period or commemorative day of the plan (start and end as month and day): named in
    the plan's text, added from the usual set at import (``plans.campaigns``), or by the focal officer."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="campaigns")
    name = models.CharField(_("name"), max_length=500)
    start_month = models.PositiveSmallIntegerField(_("start month"))
    start_day = models.PositiveSmallIntegerField(_("start day"))
    end_month = models.PositiveSmallIntegerField(_("end month"), null=True, blank=True)
    end_day = models.PositiveSmallIntegerField(_("end day"), null=True, blank=True)
    source = models.TextField(_("source sentence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    origin = models.CharField(
        _("origin"), max_length=16, choices=CampaignOrigin.choices, default=CampaignOrigin.PLAN
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["plan", "start_month", "start_day", "order"]

    def __str__(self) -> str:
        return self.name

    def dates_in(self, year: int) -> tuple[date, date]:
        """(first day, last day) of the campaign in ``year``; a single day starts and ends the same day."""
        start = _safe_date(year, self.start_month, self.start_day)
        if self.end_month is None or self.end_day is None:
            return start, start
        end = _safe_date(year, self.end_month, self.end_day)
        return start, max(start, end)

    @property
    def is_period(self) -> bool:
        return self.end_month is not None and self.end_day is not None
