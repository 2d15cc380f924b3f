"""The gender statistics entry of the main menu (``portal.navigation``): whoever reads or records
a province's statistics."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.accounts import access as base
from binhdang.accounts.models import Role
from binhdang.results.genderstats import access

MENU_LABEL = _("Gender statistics")


def menu_visible(user) -> bool:
    if not user.is_authenticated:
        return False
    if _may_read_a_province(user) and base.readable_provinces(user).exists():
        return True
    # a reporter of an agency responsible for a strategy indicator: one query, on every page
    return access.responsible_for_a_series(user)


def _may_read_a_province(user) -> bool:
    """Whether ``readable_provinces`` may find anything (the roles are read once per request): a
    reporter's menu asks nothing of it."""
    return base.sees_all_provinces(user) or any(
        role in (Role.FOCAL_OFFICER, Role.LEADER) for role, _unit, _kind in base.grants(user)
    )
