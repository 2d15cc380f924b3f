"""``binhdang worklog export --plan ID --year Y [--unit CODE] [--out PATH]``: a plan's activity log and
planned funds of a year as data value sets (dataSet ``WORKLOG``, export only; ``work.datavalues``
lists the codes). Every unit of the plan's province, or ``--unit``'s."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.work.datavalues import export_worklog


class Command(BaseCommand):
    help = "The work log (activities, participants, budgets, planned funds) as data value sets (export only)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        exporter = sub.add_parser("export", help="export a plan's work log of a year")
        exporter.add_argument("--plan", required=True, help="plan id or slug")
        exporter.add_argument("--year", required=True, type=int)
        exporter.add_argument("--unit", help="only this unit (unit code)")
        exporter.add_argument("--out", help="output file (default: standard output)")

    def handle(self, *args, **options) -> None:
        plan = Plan.objects.by_reference(options["plan"])
        if plan is None:
            raise CommandError(_('No plan has the id or slug "%(ref)s".') % {"ref": options["plan"]})
        units = None
        if options.get("unit"):
            units = list(OrgUnit.objects.filter(code=options["unit"], province_id=plan.province_id))
            if not units:
                raise CommandError(
                    _('unit: no unit of %(province)s has the code "%(code)s".')
                    % {"province": plan.province.name, "code": options["unit"]}
                )
        text = json.dumps(export_worklog(plan, options["year"], units), ensure_ascii=False, indent=2)
        if options.get("out"):
            Path(options["out"]).write_text(text + "\n", encoding="utf-8")
            self.stdout.write(_("Written to %(path)s.") % {"path": options["out"]})
        else:
            self.stdout.write(text)
