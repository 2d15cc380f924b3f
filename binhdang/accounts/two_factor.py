"""Optional two-factor login (TOTP, as in Google Authenticator, Microsoft Authenticator, FreeOTP).

Who: focal officers and administrators may turn it on for their own account (:func:`may_enrol`).
Once a user has a *confirmed* device, every login needs, after the password, the 6-digit code of the
authenticator app.

How it hooks into the login (no change to the login view): the password step logs the user in as
usual; at that moment :func:`remember_two_factor` (on ``user_logged_in``, every login path: login
page, admin site) notes in the session whether the user has a confirmed device, so that later
requests cost no query. django-otp's ``OTPMiddleware`` tells whether the session has passed the code
step (``user.is_verified()``), and :class:`TwoFactorMiddleware` sends a user with a device whose session
has not passed it to the code page, whatever they ask for (pages, the admin); the API answers such a
session with a JSON 401 instead (``api.authentication``). API tokens are a separate credential and are
not affected. Turning two-factor login on ends the user's
other sessions, so none of them escapes the code step.

Recovery: an administrator removes the devices of a user who lost their phone
(:func:`remove_devices`); the user logs in with the password alone and may enrol again. A user who is
logged in with the code may turn it off with a current code (:func:`disable`).

Every change is one transaction and leaves a row in the user's history (``history_change_reason`` one
of the ``REASON_*`` constants). Codes are checked by django-otp, which refuses a code already used and
slows down guessing (each failure doubles the wait before the next try).
"""

from __future__ import annotations

import base64
from urllib.parse import quote

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts import access
from binhdang.accounts.models import Session, User

#: ``history_change_reason`` of the user's history rows written here (shown on the user page).
REASON_ENABLED = "two-factor enabled"
REASON_DISABLED = "two-factor disabled"
REASON_REMOVED = "two-factor removed by admin"

#: Name given to the devices created here (shown in the Django admin).
DEVICE_NAME = "binhdang"
#: Session key: whether the logged-in user has two-factor login on (set at login, see the docstring).
SESSION_FLAG = "binhdang_two_factor"


class TwoFactorError(Exception):
    """A refused two-factor action; ``str(error)`` is the message for the user."""


def may_enrol(user) -> bool:
    """Two-factor login is offered to administrators and focal officers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or access.is_focal_officer(user))


def confirmed_device(user) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if any (the oldest one when several)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def has_two_factor(user) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
    )


def pending_device(user) -> TOTPDevice | None:
    """The device being set up (created, its code not yet entered), if any."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()


def normalise_token(token: str | None) -> str:
    """The code as typed, without spaces or dashes (apps show ``123 456``)."""
    return "".join(ch for ch in (token or "") if ch not in " -\u00a0\t")


def required_in_session(request: HttpRequest) -> bool:
    """Whether this session's user must pass the code step (remembered in the session)."""
    flag = request.session.get(SESSION_FLAG)
    if flag is None:  # a session opened before this was deployed
        flag = request.session[SESSION_FLAG] = has_two_factor(request.user)
    return bool(flag)


@receiver(user_logged_in, dispatch_uid="binhdang-two-factor-remember")
def remember_two_factor(sender, request=None, user=None, **kwargs) -> None:
    """At every login, note in the new session whether the user has two-factor login on."""
    if request is not None and hasattr(request, "session") and user is not None:
        request.session[SESSION_FLAG] = has_two_factor(user)


def end_other_sessions(user: User, keep: str | None) -> None:
    """Delete the user's sessions except ``keep`` (found by the user's id the session table keeps:
    ``accounts.Session``)."""
    Session.objects.filter(user_id=user.pk).exclude(pk=keep or "").delete()


def _record(user: User, actor, reason: str) -> None:
    """One row in the user's history, by ``actor``, for ``reason``."""
    user._history_user = actor  # type: ignore[attr-defined]
    user._change_reason = reason  # type: ignore[attr-defined]
    user.save(update_fields=["full_name"])


@transaction.atomic
def start_enrolment(user: User) -> TOTPDevice:
    """A new unconfirmed device with a fresh secret (earlier unconfirmed ones are dropped)."""
    if not may_enrol(user):
        raise PermissionDenied
    if has_two_factor(user):
        raise TwoFactorError(_("Two-factor login is already on for your account."))
    TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


@transaction.atomic
def confirm_enrolment(request: HttpRequest, token: str) -> TOTPDevice | None:
    """Turn two-factor login on if ``token`` is the current code of the device being set up.

    The session then counts as verified (the user just proved they have the device). Returns the
    device, or ``None`` when the code is wrong (nothing changes but django-otp's failure counter).
    """
    user = request.user
    device = pending_device(user)
    if device is None or not isinstance(user, User) or not may_enrol(user):
        return None
    if not device.verify_token(normalise_token(token)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
    _record(user, user, REASON_ENABLED)
    django_otp.login(request, device)
    request.session[SESSION_FLAG] = True
    end_other_sessions(user, keep=request.session.session_key)
    return device


def verify_login(request: HttpRequest, token: str) -> bool:
    """The code step of the login: True (and the session marked verified) when ``token`` is right."""
    device = confirmed_device(request.user)
    if device is None:
        return False
    verified = django_otp.verify_token(request.user, device.persistent_id, normalise_token(token))
    if verified is None:
        return False
    request.session.cycle_key()
    django_otp.login(request, verified)
    return True


def seconds_until_retry(user) -> int | None:
    """While django-otp refuses codes after failures: the seconds left; otherwise ``None``."""
    device = confirmed_device(user) or pending_device(user)
    if device is None:
        return None
    allowed, details = device.verify_is_allowed()
    if allowed or not details or not details.get("locked_until"):
        return None
    return max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)


@transaction.atomic
def disable(request: HttpRequest, token: str) -> bool:
    """The user turns two-factor login off, proving it with a current code. True when done."""
    user = request.user
    device = confirmed_device(user)
    if device is None or not isinstance(user, User) or not device.verify_token(normalise_token(token)):
        return False
    TOTPDevice.objects.devices_for_user(user, confirmed=None).delete()
    _record(user, user, REASON_DISABLED)
    request.session[SESSION_FLAG] = False
    return True


@transaction.atomic
def remove_devices(actor, target: User) -> int:
    """An administrator removes every device of ``target`` (lost phone). Returns how many."""
    if not (getattr(actor, "is_authenticated", False) and actor.is_active and actor.is_superuser):
        raise PermissionDenied
    removed, _by_model = TOTPDevice.objects.devices_for_user(target, confirmed=None).delete()
    if removed:
        _record(target, actor, REASON_REMOVED)
    return removed


def secret_for_display(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice, label: str) -> SafeString:
    """The device's ``otpauth://`` address as an inline SVG QR code (made here: no outside service)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=2
    )
    svg = image.to_string(encoding="unicode")
    if svg.startswith("<?xml"):
        svg = svg[svg.index("?>") + 2 :]
    # Fixed pixel size instead of millimetres, and an accessible name; the markup is generated here.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" class="qr-code" ', 1)
    head, sep, rest = svg.partition(">")
    head = _replace_attribute(_replace_attribute(head, "width", "240"), "height", "240")
    # Safe: the SVG is generated by qrcode from the device URL, and the label is escaped above.
    return mark_safe(head + sep + rest)


def _replace_attribute(tag: str, name: str, value: str) -> str:
    marker = f' {name}="'
    start = tag.find(marker)
    if start < 0:
        return tag
    end = tag.index('"', start + len(marker))
    return f"{tag[:start]}{marker}{value}{tag[end:]}"


def _exempt_paths() -> set[str]:
    return {
        reverse("accounts:two_factor_verify"),
        reverse("accounts:logout"),
        reverse("set_language"),
        reverse("core:healthz"),
    }


def unwrapped(user):
    """The user behind the lazy objects of ``AuthenticationMiddleware`` and ``OTPMiddleware`` (read
    now: the session's user, checked against its session auth hash, with ``otp_device`` and
    ``is_verified`` set by django-otp), or ``user`` itself when it is not lazy."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


class TwoFactorMiddleware:
    """Hold back users with a confirmed device until their session has passed the code step.

    Install after ``django_otp.middleware.OTPMiddleware``. While held back, a user may only open the
    code page, log out, switch the language and fetch static files; everything else redirects to the
    code page (``HX-Redirect`` for htmx requests), keeping where they were going in ``next``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None:
            # Every request asks who its user is right here: the lazy wrappers of the authentication
            # and OTP middleware (one inside the other) only cost their price on each of the hundreds
            # of attribute reads of a page (access checks, menu, templates).
            user = request.user = unwrapped(user)
        if (
            user is not None
            and user.is_authenticated
            and required_in_session(request)
            and not getattr(user, "is_verified", lambda: True)()
            and request.path not in _exempt_paths()
            and not request.path.startswith("/" + settings.STATIC_URL.lstrip("/"))
            # The API answers a JSON 401 itself (api.authentication) instead of an HTML redirect.
            and not request.path.startswith("/api/")
        ):
            target = reverse("accounts:two_factor_verify")
            if request.method == "GET":
                target += "?next=" + quote(request.get_full_path())
            if getattr(request, "htmx", False):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            return redirect(target)
        return self.get_response(request)
