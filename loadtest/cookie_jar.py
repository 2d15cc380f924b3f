"""The cookies of one person's browser in the load test, kept as cheaply as the run allows.

Locust shares the two cores with the server it measures, so what it spends on each request is taken
from the server (README, Performance: "Eleventh round"). The standard library's ``CookieJar`` matches
every cookie against the request's domain, path, port and the policy's rules on each request and
each answer: a tenth of locust's own time a request. Here there is one server, on loopback, and every
cookie it sets is for the whole site (``Path=/``, no ``Domain``), so a cookie is its name and value.

The production cookies are marked ``Secure``; over loopback HTTP they are sent back all the same (the
TLS proxy's part). A cookie set with ``Max-Age=0`` or an ``Expires`` in the past is removed, as a
browser removes it (Django's ``delete_cookie``).

The jar answers geventhttpclient's two calls (``add_cookie_header``, ``extract_cookies``), and
``value(name)`` gives a cookie's value (the CSRF token a form sends back).
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any


class LoopbackCookies:
    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def value(self, name: str) -> str:
        """The cookie's value as the server set it, or "" if there is none."""
        return self._values.get(name, "")

    def __len__(self) -> int:
        return len(self._values)

    def add_cookie_header(self, request: Any) -> None:
        """Send every cookie with ``request`` (a geventhttpclient request, headers dropped at a redirect)."""
        if self._values:
            request.add_unredirected_header(
                "Cookie", "; ".join(f"{name}={value}" for name, value in self._values.items())
            )

    def extract_cookies(self, response: Any, request: Any) -> None:
        """Keep the cookies the answer sets and drop the ones it deletes."""
        for header in response.headers.get_all("set-cookie") or ():
            self.set_from_header(header)

    def set_from_header(self, header: str) -> None:
        """One ``Set-Cookie`` header: ``name=value`` then attributes; a header without "=" is ignored."""
        pair, _, attributes = header.partition(";")
        name, equals, value = pair.partition("=")
        name = name.strip()
        if not equals or not name:
            return
        if _deletes(attributes):
            self._values.pop(name, None)
        else:
            self._values[name] = value.strip()


def _deletes(attributes: str) -> bool:
    """Whether the cookie's attributes end it now: ``Max-Age`` of 0 or less (it wins over ``Expires``,
    RFC 6265 5.3), else an ``Expires`` date already past."""
    expires = None
    for attribute in attributes.split(";"):
        key, _, argument = attribute.partition("=")
        key = key.strip().lower()
        if key == "max-age":
            try:
                return int(argument.strip()) <= 0
            except ValueError:
                continue  # an unreadable Max-Age is ignored (RFC 6265 5.2.2)
        if key == "expires":
            expires = argument.strip()
    if expires is None:
        return False
    try:
        when = parsedate_to_datetime(expires)
    except (TypeError, ValueError):
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when <= datetime.now(UTC)
