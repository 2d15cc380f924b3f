"""``binhdang campaigns <subcommand>``: the plans' campaign calendar from the command line (and cron).

- ``remind [--date YYYY-MM-DD] [--days N]``: send the reminders due before the campaigns (once per
  campaign, year and unit; running it again sends nothing twice), see ``work.campaign_reminders``.
  Cron, once a day (or let ``binhdang runperiodic`` run its job ``campaign_reminders``)::

      0 7 * * * cd /srv/binhdang && .venv/bin/binhdang campaigns remind >> var/log/campaigns.log 2>&1

- ``list [--plan ID] [--year YYYY]``: the campaigns of the active plans in a year, with their dates.
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.plans.models import Plan, PlanStatus
from binhdang.work import campaign_calendar, campaign_reminders


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(_('--date: "%(value)s" is not a date (YYYY-MM-DD).') % {"value": value}) from exc


class Command(BaseCommand):
    help = "The plans' campaign calendar: remind the units before a campaign; list the campaigns."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        remind = sub.add_parser("remind", help="send the reminders due before the campaigns")
        remind.add_argument("--date", help="the day to run for, YYYY-MM-DD (default: today in Vietnam)")
        remind.add_argument("--days", type=int, help="days before a campaign (default: the setting, 14)")
        listing = sub.add_parser("list", help="the campaigns of the active plans in a year")
        listing.add_argument("--plan", type=int, help="only this plan (id)")
        listing.add_argument("--year", type=int, help="the year (default: this year)")

    def handle(self, *args, **options) -> None:
        if options["subcommand"] == "remind":
            if options.get("days") is not None and options["days"] < 0:
                raise CommandError(_("--days must be 0 or more."))
            summary = campaign_reminders.send_campaign_reminders(
                _date(options.get("date")), options.get("days")
            )
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False))
            return
        today = timezone.localdate()
        year = options.get("year") or today.year
        plans = Plan.objects.filter(status=PlanStatus.ACTIVE).order_by("pk")
        if options.get("plan"):
            plans = plans.filter(pk=options["plan"])
            if not plans.exists():
                raise CommandError(_("No active plan with id %(id)s.") % {"id": options["plan"]})
        for plan in plans:
            self.stdout.write(f"{plan.pk} {plan.title}")
            for occurrence in campaign_calendar.occurrences(plan, year, today):
                self.stdout.write(f"  {occurrence.when}  {occurrence.campaign.name}")
