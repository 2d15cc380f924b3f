"""Record failed logins and clear them on success (connected in ``AccountsConfig.ready``)."""

from __future__ import annotations

from binhdang.accounts import access, throttle
from binhdang.accounts.backends import THROTTLED_ATTRIBUTE, USERNAME_FAILED_ATTRIBUTE


def on_login_failed(sender, credentials, request=None, **kwargs) -> None:
    if request is not None and getattr(request, THROTTLED_ATTRIBUTE, False):
        return
    throttle.record_failure(credentials.get("username"), throttle.client_ip(request))


def on_logged_in(sender, request, user, **kwargs) -> None:
    # The throttle check of this login found no failure of the username in the window: nothing to
    # clear (older failures count for nothing and the next failure anywhere deletes them).
    if request is not None and getattr(request, USERNAME_FAILED_ATTRIBUTE, True) is False:
        return
    throttle.clear_failures(user.get_username())


def forget_grants(sender, instance, **kwargs) -> None:
    """A role assignment saved or deleted: its user's roles are read again (access.grants)."""
    access.forget_grants(instance.user_id)
