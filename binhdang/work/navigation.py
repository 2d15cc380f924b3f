"""The year's work entry of the main menu (used by ``portal.navigation``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.accounts.access import reads_any_province, reports_for_any_unit

MENU_LABEL = _("Tasks and activities")


def menu_visible(user) -> bool:
    """Shown to the province's readers and to reporters (who record their units' activities)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return reports_for_any_unit(user) or reads_any_province(user)  # no query once the roles are read
