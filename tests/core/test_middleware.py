"""Site-wide middleware (client address behind the proxy, 503 page and recovery) and the Vietnamese
error pages."""

from __future__ import annotations

import copy
import socket
import time
from contextlib import contextmanager

import pytest
from django.db import close_old_connections, connections
from django.db.utils import OperationalError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from binhdang.accounts.models import LoginFailure
from binhdang.core.middleware import RETRY_AFTER_SECONDS, client_address, is_database_error


def _closed_port() -> int:
    """A local TCP port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _break(settings_dict: dict) -> None:
    """Point connection settings at a database that cannot be reached, for the vendor in use."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        settings_dict["NAME"] = "/nonexistent-binhdang-directory/gone.sqlite3"
    else:
        settings_dict["HOST"] = "127.0.0.1"
        settings_dict["PORT"] = str(_closed_port())
        settings_dict["OPTIONS"] = {**settings_dict.get("OPTIONS", {}), "connect_timeout": 3}


@contextmanager
def swapped_default_connection():
    """Serve requests through a new connection object for ``default``, then put the original back.

    The new connection starts with the test database's settings; the test breaks and restores its
    ``settings_dict`` to take the database away and bring it back. Works the same on SQLite (the
    shared in-memory test database stays open through the original connection) and PostgreSQL.
    """
    original = connections["default"]
    wrapper = original.__class__(copy.deepcopy(original.settings_dict), alias="default")
    connections._connections.default = wrapper
    try:
        yield wrapper
    finally:
        connections._connections.default = original
        if wrapper.connection is not None:
            wrapper.connection.close()
            wrapper.connection = None


@pytest.mark.django_db(transaction=True)
def test_logged_in_user_gets_a_vietnamese_503_while_the_database_is_down_and_the_page_after(
    client, focal_officer
):
    client.force_login(focal_officer)
    client.raise_request_exception = False
    with swapped_default_connection() as wrapper:
        reachable = copy.deepcopy(wrapper.settings_dict)
        _break(wrapper.settings_dict)

        down = client.get(reverse("core:home"))

        assert down.status_code == 503
        assert down["Retry-After"] == str(RETRY_AFTER_SECONDS)
        page = down.content.decode()
        assert '<html lang="vi">' in page
        assert "Hệ thống tạm thời không phục vụ được" in page
        assert "không kết nối được với cơ sở dữ liệu" in page
        assert "sessionid" not in down.cookies  # the session was neither saved nor deleted

        wrapper.settings_dict.clear()
        wrapper.settings_dict.update(reachable)
        back = client.get(reverse("core:home"))

    assert back.status_code == 200
    assert focal_officer.full_name in back.content.decode()


@pytest.mark.django_db(transaction=True)
def test_health_check_answers_503_json_while_the_database_is_down(client):
    with swapped_default_connection() as wrapper:
        reachable = copy.deepcopy(wrapper.settings_dict)
        _break(wrapper.settings_dict)
        down = client.get(reverse("core:healthz"))
        wrapper.settings_dict.clear()
        wrapper.settings_dict.update(reachable)
        up = client.get(reverse("core:healthz"))

    assert down.status_code == 503
    assert down.json()["status"] == "unavailable"
    assert "cơ sở dữ liệu" in down.json()["detail"]
    assert down["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert up.status_code == 200
    assert up.json() == {"status": "ok"}


def test_other_errors_are_not_mistaken_for_an_unreachable_database():
    assert not is_database_error(ValueError("bad input"))
    try:
        try:
            raise OperationalError("connection refused")
        except OperationalError as exc:
            raise RuntimeError("while rendering") from exc
    except RuntimeError as wrapped:
        assert is_database_error(wrapped)


def test_unknown_address_shows_the_vietnamese_404_page(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page
    assert "Về trang chủ" in page


def test_reporter_opening_user_management_gets_the_vietnamese_403_page(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    response = client.get(reverse("accounts:user_list"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_server_error_page_is_vietnamese_and_needs_no_request_context(db):
    request = RequestFactory().get("/")
    with translation.override("vi"):
        response = server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Lỗi hệ thống" in page
    assert "không có gì được lưu dở dang" in page


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.5", "203.0.113.5"),  # nginx on the same host names the client
        ("127.0.0.1", "198.51.100.7, 203.0.113.5", "203.0.113.5"),  # a forged entry on the left is ignored
        ("127.0.0.1", "203.0.113.5, 127.0.0.1", "203.0.113.5"),  # trusted hops are skipped
        ("198.51.100.7", "203.0.113.5", "198.51.100.7"),  # not from a trusted proxy: header ignored
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_client_address_comes_from_the_trusted_proxy_only(remote, forwarded, expected):
    assert client_address(remote, forwarded, {"127.0.0.1", "::1"}) == expected


def test_failed_login_behind_the_proxy_is_counted_for_the_real_client(client, settings, commune_a_reporter):
    settings.TRUSTED_PROXY_IPS = ["127.0.0.1"]
    client.post(
        reverse("accounts:login"),
        {"username": "reporter_a", "password": "sai-mat-khau"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert list(LoginFailure.objects.values_list("ip_address", flat=True)) == ["203.0.113.5"]


@pytest.mark.django_db(transaction=True)
def test_pages_come_back_by_themselves_after_the_database_restarted(client, focal_officer):
    """PostgreSQL restarted: the server's kept connection is dead. The next request is served on a new
    connection (health check at the request's start), without anybody restarting the app."""
    original = connections["default"]
    if original.vendor != "postgresql":
        pytest.skip("a kept connection that the server drops is a PostgreSQL matter (SQLite: see above)")
    client.force_login(focal_officer)
    with swapped_default_connection() as wrapper:
        # What the server does at each request's start and end (the test client skips it).
        close_old_connections()
        assert client.get(reverse("core:home")).status_code == 200
        close_old_connections()
        killed = wrapper.connection.info.backend_pid
        with original.cursor() as cursor:  # what a restart does to every open connection
            cursor.execute("SELECT pg_terminate_backend(%s)", [killed])
            # The signal is sent at once, the backend ends a moment later: a restart is over before the
            # next request (a health check answered by the dying backend made this test flaky).
            for _ in range(500):
                cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [killed])
                if cursor.fetchone() is None:
                    break
                time.sleep(0.01)

        close_old_connections()
        back = client.get(reverse("core:home"))
        close_old_connections()

        assert back.status_code == 200
        assert focal_officer.full_name in back.content.decode()
        assert wrapper.connection.info.backend_pid != killed


@pytest.mark.urls("tests.core.trivial_urls")
def test_the_middleware_reads_the_session_with_its_user_in_one_query_and_nothing_else(
    client, commune_a_reporter, django_assert_max_num_queries
):
    """The floor every page pays before its view: the session with its user and the user's roles, one
    query (no two-factor device read for a user who has none, no session write)."""
    client.force_login(commune_a_reporter)
    client.get("/trivial/")
    with django_assert_max_num_queries(1):
        response = client.get("/trivial/")
    assert response.content.decode() == f"ok {commune_a_reporter.pk}"
