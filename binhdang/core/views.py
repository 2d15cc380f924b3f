"""Pages that belong to no single domain area: the health check and the outdated-form page."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with a missing or outdated CSRF token: say so in the user's language (settings
    CSRF_FAILURE_VIEW), instead of Django's English page."""
    return render(request, "403_csrf.html", status=403)
