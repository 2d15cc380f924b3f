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
import operator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
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


def _lock_left(recent: list[datetime], limit: int, now: datetime) -> timedelta | None:
    """How long the failures at ``recent`` (newest first) still lock, or ``None`` when under ``limit``."""
    if limit <= 0 or len(recent) < limit:
        return None
    # The lock lifts when the limit-th most recent failure leaves the window.
    left = recent[limit - 1] + window() - now
    return left if left > timedelta(0) else None


@dataclass(frozen=True)
class Check:
    """What one read of the recent failures says about a login attempt."""

    #: How long logins stay refused; ``None`` when they are allowed.
    remaining: timedelta | None
    #: Whether the username has failures within the window (to clear after a successful login).
    username_failed: bool


def check(username: str | None, ip: str | None, now: datetime | None = None) -> Check:
    """The lock of ``username`` and of ``ip`` from one query (the failures of either, newest first).

    At most ``limit_username + limit_ip`` rows are read. That is exact: among those rows either each
    condition that can lock has its limit-th failure, or the other condition has more than its limit
    in them and locks longer (its limit-th failure is newer than any row left out).
    """
    now = now or timezone.now()
    limit_name, limit_ip = settings.LOGIN_MAX_FAILURES, settings.LOGIN_MAX_FAILURES_PER_IP
    by_name_q = Q(username=normalise_username(username))
    by_ip_q = Q(ip_address=ip) if ip and limit_ip > 0 else None
    if limit_name <= 0 and by_ip_q is None:
        return Check(remaining=None, username_failed=True)
    conditions = [q for q in (by_name_q if limit_name > 0 else None, by_ip_q) if q is not None]
    rows = list(
        LoginFailure.objects.filter(reduce(operator.or_, conditions), created_at__gt=now - window())
        .annotate(
            by_name=ExpressionWrapper(by_name_q, output_field=BooleanField()),
            by_ip=ExpressionWrapper(by_ip_q, output_field=BooleanField()) if by_ip_q else Value(False),
        )
        .order_by("-created_at")
        .values_list("created_at", "by_name", "by_ip")[: max(limit_name, 0) + (limit_ip if by_ip_q else 0)]
    )
    by_name = [at for at, name_matches, _ip in rows if name_matches]
    by_ip = [at for at, _name, ip_matches in rows if ip_matches]
    locks = [
        left for left in (_lock_left(by_name, limit_name, now), _lock_left(by_ip, limit_ip, now)) if left
    ]
    # With no username limit the username's failures are not all read: clear them as before.
    return Check(remaining=max(locks) if locks else None, username_failed=bool(by_name) or limit_name <= 0)


def lockout_remaining(username: str | None, ip: str | None, now: datetime | None = None) -> timedelta | None:
    """How long logins for ``username`` from ``ip`` stay refused; ``None`` when they are allowed."""
    return check(username, ip, now).remaining


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
