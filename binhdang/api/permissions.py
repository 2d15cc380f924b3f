"""The API's base permission: an active, logged-in account that has no password change pending.

What a caller may see and change beyond that is decided by the access helpers of each app
(``reporting.access``, ``plans.access``, ``accounts.unit_access``, ``results.access``), as for the web pages.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions


class ActiveUser(permissions.BasePermission):
    message = _("Log in to use the API.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        if getattr(user, "must_change_password", False):
            raise exceptions.PermissionDenied(
                _("You must change your password on the website before using the API."),
                code="password_change_required",
            )
        return True
