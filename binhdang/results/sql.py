"""Pieces of the results' hand-written SQL: table names, placeholders, the guarded cast of a stored
value, a datetime as the database compares it. Shared by ``catalog_rules`` and ``figures``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.models import DataValue, ExpectedReporter, Period, Submission


def tables() -> dict[str, str]:
    """The quoted table names: expected reporters, periods, units, reports and values."""
    qn = connection.ops.quote_name
    return {
        "er": qn(ExpectedReporter._meta.db_table),
        "period": qn(Period._meta.db_table),
        "unit": qn(OrgUnit._meta.db_table),
        "sub": qn(Submission._meta.db_table),
        "dv": qn(DataValue._meta.db_table),
    }


def marks(items: Iterable) -> str:
    """One placeholder per item, comma-separated (for ``IN (...)``)."""
    return ", ".join(["%s"] * len(list(items)))


def run(sql: str, params: list) -> list[tuple]:
    """The rows of ``sql`` run with ``params``."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def number_sql(column: str, *, whole: bool = False) -> str:
    """SQL for the number stored as text in ``column``; NULL for text that is not a plain number within
    the reach of figures (at most 15 digits before the point; ``whole``: an integer). Values are checked
    when entered, but an old or damaged one (400 nines, a word) must not make the cast fail on
    PostgreSQL, overflow a 64-bit sum on SQLite, or become an infinite float."""
    if connection.vendor == "postgresql":
        pattern = "^-?[0-9]{1,15}$" if whole else "^-?[0-9]{1,15}([.][0-9]{1,15})?$"
        return f"(CASE WHEN {column} ~ '{pattern}' THEN CAST({column} AS {'BIGINT' if whole else 'NUMERIC'}) END)"
    allowed = "*[^0-9-]*" if whole else "*[^0-9.-]*"
    guard = (  # digits (a sign first, a point), at most 15 digits and the sign before the point
        f"{column} GLOB '*[0-9]*' AND {column} NOT GLOB '{allowed}' AND {column} NOT GLOB '?*-*'"
        f" AND INSTR({column} || '.', '.') <= 16"
    )
    if whole:
        # A whole number stored in canonical form (what entry writes) is its own cast back to text:
        # that check is cheaper than the patterns, which then only see the rare other texts.
        canonical = f"CAST(CAST({column} AS INTEGER) AS TEXT) = {column} AND LENGTH({column}) <= 15"
        return f"(CASE WHEN {canonical} THEN CAST({column} AS INTEGER) WHEN {guard} THEN CAST({column} AS INTEGER) END)"
    return f"(CASE WHEN {guard} THEN CAST({column} AS NUMERIC) END)"


def db_datetime(moment: dt.datetime):
    """A datetime as the database compares it with a stored ``DateTimeField`` (UTC text on SQLite)."""
    return connection.ops.adapt_datetimefield_value(moment)
