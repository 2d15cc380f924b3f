"""The gender statistics entry of the main menu (``portal.navigation``): whoever reads or records
a province's statistics."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from binhdang.accounts import access as base
from binhdang.results.genderstats import access

MENU_LABEL = _("Gender statistics")


def menu_visible(user) -> bool | QuerySet:
    """Shown to the province's readers (no query once the roles are read) and to a reporter of an agency
    responsible for a strategy indicator (the menu asks with its other questions, in one statement)."""
    if not user.is_authenticated:
        return False
    if base.reads_any_province(user):
        return True
    if not base.reporting_unit_ids(user):
        return False
    return access.series_responsibilities(user)
