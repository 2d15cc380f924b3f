"""The authentication backend: Django's ``ModelBackend`` with login throttling in front of it."""

from __future__ import annotations

import rules
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from binhdang.accounts import throttle

#: Set on the request when a login was refused for throttling (to the time left), so the failure is
#: not recorded again and the login form can say how long to wait without reading the failures again.
THROTTLED_ATTRIBUTE = "_binhdang_login_throttled"
#: Set on the request (True/False) when the throttle check found failures of the username in the
#: window: a successful login then has failures to clear (``accounts.signals.on_logged_in``).
USERNAME_FAILED_ATTRIBUTE = "_binhdang_username_failed"


class ThrottledModelBackend(ModelBackend):
    """Refuses every login attempt while its username or address is locked (see ``accounts.throttle``).

    Raising ``PermissionDenied`` stops ``authenticate()`` from trying other backends, so the password
    is not even checked. Inactive accounts are refused by ``ModelBackend`` itself.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        found = throttle.check(username, throttle.client_ip(request))
        if request is not None:
            setattr(request, USERNAME_FAILED_ATTRIBUTE, found.username_failed)
        if found.remaining is not None:
            if request is not None:
                setattr(request, THROTTLED_ATTRIBUTE, found.remaining)
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)

    def has_perm(self, user_obj, perm, obj=None):
        """binhdang's own permissions (declared with ``rules``, by role and unit) are decided by the
        rules backend alone. Asking Django's permission tables too cost two queries on every page
        (the menu asks) and could only ever grant what the roles do not."""
        if rules.perm_exists(perm):
            return False
        return super().has_perm(user_obj, perm, obj)
