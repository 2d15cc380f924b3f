"""Template context shared by every page: the navigation for the user's roles."""

from __future__ import annotations

from django.http import HttpRequest

from binhdang.portal.navigation import menu_for


def navigation(request: HttpRequest) -> dict:
    return {"nav_items": menu_for(request)}
