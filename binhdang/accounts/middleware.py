"""Request-wide account middleware: the user read with the session; roles read once per request; users
who must change their password (first login, reset) sent to the change form first."""

from __future__ import annotations

from django.contrib import auth
from django.contrib.auth import middleware as auth_middleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from binhdang.accounts import access, backends


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, whose ``request.user`` takes the user the session's store read with the session's row
    (``accounts.sessions``): Django's ``get_user`` runs as always (the backend and the session's hash
    checked against the user), but its backend does not read the user a second time."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _user_of(request))


def _user_of(request):
    """``django.contrib.auth.middleware.get_user``, the session's store lending the user it read."""
    if not hasattr(request, "_cached_user"):
        with backends.reading_user_of(request.session):
            request._cached_user = auth.get_user(request)
    return request._cached_user


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
