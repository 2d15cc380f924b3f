"""Group a province's units by kind for the browser, and count units per province."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit, OrgUnitType

#: The groups of the tree, in order, with their headings.
GROUPS = (
    (OrgUnitType.DEPARTMENT, _("Departments and agencies")),
    (OrgUnitType.MASS_ORG, _("Mass organisations")),
    (OrgUnitType.MEDIA, _("Media agencies")),
    (OrgUnitType.COMMUNE, _("Communes, wards and special zones")),
    (OrgUnitType.DISTRICT, _("Districts (before July 2025)")),
)


@dataclass
class UnitGroup:
    type: str
    label: str
    units: list[OrgUnit]

    @property
    def count(self) -> int:
        return len(self.units)


def unit_groups(units: Iterable[OrgUnit]) -> list[UnitGroup]:
    """The non-empty groups of ``units`` (already filtered and ordered), in the order of ``GROUPS``."""
    by_type: dict[str, list[OrgUnit]] = {}
    for unit in units:
        by_type.setdefault(unit.type, []).append(unit)
    return [UnitGroup(t, str(label), by_type[t]) for t, label in GROUPS if by_type.get(t)]


def province_counts(provinces: list[OrgUnit]) -> dict[int, dict[str, int]]:
    """For each province (by pk): how many units it has besides itself, and how many are active."""
    rows = (
        OrgUnit.objects.filter(province__in=provinces)
        .exclude(type=OrgUnitType.PROVINCE)
        .values("province_id")
        .annotate(total=Count("pk"), active=Count("pk", filter=Q(is_active=True)))
    )
    return {row["province_id"]: {"total": row["total"], "active": row["active"]} for row in rows}
