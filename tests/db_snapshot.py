"""A fingerprint of the whole database, to prove that a request changed nothing.

:func:`snapshot` reads every table of the installed apps (the project's apps, their history tables,
auth, the task queue...) and keeps, per table, the row count and a SHA-256 of all its rows in a fixed
order (sorted); :func:`changes` compares two snapshots and names the tables that differ. With
``media_root`` the list of stored files (names and sizes) is part of the snapshot too.

Left out: the sessions, ``accounts_session`` and Django's former ``django_session`` (logging a test
client in, or a page storing a message, writes them; they are not data of the application).

Use::

    before = snapshot()
    client.post(url, data)
    assert not changes(before, snapshot()), "the refused POST wrote something"

Many checks in a row (the permission matrices): :func:`write_mark` is a cheap count of the rows this
database connection has written, and :func:`changes_since` takes the full snapshot only when that count
moved (a request that wrote no row changed no table, so there is nothing to read).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.db import connection

#: Tables whose changes are not application data.
IGNORED_TABLES = frozenset({"accounts_session", "django_session"})

Snapshot = dict[str, tuple[int, str]]


def app_tables() -> list[str]:
    """Every existing table of an installed model (many-to-many tables included), sorted."""
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    return sorted(set(names) - IGNORED_TABLES)


def _table_fingerprint(cursor, table: str) -> tuple[int, str]:
    """The row count and a hash of the rows, sorted: a history table's first column is the object's
    key, which several rows share, and PostgreSQL returns rows of equal sort keys in any order."""
    quoted = connection.ops.quote_name(table)
    cursor.execute(f"SELECT * FROM {quoted}")  # table names from the models
    rows = sorted(repr(row) for row in cursor.fetchall())
    digest = hashlib.sha256()
    for row in rows:
        digest.update(row.encode())
    return len(rows), digest.hexdigest()


def snapshot(media_root: str | Path | None = None, tables: list[str] | None = None) -> Snapshot:
    """``{table: (row count, hash of the rows)}`` of every app table (see the module docstring)."""
    found: Snapshot = {}
    with connection.cursor() as cursor:
        for table in tables if tables is not None else app_tables():
            found[table] = _table_fingerprint(cursor, table)
    if media_root is not None:
        root = Path(media_root)
        files = (
            sorted((str(p.relative_to(root)), p.stat().st_size) for p in root.rglob("*") if p.is_file())
            if root.exists()
            else []
        )
        found["<media files>"] = (len(files), hashlib.sha256(repr(files).encode()).hexdigest())
    return found


WriteMark = tuple[object, ...] | None

#: Rows inserted, updated or deleted in the current transaction, rolled-back savepoints included
#: ("attempted actions regardless of commit/abort"), over every table; a TRUNCATE gives the table a new
#: relfilenode (and resets its counts), so the relfilenodes are part of the mark.
_POSTGRESQL_MARK = """
    SELECT coalesce(sum(pg_stat_get_xact_tuples_inserted(c.oid) + pg_stat_get_xact_tuples_updated(c.oid)
                        + pg_stat_get_xact_tuples_deleted(c.oid)), 0),
           string_agg(c.relfilenode::text, ',' ORDER BY c.oid)
    FROM pg_class c WHERE c.relkind IN ('r', 'p') AND NOT c.relname = ANY(%s)
"""


def write_mark() -> WriteMark:
    """How many rows this connection has written so far: SQLite's total_changes() (every INSERT, UPDATE
    and DELETE since the connection opened, triggers and rolled-back savepoints included); PostgreSQL's
    per-transaction counters of every table but the ignored ones (the sessions). ``None`` where no such count can be trusted (another
    database, or PostgreSQL with track_counts off): :func:`changes_since` then always compares snapshots.
    """
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return ("sqlite", connection.connection.total_changes)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW track_counts")
            if cursor.fetchone()[0] != "on":
                return None
            cursor.execute(_POSTGRESQL_MARK, [sorted(IGNORED_TABLES)])
            return ("postgresql", *cursor.fetchone())
    return None


def changes_since(before: Snapshot, mark: WriteMark, media_root: str | Path | None = None) -> list[str]:
    """:func:`changes` from ``before`` to now, where ``mark`` was taken when the tables were as in
    ``before``: no row written since then (and no stored file, with ``media_root``) means none changed,
    without reading every table again."""
    if mark is None or write_mark() != mark:
        return changes(before, snapshot(media_root))
    if media_root is None:
        return []
    files = snapshot(media_root, tables=[])
    return changes({k: v for k, v in before.items() if k == "<media files>"}, files)


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """The tables (and ``<media files>``) that differ between two snapshots, with their row counts."""
    return [
        f"{name} ({before.get(name, (0, ''))[0]} -> {after.get(name, (0, ''))[0]} rows)"
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    ]
