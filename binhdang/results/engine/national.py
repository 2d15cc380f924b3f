"""The national roll-up: every province's plan in force for a programme, side by side, for a year.

Public through ``engine.national_rollup(year, program)``. The same few queries as one plan's results
(``engine.plan.fetch_inputs``), over all provinces at once: one grouped query per rule set, not one per province.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from binhdang.core import sqlrows
from binhdang.core.formatting import machine_number
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.models import Plan, PlanStatus, Program
from binhdang.plans.models.choices import Level
from binhdang.results import catalog_rules as rules
from binhdang.results.engine.bars import ratio_scale
from binhdang.results.engine.plan import (
    CENT,
    IndicatorResult,
    PlanResults,
    fetch_inputs,
    results_for_plan,
)
from binhdang.results.loading import annual_periods, indicators_by_plan

#: The plan fields the results pages use (the others, JSON lists of legal bases and warnings, stay unread).
PLAN_FIELDS = (
    "id",
    "province",
    "org_unit",
    "level",
    "program",
    "title",
    "number",
    "period_start",
    "period_end",
    "status",
    "version",
    "slug",
    "focal_agency",
)


_PROVINCE_FIELDS = ("id", "code", "name", "type")


def plans_in_force(program: str) -> dict[int, Plan]:
    """{province id: the province's newest plan in force for ``program``} (one query), each plan holding
    ``PLAN_FIELDS`` and its province (code, name, type)."""
    connection = sqlrows.connection_for(Plan)
    quote = connection.ops.quote_name
    plan, province = sqlrows.Columns(Plan, "p", PLAN_FIELDS), sqlrows.Columns(OrgUnit, "o", _PROVINCE_FIELDS)
    order = ", ".join(
        f"p.{quote(column)}{direction}"
        for column, direction in (
            ("province_id", ""),
            ("period_end", " DESC"),
            ("version", " DESC"),
            ("id", " DESC"),
        )
    )
    sql = (
        f"SELECT {plan.sql(connection)}, {province.sql(connection)} FROM {plan.table(connection)}"
        f" JOIN {province.table(connection)} ON o.{quote('id')} = p.{quote('province_id')}"
        f" WHERE p.{quote('status')} = %s AND p.{quote('program')} = %s AND p.{quote('level')} = %s"
        f" ORDER BY {order}"
    )
    params = [PlanStatus.ACTIVE.value, str(program), Level.PROVINCE.value]
    plans: dict[int, Plan] = {}
    width, db = len(plan.attnames), connection.alias
    for values in sqlrows.select(connection, sql, params, [plan, province]):
        found = sqlrows.instance(Plan, plan.attnames, values[:width], db)
        if found.province_id in plans:
            continue
        sqlrows.cache_related(
            found, "province", sqlrows.instance(OrgUnit, province.attnames, values[width:], db)
        )
        plans[found.province_id] = found
    return plans


def _provinces() -> list[OrgUnit]:
    """Every province (id, code, name, type) by name (one query)."""
    connection = sqlrows.connection_for(OrgUnit)
    quote = connection.ops.quote_name
    columns = sqlrows.Columns(OrgUnit, "o", _PROVINCE_FIELDS)
    sql = (
        f"SELECT {columns.sql(connection)} FROM {columns.table(connection)}"
        f" WHERE o.{quote('type')} = %s ORDER BY o.{quote('name')}"
    )
    rows = sqlrows.select(connection, sql, [OrgUnitType.PROVINCE.value], [columns])
    return [sqlrows.instance(OrgUnit, columns.attnames, values, connection.alias) for values in rows]


@dataclass
class NationalTotal:
    """A catalog indicator over all provinces: pooled value, and provinces per status."""

    code: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    statuses: Counter
    unit: str = ""


@dataclass
class NationalRollup:
    """Every province's plan in force for a programme in a year, side by side."""

    year: int
    program: str
    #: (province, its plan's results or None when it has no plan in force), by province name.
    rows: list[tuple]
    codes: list[str]
    totals: dict[str, NationalTotal]

    @property
    def expected(self) -> int:
        return sum(r.expected for _p, r in self.rows if r is not None)

    @property
    def submitted(self) -> int:
        return sum(r.submitted for _p, r in self.rows if r is not None)

    @property
    def on_time(self) -> int:
        return sum(r.on_time for _p, r in self.rows if r is not None)

    @property
    def completeness(self) -> Decimal | None:
        return rules.percent(self.submitted, self.expected)

    @property
    def timeliness(self) -> Decimal | None:
        return rules.percent(self.on_time, self.expected)

    def as_json(self) -> dict:
        return {
            "year": self.year,
            "program": self.program,
            "completeness": machine_number(self.completeness),
            "timeliness": machine_number(self.timeliness),
            "provinces": [
                {
                    "province": province.code,
                    "name": province.name,
                    **(result.as_json() if result else {"plan": None}),
                }
                for province, result in self.rows
            ],
        }


def _pooled(cells: list[IndicatorResult]) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, numerator, denominator) over provinces, from the units' data: a value made of a
    numerator and a denominator (a percentage of units, a rate per 100 000 entered as two figures)
    is the sum of the numerators over the sum of the denominators, scaled by the unit (never the mean
    of the provinces' percentages); a value entered alone (1790.3's change of awareness, a statistic)
    is the mean of the provinces' values."""
    numerators, denominators, values = [], [], []
    for cell in cells:
        if cell.value is None:
            continue
        values.append(cell.value)
        if cell.numerator is not None and cell.denominator is not None:
            numerators.append(cell.numerator)
            denominators.append(cell.denominator)
    if numerators:
        numerator, denominator = sum(numerators, Decimal(0)), sum(denominators, Decimal(0))
        if not denominator:
            return None, numerator, denominator
        value = numerator * ratio_scale(cells[0].unit) / denominator
        return value.quantize(CENT, rounding=ROUND_HALF_UP), numerator, denominator
    if values:
        mean = (sum(values, Decimal(0)) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)
        return mean, None, None
    return None, None, None


def _totals(results: list[PlanResults], codes: list[str]) -> dict[str, NationalTotal]:
    totals = {}
    by_catalog = [r.by_catalog() for r in results]
    for code in codes:
        cells = [found[code] for found in by_catalog if code in found]
        value, numerator, denominator = _pooled(cells)
        statuses = Counter(c.status for c in cells)
        unit = cells[0].unit if cells else ""
        totals[code] = NationalTotal(code, value, numerator, denominator, statuses, unit)
    return totals


def rollup(year: int, program: str = Program.COMMUNICATION) -> NationalRollup:
    """Every province's plan in force for ``program`` in ``year``: about eight queries in all."""
    by_pk = {plan.pk: plan for plan in plans_in_force(program).values()}
    indicators = indicators_by_plan(by_pk)
    for plan_indicators in indicators.values():
        for indicator in plan_indicators:
            sqlrows.cache_related(indicator, "plan", by_pk[indicator.plan_id])
    periods = {p.plan_id: p for p in annual_periods(by_pk, [year])}
    inputs = fetch_inputs(list(by_pk.values()), indicators, list(periods.values()))
    results = {
        plan.province_id: results_for_plan(plan, year, periods.get(plan.pk), indicators[plan.pk], inputs)
        for plan in by_pk.values()
    }
    rows = [(province, results.get(province.pk)) for province in _provinces()]
    order: dict[str, tuple[int, str]] = {}
    for result in results.values():
        for item in result.indicators:
            catalog = item.indicator.catalog if item.indicator.catalog_id is not None else None
            if catalog is not None:
                order[catalog.code] = (catalog.sort_order, catalog.code)
    codes = sorted(order, key=lambda code: order[code])
    return NationalRollup(year, program, rows, codes, _totals(list(results.values()), codes))
