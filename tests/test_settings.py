"""The settings read the environment and default to a working local setup."""

import pytest

from binhdang import settings


def test_vietnamese_is_the_default_language_with_english_available():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]


def test_time_zone_is_vietnam():
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_passwords_are_hashed_with_argon2id():
    assert settings.PASSWORD_HASHERS[0] == "binhdang.accounts.hashers.Argon2idHasher"


def test_postgresql_binds_parameters_on_the_server_and_prepares_repeated_statements_by_default():
    """PostgreSQL planned every statement at every call (about half of its CPU under load): by default
    the server binds the parameters and a statement run twice on a connection is prepared there."""
    assert settings.postgres_statement_options({}) == {"server_side_binding": True, "prepare_threshold": 2}
    assert (
        settings.postgres_statement_options({"BINHDANG_PG_PREPARE_THRESHOLD": "5"})["prepare_threshold"] == 5
    )


def test_prepared_statements_can_be_turned_off_for_a_pooler_in_transaction_mode():
    """PgBouncer in transaction mode hands the server connection to another client after each
    transaction: BINHDANG_PG_PREPARED=0 returns to Django's default (nothing prepared, parameters
    bound by psycopg)."""
    for off in ("0", "false", "no", "off", " OFF "):
        assert settings.postgres_statement_options({"BINHDANG_PG_PREPARED": off}) == {}
    assert settings.postgres_statement_options({"BINHDANG_PG_PREPARED": "1"})["server_side_binding"] is True


def test_sqlite_gets_no_postgresql_statement_options():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the suite runs on PostgreSQL: see the next test")
    assert "server_side_binding" not in settings.DATABASES["default"]["OPTIONS"]


@pytest.mark.django_db
def test_on_postgresql_a_statement_run_twice_is_prepared_on_the_server():
    from django.db import connection

    from binhdang.accounts.models import User

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are a PostgreSQL matter")
    assert connection.features.uses_server_side_binding
    for _ in range(3):
        list(User.objects.filter(username="nobody-prepared").values_list("pk"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("nobody" not in text and '"accounts_user"."username" = $1' in text for text in prepared)
