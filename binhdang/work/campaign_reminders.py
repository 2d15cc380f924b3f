"""Reminders before a campaign: ``CAMPAIGN_REMINDER_DAYS_BEFORE`` days (setting, default 14) before a
campaign of an active plan starts, the reporters of every expected unit
(``campaign_calendar.expected_units``) get an in-app notification linking to the campaign calendar.

A reminder is due from that day until the campaign's first day (so a day the job did not run is caught
up the next day, and a campaign added late is still announced), and is sent once per campaign, year and
unit: each one is a :class:`CampaignReminder` row (unique on campaign, year, unit) created in the same
transaction as its notifications; a second run, or a second worker, skips it. The same campaign (same
first day and name) of two plans of the province is announced to a unit once (the second is logged
with nobody notified).

Run daily by ``binhdang runperiodic`` (the job ``campaign_reminders``, through ``django.tasks``) or by
hand or from cron with ``binhdang campaigns remind [--date YYYY-MM-DD]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.calendar import calendar_years
from binhdang.plans.models import Plan, PlanStatus
from binhdang.reporting import notifications
from binhdang.work.campaign_calendar import Occurrence, expected_units, occurrences
from binhdang.work.models import CampaignReminder


def days_before() -> int:
    return max(0, int(getattr(settings, "CAMPAIGN_REMINDER_DAYS_BEFORE", 14)))


def in_window(occurrence: Occurrence, days: int) -> bool:
    """Whether ``occurrence`` is to be announced on its ``today``: from ``days`` days before its first
    day up to that day."""
    return 0 <= occurrence.days_to_start <= days


@dataclass(frozen=True)
class DueCampaign:
    plan: Plan
    occurrence: Occurrence


def due_campaigns(today: dt.date, days: int | None = None) -> list[DueCampaign]:
    """The campaigns of active plans to announce on ``today`` (this year's and next year's)."""
    days = days_before() if days is None else days
    due = []
    for plan in Plan.objects.filter(status=PlanStatus.ACTIVE).prefetch_related("campaigns").order_by("pk"):
        years = [y for y in (today.year, today.year + 1) if y in calendar_years(plan)]
        for year in years:
            for occurrence in occurrences(plan, year, today):
                if in_window(occurrence, days):
                    due.append(DueCampaign(plan, occurrence))
    return due


@dataclass
class Summary:
    campaigns: int = 0
    units: int = 0
    notifications: int = 0
    #: Units reminded that have no reporter account (logged with nobody notified).
    without_reporters: int = 0
    #: Units already reminded for that campaign and year.
    skipped: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def notification_text(occurrence: Occurrence, unit: OrgUnit) -> str:
    days = occurrence.days_to_start
    values = {"unit": unit.name, "name": occurrence.campaign.name, "when": occurrence.when, "days": days}
    if days == 0:
        return _("%(unit)s: %(name)s starts today (%(when)s). Record your activities for it.") % values
    return (
        ngettext(
            "%(unit)s: %(name)s starts in %(days)d day (%(when)s). Plan and record your activities for it.",
            "%(unit)s: %(name)s starts in %(days)d days (%(when)s). Plan and record your activities for it.",
            days,
        )
        % values
    )


def _remind(
    item: DueCampaign, unit: OrgUnit, today: dt.date, link: str, *, notify: bool = True
) -> int | None:
    """Log and notify (``notify``) one unit; None when it was already reminded for this campaign and
    year."""
    occurrence = item.occurrence
    try:
        with transaction.atomic():
            log = CampaignReminder.objects.create(
                campaign=occurrence.campaign,
                year=occurrence.year,
                unit=unit,
                day=today,
                starts=occurrence.start,
            )
            count = 0
            if notify:
                count = notifications.notify(
                    notifications.reporters_of([unit]).order_by("username"),
                    notification_text(occurrence, unit),
                    link,
                )
            if count:
                log.notified = count
                log.save(update_fields=["notified"])
    except IntegrityError:
        return None
    return count


def send_campaign_reminders(today: dt.date | None = None, days: int | None = None) -> Summary:
    """Send the campaign reminders due on ``today`` (default: today in Vietnam). Idempotent."""
    today = today or timezone.localdate()
    summary = Summary()
    due = due_campaigns(today, days)
    # the same day named by two plans of a province is announced to a unit once
    announced = {
        (unit_id, starts, name.casefold())
        for unit_id, starts, name in CampaignReminder.objects.filter(
            year__in={d.occurrence.year for d in due}
        ).values_list("unit_id", "starts", "campaign__name")
    }
    with translation.override(settings.LANGUAGE_CODE):
        for item in due:
            occurrence = item.occurrence
            summary.campaigns += 1
            same = (occurrence.start, occurrence.campaign.name.casefold())
            link = f"{reverse('work:campaigns', args=[item.plan.slug])}?year={occurrence.year}"
            done = set(
                CampaignReminder.objects.filter(
                    campaign=occurrence.campaign, year=occurrence.year
                ).values_list("unit_id", flat=True)
            )
            for unit in expected_units(item.plan, occurrence.year).order_by("type", "name"):
                repeated = (unit.pk, *same) in announced
                count = None if unit.pk in done else _remind(item, unit, today, link, notify=not repeated)
                announced.add((unit.pk, *same))
                if count is None or repeated:
                    summary.skipped += 1
                    continue
                summary.units += 1
                summary.notifications += count
                if not count:
                    summary.without_reporters += 1
    return summary
