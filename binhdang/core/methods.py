"""Web pages answer GET, HEAD and POST only: PUT, PATCH and DELETE get 405 everywhere outside ``/api/``.

The pages are HTML forms, which can only GET and POST; a view that does not check the method would
otherwise treat a PUT or a DELETE like a GET (or, worse, a POST). The REST API under ``/api/`` has its
own methods and its own permission checks, so it is left alone.

The answer is given before the session, the user and the database are touched, so it is the same for
everyone (anonymous or not) and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

#: Methods refused on web pages.
REFUSED_METHODS = frozenset({"PUT", "PATCH", "DELETE"})
#: Methods a web page may answer (the ``Allow`` header of the 405).
ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
#: Paths left to their own method handling.
API_PREFIX = "/api/"


class WebMethodsMiddleware:
    """405 for PUT, PATCH and DELETE outside ``/api/`` (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in REFUSED_METHODS and not request.path_info.startswith(API_PREFIX):
            response = HttpResponseNotAllowed(
                ALLOWED_METHODS,
                content=f"Phương thức {request.method} không được dùng cho trang web này.\n".encode(),
                content_type="text/plain; charset=utf-8",
            )
            return response
        return self.get_response(request)
