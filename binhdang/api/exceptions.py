"""Errors as JSON: ``{"detail": "...", "code": "...", "errors": {"field": ["..."]}}``.

``detail`` is one sentence for a person (Vietnamese, English with ``Accept-Language: en``), ``code`` a
stable machine-readable word, ``errors`` the problems per field (only for invalid input). The
reporting services' exceptions are mapped here: refused access 403, a report saved by someone else
since the caller loaded it 409 (``current_version`` tells the version now stored), a step the report's
state does not allow 409, invalid values 400 with one entry per value.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from binhdang.reporting import import_summary
from binhdang.reporting.datavaluesets import DataValueSetError
from binhdang.reporting.errors import (
    AccessDenied,
    ConflictError,
    ReportingError,
    ReportValidationError,
    TransitionError,
)


def _messages() -> dict[type, str]:
    """Our own wording of DRF's generic errors (translated in the api app's catalogue)."""
    return {
        exceptions.NotAuthenticated: _(
            "Authentication required: send 'Authorization: Token <key>' or log in on the website."
        ),
        exceptions.PermissionDenied: _("You are not allowed to do this."),
        exceptions.NotFound: _("Not found, or not yours to see."),
        exceptions.MethodNotAllowed: _("This method is not allowed here."),
        exceptions.NotAcceptable: _("Only JSON responses are available."),
        exceptions.UnsupportedMediaType: _("Send the request body as JSON (Content-Type: application/json)."),
        exceptions.ParseError: _("The request body is not valid JSON."),
        exceptions.Throttled: _("Too many requests: wait a moment and try again."),
    }


def body(detail: str, code: str, errors: dict | None = None, **extra) -> dict:
    data: dict = {"detail": detail, "code": code}
    if errors:
        data["errors"] = errors
    data.update(extra)
    return data


def _issue_key(issue) -> str:
    if not issue.code:
        return "non_field_errors"
    return f"{issue.code}.{issue.coc}" if issue.coc else issue.code


def _reporting_response(exc: ReportingError) -> Response:
    if isinstance(exc, ConflictError):
        return Response(
            body(exc.messages[0], "conflict", current_version=exc.current_version), status.HTTP_409_CONFLICT
        )
    if isinstance(exc, AccessDenied):
        return Response(body(exc.messages[0], "permission_denied"), status.HTTP_403_FORBIDDEN)
    if isinstance(exc, TransitionError):
        return Response(body(exc.messages[0], "invalid_state"), status.HTTP_409_CONFLICT)
    if isinstance(exc, ReportValidationError):
        errors: dict[str, list[str]] = {}
        for issue in exc.issues:
            errors.setdefault(_issue_key(issue), []).append(str(issue))
        return Response(body(_("The report has invalid values."), "invalid", errors), 400)
    if isinstance(exc, DataValueSetError):
        summary = import_summary.failure(exc.messages, dry_run=getattr(exc, "dry_run", False))
        return Response(
            {
                **body(
                    _("The data value sets were refused; nothing was saved."),
                    "invalid",
                    {"dataValueSets": exc.messages},
                ),
                **summary,
            },
            status.HTTP_400_BAD_REQUEST,
        )
    return Response(body("; ".join(exc.messages), "invalid", {"non_field_errors": exc.messages}), 400)


def _flatten(data) -> dict:
    if isinstance(data, dict):
        return {key: value if isinstance(value, list | dict) else [value] for key, value in data.items()}
    return {"non_field_errors": data if isinstance(data, list) else [data]}


def exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: every error of the API in the one JSON shape."""
    if isinstance(exc, ReportingError):
        return _reporting_response(exc)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = body(_("The request is not valid."), "invalid", _flatten(exc.detail))
        return response
    code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    code = code if isinstance(code, str) else "error"
    detail = str(getattr(exc, "detail", "")) or _("Error.")
    if code == exc.default_code:  # DRF's generic wording: ours, translated
        detail = _messages().get(type(exc), detail)
    response.data = body(detail, code)
    return response


@csrf_exempt
def not_found(request: HttpRequest, **kwargs) -> HttpResponse:
    """Any other address under ``/api/``: a JSON 404 rather than the site's HTML page. An address
    missing only its final slash is redirected (GET) or named in the message (other methods)."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "not_found":
            if request.method in ("GET", "HEAD"):
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
            message = _("Not found: the address must end with a slash (%(path)s).") % {
                "path": request.path + "/"
            }
            return JsonResponse(body(message, "not_found"), status=404)
    return JsonResponse(body(_("Not found, or not yours to see."), "not_found"), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The project's ``handler500``: under ``/api/`` a JSON 500 in the API's error shape (a client of
    the API never gets an HTML page), elsewhere the site's Vietnamese error page. Like Django's own
    handler it uses no database, so it answers even when the error came from there."""
    if request.path.startswith("/api/"):
        message = _(
            "Server error: the request was not completed and nothing was saved. Try again in a moment; "
            "if the error lasts, tell the system administrator."
        )
        return JsonResponse(body(message, "server_error"), status=500)
    return defaults.server_error(request)
