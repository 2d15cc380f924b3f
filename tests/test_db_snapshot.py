"""``tests.db_snapshot``: the fingerprint sees inserts, updates, deletes and stored files, not sessions."""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore

from binhdang.orgunits.models import OrgUnit
from tests.db_snapshot import app_tables, changes, snapshot


def test_every_app_table_is_read_but_the_sessions(daklak):
    tables = app_tables()
    assert "orgunits_orgunit" in tables and "accounts_user" in tables
    assert any(t.startswith("reporting_historical") for t in tables)
    assert "django_session" not in tables


def test_an_update_an_insert_and_a_delete_are_seen(daklak):
    before = snapshot()
    assert changes(before, snapshot()) == []
    count = OrgUnit.objects.count()
    OrgUnit.objects.filter(pk=daklak.commune_a.pk).update(name="Xã Ea Kar Mới")  # same row count
    renamed = snapshot()
    assert changes(before, renamed) == [f"orgunits_orgunit ({count} -> {count} rows)"]
    OrgUnit.objects.filter(pk=daklak.commune_b.pk).delete()  # with its history row
    assert f"orgunits_orgunit ({count} -> {count - 1} rows)" in changes(renamed, snapshot())


def test_a_session_is_not_a_change_but_a_stored_file_is(daklak, tmp_path):
    before = snapshot(tmp_path)
    SessionStore().create()
    assert changes(before, snapshot(tmp_path)) == []
    (tmp_path / "evidence.pdf").write_bytes(b"%PDF")
    assert changes(before, snapshot(tmp_path)) == ["<media files> (0 -> 1 rows)"]
