"""Generated files kept until their data changes: the downloads that take a second or more to build
(the annual report, a province's Excel templates) are built once and served again while nothing they
show has changed.

:func:`cached_file` takes

- a ``kind`` (a folder under ``settings.FILE_CACHE_DIR``, ``<BINHDANG_VAR_DIR>/cache/``),
- a ``scope``: what the file is of and for whom it was made (plan and year, period and unit, with or
  without the units' narratives, the day printed on it...). Each scope has a file of its own, named by
  a digest of the scope: a file made for one plan, province or kind of reader is never another's;
- a ``version``: the state of the data the file shows (``data_version`` below: the latest change of
  each table the file reads, restricted to the scope), and the application's code
  (:func:`code_version`: an upgrade that changes a layout builds anew);
- the function that builds the file.

The file starts with the digest of scope and version: a file whose data has changed since is built
again and replaces it (one file per scope, so the folder does not grow with each change). Who may
download what is decided before, by the view's access helpers: the cache only keeps what the view
would have built for that scope. Files are written to a temporary name then renamed, so a reader
never sees half a file; two workers building the same file at once both write a whole one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

DIGEST = 32  # bytes of sha256 at the head of each cached file


def cache_dir(kind: str) -> Path:
    return Path(settings.FILE_CACHE_DIR) / kind


_PACKAGE = Path(__file__).resolve().parent.parent


def code_version(*folders: str) -> str:
    """A digest of every file under ``folders`` (paths relative to the ``binhdang`` package: Python
    sources, templates and compiled translations); each folder is read once per process."""
    return hashlib.sha256("".join(_folder_digest(folder) for folder in folders).encode()).hexdigest()


@cache
def _folder_digest(folder: str) -> str:
    digest = hashlib.sha256()
    for path in sorted((_PACKAGE / folder).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in {".py", ".mo", ".html"}:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def warm_up() -> None:
    """Read the code of every app of the package now (``core.warmup``, before gunicorn forks), not at
    each worker's first download (20-25 ms)."""
    for folder in sorted(p.name for p in _PACKAGE.iterdir() if (p / "__init__.py").is_file()):
        _folder_digest(folder)


def data_version(querysets: Iterable[QuerySet]) -> list:
    """The state of the rows of ``querysets``: for each, the number of rows, the highest primary key
    and, for a table of history records (every change made, deleted rows included), the time of the
    latest change (a database made anew, whose keys start again, never matches an older file).

    All of them are counted in ONE statement (a ``UNION ALL`` of each queryset's count): a download
    served from the cache asks its version on every request, and the many small round trips and
    aggregate queries cost more than the rows they read."""
    found: list = []
    branches: list[str] = []
    params: list = []
    for part, queryset in enumerate(querysets):
        found.append((0, None, None))
        model = queryset.model
        columns = {"filecache_key": F(model._meta.pk.name)}
        dated = any(field.name == "history_date" for field in model._meta.fields)
        if dated:
            columns["filecache_at"] = F("history_date")
        try:
            sql, values = queryset.order_by().values(**columns).query.sql_with_params()
        except EmptyResultSet:
            continue  # a queryset that can have no row (``pk__in=[]``) stays (0, None, None)
        latest = "MAX(q.filecache_at)" if dated else "NULL"
        branches.append(f"SELECT {part}, COUNT(*), MAX(q.filecache_key), {latest} FROM ({sql}) q")
        params.extend(values)
    if branches:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(branches), params)
            for part, rows, last, when in cursor.fetchall():
                found[part] = (rows, last, _moment(when))
    return found


def _moment(value: dt.datetime | str | None) -> str | None:
    """A latest change as the ORM reads it (SQLite answers text, PostgreSQL a datetime), in ISO 8601."""
    if isinstance(value, str):
        value = parse_datetime(value)
        if value is not None and settings.USE_TZ and timezone.is_naive(value):
            value = timezone.make_aware(value, dt.UTC)
    return value.isoformat() if value is not None else None


def _digest(scope: tuple, version: object) -> bytes:
    return hashlib.sha256(repr((scope, version)).encode()).digest()


def _path(kind: str, scope: tuple) -> Path:
    return cache_dir(kind) / f"{hashlib.sha256(repr(scope).encode()).hexdigest()}.bin"


def read(kind: str, scope: tuple, version: object) -> bytes | None:
    """The cached file of ``scope`` if it was made from ``version``, else None."""
    try:
        data = _path(kind, scope).read_bytes()
    except OSError:
        return None
    return data[DIGEST:] if data[:DIGEST] == _digest(scope, version) else None


def write(kind: str, scope: tuple, version: object, content: bytes) -> None:
    path = _path(kind, scope)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(_digest(scope, version))
            fh.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached_file(kind: str, scope: tuple, version: object, build: Callable[[], bytes]) -> bytes:
    """The file of ``scope`` at ``version``: from the cache, or built by ``build()`` and kept."""
    found = read(kind, scope, version)
    if found is not None:
        return found
    content = build()
    write(kind, scope, version, content)
    return content
