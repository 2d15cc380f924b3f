"""The campaign calendar as iCalendar (RFC 5545, written with the ``icalendar`` library): a user's
private feed of the campaigns and commemorative days of the plans they may see
(``plans.access.visible_plans``) and the reporting deadlines of the units they report for
(``plans.calendar.obligations_for_unit``), over the plans' years.

Phones subscribe to the feed's URL (``/plans/feeds/<key>.ics``, no login: the key is the secret);
:func:`create_feed` makes the user's key (a new one replaces the old), :func:`revoke_feed` deletes it,
and the old URL then answers 404. Events are all-day; each has a stable ``UID`` so calendars update
them in place; a deadline carries a reminder three days before.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from binhdang.accounts.access import reporting_units
from binhdang.plans.access import visible_plans
from binhdang.plans.calendar import calendar_years, obligations_for_unit
from binhdang.plans.models import CalendarFeedToken, Plan

PRODID = "-//binhdang//Lich binh dang gioi//VI"
DOMAIN = "binhdang"
CONTENT_TYPE = "text/calendar; charset=utf-8"


@transaction.atomic
def create_feed(user) -> CalendarFeedToken:
    """A new feed key for ``user``; an earlier key stops working."""
    CalendarFeedToken.objects.filter(user=user).delete()
    return CalendarFeedToken.objects.create(user=user)


@transaction.atomic
def revoke_feed(user) -> bool:
    """Delete ``user``'s feed key (its URL then answers 404); False when there was none."""
    deleted, _rows = CalendarFeedToken.objects.filter(user=user).delete()
    return bool(deleted)


def feed_owner(key: str):
    """The active user whose feed has ``key``, or None."""
    token = CalendarFeedToken.objects.filter(key=key).select_related("user").first()
    if token is None or not token.user.is_active:
        return None
    return token.user


def _event(uid: str, summary: str, start: dt.date, end: dt.date, description: str, category: str) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{DOMAIN}")
    event.add("dtstamp", timezone.now().replace(microsecond=0))
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end + dt.timedelta(days=1))  # all-day events end the day after (RFC 5545)
    event.add("transp", "TRANSPARENT")
    event.add("categories", [category])
    if description:
        event.add("description", description)
    return event


def user_calendar(user) -> Calendar:
    """The user's calendar (Vietnamese texts): campaigns of the visible plans, their units' deadlines."""
    with translation.override("vi"):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("Gender equality calendar"))
        calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
        plans = list(visible_plans(user).prefetch_related("campaigns").order_by("pk"))
        years: set[int] = set()
        for plan in plans:
            plan_years = calendar_years(plan)
            years.update(plan_years)
            for campaign in plan.campaigns.all():
                for year in plan_years:
                    start, end = campaign.dates_in(year)
                    calendar.add_component(
                        _event(
                            f"campaign-{campaign.pk}-{year}",
                            campaign.name,
                            start,
                            end,
                            plan.title,
                            _("Campaign"),
                        )
                    )
        ids = Plan.objects.filter(pk__in=[p.pk for p in plans])
        for unit in reporting_units(user).order_by("code"):
            for year in sorted(years):
                for due in obligations_for_unit(unit, year, plans=ids):
                    event = _event(
                        f"deadline-{due.obligation.pk}-{year}-{unit.pk}",
                        _("Report deadline: %(unit)s") % {"unit": unit.name},
                        due.deadline,
                        due.deadline,
                        due.plan.title,
                        _("Report deadline"),
                    )
                    alarm = Alarm()
                    alarm.add("action", "DISPLAY")
                    alarm.add("description", _("Report deadline: %(unit)s") % {"unit": unit.name})
                    alarm.add("trigger", dt.timedelta(days=-3))
                    event.add_component(alarm)
                    calendar.add_component(event)
        return calendar
