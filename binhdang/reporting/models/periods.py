"""Reporting periods: a plan's reporting year, with its data cutoff, deadline and expected reporters."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit

#: Deadlines are days in Vietnam: a report is on time until the end of the deadline day there.
LOCAL_TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` in Asia/Ho_Chi_Minh (a time ``t`` is within the day iff ``t < end``)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=LOCAL_TZ)


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class PeriodKind(models.TextChoices):
    """The rhythm of a period: the plan's yearly reports, or a collection of its own (domain, issue 17)."""

    ANNUAL = "annual", _("Annual report")
    AD_HOC = "adhoc", _("Ad hoc request")
    QUARTERLY = "quarterly", _("Quarterly report")
    MONTHLY = "monthly", _("Monthly report")
    ONE_OFF = "oneoff", _("One-off collection")


class Period(models.Model):
    """One reporting year of one plan (e.g. the 2026 annual reports of a communication plan).

    ``form_code`` is ``TT1790`` for communication plans and ``NQ28`` for strategy plans. Dates follow
    Nghị định 09/2019: the data cutoff runs from 15/12 of the previous year to 14/12 (editable), the
    deadline comes from the plan's reporting obligation, and after ``lock_date`` reporters can no
    longer change their report (the focal officer still can).
    """

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.PROTECT, related_name="reporting_periods"
    )
    province = models.ForeignKey(
        OrgUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    #: Annual periods are the plan's yearly reports (one per plan and year); the other kinds collect
    #: what their ``element_codes`` and ``questions`` ask (see ``reporting.requests``).
    kind = models.CharField(_("kind"), max_length=16, choices=PeriodKind.choices, default=PeriodKind.ANNUAL)
    #: 0 for an annual period; the quarter (1-4) or month (1-12); the running number of a request.
    sequence = models.PositiveSmallIntegerField(_("sequence number"), default=0)
    title = models.CharField(_("request title"), max_length=255, blank=True)
    #: Codes of the plan form's data elements the period asks for (empty for an annual period: all).
    element_codes = models.JSONField(_("data elements asked"), default=list, blank=True)
    #: Free questions: [{"code": "Q1", "label": "...", "type": "text"|"number"|"date", "unit": "..."}].
    questions = models.JSONField(_("questions"), default=list, blank=True)
    #: Minimum per period of an element, e.g. [{"code": "TT_NEWS", "minimum": 4}] (4 news items a quarter).
    targets = models.JSONField(_("minimum per period"), default=list, blank=True)
    #: A one-off collection asks each unit for a document (its implementing plan): submitting needs one.
    requires_document = models.BooleanField(_("requires a document"), default=False)
    form_code = models.CharField(_("form"), max_length=16)
    cutoff_start = models.DateField(_("data cutoff from"))
    cutoff_end = models.DateField(_("data cutoff to"))
    deadline = models.DateField(_("deadline"))
    lock_date = models.DateField(
        _("lock date"),
        null=True,
        blank=True,
        help_text=_("After this day reporters can no longer change their reports."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=PeriodStatus.choices, default=PeriodStatus.OPEN
    )
    #: The unit of the plan's focal agency (e.g. Sở Nội vụ): it also fills the focal-agency fields.
    focal_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("focal agency unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year", "plan_id", "kind", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "kind", "sequence"], name="reporting_unique_period_per_plan_year_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(cutoff_start__lte=models.F("cutoff_end")),
                name="reporting_period_cutoff_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} · {self.label}"

    @property
    def is_annual(self) -> bool:
        return self.kind == PeriodKind.ANNUAL

    @property
    def label(self) -> str:
        """How people name the period: "2026", "Quý 1/2026", "Tháng 3/2026", or a request's title."""
        if self.kind == PeriodKind.QUARTERLY:
            return _("Quarter %(n)d/%(year)d") % {"n": self.sequence, "year": self.year}
        if self.kind == PeriodKind.MONTHLY:
            return _("Month %(n)d/%(year)d") % {"n": self.sequence, "year": self.year}
        if self.kind in (PeriodKind.AD_HOC, PeriodKind.ONE_OFF):
            return self.title or f"{self.get_kind_display()} {self.sequence}/{self.year}"
        return str(self.year)

    @property
    def year_label(self) -> str:
        """The period where a text says "the <year> report": "2026", or "2026 (Quý 1/2026)"."""
        return str(self.year) if self.is_annual else f"{self.year} ({self.label})"

    @property
    def start(self) -> dt.date:
        """The first day the period covers (its data cutoff start)."""
        return self.cutoff_start

    @property
    def end(self) -> dt.date:
        """The last day the period covers (its data cutoff end)."""
        return self.cutoff_end

    @property
    def iso_period(self) -> str:
        """The DHIS2 ISO period: "2026", "2026Q1", "202603"; "" for requests (no calendar period)."""
        if self.kind == PeriodKind.QUARTERLY:
            return f"{self.year}Q{self.sequence}"
        if self.kind == PeriodKind.MONTHLY:
            return f"{self.year}{self.sequence:02d}"
        if self.kind == PeriodKind.ANNUAL:
            return str(self.year)
        return ""

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN

    @property
    def deadline_end(self) -> dt.datetime:
        """The instant the deadline passes (end of the deadline day, Vietnam time)."""
        return end_of_day(self.deadline)

    def is_on_time(self, submitted_at: dt.datetime | None) -> bool | None:
        """On time = submitted no later than the end of the deadline day; None when not submitted."""
        if submitted_at is None:
            return None
        return submitted_at < self.deadline_end

    def is_past_deadline(self, now: dt.datetime | None = None) -> bool:
        """True once the deadline day is over (Vietnam time): a report not submitted by then is overdue."""
        return (now or timezone.now()) >= self.deadline_end

    def locked_for_reporters(self, now: dt.datetime | None = None) -> bool:
        """True once the period is closed or its lock date has passed."""
        if not self.is_open:
            return True
        if self.lock_date is None:
            return False
        return (now or timezone.now()) >= end_of_day(self.lock_date)


class ExpectedReporter(models.Model):
    """A unit that must report in a period (completeness and timeliness are measured against these)."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="expected_reporters")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expected reporter")
        verbose_name_plural = _("expected reporters")
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="reporting_unique_expected_reporter"),
        ]

    def __str__(self) -> str:
        return f"{self.period} · {self.unit}"
