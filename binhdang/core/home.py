"""Home pages per role. A user with several roles sees the most powerful one first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {})
