"""Pages that belong to no single domain area: the home page and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from binhdang.core import home as home_pages


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The home page of the user's main role (see ``core.home``)."""
    return home_pages.render_home(request)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
