"""How API callers prove who they are: a token (``Authorization: Token <key>``, created with
``binhdang token create USERNAME``) or the browser session of a logged-in user.

A session whose user has two-factor login on but has not yet passed the code step is refused here with
a JSON 401 (the web middleware lets ``/api/`` through so that API clients never get a redirect to an
HTML page). Tokens are a credential of their own and are not held back by two-factor login.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

from binhdang.accounts.two_factor import required_in_session


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication with Vietnamese messages."""

    model = Token

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if header and header[0].lower() == self.keyword.lower().encode() and len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Invalid token header: write 'Authorization: Token <key>'."), code="invalid_token"
            )
        return super().authenticate(request)

    def authenticate_credentials(self, key):
        token = self.model.objects.select_related("user").filter(key=key).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."), code="invalid_token")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This account is disabled."), code="account_disabled")
        return (token.user, token)


class SessionAuthentication(authentication.SessionAuthentication):
    """The browser session (with its CSRF check on writes), refused while two-factor login is pending."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        django_request = request._request
        user = result[0]
        if required_in_session(django_request) and not getattr(user, "is_verified", lambda: True)():
            raise exceptions.AuthenticationFailed(
                _("Enter the two-factor login code on the website first, or use an API token."),
                code="two_factor_required",
            )
        return result

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as error:
            raise exceptions.PermissionDenied(
                _("CSRF check failed: with a browser session, send the X-CSRFToken header (or use a token)."),
                code="csrf_failed",
            ) from error
