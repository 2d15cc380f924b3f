"""The main menu, by role.

Each app contributes its entries here: an entry is shown when its ``visible`` test passes for the
user. Keep labels short; they are shown on phones too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from binhdang.ministry import navigation as ministry_menu
from binhdang.reporting import navigation as reporting_menu
from binhdang.results import navigation as results_menu
from binhdang.results.genderstats import navigation as genderstats_menu
from binhdang.work import navigation as work_menu


@dataclass(frozen=True)
class NavItem:
    label: Any  # a lazy translation: resolved in the user's language when the menu is drawn
    url_name: str
    visible: Callable[[Any], bool]
    #: A count shown beside the label when not zero (e.g. unread notifications), from the request.
    badge: Callable[[HttpRequest], int] | None = None


def _authenticated(user) -> bool:
    return bool(user.is_authenticated)


def _can(perm: str) -> Callable[[Any], bool]:
    return lambda user: bool(user.is_authenticated and user.has_perm(perm))


MENU: list[NavItem] = [
    NavItem(_("Home"), "core:home", _authenticated),
    NavItem(_("Plans"), "plans:list", _authenticated),
    NavItem(reporting_menu.MENU_LABEL, "reporting:index", reporting_menu.menu_visible),
    NavItem(
        reporting_menu.NOTICES_LABEL,
        "reporting:notifications",
        reporting_menu.notices_visible,
        badge=reporting_menu.unread_notices,
    ),
    NavItem(results_menu.MENU_LABEL, "results:index", results_menu.menu_visible),
    NavItem(ministry_menu.MENU_LABEL, "ministry:index", ministry_menu.menu_visible),
    NavItem(work_menu.MENU_LABEL, "work:index", work_menu.menu_visible),
    NavItem(genderstats_menu.MENU_LABEL, "genderstats:index", genderstats_menu.menu_visible),
    NavItem(_("Organisation units"), "orgunits:browse", _can("orgunits.browse")),
    NavItem(_("Users"), "accounts:user_list", _can("accounts.manage_users")),
]


def menu_for(request: HttpRequest) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = []
    for item in MENU:
        if not item.visible(user):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        active = request.path == url or (url != "/" and request.path.startswith(url))
        badge = item.badge(request) if item.badge is not None else 0
        items.append({"label": item.label, "url": url, "active": active, "badge": badge})
    return items
