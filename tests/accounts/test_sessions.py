"""The session engine (binhdang.accounts.sessions): a session read with one plain statement reads what
Django's database sessions read, and an expired or unknown key reads nothing."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from binhdang.accounts.sessions import SessionStore


def _session_key(client, user) -> str:
    client.force_login(user)
    return client.session.session_key


def test_a_session_reads_the_data_djangos_engine_reads_in_one_query(
    client, commune_a_reporter, django_assert_num_queries
):
    key = _session_key(client, commune_a_reporter)
    with django_assert_num_queries(1):
        data = SessionStore(key).load()
    assert data == DjangoStore(key).load()
    assert data["_auth_user_id"] == str(commune_a_reporter.pk)


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
