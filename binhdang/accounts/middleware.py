"""Request-wide account middleware: roles read once per request; users who must change their password
(first login, reset) sent to the change form first."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse

from binhdang.accounts import access


class ForcePasswordChangeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "must_change_password", False):
            allowed = {
                reverse("accounts:password_change"),
                reverse("accounts:two_factor_verify"),  # the code step comes first (two_factor.py)
                reverse("accounts:logout"),
                reverse("set_language"),
            }
            if request.path not in allowed and not request.path.startswith(("/static/", "/api/")):
                return redirect("accounts:password_change")
        return self.get_response(request)


class RolesReadOnceMiddleware:
    """Every access check of a request shares one read of the user's roles (``access.roles_read_once``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with access.roles_read_once():
            return self.get_response(request)
