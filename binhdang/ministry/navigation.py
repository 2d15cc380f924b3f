"""The entry of the main menu (``portal.navigation``): the ministry's board for the ministry, the
sendings to the ministry for a province's officers and leaders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.accounts import access as base

MENU_LABEL = _("Reports to the ministry")


def menu_visible(user) -> bool:
    return bool(
        user.is_authenticated
        and (base.sees_all_provinces(user) or base.manages_any_province(user) or base.is_leader(user))
    )
