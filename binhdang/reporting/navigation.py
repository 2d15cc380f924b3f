"""The reporting entry of the main menu (used by ``core.navigation``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.reporting import access

MENU_LABEL = _("Reports")


def menu_visible(user) -> bool:
    """Shown to whoever has reports to fill or periods to follow."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        access.visible_periods(user).exists()
        or access.reporting_units(user).exists()
        or (access.managed_provinces(user).exists())
    )
