"""Backups and restores (``binhdang backup`` / ``binhdang restore``) on the database the suite runs on.

The round trip compares the content of every table (all rows, all columns) and every uploaded file
byte for byte; refused archives must leave the database and the files exactly as they were.
"""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts.models import LoginFailure, User
from binhdang.core import backup, backup_db
from binhdang.core.backup import BackupError
from binhdang.orgunits.models import OrgUnit
from tests.factories import make_unit, make_user

pytestmark = pytest.mark.django_db(transaction=True)

MEDIA = {
    "plans/2026/kế-hoạch-đắk-lắk.docx": bytes(range(256)) * 40,
    "evidence/66-C001/ảnh hội nghị.jpg": b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" * 500,
    "empty.txt": b"",
}


def database_content() -> dict[str, list]:
    """Every row of every table of the project's models, in a comparable form."""
    content = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor]
            content[table] = sorted(rows, key=repr)
    return content


def media_content(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    root = tmp_path / "var" / "media"
    for name, data in MEDIA.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def province_data(client, daklak, focal_officer, commune_a_reporter, admin_user):
    """Users with roles and history, a two-factor device, a session, a failed login."""
    TOTPDevice.objects.create(user=focal_officer, name="phone", confirmed=True)
    client.force_login(commune_a_reporter)
    LoginFailure.objects.create(username="ai-do", ip_address="203.0.113.9")
    return daklak


def change_everything(media_root: Path, daklak) -> None:
    """What may happen after a backup: rows deleted, changed, added; files deleted, changed, added."""
    User.objects.get(username="reporter_a").delete()
    OrgUnit.objects.filter(pk=daklak.commune_b.pk).update(name="Phường Đổi Tên")
    make_unit(daklak.root, "Xã Mới", "66-C999")
    make_user("nguoi-moi")
    (media_root / "empty.txt").unlink()
    (media_root / "plans/2026/kế-hoạch-đắk-lắk.docx").write_bytes(b"changed")
    (media_root / "new/file.pdf").parent.mkdir(parents=True)
    (media_root / "new/file.pdf").write_bytes(b"%PDF-1.7")


def methods():
    """JSON always; native where this database's native tools are present."""
    native_ok = connection.vendor == "sqlite" or backup_db.find_pg_tool("pg_restore") is not None
    return ["json", pytest.param("native", marks=pytest.mark.skipif(not native_ok, reason="no pg_restore"))]


@pytest.mark.parametrize("method", methods())
def test_restore_gives_back_every_table_and_every_file_exactly(tmp_path, media_root, province_data, method):
    before_db, before_media = database_content(), media_content(media_root)
    archive = tmp_path / "backups" / "binhdang.tar.gz"
    manifest = backup.create_backup(archive, native=(method == "native"))
    assert manifest.tables["accounts_user"] == User.objects.count()
    change_everything(media_root, province_data)
    assert database_content() != before_db

    backup.restore_backup(archive, method=method)

    assert database_content() == before_db
    assert media_content(media_root) == before_media
    # The sequences follow the restored rows: new rows get fresh ids.
    assert make_user("sau-khoi-phuc").pk > max(u.pk for u in User.objects.exclude(username="sau-khoi-phuc"))


def test_manifest_describes_the_archive(tmp_path, media_root, province_data):
    archive = tmp_path / "b.tar.gz"
    backup.create_backup(archive)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert manifest["format"] == "binhdang-backup"
    assert manifest["format_version"] == backup.FORMAT_VERSION
    assert manifest["database_vendor"] == connection.vendor
    assert manifest["created_at"]
    assert manifest["app_version"]
    assert manifest["tables"]["orgunits_orgunit"] == OrgUnit.objects.count()
    assert {f"media/{name}" for name in MEDIA} <= set(manifest["members"])
    assert names == set(manifest["members"]) | {"manifest.json"}
    assert backup.NATIVE[connection.vendor] in names or connection.vendor == "postgresql"
    assert all(len(m["sha256"]) == 64 for m in manifest["members"].values())


def rewrite(source: Path, target: Path, *, replace=None, manifest=None, extra=None) -> Path:
    """A copy of the archive with members replaced, the manifest edited, or members added."""
    replace, extra = replace or {}, extra or {}
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            if member.name == "manifest.json" and manifest:
                parsed = json.loads(data)
                manifest(parsed)
                data = json.dumps(parsed).encode()
            data = replace.get(member.name, lambda d: d)(data)
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
        for name, data in extra.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return target


def _flip_first_byte(data: bytes) -> bytes:
    return bytes([data[0] ^ 1]) + data[1:]


def _plain_tar_gz(path: Path) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("notes.txt")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"hello"))
    return path


BAD_ARCHIVES = {
    "corrupt data": (lambda a, t: rewrite(a, t, replace={"data.jsonl": _flip_first_byte}), "bị hỏng"),
    "corrupt media": (
        lambda a, t: rewrite(a, t, replace={"media/empty.txt": lambda d: b"x"}),
        "media/empty.txt",
    ),
    "not gzip": (
        lambda a, t: (t.write_bytes(b"PK\x03\x04 not a tarball"), t)[1],
        "không phải tệp nén .tar.gz",
    ),
    "foreign tarball": (lambda a, t: _plain_tar_gz(t), "không phải bản sao lưu của binhdang"),
    "other format": (
        lambda a, t: rewrite(a, t, manifest=lambda m: m.update(format="other-app")),
        "không phải bản sao lưu của binhdang",
    ),
    "newer format": (
        lambda a, t: rewrite(a, t, manifest=lambda m: m.update(format_version=99)),
        "phiên bản định dạng 99",
    ),
    "unlisted member": (lambda a, t: rewrite(a, t, extra={"media/virus.exe": b"MZ"}), "media/virus.exe"),
    "path traversal": (lambda a, t: rewrite(a, t, extra={"media/../../evil.sh": b"rm"}), "không an toàn"),
    "other schema": (
        lambda a, t: rewrite(a, t, manifest=lambda m: m["migrations"].append("plans.9999_future")),
        "plans.9999_future",
    ),
}


@pytest.mark.parametrize("case", BAD_ARCHIVES, ids=list(BAD_ARCHIVES))
def test_bad_archive_is_refused_in_vietnamese_and_changes_nothing(tmp_path, media_root, province_data, case):
    make_bad, expected = BAD_ARCHIVES[case]
    good = tmp_path / "good.tar.gz"
    backup.create_backup(good, native=False)
    bad = make_bad(good, tmp_path / "bad.tar.gz")
    change_everything(media_root, province_data)
    before_db, before_media = database_content(), media_content(media_root)

    with pytest.raises(BackupError) as refused:
        backup.restore_backup(bad, method="json")

    assert expected in str(refused.value)
    assert "Không có gì bị thay đổi" in str(refused.value)
    assert database_content() == before_db
    assert media_content(media_root) == before_media


def test_restore_that_loads_different_counts_is_rolled_back(tmp_path, media_root, province_data):
    good = tmp_path / "good.tar.gz"
    backup.create_backup(good, native=False)
    lying = rewrite(good, tmp_path / "lying.tar.gz", manifest=lambda m: m["tables"].update(accounts_user=999))
    change_everything(media_root, province_data)
    before_db, before_media = database_content(), media_content(media_root)

    with pytest.raises(BackupError, match="accounts_user"):
        backup.restore_backup(lying, method="json")

    assert database_content() == before_db
    assert media_content(media_root) == before_media


def test_commands_back_up_check_and_restore_in_vietnamese(tmp_path, media_root, province_data, capsys):
    archive = tmp_path / "cmd.tar.gz"
    call_command("backup", str(archive))
    assert "Đã sao lưu" in capsys.readouterr().out

    call_command("restore", str(archive), check=True)
    assert "Bản sao lưu đầy đủ, nguyên vẹn" in capsys.readouterr().out

    User.objects.filter(username="reporter_a").delete()
    call_command("restore", str(archive), interactive=False)
    assert "Đã khôi phục" in capsys.readouterr().out
    assert User.objects.filter(username="reporter_a").exists()


def test_restore_command_asks_first_and_stops_on_no(tmp_path, media_root, province_data, monkeypatch):
    archive = tmp_path / "cmd.tar.gz"
    backup.create_backup(archive, native=False)
    User.objects.filter(username="reporter_a").delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "không")

    with pytest.raises(CommandError, match="Đã hủy khôi phục"):
        call_command("restore", str(archive))

    assert not User.objects.filter(username="reporter_a").exists()


def test_restore_command_reports_a_missing_file_in_vietnamese(tmp_path, db):
    with pytest.raises(CommandError, match="không tồn tại"):
        call_command("restore", str(tmp_path / "khong-co.tar.gz"), interactive=False)


def test_missing_postgresql_programs_are_named_with_the_package_to_install():
    with pytest.raises(BackupError) as missing:
        backup_db.require_pg_tool("pg_dump_binhdang_absent", search=[])
    assert "pg_dump_binhdang_absent" in str(missing.value)
    assert "postgresql-client" in str(missing.value)
    assert "--json-only" in str(missing.value)
