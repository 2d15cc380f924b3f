"""Pages that belong to no single domain area: the home page and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from binhdang.core import home as home_pages


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The home page of the user's main role (see ``core.home``)."""
    return home_pages.render_home(request)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with a missing or outdated CSRF token: say so in the user's language (settings
    CSRF_FAILURE_VIEW), instead of Django's English page."""
    return render(request, "403_csrf.html", status=403)
