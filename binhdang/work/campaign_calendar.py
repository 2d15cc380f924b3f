"""The campaign calendar of a plan: its campaigns and commemorative days in a year, what is coming
(with the days left), and what each unit did for each campaign (activities, participants by sex,
budget), with the expected units that recorded nothing for a campaign that has started.

Expected units (:func:`expected_units`): those expected to report in the plan's reporting periods of
the year, or, before any period is opened, every active unit of the province that can report
(departments, mass organisations, media, communes). What a user sees of them is decided by
``work.access`` (the province's readers: all; a reporter: their own units).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Min, QuerySet, Sum

from binhdang.core.formatting import date as vn_date
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit
from binhdang.plans.calendar import calendar_years
from binhdang.plans.models import Campaign, Plan
from binhdang.reporting.models import ExpectedReporter
from binhdang.work.activities import Totals
from binhdang.work.models import Activity, CampaignReminder

COMING, CURRENT, PAST = "coming", "current", "past"


@dataclass(frozen=True)
class Occurrence:
    """A campaign in one year, seen from ``today``."""

    campaign: Campaign
    year: int
    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def state(self) -> str:
        if self.today < self.start:
            return COMING
        return CURRENT if self.today <= self.end else PAST

    @property
    def days_to_start(self) -> int:
        return (self.start - self.today).days

    @property
    def days_to_end(self) -> int:
        return (self.end - self.today).days

    @property
    def when(self) -> str:
        """ "08/03/2027", or "15/11/2026 - 15/12/2026" for a period."""
        if self.end == self.start:
            return vn_date(self.start)
        return f"{vn_date(self.start)} - {vn_date(self.end)}"

    @property
    def started(self) -> bool:
        return self.state != COMING


def occurrences(plan: Plan, year: int, today: dt.date) -> list[Occurrence]:
    """The plan's campaigns in ``year``, by first day."""
    found = []
    for campaign in plan.campaigns.all():
        start, end = campaign.dates_in(year)
        found.append(Occurrence(campaign, year, start, end, today))
    found.sort(key=lambda o: (o.start, o.end, o.campaign.order, o.campaign.pk))
    return found


def coming(plan: Plan, today: dt.date, limit: int = 4) -> list[Occurrence]:
    """The campaigns going on today and the next ones (this year's, then next year's within the plan's
    period), by first day."""
    years = [y for y in (today.year, today.year + 1) if y in calendar_years(plan)]
    upcoming = [o for y in years for o in occurrences(plan, y, today) if o.end >= today]
    upcoming.sort(key=lambda o: (o.start, o.end))
    return upcoming[:limit]


def expected_units(plan: Plan, year: int) -> QuerySet[OrgUnit]:
    """The units expected to act for the plan's campaigns of ``year`` (see the module's text)."""
    listed = ExpectedReporter.objects.filter(period__plan=plan, period__year=year).values("unit")
    units = OrgUnit.objects.filter(is_active=True, province_id=plan.province_id)
    if listed.exists():
        return units.filter(pk__in=listed)
    return units.filter(type__in=REPORTING_TYPES, valid_to__isnull=True)


@dataclass(frozen=True)
class UnitRow:
    unit: OrgUnit
    totals: Totals


@dataclass
class CampaignResult:
    """What the units did for one campaign in the year."""

    occurrence: Occurrence
    rows: list[UnitRow] = field(default_factory=list)
    silent: list[OrgUnit] = field(default_factory=list)
    expected: int = 0
    #: Units reminded before the campaign (``work.campaign_reminders``), and the first day they were.
    reminded: int = 0
    reminded_on: dt.date | None = None

    @property
    def totals(self) -> Totals:
        return _sum([row.totals for row in self.rows])

    @property
    def acted(self) -> int:
        return len(self.rows)


def _sum(items: list[Totals]) -> Totals:
    return Totals(
        count=sum(t.count for t in items),
        male=sum(t.male for t in items),
        female=sum(t.female for t in items),
        budget_state=sum(t.budget_state for t in items),
        budget_other=sum(t.budget_other for t in items),
    )


def results(
    plan: Plan, year: int, today: dt.date, logged: QuerySet[Activity], units: QuerySet[OrgUnit]
) -> list[CampaignResult]:
    """For each campaign of ``year``: the totals per unit of ``units`` over the ``logged`` activities
    (those the user may see), and the units of ``units`` with nothing once the campaign has started."""
    unit_list = list(units.order_by("type", "name"))
    by_pk = {u.pk: u for u in unit_list}
    sums = (
        logged.filter(plan=plan, date__year=year, campaign__isnull=False, unit__in=list(by_pk))
        .order_by()
        .values("campaign_id", "unit_id")
        .annotate(
            count=Count("pk"),
            male=Sum("male"),
            female=Sum("female"),
            budget_state=Sum("budget_state"),
            budget_other=Sum("budget_other"),
        )
    )
    done: dict[int, dict[int, Totals]] = {}
    for row in sums:
        done.setdefault(row["campaign_id"], {})[row["unit_id"]] = Totals(
            count=row["count"] or 0,
            male=row["male"] or 0,
            female=row["female"] or 0,
            budget_state=row["budget_state"] or 0,
            budget_other=row["budget_other"] or 0,
        )
    reminders = {
        row["campaign_id"]: (row["units"], row["first"])
        for row in CampaignReminder.objects.filter(campaign__plan=plan, year=year, unit__in=list(by_pk))
        .order_by()
        .values("campaign_id")
        .annotate(units=Count("unit", distinct=True), first=Min("day"))
    }
    out = []
    for occurrence in occurrences(plan, year, today):
        of_campaign = done.get(occurrence.campaign.pk, {})
        result = CampaignResult(occurrence, expected=len(unit_list))
        result.reminded, result.reminded_on = reminders.get(occurrence.campaign.pk, (0, None))
        result.rows = [UnitRow(by_pk[pk], of_campaign[pk]) for pk in by_pk if pk in of_campaign]
        if occurrence.started:
            result.silent = [unit for unit in unit_list if unit.pk not in of_campaign]
        out.append(result)
    return out
