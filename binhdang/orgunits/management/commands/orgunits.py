"""``binhdang orgunits``: load the official provinces and communes, and list a province's units.

binhdang orgunits load --province "Đắk Lắk"      # or "dak lak", "Tỉnh Đắk Lắk", "66"
binhdang orgunits load --all                     # the 34 provinces, 3,321 communes
binhdang orgunits list --province "dak lak" --json
"""

from __future__ import annotations

import json
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binhdang.orgunits import loader
from binhdang.orgunits.catalog import UnknownProvinceError
from binhdang.orgunits.models import OrgUnit
from binhdang.orgunits.selectors import find_province, province_units


class Command(BaseCommand):
    help = gettext_lazy(  # type: ignore[assignment]  # translated when shown, not at import
        "Load the official provinces and communes, or list the units of a province."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{load,list}")
        load = actions.add_parser("load", help=_("Load provinces, communes and standard agencies."))
        which = load.add_mutually_exclusive_group(required=True)
        which.add_argument("--province", metavar="NAME", help=_("The province or city to load."))
        which.add_argument("--all", action="store_true", help=_("Load all provinces and cities."))
        listing = actions.add_parser("list", help=_("List the units of a province."))
        listing.add_argument("--province", metavar="NAME", required=True, help=_("The province or city."))
        listing.add_argument("--json", action="store_true", help=_("Print JSON (UTF-8)."))

    def handle(self, *args, action: str, **options) -> None:
        if action == "load":
            self._load(options.get("province"), bool(options.get("all")))
        else:
            self._list(options["province"], bool(options.get("json")))

    def _load(self, name: str | None, everything: bool) -> None:
        started = time.perf_counter()
        try:
            result = loader.load_all() if everything else loader.load_province(name or "")
        except UnknownProvinceError as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            _(
                "Loaded %(provinces)d province(s): %(created)d unit(s) created, %(updated)d updated, "
                "%(unchanged)d unchanged (%(seconds).1f s)."
            )
            % {
                "provinces": len(result.provinces),
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "seconds": seconds,
            }
        )

    def _list(self, name: str, as_json: bool) -> None:
        try:
            province = find_province(name)
        except UnknownProvinceError as error:
            raise CommandError(str(error)) from error
        if province is None:
            raise CommandError(
                _(
                    '%(name)s has not been loaded yet: run `binhdang orgunits load --province "%(arg)s"` first.'
                )
                % {"name": name, "arg": name}
            )
        units: list[OrgUnit] = province_units(province)
        rows = [
            {"code": u.code, "name": u.name, "type": u.type, "parent": u.parent.code if u.parent else None}
            for u in units
        ]
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row['code']:<12} {row['type']:<10} {row['name']}")
