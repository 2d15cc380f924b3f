"""Read-only look-ups of units for code that is not tied to a user (commands, importers, the demo).

Views use ``accounts.unit_access`` instead, which limits every query to what the user may see.
"""

from __future__ import annotations

from binhdang.orgunits.catalog import province_key, resolve_province
from binhdang.orgunits.models import OrgUnit, OrgUnitType

_TYPE_ORDER: dict[str, int] = {
    t: i
    for i, t in enumerate(
        [
            OrgUnitType.PROVINCE,
            OrgUnitType.DEPARTMENT,
            OrgUnitType.MASS_ORG,
            OrgUnitType.MEDIA,
            OrgUnitType.COMMUNE,
            OrgUnitType.DISTRICT,
        ]
    )
}


def find_province(name: str) -> OrgUnit | None:
    """The province in the database called ``name`` (as ``catalog.resolve_province`` reads names).

    ``None`` when it is an official province not loaded yet; ``catalog.UnknownProvinceError`` when
    neither the database nor the official list knows the name.
    """
    key = province_key(name or "")
    for province in OrgUnit.objects.provinces():
        if key and key in (province.code, province_key(province.name)):
            return province
    record = resolve_province(name)
    return OrgUnit.objects.provinces().filter(code=record.code).first()


def province_units(province: OrgUnit) -> list[OrgUnit]:
    """All units of ``province``, the province first, then by kind and name."""
    units = OrgUnit.objects.filter(province=province).select_related("parent")
    return sorted(
        units, key=lambda u: (u.pk != province.pk, _TYPE_ORDER.get(u.type, 99), u.search_name, u.code)
    )
