"""The reporting entry of the main menu (used by ``portal.navigation``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.reporting import access

MENU_LABEL = _("Reports")


def menu_visible(user) -> bool:
    """Shown to whoever has reports to fill or periods to follow."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        access.reports_for_any_unit(user)
        or access.manages_any_province(user)
        or access.visible_periods(user).exists()
    )
