"""The catalog rules of programme 1790 (domain §6) and direct entry (domain §7), as aggregate SQL.

Which reports count: a report counts once it is **submitted or accepted**
(``reporting.models.submissions.COMPLETE_STATES``); drafts and reports returned for correction do not,
neither for completeness nor for any figure. Expected units are the period's ``ExpectedReporter`` rows;
a period without any falls back to the active departments, mass organisations, media agencies and
communes of its province.

Every function takes many periods and answers with one grouped query, so one province-year, the
years of a plan and the national roll-up of a year all cost the same few queries. Values are stored
as text: they are cast in SQL inside a ``CASE`` on the data element (never before the element is
known, so PostgreSQL never casts a "true" as a number).

Rules (``TT1790`` periods; the counts of ``1790.1``, ``1790.2``, ``1790.4`` and ``1790.5``, with
completeness and timeliness, are made by :mod:`binhdang.results.figures`):

- ``1790.1``: units with ``TT_SESSIONS`` >= N / expected units (all types fill it; a unit that did
  not report counts as not meeting);
- ``1790.2``: units with ``TT_AM_PLAN`` = true / expected units;
- ``1790.3``: ``TT_AWARENESS`` of the year minus that of the baseline year (any programme-1790
  period of the province, reported by whoever fills it: the focal agency);
- ``1790.4``: expected ``media`` units with ``TT_GSIM_STATUS`` = ``OFFICIAL`` / expected ``media``
  units (the element of another type of unit is ignored);
- ``1790.5``: sum ``TT_CONVENTIONS_OK`` / sum ``TT_CONVENTIONS`` over the expected communes that
  reported (values of other types of units are ignored).

Rules (strategy periods, ``reporting.strategy_units``): ``NQ28.6.2``, ``NQ28.6.3``, ``NQ28.6.4``: the
expected units of the rule's kinds meeting it (yes; at least 16 news items a year) / the expected
units of those kinds (:func:`unit_shares`), once at least one counted report answers.

A zero denominator gives no value (None), never 0 % or an error.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

from binhdang.orgunits.models import REPORTING_TYPES
from binhdang.reporting import quarters, strategy_units
from binhdang.reporting.forms_catalog import DENOMINATOR, NUMERATOR, VALUE
from binhdang.reporting.models import DataValue, ExpectedReporter, Period, Submission
from binhdang.reporting.models.submissions import COMPLETE_STATES
from binhdang.results.sql import marks, number_sql, run, tables

TT1790 = "TT1790"
SESSIONS, AM_PLAN, GSIM, CONVENTIONS, CONVENTIONS_OK, AWARENESS = (
    "TT_SESSIONS",
    "TT_AM_PLAN",
    "TT_GSIM_STATUS",
    "TT_CONVENTIONS",
    "TT_CONVENTIONS_OK",
    "TT_AWARENESS",
)
PARTICIPANTS, TRAINEES = "TT_PARTICIPANTS", "TT_TRAINEES"
#: The sessions a unit must hold when the plan does not say (domain §6: "usually 2").
DEFAULT_SESSIONS = 2
HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


def percent(part, whole) -> Decimal | None:
    """100 x part / whole, to two decimals; None for a zero (or missing) whole."""
    if part is None or not whole:
        return None
    return (HUNDRED * Decimal(part) / Decimal(whole)).quantize(_CENT, rounding=ROUND_HALF_UP)


def to_decimal(number) -> Decimal | None:
    """A number from the database (int, float from SQLite, Decimal from PostgreSQL) as a Decimal."""
    if number is None:
        return None
    if isinstance(number, float):
        return Decimal(repr(round(number, 6)))
    return Decimal(number)


def _expected_cte(spec_ids: list[int], t: dict[str, str]) -> tuple[str, list]:
    """``expected(period_id, unit_id)``: ExpectedReporter rows, or the fallback for periods without."""
    periods = marks(spec_ids)
    sql = f"""
        expected AS (
            SELECT er.period_id AS period_id, er.unit_id AS unit_id
            FROM {t["er"]} er WHERE er.period_id IN ({periods})
            UNION ALL
            SELECT p.id AS period_id, u.id AS unit_id
            FROM {t["period"]} p JOIN {t["unit"]} u ON u.province_id = p.province_id
            WHERE p.id IN ({periods}) AND u.is_active = %s AND u.type IN ({marks(REPORTING_TYPES)})
              AND NOT EXISTS (SELECT 1 FROM {t["er"]} e2 WHERE e2.period_id = p.id)
        )"""
    return sql, [*spec_ids, *spec_ids, True, *[str(kind) for kind in REPORTING_TYPES]]


def awareness(province_ids: Iterable[int], years: Iterable[int]) -> dict[tuple[int, int], Decimal]:
    """``TT_AWARENESS`` per (province id, year), from counted reports of programme-1790 periods
    (the mean if several units entered it)."""
    province_ids, years = sorted(set(province_ids)), sorted(set(years))
    if not province_ids or not years:
        return {}
    t = tables()
    complete = list(COMPLETE_STATES)
    sql = f"""
        SELECT p.province_id, p.year, AVG({number_sql("dv.value")})
        FROM {t["period"]} p
        JOIN {t["sub"]} s ON s.period_id = p.id
        JOIN {t["dv"]} dv ON dv.submission_id = s.id
        WHERE p.form_code = %s AND p.province_id IN ({marks(province_ids)}) AND p.year IN ({marks(years)})
          AND s.state IN ({marks(complete)}) AND dv.data_element = '{AWARENESS}' AND dv.category_option_combo = ''
        GROUP BY p.province_id, p.year
    """
    # The element is written in the statement (a constant, not a parameter) so that both databases use
    # the partial index on it (``reporting_dv_awareness``): 170 values instead of every report's.
    found: dict[tuple[int, int], Decimal] = {}
    for province, year, value in run(sql, [TT1790, *province_ids, *years, *complete]):
        rate = to_decimal(value)
        if rate is not None:
            found[(province, year)] = rate.quantize(_CENT, rounding=ROUND_HALF_UP)
    return found


@dataclass
class DirectFigure:
    """What the responsible agencies entered for one strategy indicator in one period (domain §7)."""

    value_sum: Decimal | None = None
    value_count: int = 0
    numerator: Decimal | None = None
    denominator: Decimal | None = None


def direct_figures(period_ids: Iterable[int]) -> dict[int, dict[str, DirectFigure]]:
    """Direct-entry values per period and data element code, from counted reports: one query.

    Several agencies entering the same indicator: their values are averaged, their numerators and
    denominators summed.
    """
    period_ids = sorted(set(period_ids))
    if not period_ids:
        return {}
    t = tables()
    complete = list(COMPLETE_STATES)
    options = [VALUE, NUMERATOR, DENOMINATOR]
    sql = f"""
        SELECT s.period_id, dv.data_element, dv.category_option_combo, SUM({number_sql("dv.value")}),
            COUNT({number_sql("dv.value")})
        FROM {t["sub"]} s JOIN {t["dv"]} dv ON dv.submission_id = s.id
        WHERE s.period_id IN ({marks(period_ids)}) AND s.state IN ({marks(complete)})
          AND dv.category_option_combo IN ({marks(options)})
        GROUP BY s.period_id, dv.data_element, dv.category_option_combo
    """
    result: dict[int, dict[str, DirectFigure]] = defaultdict(dict)
    for period_id, code, coc, total, count in run(sql, [*period_ids, *complete, *options]):
        figure = result[period_id].setdefault(code, DirectFigure())
        if coc == VALUE:
            figure.value_sum, figure.value_count = to_decimal(total), count
        elif coc == NUMERATOR:
            figure.numerator = to_decimal(total)
        else:
            figure.denominator = to_decimal(total)
    return dict(result)


@dataclass
class UnitRow:
    """One expected unit of a period with its report state and its (counted) 1790 values."""

    unit_id: int
    code: str
    name: str
    type: str
    submission_id: int | None
    state: str | None
    first_submitted_at: dt.datetime | None
    values: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def counts(self) -> bool:
        return self.state in COMPLETE_STATES

    def number(self, code: str, coc: str = "") -> Decimal | None:
        text = self.values.get((code, coc))
        try:
            return Decimal(text) if text not in (None, "") else None
        except ArithmeticError:
            return None

    def text(self, code: str, coc: str = "") -> str | None:
        return self.values.get((code, coc))


#: The values fetched per unit: the elements of the rules and the by-sex figures.
UNIT_ELEMENTS = (SESSIONS, AM_PLAN, GSIM, CONVENTIONS, CONVENTIONS_OK, PARTICIPANTS, TRAINEES)


def unit_rows(period: Period) -> list[UnitRow]:
    """Every expected unit of ``period`` (by type, then name) with its report state and the values of
    :data:`UNIT_ELEMENTS` of its counted report: two queries."""
    t = tables()
    expected_sql, expected_params = _expected_cte([period.pk], t)
    sql = f"""
        WITH {expected_sql}
        SELECT u.id, u.code, u.name, u.type, s.id, s.state, s.first_submitted_at
        FROM expected e JOIN {t["unit"]} u ON u.id = e.unit_id
        LEFT JOIN {t["sub"]} s ON s.period_id = e.period_id AND s.unit_id = e.unit_id
        ORDER BY u.type, u.name
    """
    rows = [UnitRow(*row) for row in run(sql, expected_params)]
    counted = {row.submission_id: row for row in rows if row.submission_id and row.state in COMPLETE_STATES}
    if counted:
        values = DataValue.objects.filter(
            submission_id__in=list(counted), data_element__in=UNIT_ELEMENTS
        ).values_list("submission_id", "data_element", "category_option_combo", "value")
        for submission_id, code, coc, text in values:
            counted[submission_id].values[(code, coc)] = text
    if connection.vendor == "sqlite":
        from django.utils.dateparse import parse_datetime

        for row in rows:
            if isinstance(row.first_submitted_at, str):
                row.first_submitted_at = parse_datetime(row.first_submitted_at).replace(tzinfo=dt.UTC)
    return rows


def completeness_matrix(period_ids: list[int]) -> dict[int, dict[int, tuple[str, dt.datetime | None]]]:
    """{unit id: {period id: (state, first submitted at)}} for the given periods: one query."""
    if not period_ids:
        return {}
    result: dict[int, dict[int, tuple[str, dt.datetime | None]]] = defaultdict(dict)
    for unit_id, period_id, state, first in Submission.objects.filter(period_id__in=period_ids).values_list(
        "unit_id", "period_id", "state", "first_submitted_at"
    ):
        result[unit_id][period_id] = (state, first)
    return dict(result)


@dataclass
class UnitShare:
    """A strategy indicator computed from the units' figures (``reporting.strategy_units``) in a period:
    expected units of the rule's kinds, those of them meeting it, and the counted reports answering."""

    expected: int = 0
    meeting: int = 0
    answered: int = 0

    @property
    def value(self) -> Decimal | None:
        return percent(self.meeting, self.expected)


def unit_shares(period_ids: Iterable[int]) -> dict[tuple[int, str], UnitShare]:
    """``{(period id, catalog code): UnitShare}`` of the strategy rules, from counted reports: two
    queries whatever the number of periods, two more for a counted rule whose year is reported by
    quarter (6.3: a unit meets it when each quarter asked reached its minimum, ``reporting.quarters``)."""
    period_ids = sorted(set(period_ids))
    if not period_ids:
        return {}
    shares: dict[tuple[int, str], UnitShare] = {}
    expected = (
        ExpectedReporter.objects.filter(period_id__in=period_ids)
        .values_list("period_id", "unit_id", "unit__type")
        .order_by()
    )
    counts: dict[tuple[int, str], int] = defaultdict(int)
    units: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for period_id, unit_id, unit_type in expected:
        counts[(period_id, unit_type)] += 1
        units[period_id].append((unit_id, unit_type))
    for period_id in period_ids:
        for rule in strategy_units.RULES:
            total = sum(counts[(period_id, kind)] for kind in rule.kinds)
            shares[(period_id, rule.catalog)] = UnitShare(expected=total)
    by_quarter = {
        rule.element: quarters.quarterly_minimums(period_ids, rule.element)
        for rule in strategy_units.RULES
        if rule.threshold is not None
    }
    values = DataValue.objects.filter(
        submission__period_id__in=period_ids,
        submission__state__in=list(COMPLETE_STATES),
        data_element__in=list(strategy_units.BY_ELEMENT),
        submission__unit__in=ExpectedReporter.objects.filter(period_id__in=period_ids).values("unit_id"),
    ).values_list("submission__period_id", "submission__unit__type", "data_element", "value")
    for period_id, unit_type, element, text in values:
        rule = strategy_units.BY_ELEMENT[element]
        if unit_type not in rule.kinds or text in (None, "") or period_id in by_quarter.get(element, {}):
            continue
        share = shares[(period_id, rule.catalog)]
        share.answered += 1
        if rule.threshold is None:
            share.meeting += text == "true"
        else:
            try:
                share.meeting += Decimal(text) >= rule.threshold
            except ArithmeticError:
                continue
    for element, found in by_quarter.items():
        rule = strategy_units.BY_ELEMENT[element]
        for period_id, quarterly in found.items():
            share = shares[(period_id, rule.catalog)]
            for unit_id, unit_type in units[period_id]:
                if unit_type in rule.kinds:
                    share.answered += unit_id in quarterly.reporting
                    share.meeting += quarterly.met(unit_id)
    return shares
