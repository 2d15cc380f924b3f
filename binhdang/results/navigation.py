"""The results entry of the main menu (``portal.navigation``): for every role that has results to see."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MENU_LABEL = _("Results")


def menu_visible(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("results.view_results"))
