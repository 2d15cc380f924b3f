"""Backups and restores of the whole system: the database and the uploaded files, in one archive.

``binhdang backup PATH`` writes one ``.tar.gz`` holding:

- ``data.jsonl``: every table, vendor-neutral (restores into SQLite or PostgreSQL alike);
- ``database.sqlite3`` or ``database.pgdump``: the native dump of the database in use (omitted with
  ``--json-only``);
- ``media/...``: every file under ``MEDIA_ROOT``, byte for byte;
- ``manifest.json`` (last): format and version, app version, database vendor, creation time, the
  applied migrations, the row count of every table, and the size and SHA-256 of every other member.

``binhdang restore PATH`` first checks the whole archive (a binhdang backup of a known format, no
unexpected or unsafe member, every checksum right, the same database schema) and refuses with a
message before touching anything. It then replaces the database (JSON: emptied and reloaded in one
transaction, then the row counts are compared with the manifest and anything different rolls it all
back; native: SQLite's backup API or ``pg_restore --single-transaction``) and only then swaps the
uploaded files in. See ``core.backup_db`` for the database side.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core import backup_db
from binhdang.core.backup_db import BackupError

FORMAT = "binhdang-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.jsonl"
NATIVE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

__all__ = ["BackupError", "Manifest", "create_backup", "open_backup", "restore_backup"]


def app_version() -> str:
    try:
        return metadata.version("binhdang")
    except metadata.PackageNotFoundError:  # running from a source tree without installation
        return "unknown"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What ``manifest.json`` says about an archive."""

    data: dict

    @property
    def vendor(self) -> str:
        return self.data["database_vendor"]

    @property
    def tables(self) -> dict[str, int]:
        return self.data["tables"]

    @property
    def members(self) -> dict[str, dict]:
        return self.data["members"]

    @property
    def native_member(self) -> str | None:
        name = NATIVE.get(self.vendor)
        return name if name in self.members else None

    @property
    def media_files(self) -> list[str]:
        return sorted(name for name in self.members if name.startswith(MEDIA_PREFIX))

    def summary(self) -> str:
        return _(
            "%(vendor)s database of %(created)s (app %(version)s): %(tables)d tables, %(rows)d rows, "
            "%(files)d uploaded files"
        ) % {
            "vendor": self.vendor,
            "created": self.data["created_at"],
            "version": self.data["app_version"],
            "tables": len(self.tables),
            "rows": sum(self.tables.values()),
            "files": len(self.media_files),
        }


class _HashingReader:
    """Reads a file for ``tarfile`` while computing its SHA-256 (one pass, so hash and content agree)."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        return chunk


def _add(archive: tarfile.TarFile, name: str, path: Path, members: dict) -> None:
    with path.open("rb") as handle:
        info = tarfile.TarInfo(name)
        info.size = os.fstat(handle.fileno()).st_size
        info.mtime = int(os.fstat(handle.fileno()).st_mtime)
        info.mode = 0o600
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    members[name] = {"size": info.size, "sha256": reader.digest.hexdigest()}


def _media_files(root: Path) -> list[tuple[str, Path]]:
    if not root.is_dir():
        return []
    files = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files.append((MEDIA_PREFIX + path.relative_to(root).as_posix(), path))
    return files


def create_backup(path: Path | str, *, using: str = "default", native: bool = True) -> Manifest:
    """Write the archive ``path`` (``.tar.gz``); returns its manifest. Safe while the app is running."""
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    vendor = backup_db.vendor(using)
    if vendor not in NATIVE:
        raise BackupError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor})
    with tempfile.TemporaryDirectory(prefix=".binhdang-backup-", dir=path.parent) as staging:
        staged = Path(staging)
        dumps: dict[str, Path] = {DATA: staged / DATA}
        with backup_db.consistent_read(using) as snapshot_id:
            if native:
                dumps[NATIVE[vendor]] = staged / NATIVE[vendor]
                if vendor == "sqlite":
                    backup_db.snapshot_sqlite(dumps[NATIVE[vendor]], using)
                else:
                    backup_db.dump_postgresql(dumps[NATIVE[vendor]], using, snapshot_id)
            backup_db.dump_json(dumps[DATA], using)
            tables, migrations = backup_db.table_counts(using), backup_db.applied_migrations(using)

        partial = staged / "archive.tar.gz"
        members: dict[str, dict] = {}
        with tarfile.open(partial, "w:gz") as archive:
            for name, dump in dumps.items():
                _add(archive, name, dump, members)
            for name, media in _media_files(Path(settings.MEDIA_ROOT)):
                _add(archive, name, media, members)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": app_version(),
                "django_version": django.get_version(),
                "database_vendor": vendor,
                "created_at": timezone.localtime().isoformat(timespec="seconds"),
                "migrations": migrations,
                "tables": tables,
                "members": members,
            }
            manifest_path = staged / MANIFEST
            manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
            archive.add(manifest_path, MANIFEST, recursive=False)
        partial.chmod(0o600)
        os.replace(partial, path)  # same folder: the archive appears complete or not at all
    return Manifest(manifest)


def _refuse(path: Path, reason: str) -> BackupError:
    return BackupError(
        _("“%(path)s” cannot be restored: %(reason)s Nothing has been changed.")
        % {"path": path, "reason": reason}
    )


def _safe_member_name(name: str) -> bool:
    posix = PurePosixPath(name)
    return bool(name) and not posix.is_absolute() and ".." not in posix.parts and "\\" not in name


def _read_manifest(path: Path, archive: tarfile.TarFile) -> Manifest:
    try:
        handle = archive.extractfile(MANIFEST)
        data = json.loads(handle.read().decode("utf-8")) if handle else None
    except (KeyError, UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse(path, _("it is not a binhdang backup (no valid manifest.json)."))
    if not isinstance(data.get("format_version"), int) or data["format_version"] > FORMAT_VERSION:
        raise _refuse(
            path,
            _("its format version %(version)s is newer than this program reads (%(supported)s).")
            % {"version": data.get("format_version"), "supported": FORMAT_VERSION},
        )
    required = ("database_vendor", "created_at", "app_version", "migrations", "tables", "members")
    if any(key not in data for key in required) or not isinstance(data["members"], dict):
        raise _refuse(path, _("its manifest.json is incomplete."))
    if DATA not in data["members"]:
        raise _refuse(path, _("it has no database dump (%(member)s).") % {"member": DATA})
    return Manifest(data)


@contextmanager
def open_backup(path: Path | str, workdir: Path | None = None) -> Iterator[tuple[Manifest, Path]]:
    """Check the archive completely and extract it; yields its manifest and the extracted folder.

    Raises :class:`BackupError` (with the reason, in the active language) for anything that is not a
    complete, untampered binhdang backup. Nothing outside the temporary folder is written.
    """
    path = Path(path)
    if not path.is_file():
        raise _refuse(path, _("the file does not exist."))
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the "with" below
    except (tarfile.TarError, OSError, EOFError):
        raise _refuse(path, _("it is not a .tar.gz archive.")) from None
    with archive, tempfile.TemporaryDirectory(prefix=".binhdang-restore-", dir=workdir) as extracted:
        manifest = _read_manifest(path, archive)
        try:
            entries = archive.getmembers()
        except (tarfile.TarError, OSError, EOFError):
            raise _refuse(path, _("the archive is damaged (it cannot be read to the end).")) from None
        names = [entry.name for entry in entries]
        for entry in entries:
            if not entry.isfile() or not _safe_member_name(entry.name):
                raise _refuse(path, _("it contains an unsafe entry “%(name)s”.") % {"name": entry.name})
        if len(names) != len(set(names)):
            raise _refuse(path, _("it contains the same file twice."))
        expected = set(manifest.members) | {MANIFEST}
        if set(names) != expected:
            extra, missing = sorted(set(names) - expected), sorted(expected - set(names))
            raise _refuse(
                path,
                _("its files do not match its manifest (unexpected: %(extra)s; missing: %(missing)s).")
                % {"extra": ", ".join(extra) or "-", "missing": ", ".join(missing) or "-"},
            )
        for entry in entries:  # sizes as declared, before writing anything out
            if entry.name != MANIFEST and entry.size != manifest.members[entry.name].get("size"):
                raise _refuse(
                    path,
                    _("the file “%(name)s” in it is corrupt (checksum mismatch).") % {"name": entry.name},
                )
        root = Path(extracted)
        try:
            archive.extractall(root, filter="data")
        except (tarfile.TarError, OSError, EOFError):
            raise _refuse(path, _("the archive is damaged (it cannot be read to the end).")) from None
        for name, expected_member in sorted(manifest.members.items()):
            member = root / name
            if member.stat().st_size != expected_member.get("size") or sha256_of(
                member
            ) != expected_member.get("sha256"):
                raise _refuse(
                    path, _("the file “%(name)s” in it is corrupt (checksum mismatch).") % {"name": name}
                )
        yield manifest, root


def _check_schema(path: Path, manifest: Manifest, using: str) -> None:
    current = backup_db.applied_migrations(using)
    if sorted(manifest.data["migrations"]) != current:
        ahead = sorted(set(manifest.data["migrations"]) - set(current))
        behind = sorted(set(current) - set(manifest.data["migrations"]))
        raise _refuse(
            path,
            _(
                "it was made with a different database schema (app version %(version)s). Migrations "
                "only in the backup: %(ahead)s; only in this database: %(behind)s. Run “binhdang "
                "migrate” first, or restore with the app version that made the backup."
            )
            % {
                "version": manifest.data["app_version"],
                "ahead": ", ".join(ahead[:5]) or "-",
                "behind": ", ".join(behind[:5]) or "-",
            },
        )


def _restore_json(path: Path, manifest: Manifest, folder: Path, using: str) -> None:
    _check_schema(path, manifest, using)
    with transaction.atomic(using=using):
        backup_db.load_json(folder / DATA, using)
        counts = backup_db.table_counts(using)
        different = sorted(
            table
            for table in set(counts) | set(manifest.tables)
            if counts.get(table) != manifest.tables.get(table)
        )
        if different:
            raise _refuse(
                path,
                _("after loading, the row counts differ from the manifest for %(tables)s.")
                % {"tables": ", ".join(different[:10])},
            )


def _restore_native(path: Path, manifest: Manifest, folder: Path, using: str) -> None:
    member = folder / NATIVE[manifest.vendor]
    if manifest.vendor == "sqlite":
        backup_db.restore_sqlite(member, using)
    else:
        backup_db.restore_postgresql(member, using)
    counts = backup_db.table_counts(using)
    different = sorted(t for t, n in manifest.tables.items() if counts.get(t) != n)
    if different:
        raise BackupError(
            _("The native restore finished but the row counts differ from the manifest for %(tables)s.")
            % {"tables": ", ".join(different[:10])}
        )


def choose_method(manifest: Manifest, method: str, using: str) -> str:
    """``native`` when asked or when ``auto`` and the archive has a dump of this database's vendor."""
    target = backup_db.vendor(using)
    if method == "json":
        return "json"
    usable = manifest.native_member is not None and manifest.vendor == target
    if method == "native" and not usable:
        raise BackupError(
            _("This backup has no native dump for %(target)s (it is a %(vendor)s backup); use --method json.")
            % {"target": target, "vendor": manifest.vendor}
        )
    return "native" if usable and not connections[using].in_atomic_block else "json"


def _swap_media(new: Path) -> None:
    """Make ``new`` the content of MEDIA_ROOT (renames when possible, so the switch is quick)."""
    root = Path(settings.MEDIA_ROOT)
    new.mkdir(parents=True, exist_ok=True)
    if root.exists() and not root.is_dir():
        raise BackupError(_("MEDIA_ROOT %(path)s is not a folder.") % {"path": root})
    root.parent.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d%H%M%S")
    old = root.with_name(f".{root.name}.before-restore-{stamp}")
    try:
        if root.exists():
            os.rename(root, old)
        shutil.move(str(new), str(root))
    except OSError:
        # MEDIA_ROOT is a mount point or on another disk: replace its content instead.
        if old.exists() and not root.exists():
            os.rename(old, root)
        for child in list(root.iterdir()):
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        for child in list(new.iterdir()):
            shutil.move(str(child), str(root / child.name))
    if old.exists():
        shutil.rmtree(old)


def restore_backup(path: Path | str, *, using: str = "default", method: str = "auto") -> Manifest:
    """Replace the database and the uploaded files by those of the archive ``path``.

    ``method``: ``auto`` (native dump when the archive is of this database's vendor, else JSON),
    ``json`` or ``native``. Everything is checked before anything changes.
    """
    path = Path(path)
    media_root = Path(settings.MEDIA_ROOT)
    workdir = (
        media_root.parent if media_root.parent.is_dir() and os.access(media_root.parent, os.W_OK) else None
    )
    with open_backup(path, workdir) as (manifest, folder):
        chosen = choose_method(manifest, method, using)
        if chosen == "json":
            _restore_json(path, manifest, folder, using)
        else:
            _restore_native(path, manifest, folder, using)
        _swap_media(folder / MEDIA_PREFIX.rstrip("/"))
    return manifest
