"""``tests.db_snapshot``: the fingerprint sees inserts, updates, deletes and stored files, not sessions."""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction

from binhdang.core import audit
from binhdang.orgunits.models import OrgUnit
from tests.db_snapshot import app_tables, changes, changes_since, snapshot, write_mark


def test_every_app_table_is_read_but_the_sessions(daklak):
    tables = app_tables()
    assert "orgunits_orgunit" in tables and "accounts_user" in tables
    assert any(t.startswith("reporting_historical") for t in tables)
    assert "accounts_session" not in tables and "django_session" not in tables


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


def test_rows_sharing_their_first_column_have_one_fingerprint_whatever_order_they_come_in(
    daklak, focal_officer
):
    """A history table's first column is the object's key, shared by its history rows: PostgreSQL
    returns them in any order (here: a row stored again goes last), and the fingerprint is the same."""
    unit = daklak.commune_a
    audit.by(unit, focal_officer, "đổi lần một").save()
    audit.by(unit, focal_officer, "đổi lần hai").save()
    table = [OrgUnit.history.model._meta.db_table]
    before = snapshot(tables=table)

    oldest = OrgUnit.history.filter(id=unit.pk).order_by("history_id").first()
    OrgUnit.history.filter(history_id=oldest.history_id).update(
        history_change_reason=oldest.history_change_reason
    )

    assert changes(before, snapshot(tables=table)) == []


def test_the_write_mark_moves_with_every_written_row_even_one_rolled_back(daklak):
    before, mark = snapshot(), write_mark()
    assert mark is not None  # SQLite and PostgreSQL (track_counts on) both give one
    list(OrgUnit.objects.all())
    assert write_mark() == mark and changes_since(before, mark) == []

    with transaction.atomic():
        OrgUnit.objects.filter(pk=daklak.commune_a.pk).update(name="Xã Ea Kar Mới")
        assert write_mark() != mark
        count = OrgUnit.objects.count()
        assert changes_since(before, mark) == [f"orgunits_orgunit ({count} -> {count} rows)"]
        transaction.set_rollback(True)
    # rolled back: the mark still moved, so the tables are read again (and found as they were)
    assert write_mark() != mark and changes_since(before, mark) == []


def test_a_delete_of_every_row_moves_the_write_mark(daklak):
    mark = write_mark()
    with transaction.atomic():
        OrgUnit.history.all().delete()
        transaction.set_rollback(True)
    assert write_mark() != mark


def test_a_stored_file_is_a_change_even_when_no_row_was_written(daklak, tmp_path):
    before, mark = snapshot(tmp_path), write_mark()
    assert changes_since(before, mark, tmp_path) == []
    (tmp_path / "evidence.pdf").write_bytes(b"%PDF")
    assert changes_since(before, mark, tmp_path) == ["<media files> (0 -> 1 rows)"]


def test_a_session_written_since_the_mark_is_not_a_change(daklak):
    before, mark = snapshot(), write_mark()
    SessionStore().create()
    assert (
        changes_since(before, mark) == []
    )  # PostgreSQL's mark leaves the sessions out; SQLite's reads again
