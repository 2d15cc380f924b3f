"""Template context shared by every page: the navigation for the user's roles."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from binhdang.portal.navigation import menu_for


def navigation(request: HttpRequest) -> dict:
    """The menu, worked out only if the template shows it: a fragment answered to htmx (an autosave, a
    field edited in place) asks nothing of the menu's queries (unread notices, who sees which entry)."""
    return {"nav_items": SimpleLazyObject(lambda: menu_for(request))}
