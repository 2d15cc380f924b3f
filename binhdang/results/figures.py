"""Completeness, timeliness and the 1790 counts of ``TT1790`` periods: one statement for many periods.

The rules (which units are expected, which reports count, what each count means) are those of
:mod:`binhdang.results.catalog_rules`; this module counts them. One province-year, the years of a plan,
the ministry's board and the national roll-up of a year each ask once, for all their periods.

The statement has two forms, which give the same figures on either database (the tests run both on
each); each database gets the one it runs faster (``make bench``'s year: 34 periods, 4,001 expected
units, 3,648 counted reports with 13,399 counted values):

- **joined** (SQLite): every expected unit joined with its report and, on its own, with each counted
  value: five index lookups a unit. SQLite 12 ms; PostgreSQL 37 ms, the lookups' cost.
- **one pass** (PostgreSQL): the counted values of the periods' reports read in one pass and folded into
  one row per report, then joined with the expected units. PostgreSQL 26 ms; SQLite 22 ms (its
  aggregate functions over the 13,399 values cost more than the lookups).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

from binhdang.orgunits.models import REPORTING_TYPES
from binhdang.reporting.models.submissions import COMPLETE_STATES
from binhdang.results.catalog_rules import (
    AM_PLAN,
    CONVENTIONS,
    CONVENTIONS_OK,
    DEFAULT_SESSIONS,
    GSIM,
    SESSIONS,
    percent,
)
from binhdang.results.sql import db_datetime, marks, number_sql, run, tables


@dataclass(frozen=True)
class PeriodSpec:
    """A ``TT1790`` period to compute: its id, the end of its deadline day, the sessions threshold N."""

    period_id: int
    deadline_end: dt.datetime
    sessions_min: int = DEFAULT_SESSIONS


@dataclass
class PeriodFigures:
    """The counts and sums of one ``TT1790`` period (or, for other forms, completeness only)."""

    period_id: int
    expected: int = 0
    submitted: int = 0
    on_time: int = 0
    sessions_ok: int = 0
    am_plan: int = 0
    media_expected: int = 0
    media_official: int = 0
    communes_reporting_conventions: int = 0
    conventions: int = 0
    conventions_ok: int = 0

    @property
    def completeness(self) -> Decimal | None:
        return percent(self.submitted, self.expected)

    @property
    def timeliness(self) -> Decimal | None:
        return percent(self.on_time, self.expected)


#: The data elements the 1790 counts read, with the alias each is joined under in the joined form.
_COUNTED_ELEMENTS = (
    ("ses", SESSIONS),
    ("amp", AM_PLAN),
    ("gsim", GSIM),
    ("conv", CONVENTIONS),
    ("cok", CONVENTIONS_OK),
)

#: The fallback's units: the active reporting units of the period's province.
_ACTIVE_REPORTING = f"u.is_active = %s AND u.type IN ({marks(REPORTING_TYPES)})"
_ACTIVE_REPORTING_PARAMS = [True, *[str(kind) for kind in REPORTING_TYPES]]


def _count(column: str) -> str:
    return number_sql(column, whole=True)


def joined(t: dict[str, str]) -> tuple[str, list]:
    """The joined form: the counts after the ``spec`` CTE, and their parameters.

    Every join yields at most one row per expected unit (an expected unit is unique per period, a
    report per period and unit, a value per report, element and option combo): the counts are plain
    ``COUNT``/``SUM`` with no ``DISTINCT`` (a sort per count). Two aggregates (rather than one over a
    union of both kinds of expected units, which SQLite first copies into a temporary table and
    indexes), each driven from ``spec``; the second keeps the periods without expected reporters
    before joining their units (asked in its ``WHERE``, PostgreSQL joined every unit of every period
    with its reports and values and dropped them all at the end)."""
    complete = list(COMPLETE_STATES)
    value_joins = "\n".join(
        f"LEFT JOIN {t['dv']} {alias} ON {alias}.submission_id = s.id AND {alias}.data_element = %s"
        f" AND {alias}.category_option_combo = ''"
        for alias, _element in _COUNTED_ELEMENTS
    )

    def counts(expected_units: str, where: str = "") -> str:
        return f"""
        SELECT spec.period_id,
            COUNT(*),
            COUNT(s.id),
            SUM(CASE WHEN s.first_submitted_at < spec.deadline_end THEN 1 ELSE 0 END),
            SUM(CASE WHEN {_count("ses.value")} >= spec.sessions_min THEN 1 ELSE 0 END),
            SUM(CASE WHEN amp.value = 'true' THEN 1 ELSE 0 END),
            SUM(CASE WHEN u.type = 'media' THEN 1 ELSE 0 END),
            SUM(CASE WHEN u.type = 'media' AND gsim.value = 'OFFICIAL' THEN 1 ELSE 0 END),
            SUM(CASE WHEN u.type = 'commune' AND conv.id IS NOT NULL THEN 1 ELSE 0 END),
            SUM(CASE WHEN u.type = 'commune' THEN {_count("conv.value")} END),
            SUM(CASE WHEN u.type = 'commune' THEN {_count("cok.value")} END)
        FROM {expected_units}
        LEFT JOIN {t["sub"]} s
            ON s.period_id = spec.period_id AND s.unit_id = u.id AND s.state IN ({marks(complete)})
        {value_joins}
        {where}
        GROUP BY spec.period_id"""

    without_reporters = (
        "(SELECT period_id, deadline_end, sessions_min FROM spec"
        f" WHERE NOT EXISTS (SELECT 1 FROM {t['er']} e2 WHERE e2.period_id = spec.period_id)) spec"
    )
    listed = (
        f"spec JOIN {t['er']} er ON er.period_id = spec.period_id JOIN {t['unit']} u ON u.id = er.unit_id"
    )
    fallback = f"{without_reporters} CROSS JOIN {t['period']} p CROSS JOIN {t['unit']} u"
    fallback_where = f"WHERE p.id = spec.period_id AND u.province_id = p.province_id AND {_ACTIVE_REPORTING}"
    sql = f"{counts(listed)}\nUNION ALL\n{counts(fallback, fallback_where)}"
    elements = [element for _alias, element in _COUNTED_ELEMENTS]
    return sql, [*complete, *elements, *complete, *elements, *_ACTIVE_REPORTING_PARAMS]


def one_pass(t: dict[str, str]) -> tuple[str, list]:
    """The one-pass form: the counts after the ``spec`` CTE, and their parameters.

    ``reports`` reads the counted values of the periods' counted reports in one pass (a report has at
    most one value per element and option combo) and folds them into one row per report with its
    flags and numbers; the expected units are then joined with those rows (at most one each) and
    counted with plain sums."""
    complete = list(COMPLETE_STATES)

    def value(element: str, expression: str, otherwise: str = "0") -> str:
        return f"MAX(CASE WHEN dv.data_element = '{element}' THEN {expression} ELSE {otherwise} END)"

    sessions_ok = f"CASE WHEN {_count('dv.value')} >= spec.sessions_min THEN 1 ELSE 0 END"
    reports = f""",
        reports AS (
            SELECT s.period_id, s.unit_id,
                MAX(CASE WHEN s.first_submitted_at < spec.deadline_end THEN 1 ELSE 0 END) AS on_time,
                {value(SESSIONS, sessions_ok)} AS sessions_ok,
                {value(AM_PLAN, "CASE WHEN dv.value = 'true' THEN 1 ELSE 0 END")} AS am_plan,
                {value(GSIM, "CASE WHEN dv.value = 'OFFICIAL' THEN 1 ELSE 0 END")} AS official,
                {value(CONVENTIONS, "1")} AS has_conventions,
                {value(CONVENTIONS, _count("dv.value"), "NULL")} AS conventions,
                {value(CONVENTIONS_OK, _count("dv.value"), "NULL")} AS conventions_ok
            FROM spec CROSS JOIN {t["sub"]} s
            LEFT JOIN {t["dv"]} dv ON dv.submission_id = s.id AND dv.category_option_combo = ''
                AND dv.data_element IN ({marks(_COUNTED_ELEMENTS)})
            WHERE s.period_id = spec.period_id AND s.state IN ({marks(complete)})
            GROUP BY s.id
        )"""

    def counts(period: str, expected_units: str, where: str) -> str:
        return f"""
        SELECT {period},
            COUNT(*),
            COUNT(v.unit_id),
            SUM(v.on_time),
            SUM(v.sessions_ok),
            SUM(v.am_plan),
            SUM(CASE WHEN u.type = 'media' THEN 1 ELSE 0 END),
            SUM(CASE WHEN u.type = 'media' THEN v.official END),
            SUM(CASE WHEN u.type = 'commune' THEN v.has_conventions END),
            SUM(CASE WHEN u.type = 'commune' THEN v.conventions END),
            SUM(CASE WHEN u.type = 'commune' THEN v.conventions_ok END)
        FROM {expected_units}
        LEFT JOIN reports v ON v.period_id = {period} AND v.unit_id = u.id
        WHERE {where}
        GROUP BY {period}"""

    listed = counts(
        "er.period_id",
        f"{t['er']} er JOIN {t['unit']} u ON u.id = er.unit_id",
        "er.period_id IN (SELECT period_id FROM spec)",
    )
    fallback = counts(
        "p.id",
        f"{t['period']} p JOIN {t['unit']} u ON u.province_id = p.province_id",
        "p.id IN (SELECT period_id FROM spec WHERE NOT EXISTS"
        f" (SELECT 1 FROM {t['er']} e2 WHERE e2.period_id = spec.period_id)) AND {_ACTIVE_REPORTING}",
    )
    elements = [element for _alias, element in _COUNTED_ELEMENTS]
    return f"{reports}\n{listed}\nUNION ALL\n{fallback}", [*elements, *complete, *_ACTIVE_REPORTING_PARAMS]


Statement = Callable[[dict[str, str]], tuple[str, list]]


def faster_statement() -> Statement:
    """The form this database runs faster (module docstring)."""
    return one_pass if connection.vendor == "postgresql" else joined


def period_figures(specs: list[PeriodSpec], statement: Statement | None = None) -> dict[int, PeriodFigures]:
    """Completeness, timeliness and the 1790 counts of every period in ``specs``: one query.

    ``statement``: the form to run (:func:`joined` or :func:`one_pass`); by default the faster here."""
    if not specs:
        return {}
    values_rows = ", ".join(["(CAST(%s AS INTEGER), %s, CAST(%s AS INTEGER))"] * len(specs))
    spec_params: list = []
    for s in specs:
        spec_params += [s.period_id, db_datetime(s.deadline_end), s.sessions_min]
    counts, params = (statement or faster_statement())(tables())
    sql = f"WITH spec(period_id, deadline_end, sessions_min) AS (VALUES {values_rows}){counts}"
    result = {s.period_id: PeriodFigures(s.period_id) for s in specs}
    for row in run(sql, [*spec_params, *params]):
        (
            pid,
            expected,
            submitted,
            on_time,
            sessions_ok,
            am_plan,
            media,
            official,
            conv_units,
            conv,
            conv_ok,
        ) = row
        result[pid] = PeriodFigures(
            period_id=pid,
            expected=expected or 0,
            submitted=submitted or 0,
            on_time=on_time or 0,
            sessions_ok=int(sessions_ok or 0),
            am_plan=int(am_plan or 0),
            media_expected=media or 0,
            media_official=int(official or 0),
            communes_reporting_conventions=conv_units or 0,
            conventions=int(conv or 0),
            conventions_ok=int(conv_ok or 0),
        )
    return result
