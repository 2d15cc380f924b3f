"""The gender statistics entry of the main menu (``portal.navigation``): whoever reads or records
a province's statistics."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.accounts import access as base
from binhdang.results.genderstats import access

MENU_LABEL = _("Gender statistics")


def menu_visible(user) -> bool:
    if not user.is_authenticated:
        return False
    if base.reads_any_province(user):  # no query once the roles are read
        return True
    # a reporter of an agency responsible for a strategy indicator: one query, on every page
    return access.responsible_for_a_series(user)
