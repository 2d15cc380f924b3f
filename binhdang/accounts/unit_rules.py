"""Permissions on org units (``user.has_perm(perm, obj)``), backed by ``accounts.unit_access``; registered
through ``accounts.rules`` (org units sit below accounts and know nothing of users).

- ``orgunits.browse``: without an object, may use the unit browser (focal officer, leader, ministry
  viewer, admin); with a unit, may open that unit's page (reporters: only their own units).
- ``orgunits.manage_units``: with a unit, may change it (a province: may add units to it); without an
  object, manages at least one province (focal officer, admin).
"""

from __future__ import annotations

import rules

from binhdang.accounts import unit_access as access
from binhdang.accounts.access import manages_any_province


@rules.predicate
def may_browse(user, unit=None) -> bool:
    if unit is None:
        return access.can_browse(user)
    return access.visible_units(user).filter(pk=unit.pk).exists()


@rules.predicate
def may_manage_units(user, unit=None) -> bool:
    if unit is None:
        return manages_any_province(user)
    return access.can_manage_unit(user, unit)


rules.add_perm("orgunits.browse", may_browse)
rules.add_perm("orgunits.manage_units", may_manage_units)
