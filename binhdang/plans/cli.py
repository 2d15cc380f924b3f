"""The ``import`` and ``list`` subcommands of ``binhdang plan`` (wired into ``management/commands/plan.py``).

binhdang plan import FILE --province "Đắk Lắk" [--json] [--status draft|active|archived] [--new-version]
binhdang plan list [--json]

``import`` extracts FILE (.docx, .txt, .md), imports it for the province and prints the plan's id,
slug and indicators with their catalog binding; bad input (not a plan, PDF, image, empty or corrupt
document, unknown province, same file already imported) ends with a Vietnamese message and changes
nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from binhdang.orgunits.catalog import UnknownProvinceError
from binhdang.orgunits.models import OrgUnit
from binhdang.orgunits.selectors import find_province
from binhdang.plans.extraction import ExtractionError, extract_file
from binhdang.plans.extraction.records import as_json
from binhdang.plans.importing import PlanImportError, import_plan
from binhdang.plans.models import Plan, PlanStatus


def province_or_error(name: str) -> OrgUnit:
    """The province called ``name`` in the database; CommandError (Vietnamese) otherwise."""
    try:
        province = find_province(name)
    except UnknownProvinceError as error:
        raise CommandError(str(error)) from error
    if province is None:
        raise CommandError(
            _(
                "The province “%(name)s” is not loaded yet: run “binhdang orgunits load --province %(name)s” first."
            )
            % {"name": name}
        )
    return province


def add_import_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("The plan document (.docx, .txt or .md)."))
    parser.add_argument(
        "--province", metavar="NAME", required=True, help=_("The province the plan belongs to.")
    )
    parser.add_argument("--json", action="store_true", help=_("Print JSON (UTF-8)."))
    parser.add_argument(
        "--status",
        choices=PlanStatus.values,
        default=PlanStatus.DRAFT,
        help=_("Status of the imported plan."),
    )
    parser.add_argument(
        "--new-version",
        action="store_true",
        dest="new_version",
        help=_("Import as a new version of the plan already imported from the same file."),
    )


def handle_import(command, options: dict) -> Plan:
    stdout = command.stdout

    province = province_or_error(options["province"])
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(_("The file “%(name)s” does not exist.") % {"name": str(path)})
    try:
        extraction = extract_file(path)
    except ExtractionError as error:
        raise CommandError(str(error)) from error
    try:
        plan = import_plan(
            as_json(extraction),
            province,
            path,
            None,
            status=options.get("status") or PlanStatus.DRAFT,
            as_new_version=bool(options.get("new_version")),
        )
    except PlanImportError as error:
        raise CommandError(str(error)) from error
    indicators = [
        {"code": i.code, "catalog": i.catalog.code if i.catalog else None}
        for i in plan.indicators.select_related("catalog").order_by("order")
    ]
    if options.get("json"):
        stdout.write(
            json.dumps({"id": plan.pk, "slug": plan.slug, "indicators": indicators}, ensure_ascii=False)
        )
    else:
        stdout.write(
            _("Imported “%(title)s” (%(slug)s, version %(version)s, %(status)s): %(count)d indicator(s).")
            % {
                "title": plan.title,
                "slug": plan.slug,
                "version": plan.version,
                "status": plan.get_status_display(),
                "count": len(indicators),
            }
        )
        for item in indicators:
            stdout.write(f"  {item['code']}: {item['catalog'] or _('direct entry')}")
    return plan


def add_list_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help=_("Print JSON (UTF-8)."))


def handle_list(command, options: dict) -> None:
    stdout = command.stdout
    plans = Plan.objects.select_related("province", "org_unit").order_by(
        "province__name", "-period_end", "pk"
    )
    rows = [
        {
            "id": p.pk,
            "slug": p.slug,
            "title": p.title,
            "program": p.program,
            "locality": p.locality,
            "status": p.status,
        }
        for p in plans
    ]
    if options.get("json"):
        stdout.write(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        stdout.write(_("No plans yet."))
    for plan, row in zip(plans, rows, strict=True):
        stdout.write(
            f"{row['id']:>4}  {row['slug']}  [{plan.get_status_display()}]  {row['locality']}: {row['title']}"
        )
