"""The pages that show the whole site at once: the home page of the user's main role."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from binhdang.portal import home as home_pages


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The home page of the user's main role (see ``portal.home``)."""
    return home_pages.render_home(request)
