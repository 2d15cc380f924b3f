"""Load provinces, their communes and their standard agencies from the official list (``catalog``).

Loading is idempotent: a unit is matched by its code; it is created when missing, updated when the
official data differ, and left alone (no query, no history row) otherwise. Writes are bulk (a few
queries for all 34 provinces) and inside one transaction, with one history row per created or changed
unit. What the loader keeps in step with the official list:

- provinces and communes: name, division, type, parent and province (the official list decides);
- standard agencies: created when missing, then left to the province (a focal officer may rename one
  to its local name; loading again does not undo that);
- never ``is_active``, ``valid_from``/``valid_to`` or ``email`` of an existing unit, and never units
  the list does not know (those added by hand stay as they are).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from binhdang.core.text import fold
from binhdang.orgunits.catalog import STANDARD_AGENCIES, ProvinceRecord, province_records, resolve_province
from binhdang.orgunits.models import OrgUnit, OrgUnitType

#: The change reason of the history rows the loader writes (shown translated: ``history.unit_history``).
LOADER_REASON = "official-list"
#: The two-tier structure (Resolution 202/2025/QH15, commune arrangements) took effect on this day.
OFFICIAL_FROM = date(2025, 7, 1)
_SYNCED_FIELDS = ("name", "search_name", "type", "division", "parent_id", "province_id")
_BATCH = 500


@dataclass
class LoadResult:
    """What a load did: the provinces loaded and how many units were created, updated or unchanged."""

    provinces: list[OrgUnit] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class _Wanted:
    code: str
    name: str
    type: str
    division: str
    sync_name: bool  # False for agencies: the province owns their names once created


def load_province(name: str) -> LoadResult:
    """Load one province (by name, with or without diacritics or level word, or by code).

    Raises ``catalog.UnknownProvinceError`` (nothing changed) when no official province has that name.
    """
    return _load([resolve_province(name)])


def load_all() -> LoadResult:
    """Load all 34 provinces with their 3,321 communes and their standard agencies."""
    return _load(list(province_records()))


def _by_code(codes: list[str]) -> dict[str, OrgUnit]:
    found: dict[str, OrgUnit] = {}
    for start in range(0, len(codes), _BATCH):
        for unit in OrgUnit.objects.filter(code__in=codes[start : start + _BATCH]):
            found[unit.code] = unit
    return found


@transaction.atomic
def _load(records: list[ProvinceRecord]) -> LoadResult:
    result = LoadResult()
    reason = LOADER_REASON
    now = timezone.now()
    provinces = _load_provinces(records, result, reason, now)
    wanted: list[tuple[_Wanted, OrgUnit]] = []
    for record in records:
        province = provinces[record.code]
        for commune in record.communes:
            wanted.append(
                (_Wanted(commune.code, commune.name, OrgUnitType.COMMUNE, commune.division, True), province)
            )
        for spec in STANDARD_AGENCIES:
            agency = _Wanted(spec.code_for(record.code), spec.name_for(record), spec.type, "", False)
            wanted.append((agency, province))
    existing = _by_code([w.code for w, _province in wanted])
    to_create: list[OrgUnit] = []
    to_update: list[OrgUnit] = []
    for want, province in wanted:
        unit = existing.get(want.code)
        if unit is None:
            to_create.append(
                OrgUnit(
                    code=want.code,
                    name=want.name,
                    search_name=fold(want.name),
                    type=want.type,
                    division=want.division,
                    parent=province,
                    province=province,
                    valid_from=OFFICIAL_FROM if want.type == OrgUnitType.COMMUNE else None,
                )
            )
            continue
        values = {"type": want.type, "parent_id": province.pk, "province_id": province.pk}
        if want.sync_name:
            values.update(name=want.name, search_name=fold(want.name), division=want.division)
        if _assign(unit, values):
            to_update.append(unit)
        else:
            result.unchanged += 1
    bulk_create_with_history(
        to_create, OrgUnit, batch_size=_BATCH, default_change_reason=reason, default_date=now
    )
    if to_update:
        bulk_update_with_history(
            to_update,
            OrgUnit,
            fields=list(_SYNCED_FIELDS),
            batch_size=_BATCH,
            default_change_reason=reason,
            default_date=now,
        )
    result.created += len(to_create)
    result.updated += len(to_update)
    result.provinces = [provinces[r.code] for r in records]
    return result


def _assign(unit: OrgUnit, values: dict) -> bool:
    """Set ``values`` on ``unit``; True when something changed."""
    changed = False
    for name, value in values.items():
        if getattr(unit, name) != value:
            setattr(unit, name, value)
            changed = True
    return changed


def _load_provinces(
    records: list[ProvinceRecord], result: LoadResult, reason: str, now
) -> dict[str, OrgUnit]:
    existing = _by_code([r.code for r in records])
    new: list[OrgUnit] = []
    changed: list[OrgUnit] = []
    for record in records:
        unit = existing.get(record.code)
        if unit is None:
            new.append(
                OrgUnit(
                    code=record.code,
                    name=record.name,
                    search_name=fold(record.name),
                    type=OrgUnitType.PROVINCE,
                    division=record.division,
                    valid_from=OFFICIAL_FROM,
                )
            )
            continue
        values = {
            "name": record.name,
            "search_name": fold(record.name),
            "type": OrgUnitType.PROVINCE,
            "division": record.division,
            "parent_id": None,
            "province_id": unit.pk,
        }
        if _assign(unit, values):
            changed.append(unit)
        else:
            result.unchanged += 1
    if new:
        # A province is its own ``province``: known only once inserted, so its history row comes after.
        created = OrgUnit.objects.bulk_create(new, batch_size=_BATCH)
        if not all(unit.pk for unit in created):  # databases that cannot return ids
            created = list(OrgUnit.objects.filter(code__in=[u.code for u in new]))
        OrgUnit.objects.filter(pk__in=[u.pk for u in created]).update(province=F("pk"))
        for unit in created:
            unit.province_id = unit.pk
            existing[unit.code] = unit
        OrgUnit.history.bulk_history_create(created, default_change_reason=reason, default_date=now)
        result.created += len(created)
    if changed:
        bulk_update_with_history(
            changed, OrgUnit, fields=list(_SYNCED_FIELDS), default_change_reason=reason, default_date=now
        )
        result.updated += len(changed)
    return existing
