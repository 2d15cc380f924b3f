"""The database half of backups (see ``core.backup``): consistent dumps and restores per vendor.

Two forms of the same data go into every archive:

- a **vendor-neutral dump** (``data.jsonl``: Django's JSON-lines serialisation of every model, with
  natural keys for foreign keys), restorable into SQLite or PostgreSQL alike, in one transaction;
- a **native dump**: on SQLite a copy of the database file made with SQLite's online backup API
  (``sqlite3.Connection.backup``: consistent while the application keeps running); on PostgreSQL a
  ``pg_dump --format=custom`` file (restored with ``pg_restore --clean --if-exists --single-transaction``).

Both are taken from one snapshot (:func:`consistent_read`), so they hold the same rows.
"""

from __future__ import annotations

import datetime
import glob
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, router, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

#: Folders searched for PostgreSQL's programs when they are not on PATH (Debian, Ubuntu).
PG_BIN_GLOBS = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql*/bin"]


class BackupError(Exception):
    """A backup or restore that cannot be done; ``str(error)`` is the message for the user."""


def vendor(using: str = "default") -> str:
    return connections[using].vendor


def table_counts(using: str = "default") -> dict[str, int]:
    """Row count of every table of the project's models (auto-created many-to-many tables included)."""
    connection = connections[using]
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations(using: str = "default") -> list[str]:
    """``app.migration`` names applied to the database, sorted."""
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


class PreciseJSONEncoder(DjangoJSONEncoder):
    """Django's encoder keeps only milliseconds of times; a backup must keep every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _all_objects(using: str) -> Iterator:
    """Every row of every concrete model, models ordered so that natural keys resolve on loading."""
    app_list = {config: None for config in apps.get_app_configs() if config.models_module is not None}
    for model in serializers.sort_dependencies(app_list.items(), allow_cycles=True):
        if model._meta.proxy or not router.allow_migrate_model(using, model):
            continue
        yield from model._base_manager.using(using).order_by(model._meta.pk.name).iterator()


def dump_json(path: Path, using: str) -> None:
    """Every model's rows as JSON lines (loadable by ``loaddata``), foreign keys by natural key where
    the target model has one (content types, permissions), times to the microsecond."""
    with path.open("w", encoding="utf-8") as stream:
        serializers.serialize(
            "jsonl", _all_objects(using), stream=stream, use_natural_foreign_keys=True, cls=PreciseJSONEncoder
        )


def _raw_sqlite(using: str) -> sqlite3.Connection:
    connection = connections[using]
    connection.ensure_connection()
    return connection.connection


def snapshot_sqlite(destination: Path, using: str = "default") -> None:
    """Copy the live SQLite database into ``destination`` with the online backup API."""
    target = sqlite3.connect(destination)
    try:
        _raw_sqlite(using).backup(target)
    finally:
        target.close()


def restore_sqlite(source: Path, using: str = "default") -> None:
    """Replace the live SQLite database by the copy ``source`` (the backup API, in reverse).

    The copy is written under SQLite's write lock in one step: other connections see the old or the
    new database, never a mixture.
    """
    connection = connections[using]
    if connection.in_atomic_block:
        raise BackupError(_("A native SQLite restore cannot run inside a transaction; use --method json."))
    origin = sqlite3.connect(source)
    try:
        origin.backup(_raw_sqlite(using))
    finally:
        origin.close()
    connection.close()
    ContentType.objects.clear_cache()


def find_pg_tool(name: str, search: list[str] | None = None) -> str | None:
    """``pg_dump``/``pg_restore``: from PATH, else the newest under /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = []
    for pattern in PG_BIN_GLOBS if search is None else search:
        candidates += [Path(d) / name for d in glob.glob(pattern)]
    candidates = [c for c in candidates if c.is_file() and os.access(c, os.X_OK)]
    if not candidates:
        return None

    def major(path: Path) -> int:
        digits = "".join(ch if ch.isdigit() else " " for ch in str(path.parent)).split()
        return int(digits[-1]) if digits else 0

    return str(max(candidates, key=major))


def require_pg_tool(name: str, search: list[str] | None = None) -> str:
    tool = find_pg_tool(name, search)
    if tool is None:
        raise BackupError(
            _(
                "The PostgreSQL program %(tool)s was not found (neither on PATH nor in "
                "/usr/lib/postgresql/*/bin). Install the PostgreSQL client of the server's version "
                "(Debian/Ubuntu: apt install postgresql-client), or make a backup with --json-only, "
                "which needs no outside program."
            )
            % {"tool": name}
        )
    return tool


def _pg_connection_args(using: str) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore and their environment (password, SSL)."""
    connection = connections[using]
    settings_dict = connection.settings_dict
    _args, env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    args += ["--dbname", str(settings_dict["NAME"])]
    return args, {**os.environ, **(env or {})}


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(
            _("%(what)s failed (exit code %(code)s): %(detail)s")
            % {"what": what, "code": result.returncode, "detail": result.stderr.strip()[-800:]}
        )


def dump_postgresql(destination: Path, using: str, snapshot: str | None) -> None:
    tool = require_pg_tool("pg_dump")
    args, env = _pg_connection_args(using)
    command = [tool, "--format=custom", "--no-owner", "--no-privileges", "--file", str(destination), *args]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    _run(command, env, "pg_dump")


def restore_postgresql(source: Path, using: str = "default") -> None:
    """``pg_restore --clean --if-exists --single-transaction``: all of it or nothing."""
    connection = connections[using]
    if connection.in_atomic_block:
        raise BackupError(
            _("A native PostgreSQL restore cannot run inside a transaction; use --method json.")
        )
    tool = require_pg_tool("pg_restore")
    connection.close()  # hold no lock on the tables pg_restore drops and recreates
    args, env = _pg_connection_args(using)
    command = [
        tool,
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        *args,
        str(source),
    ]
    _run(command, env, "pg_restore")
    ContentType.objects.clear_cache()


@contextmanager
def consistent_read(using: str) -> Iterator[str | None]:
    """One read-only snapshot of the database for the whole dump, without blocking writers.

    PostgreSQL: a repeatable-read, read-only transaction whose snapshot id is yielded, for ``pg_dump
    --snapshot``. SQLite: a deferred transaction (in WAL mode, a stable snapshot for reading while
    others keep writing) in which the file copy is made too. Inside an existing transaction (tests)
    the caller's transaction is used as it is, and ``None`` is yielded.
    """
    connection = connections[using]
    if connection.in_atomic_block:
        yield None
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        mode = connection.transaction_mode  # type: ignore[attr-defined]  # SQLite's wrapper only
        connection.transaction_mode = "DEFERRED"  # type: ignore[attr-defined]
        try:
            with transaction.atomic(using=using), connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM sqlite_master")  # starts the read snapshot
                yield None
        finally:
            connection.transaction_mode = mode  # type: ignore[attr-defined]
        return
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        yield cursor.fetchone()[0]


def load_json(path: Path, using: str = "default") -> None:
    """Empty every table of the project's models, then load ``path`` (inside the caller's transaction)."""
    connection = connections[using]
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    connection.ops.execute_sql_flush(statements)
    ContentType.objects.clear_cache()
    call_command("loaddata", str(path), database=using, verbosity=0)
    ContentType.objects.clear_cache()
