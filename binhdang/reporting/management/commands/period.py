"""``binhdang period open --plan ID --year Y [--deadline YYYY-MM-DD] [--lock-date ...] [--user U]``,
``binhdang period list --plan ID``, ``binhdang period close --plan ID --year Y``."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binhdang.reporting import services
from binhdang.reporting.errors import ReportingError
from binhdang.reporting.management.commands._common import find_plan, find_user
from binhdang.reporting.models import Period
from binhdang.reporting.status import build_board


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(_('"%(value)s" is not a date (YYYY-MM-DD).') % {"value": text}) from exc


class Command(BaseCommand):
    help = "Reporting periods: open a plan's reporting year, list or close its periods."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        opener = sub.add_parser("open", help="Open a reporting year for a plan.")
        opener.add_argument("--plan", required=True, help="plan id or slug")
        opener.add_argument("--year", required=True, type=int)
        opener.add_argument("--deadline", help="YYYY-MM-DD; default from the plan's reporting regime")
        opener.add_argument("--lock-date", help="YYYY-MM-DD")
        opener.add_argument("--cutoff-start", help="YYYY-MM-DD; default 15/12 of the previous year")
        opener.add_argument("--cutoff-end", help="YYYY-MM-DD; default 14/12 of the year")
        opener.add_argument("--user", help="acting user (a focal officer of the plan's province)")
        lister = sub.add_parser("list", help="List a plan's periods.")
        lister.add_argument("--plan", required=True, help="plan id or slug")
        closer = sub.add_parser("close", help="Close a period.")
        closer.add_argument("--plan", required=True, help="plan id or slug")
        closer.add_argument("--year", required=True, type=int)
        closer.add_argument("--user")

    def handle(self, *args, **options):
        plan = find_plan(options["plan"])
        try:
            getattr(self, f"_{options['action']}")(plan, options)
        except ReportingError as exc:
            raise CommandError("\n".join(exc.messages)) from exc

    def _open(self, plan, options):
        def day(key: str) -> dt.date | None:
            return _date(options[key]) if options.get(key) else None

        period = services.open_period(
            plan,
            options["year"],
            find_user(options.get("user")),
            deadline=day("deadline"),
            lock_date=day("lock_date"),
            cutoff_start=day("cutoff_start"),
            cutoff_end=day("cutoff_end"),
        )
        self.stdout.write(
            _(
                "Opened period %(year)s of plan %(plan)s (id %(id)d): deadline %(deadline)s, "
                "%(n)d expected reporters."
            )
            % {
                "year": period.year,
                "plan": plan.pk,
                "id": period.pk,
                "deadline": period.deadline.isoformat(),
                "n": period.expected_reporters.count(),
            }
        )

    def _list(self, plan, options):
        for period in Period.objects.filter(plan=plan, kind="annual").order_by("year"):
            board = build_board(period)
            self.stdout.write(
                f"{period.pk}\t{period.year}\t{period.status}\t{period.form_code}\t{period.deadline.isoformat()}\t"
                f"{board.submitted}/{board.expected}\t{board.completeness or 0}%\t{board.timeliness or 0}%"
            )

    def _close(self, plan, options):
        period = Period.objects.filter(plan=plan, year=options["year"], kind="annual").first()
        if period is None:
            raise CommandError(
                _("Plan %(plan)s has no %(year)s period.") % {"plan": plan.pk, "year": options["year"]}
            )
        services.close_period(period, find_user(options.get("user")))
        self.stdout.write(_("Closed period %(year)s.") % {"year": period.year})
