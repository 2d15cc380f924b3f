"""The plan's work through the year: the follow-up of its tasks and the units' activity log.

A task's status is the status of its latest update (``chưa thực hiện`` without one); it is shown as
late ("chậm") when its update says so, or when its time frame names a date that has passed and it is
not done (:func:`task_deadline`).
"""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Campaign, Plan, Task
from binhdang.reporting import limits

#: The hard limit of a count of people or of an amount of đồng: the reports' own (``reporting.limits``),
#: since no activity can exceed what a unit may report for its whole year.
MAX_PEOPLE = limits.HARD_LIMITS[limits.PEOPLE]
MAX_DONG = limits.HARD_LIMITS[limits.MONEY]


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    LATE = "late", _("late")


_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_YEAR_ONLY = re.compile(r"(?:năm|trong năm)\s+(\d{4})", re.IGNORECASE)


def task_deadline(timeframe: str) -> date | None:
    """The date a task's time frame names ("trước ngày 20/6/2026", "Năm 2027": 31/12/2027), or None
    for a frame without one ("Hằng năm", "Thường xuyên", "2026-2030")."""
    found = _DATE.search(timeframe or "")
    if found:
        day, month, year = (int(g) for g in found.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    found = _YEAR_ONLY.search(timeframe or "")
    if found and "-" not in timeframe and "–" not in timeframe:
        return date(int(found.group(1)), 12, 31)
    return None


def effective_status(status: str, timeframe: str, today: date, due: date | None = None) -> str:
    """The status shown: ``late`` when the task's due date (``due``, else the date its time frame
    names) has passed and the task is not done."""
    if status in (TaskStatus.DONE, TaskStatus.LATE):
        return status
    deadline = due or task_deadline(timeframe)
    if deadline is not None and deadline < today:
        return TaskStatus.LATE
    return status


def evidence_path(instance: TaskUpdate, filename: str) -> str:
    return f"work/tasks/{instance.task.plan_id}/{instance.task_id}/{filename}"


class TaskUpdate(models.Model):
    """A progress note on a task from its lead agency's reporter or a focal officer."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=TaskStatus.choices)
    note = models.TextField(_("progress note"), max_length=4000)
    file = models.FileField(_("evidence"), upload_to=evidence_path, max_length=255, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task update")
        verbose_name_plural = _("task updates")
        ordering = ["task", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.task.code}: {self.get_status_display()}"


class ActivityType(models.TextChoices):
    COMMUNICATION = "communication", _("communication session")
    ACTION_MONTH = "action_month", _("Action Month event")
    COMMEMORATION = "commemoration", _("commemorative-day event")
    TRAINING = "training", _("training")
    COMMUNITY_MODEL = "community_model", _("community model")
    CONVENTION = "convention", _("convention review")
    OTHER = "other", _("other")


def activity_path(instance: ActivityFile, filename: str) -> str:
    return f"work/activities/{instance.activity.unit.code}/{filename}"


_people = [MinValueValidator(0), MaxValueValidator(MAX_PEOPLE)]
_money = [MinValueValidator(0), MaxValueValidator(MAX_DONG)]


class Activity(models.Model):
    """An activity a unit carried out under a plan, recorded when it happened."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="activities"
    )
    type = models.CharField(_("type"), max_length=20, choices=ActivityType.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    male = models.PositiveIntegerField(_("male participants"), default=0, validators=_people)
    female = models.PositiveIntegerField(_("female participants"), default=0, validators=_people)
    budget_state = models.PositiveBigIntegerField(_("state budget (đồng)"), default=0, validators=_money)
    budget_other = models.PositiveBigIntegerField(_("other sources (đồng)"), default=0, validators=_money)
    description = models.TextField(_("short description"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["plan", "date"]), models.Index(fields=["unit", "date"])]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.date:%d/%m/%Y}"

    @property
    def participants(self) -> int:
        return self.male + self.female


#: At most this many photos or documents per activity.
MAX_ACTIVITY_FILES = 10


class ActivityFile(models.Model):
    """A photo or document of an activity (the kinds and size of ``reporting.attachments``)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("photo or document"), upload_to=activity_path, max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity file")
        verbose_name_plural = _("activity files")
        ordering = ["activity", "pk"]

    def __str__(self) -> str:
        return self.name


class CampaignReminder(models.Model):
    """The reminder of a unit before a campaign of one year (``work.campaign_reminders``): made once
    per campaign, year and unit; ``notified`` reporters got an in-app notification (0: the unit has
    no reporter account, or was told of the same campaign under another plan)."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="reminders"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("sent on"))
    starts = models.DateField(_("campaign starts"))
    notified = models.PositiveSmallIntegerField(_("reporters notified"), default=0)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("campaign reminder")
        verbose_name_plural = _("campaign reminders")
        ordering = ["-sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "year", "unit"], name="one_campaign_reminder_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign} {self.year}: {self.unit}"


class FundSource(models.TextChoices):
    """Where a unit's money for the plan comes from: the state budget by level, or mobilised funds."""

    CENTRAL = "central", _("central state budget")
    PROVINCE = "province", _("provincial state budget")
    COMMUNE = "commune", _("commune state budget")
    MOBILISED = "mobilised", _("mobilised funds (socialisation, sponsors)")


class PlannedFunds(models.Model):
    """The funds a unit plans to spend on the plan in a year from one source (đồng), entered by the
    unit or the focal officer; every change is in the audit trail."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="planned_funds")
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="planned_funds"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source of funds"), max_length=16, choices=FundSource.choices)
    amount = models.PositiveBigIntegerField(_("planned amount (đồng)"), validators=_money)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("entered at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("planned funds")
        verbose_name_plural = _("planned funds")
        ordering = ["plan", "year", "unit", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "unit", "year", "source"], name="work_unique_planned_funds"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year} {self.get_source_display()}: {self.amount}"


# Inspections and their follow-up items live in their own module; imported here so Django loads them.
from binhdang.work.inspection_models import FollowUp, FollowUpStatus, Inspection  # noqa: E402, F401
