"""Login throttling: refuse logins after too many recent failures for one username or one address.

Failures are rows of :class:`~binhdang.accounts.models.LoginFailure` (the database, so every worker
process counts the same ones). The rules, from the settings:

- ``LOGIN_MAX_FAILURES`` failures for one username within ``LOGIN_FAILURE_WINDOW_SECONDS`` lock that
  username, even for the right password, until the oldest of those failures leaves the window;
- ``LOGIN_MAX_FAILURES_PER_IP`` failures from one address (any usernames) lock that address likewise;
- a successful login clears the failures recorded for its username;
- attempts refused because of a lock are not recorded, so a lock never extends itself.

Enforced by :class:`~binhdang.accounts.backends.ThrottledModelBackend` (every ``authenticate()``
call: login page, admin, API) and explained to the user by the login form.
"""

from __future__ import annotations

import ipaddress
import math
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from binhdang.accounts.models import LoginFailure


def window() -> timedelta:
    return timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def normalise_username(username: str | None) -> str:
    """The key failures are counted under: the username stripped and in lower case."""
    return (username or "").strip().lower()[:150]


def client_ip(request: HttpRequest | None) -> str | None:
    """The client address as seen by Django (``REMOTE_ADDR``); ``None`` when absent or invalid.

    Behind a reverse proxy, the proxy must pass the real client address in ``REMOTE_ADDR``
    (e.g. gunicorn's ``--forwarded-allow-ips``); ``X-Forwarded-For`` is not trusted here.
    """
    if request is None:
        return None
    value = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _lock_left(condition: Q, limit: int, now: datetime) -> timedelta | None:
    """How long the failures matching ``condition`` still lock, or ``None`` when under ``limit``."""
    if limit <= 0:
        return None
    recent = list(
        LoginFailure.objects.filter(condition, created_at__gt=now - window())
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    # The lock lifts when the limit-th most recent failure leaves the window.
    left = recent[limit - 1] + window() - now
    return left if left > timedelta(0) else None


def lockout_remaining(username: str | None, ip: str | None, now: datetime | None = None) -> timedelta | None:
    """How long logins for ``username`` from ``ip`` stay refused; ``None`` when they are allowed."""
    now = now or timezone.now()
    checks = [(Q(username=normalise_username(username)), settings.LOGIN_MAX_FAILURES)]
    if ip:
        checks.append((Q(ip_address=ip), settings.LOGIN_MAX_FAILURES_PER_IP))
    locks = [left for condition, limit in checks if (left := _lock_left(condition, limit, now))]
    return max(locks) if locks else None


def minutes_to_wait(remaining: timedelta) -> int:
    """``remaining`` rounded up to whole minutes (at least one), for the message to the user."""
    return max(1, math.ceil(remaining.total_seconds() / 60))


def record_failure(username: str | None, ip: str | None) -> None:
    """Record one failed attempt and forget the failures that have left the window."""
    now = timezone.now()
    LoginFailure.objects.filter(created_at__lte=now - window()).delete()
    LoginFailure.objects.create(username=normalise_username(username), ip_address=ip, created_at=now)


def clear_failures(username: str | None) -> None:
    """Forget the failures of ``username`` (after a successful login)."""
    LoginFailure.objects.filter(username=normalise_username(username)).delete()
