"""binhdang's PostgreSQL backend (core.postgresql): a kept connection's health check asks the socket,
and sends PostgreSQL a statement only when the server has said something (e.g. that it ended it)."""

from __future__ import annotations

import time

import pytest
from django.db import connection, connections

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own backend"),
    pytest.mark.django_db(transaction=True),
]


def _pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _last_statement_of(pid: int) -> str:
    """What the server last ran for the backend ``pid``, as another connection sees it."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
            return cursor.fetchone()[0]
    finally:
        other.close()


def _check_again() -> None:
    """As at the start of the next request: the connection is checked before its first statement."""
    connection.health_check_done = False
    connection.close_if_health_check_failed()


def test_the_settings_use_binhdangs_backend_with_health_checks():
    assert connection.settings_dict["ENGINE"] == "binhdang.core.postgresql"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_a_quiet_kept_connection_passes_its_health_check_without_a_statement():
    pid = _pid()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'the last statement'")
    kept = connection.connection

    _check_again()

    assert connection.connection is kept and connection.health_check_done
    assert _last_statement_of(pid) == "SELECT 'the last statement'"
    # Django's own check would have sent a statement (what this test would see):
    assert connection.is_usable() and _last_statement_of(pid) == "SELECT 1"


def test_a_connection_the_server_ended_is_closed_by_the_check_and_the_next_statement_reconnects():
    pid = _pid()
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()
    deadline = time.monotonic() + 10
    while connection.is_quiet() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not connection.is_quiet()

    _check_again()

    assert connection.connection is None
    assert _pid() != pid
