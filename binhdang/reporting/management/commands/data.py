"""``binhdang data import FILE [--user USERNAME] [--dry-run] [--json]`` and
``binhdang data export --plan ID --year Y [--unit CODE] [--status STATE] [--out PATH]``: data value sets (domain §9)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binhdang.core.exports import Scope
from binhdang.reporting import import_summary
from binhdang.reporting.datavalue_export import export_filters
from binhdang.reporting.datavaluesets import DataValueSetError, import_data_value_sets
from binhdang.reporting.dhis2 import FormatError, read_import
from binhdang.reporting.exporters import DataValueSets
from binhdang.reporting.management.commands._common import find_plan, find_user
from binhdang.reporting.models import Period


class Command(BaseCommand):
    help = "Data value sets (JSON): import a file (all or nothing) or export a plan's year."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Import a data value set file.")
        importer.add_argument("file", help="JSON file, '-' for standard input")
        importer.add_argument("--user", help="acting user; limits the import to what they may report")
        importer.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        importer.add_argument(
            "--json", action="store_true", help="print the import summary as JSON (DHIS2's ImportSummary)"
        )
        exporter = sub.add_parser("export", help="Export a plan's reports of a year.")
        exporter.add_argument("--plan", required=True, help="plan id or slug")
        exporter.add_argument("--year", required=True, type=int)
        exporter.add_argument("--unit", help="only this unit's report (unit code)")
        exporter.add_argument(
            "--status", help="only reports in this state: draft, submitted, returned, accepted"
        )
        exporter.add_argument("--out", help="output file (default: standard output)")

    def handle(self, *args, **options):
        if options["action"] == "import":
            self._import(options)
        else:
            self._export(options)

    def _import(self, options):
        path = options["file"]
        try:
            content: bytes | str = sys.stdin.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}) from exc
        try:
            data = read_import(content)
            result = import_data_value_sets(data, find_user(options.get("user")), dry_run=options["dry_run"])
        except (DataValueSetError, FormatError) as exc:
            if options["json"]:
                self._summary(import_summary.failure(exc.messages, dry_run=options["dry_run"]))
            raise CommandError(_("Nothing was imported:") + "\n" + "\n".join(exc.messages)) from exc
        summary = import_summary.success(result)
        if options["json"]:
            self._summary(summary)
            return
        message = _("Imported %(sets)d reports, %(values)d values; %(submitted)d submitted.") % vars(result)
        if result.dry_run:
            message = _("The file is valid (nothing written): %(sets)d reports, %(values)d values.") % vars(
                result
            )
        self.stdout.write(message + " " + import_summary.count_text(summary))
        for notice in result.notices:
            self.stdout.write(notice)
        for warning in summary["conflicts"]:
            self.stdout.write(f"{warning['object']}: {warning['message']}")

    def _summary(self, summary: dict) -> None:
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))

    def _export(self, options):
        plan = find_plan(options["plan"])
        period = Period.objects.filter(plan=plan, year=options["year"], kind="annual").first()
        if period is None:
            raise CommandError(
                _("Plan %(plan)s has no %(year)s period.") % {"plan": plan.pk, "year": options["year"]}
            )
        try:
            filters = export_filters(period, options.get("unit"), options.get("status"))
        except DataValueSetError as exc:
            raise CommandError(_("Nothing was exported:") + "\n" + "\n".join(exc.messages)) from exc
        scope = Scope(period=period, filters={"units": filters.units, "state": filters.state})
        text = DataValueSets().render(scope).decode("utf-8")
        if options.get("out"):
            Path(options["out"]).write_text(text + "\n", encoding="utf-8")
            self.stdout.write(_("Written to %(path)s.") % {"path": options["out"]})
        else:
            self.stdout.write(text)
