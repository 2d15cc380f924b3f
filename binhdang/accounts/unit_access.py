"""Which organisation units a user may see and change. Every org-unit query of a view goes through here.

Built on ``binhdang.accounts.access`` (issue 2):

- admins and ministry viewers see every unit; only admins change any;
- focal officers see and manage the units of their province(s); leaders see them;
- reporters see their own units and the root of their province, nothing else.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from binhdang.accounts.access import (
    managed_province_ids,
    manages_province,
    readable_province_ids,
    readable_provinces,
    reporting_province_ids,
    reporting_unit_ids,
    sees_all_provinces,
)
from binhdang.orgunits.models import OrgUnit


def visible_units(user) -> QuerySet[OrgUnit]:
    """Units whose page the user may open."""
    if sees_all_provinces(user):
        return OrgUnit.objects.all()
    own_ids = reporting_unit_ids(user) | reporting_province_ids(user)
    provinces = sorted(readable_province_ids(user))
    where = Q()
    if provinces:
        where |= Q(province_id__in=provinces)
    if own_ids:
        where |= Q(pk__in=sorted(own_ids))
    return OrgUnit.objects.filter(where) if where else OrgUnit.objects.none()


def browsable_provinces(user) -> QuerySet[OrgUnit]:
    """Provinces whose whole tree of units the user may browse (not reporters)."""
    return readable_provinces(user)


def can_browse(user) -> bool:
    """Whether the user may use the unit browser at all (focal officer, leader, ministry, admin)."""
    return sees_all_provinces(user) or bool(readable_province_ids(user))


def manageable_units(user) -> QuerySet[OrgUnit]:
    """Units the user may add to, rename, deactivate or reactivate."""
    if getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser:
        return OrgUnit.objects.all()
    provinces = sorted(managed_province_ids(user))
    return OrgUnit.objects.filter(province_id__in=provinces) if provinces else OrgUnit.objects.none()


def can_manage_unit(user, unit: OrgUnit | None) -> bool:
    """Whether the user manages ``unit`` (a province: adds units to it; another unit: edits it)."""
    return unit is not None and manageable_units(user).filter(pk=unit.pk).exists()


def can_add_units(user, province: OrgUnit | None) -> bool:
    return province is not None and province.is_province and manages_province(user, province)
