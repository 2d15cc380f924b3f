"""Files the site gives to download, all through one interface (in the manner of pretix's exporters):
an :class:`Exporter` has an ``identifier``, a ``verbose_name``, a ``content_type``, a
:meth:`~Exporter.filename` and a :meth:`~Exporter.render` of a :class:`Scope` (what to export, for
whom) to bytes or to an iterable of byte chunks (a streamed download).

Apps declare their exporters in their own ``exporters.py`` with :func:`register`; the view of a
download finds the objects through the app's access helpers (who may see what stays there), builds
the :class:`Scope` and answers :func:`download`, the one place that turns an export into an HTTP
response (attachment, RFC 5987 file name safe for Vietnamese, no caching, no sniffing).

The registered exporters (:func:`exporters`; ``tests/core/test_exports.py`` lists them):

- ``documents``: the annual report (DOCX), its annex (XLSX), a unit's report (DOCX);
- ``results``: the open data of a plan-year as CSV, JSON and SDMX-CSV, and its SDMX-ML structure;
- ``reporting``: a period's data value sets (JSON; DHIS2's dataValueSet JSON; ADX), a unit's Excel
  template (XLSX) and the zip of every expected unit's template;
- ``plans``: a user's campaign calendar (iCalendar).
- ``ministry``: a province's report as sent to the ministry (DOCX) and its signed file.

Exporters write CSV and XLSX cells through :mod:`binhdang.core.spreadsheets` (user text stays text).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import quote

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

CSV = "text/csv; charset=utf-8"
JSON = "application/json; charset=utf-8"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"


@dataclass(frozen=True)
class Scope:
    """What an export covers and for whom: the user and the objects the view found for them through
    the access helpers (a plan and a year, a period, a unit, a submission), and filters as given."""

    user: Any = None
    plan: Any = None
    year: int = 0
    period: Any = None
    unit: Any = None
    submission: Any = None
    filters: Mapping[str, Any] = field(default_factory=dict)


class Exporter:
    """One kind of downloadable file. Subclasses set the class attributes and implement
    :meth:`filename` and :meth:`render`; they do not check access (the view did)."""

    #: Unique key, ``<app>.<name>`` (``results.csv``).
    identifier: ClassVar[str]
    #: What the file is, for people (lazy translation).
    verbose_name: ClassVar[Any]
    content_type: ClassVar[str]
    #: Whether :meth:`render` returns chunks to stream rather than the whole file.
    streaming: ClassVar[bool] = False

    def filename(self, scope: Scope) -> str:
        raise NotImplementedError

    def render(self, scope: Scope) -> bytes | Iterable[bytes]:
        raise NotImplementedError


_REGISTRY: dict[str, type[Exporter]] = {}


def register(exporter: type[Exporter]) -> type[Exporter]:
    """Class decorator: make ``exporter`` known under its identifier (once)."""
    known = _REGISTRY.get(exporter.identifier)
    if known is not None and known is not exporter:
        raise ValueError(f"Two exporters are called {exporter.identifier!r}.")
    _REGISTRY[exporter.identifier] = exporter
    return exporter


def exporters() -> dict[str, type[Exporter]]:
    """Every registered exporter by identifier (the apps' ``exporters`` modules are loaded at start)."""
    return dict(sorted(_REGISTRY.items()))


def get(identifier: str) -> Exporter:
    """An instance of the exporter registered as ``identifier`` (KeyError when there is none)."""
    return _REGISTRY[identifier]()


# ------------------------------------------------------------------------------------------ download


def ascii_filename(name: str) -> str:
    """``"báo-cáo-Đắk Lắk.docx"`` -> ``"bao-cao-Dak_Lak.docx"``: the name for clients that do not read
    RFC 5987 (diacritics dropped, đ -> d, anything else outside letters, digits and ``.-_`` -> ``_``)."""
    text = name.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in text).strip("._")
    return cleaned or "download"


def content_disposition(name: str) -> str:
    """``attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>`` (RFC 6266 / RFC 5987):
    every browser gets the Vietnamese name, old clients a readable ASCII one. A plain ASCII name is
    given once: ``attachment; filename="bao-cao-2026.docx"``."""
    fallback = ascii_filename(name)
    if fallback == name:
        return f'attachment; filename="{name}"'
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def download(exporter: Exporter, scope: Scope) -> HttpResponseBase:
    """The response of a download of ``exporter`` for ``scope``: the file as an attachment, streamed
    when the exporter streams, never cached (it holds the province's data) nor sniffed. A stored file
    lost from the disk (a database restored without its files) is not found, rather than an error."""
    try:
        body = exporter.render(scope)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response: HttpResponse | StreamingHttpResponse
    if isinstance(body, bytes | bytearray):
        response = HttpResponse(bytes(body), content_type=exporter.content_type)
    else:
        response = StreamingHttpResponse(_chunks(body), content_type=exporter.content_type)
    response["Content-Disposition"] = content_disposition(exporter.filename(scope))
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def stored_file(file, filename: str, content_type: str | None = None) -> FileResponse:
    """The download of a file kept on the disk (an upload, a plan's source document) as an attachment
    named ``filename`` (its type guessed from the name unless given). A file lost from the disk (a
    database restored without its files) is not found, rather than an error, as in :func:`download`."""
    try:
        handle = file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


def _chunks(body: Iterable[bytes]) -> Iterator[bytes]:
    yield from body
