"""Middleware of the whole site: the client address behind the reverse proxy, and a clear "service
unavailable" page when the database cannot be reached.

Client address: see :class:`TrustedProxyMiddleware`.

Database unavailable:

When the database is down (PostgreSQL stopped, network cut, SQLite file gone or locked for too long),
every page would otherwise end in a bare "server error". :class:`DatabaseUnavailableMiddleware` turns
any :class:`django.db.utils.OperationalError` or :class:`~django.db.utils.InterfaceError` into a
Vietnamese 503 page with ``Retry-After``, rendered from ``503.html`` without the database and without
the session (no context processors, no user).

Two paths lead here:

- an error raised by a view: :meth:`DatabaseUnavailableMiddleware.process_exception`;
- an error raised by another middleware (the session and the user are loaded lazily, often first by
  a middleware): Django converts it into a 500 response layer by layer, so the exception never reaches
  this middleware; :func:`mark_database_error` (connected to ``got_request_exception``) marks the
  request and the middleware replaces the 500 by the 503.

Nothing is needed to recover: Django opens a new connection for the next query after a failed one
(and drops unusable connections at the end of each request), so the pages come back by themselves as
soon as the database does.
"""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings
from django.core.signals import got_request_exception
from django.db.utils import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

#: Seconds the client is asked to wait before retrying.
RETRY_AFTER_SECONDS = 60
#: Set on the request when a database error happened while handling it.
MARK_ATTRIBUTE = "_binhdang_database_unavailable"
DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_error(exception: BaseException | None) -> bool:
    """True when ``exception``, or an exception it was raised from, is a database connection error."""
    seen: set[int] = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, DATABASE_ERRORS):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


@receiver(got_request_exception, dispatch_uid="binhdang-mark-database-error")
def mark_database_error(sender, request: HttpRequest | None = None, **kwargs) -> None:
    """Mark ``request`` when the exception being handled is a database connection error."""
    import sys

    if request is not None and is_database_error(sys.exc_info()[1]):
        setattr(request, MARK_ATTRIBUTE, True)


def _wants_json(request: HttpRequest) -> bool:
    if request.path.startswith("/api/") or request.path.rstrip("/").endswith("/healthz"):
        return True
    return request.accepts("application/json") and not request.accepts("text/html")


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 response: a Vietnamese page (or JSON for the API), built without database or session."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        message = _(
            "The system cannot reach its database at the moment. Nothing you sent in this request has "
            "been saved. Please try again in a few minutes."
        )
        if _wants_json(request):
            response: HttpResponse = JsonResponse({"detail": message, "status": "unavailable"}, status=503)
        else:
            html = render_to_string("503.html", {"message": message, "retry_after": RETRY_AFTER_SECONDS})
            response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 (see the module docstring) instead of 500 when the database is unreachable.

    Put it near the top of ``MIDDLEWARE`` (after the security and CSP middleware, before the session),
    so that it sees the responses of every layer that may touch the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, MARK_ATTRIBUTE, False) and response.status_code >= 500:
            return unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_error(exception):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        setattr(request, MARK_ATTRIBUTE, True)
        return unavailable_response(request)


def _ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(remote_addr: str, forwarded_for: str, trusted: set[str]) -> str:
    """The client's address: ``remote_addr``, unless it is a trusted proxy that said who it served.

    ``X-Forwarded-For`` lists the addresses the request passed through, the nearest last; entries
    are taken from the right, skipping trusted proxies, so a client cannot pretend to be someone
    else by sending its own header (only what the trusted proxy appended counts).
    """
    if _ip(remote_addr) not in trusted or not forwarded_for:
        return remote_addr
    for entry in reversed(forwarded_for.split(",")):
        address = _ip(entry)
        if address is None:
            return remote_addr
        if address not in trusted:
            return address
    return remote_addr


class TrustedProxyMiddleware:
    """Behind nginx every request comes from 127.0.0.1; put the real client address in ``REMOTE_ADDR``.

    Only when the request comes from an address in ``settings.TRUSTED_PROXY_IPS`` (in production by
    default the local host, where nginx runs). Login throttling per address (``accounts.throttle``)
    and the audit trail rely on it: without it, one address would stand for every user.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = {ip for ip in (_ip(v) for v in getattr(settings, "TRUSTED_PROXY_IPS", [])) if ip}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.trusted:
            request.META["REMOTE_ADDR"] = client_address(
                request.META.get("REMOTE_ADDR", ""),
                request.META.get("HTTP_X_FORWARDED_FOR", ""),
                self.trusted,
            )
        return self.get_response(request)
