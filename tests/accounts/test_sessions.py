"""The session engine (binhdang.accounts.sessions): a session is read with one plain statement that
reads what Django's database sessions read and, with it, the session's user and the user's roles;
an expired or unknown key reads nothing."""

from __future__ import annotations

import importlib
from datetime import timedelta

from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session as DjangoSession
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from binhdang.accounts import access
from binhdang.accounts.models import Session, User
from binhdang.accounts.sessions import SessionStore


def _session_key(client, user) -> str:
    client.force_login(user)
    return client.session.session_key


def _fields(user) -> dict:
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


def test_a_session_reads_its_data_its_user_and_the_users_roles_in_one_query(
    client, commune_a_reporter, django_assert_num_queries
):
    key = _session_key(client, commune_a_reporter)
    store = SessionStore(key)
    with django_assert_num_queries(1):
        data = store.load()
    assert data == Session.objects.get(pk=key).get_decoded()
    assert data["_auth_user_id"] == str(commune_a_reporter.pk)
    read = store.user_read_with(commune_a_reporter.pk)
    assert _fields(read.user) == _fields(User.objects.get(pk=commune_a_reporter.pk))
    assert read.grants == access._read_grants(commune_a_reporter.pk) and read.grants


def test_the_session_table_keeps_the_id_of_the_logged_in_user_and_none_for_a_visitor(
    client, commune_a_reporter
):
    key = _session_key(client, commune_a_reporter)
    assert Session.objects.get(pk=key).user_id == commune_a_reporter.pk
    visitor = SessionStore()
    visitor["seen"] = True
    visitor.save()
    assert Session.objects.get(pk=visitor.session_key).user_id is None
    assert SessionStore(visitor.session_key).load() == {"seen": True}


def test_a_page_reads_the_session_with_its_user_and_roles_in_one_statement(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reporting:notifications"))
    assert response.status_code == 200 and response.context["user"] == commune_a_reporter
    statements = [query["sql"] for query in queries.captured_queries]
    assert 'FROM "accounts_session" s LEFT OUTER JOIN "accounts_user" u' in statements[0]
    assert not any('FROM "accounts_user"' in sql for sql in statements[1:])
    assert not any('FROM "accounts_roleassignment"' in sql for sql in statements[1:])


def test_a_row_naming_another_user_than_the_sessions_data_lends_nothing(
    client, commune_a_reporter, focal_officer
):
    key = _session_key(client, commune_a_reporter)
    Session.objects.filter(pk=key).update(user_id=focal_officer.pk)
    store = SessionStore(key)
    store.load()
    assert store.user_read_with(commune_a_reporter.pk) is None
    response = client.get(reverse("reporting:notifications"))
    assert response.status_code == 200 and response.context["user"] == commune_a_reporter


def test_the_session_of_a_deleted_user_reads_no_user_and_must_log_in_again(client, commune_a_reporter):
    key = _session_key(client, commune_a_reporter)
    Session.objects.filter(pk=key).update(user_id=10**9)  # as if the account were gone
    store = SessionStore(key)
    assert store.load()["_auth_user_id"] == str(commune_a_reporter.pk)
    assert store.user_read_with(10**9) is None
    commune_a_reporter.delete()
    response = client.get(reverse("core:home"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_expired_session_reads_nothing_and_its_user_must_log_in_again(client, commune_a_reporter):
    key = _session_key(client, commune_a_reporter)
    assert client.get(reverse("core:home")).status_code == 200
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None  # a new key is drawn if it is ever saved
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_or_missing_key_reads_nothing(db):
    assert SessionStore("x" * 32).load() == {}
    assert SessionStore(None).load() == {}


def test_the_upgrade_moves_the_open_sessions_with_their_users_and_nobody_is_logged_out(
    client, commune_a_reporter
):
    migration = importlib.import_module("binhdang.accounts.migrations.0004_sessions_with_their_user")
    django_store = DjangoStore()
    django_store.update({"_auth_user_id": str(commune_a_reporter.pk), "note": "x"})
    django_store.create()
    expired = DjangoStore()
    expired["note"] = "old"
    expired.create()
    DjangoSession.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    migration.move_open_sessions(apps, None)
    moved = Session.objects.get(pk=django_store.session_key)
    assert moved.user_id == commune_a_reporter.pk and moved.get_decoded()["note"] == "x"
    assert not Session.objects.filter(pk=expired.session_key).exists()
    assert not DjangoSession.objects.exists()
    migration.move_back(apps, None)
    assert DjangoStore(django_store.session_key).load()["note"] == "x"


def test_the_nightly_clearsessions_removes_the_expired_sessions_only(client, commune_a_reporter):
    from django.core.management import call_command

    key = _session_key(client, commune_a_reporter)
    old = SessionStore()
    old["note"] = "old"
    old.create()
    Session.objects.filter(pk=old.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    call_command("clearsessions")
    assert list(Session.objects.values_list("pk", flat=True)) == [key]
