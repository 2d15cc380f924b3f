"""Reading plans for the results engine: the fields it uses, and every indicator of a set of plans with
its catalog entry, targets and roadmap milestones loaded (four queries for any number of plans), and
the plans' annual periods of some years (one query).

The rows are read with ``core.sqlrows`` (plain statements, the ORM's converters): the national
roll-up reads about a thousand of them per call, and one province-year's seven queries cost more in
the ORM's machinery than in the database.
"""

from __future__ import annotations

from collections.abc import Iterable

from binhdang.core import sqlrows
from binhdang.plans.models import CatalogIndicator, Indicator, Milestone, Target
from binhdang.reporting.models import Period
from binhdang.reporting.models.periods import PeriodKind

#: The period fields the engine uses.
PERIOD_FIELDS = ("id", "plan", "province", "year", "form_code", "deadline", "focal_unit", "status")
#: The indicator fields the engine and the results pages use.
INDICATOR_FIELDS = (
    "id",
    "plan",
    "goal",
    "code",
    "text",
    "catalog",
    "unit",
    "direction",
    "baseline_year",
    "baseline_value",
    "order",
)


class _TargetRow:
    """A target read as plain values, with the model's own ``bounds()``, ``is_due_every_year()`` and
    ``direction`` (what ``Indicator.target_for`` and ``final_target`` use)."""

    FIELDS = (
        "id", "indicator_id", "kind", "value", "min", "max", "unit", "year", "from_year", "annual",
        "baseline_year", "approx", "strict", "order",
    )  # fmt: skip
    __slots__ = FIELDS
    bounds = Target.bounds
    is_due_every_year = Target.is_due_every_year
    direction = Target.direction

    def __init__(self, *values):
        (
            self.id, self.indicator_id, self.kind, self.value, self.min, self.max, self.unit, self.year,
            self.from_year, self.annual, self.baseline_year, self.approx, self.strict, self.order,
        ) = values  # fmt: skip


class _MilestoneRow:
    """A roadmap milestone read as plain values (a plan's roadmap has a row per indicator and year; the
    national roll-up reads hundreds): what ``Indicator.target_for`` uses, ``year`` and the model's own
    ``bounds()``."""

    FIELDS = ("indicator_id", "year", "value", "min", "max")
    __slots__ = ("max", "min", "value", "year")
    bounds = Milestone.bounds

    def __init__(self, year: int | None, value, low, high):
        self.year, self.value, self.min, self.max = year, value, low, high


def _in_plans(
    connection, columns: sqlrows.Columns, plans: list[int], order: str, through: bool
) -> list[tuple]:
    """Rows of ``columns`` (a table with ``indicator_id``, or the indicators themselves) of the
    indicators of ``plans``; ``through``: joined through their indicator's plan, so a few plan ids
    are in the statement, not every indicator's (the national roll-up reads about 170 indicators)."""
    quote = connection.ops.quote_name
    indicators = quote(Indicator._meta.db_table)
    join = (
        f" JOIN {indicators} i ON i.{quote('id')} = {columns.alias}.{quote('indicator_id')}"
        if through
        else ""
    )
    owner = "i" if through else columns.alias
    sql = (
        f"SELECT {columns.sql(connection)} FROM {columns.table(connection)}{join}"
        f" WHERE {owner}.{quote('plan_id')} IN ({sqlrows.marks(plans)}) ORDER BY {order}"
    )
    return sqlrows.select(connection, sql, plans, [columns])


def indicators_by_plan(plan_ids: Iterable[int]) -> dict[int, list[Indicator]]:
    """{plan id: its indicators in plan order}, each with its catalog entry, targets and milestones
    loaded: four queries for any number of plans.

    ``Indicator.target_for`` reads ``_targets()`` and ``_milestones()`` several times per call, and each
    builds a related manager; here each indicator gets its loaded lists pinned instead (a copy per
    call, as the model's own methods return), which keeps the national roll-up's Python time small.
    The indicators hold ``INDICATOR_FIELDS`` (the others are read when first used); the targets and
    milestones are plain rows (``_TargetRow``, ``_MilestoneRow``).
    """
    found: dict[int, list[Indicator]] = {pk: [] for pk in plan_ids}
    plans = list(found)
    if not plans:
        return found
    connection = sqlrows.connection_for(Indicator)
    db = connection.alias
    quote = connection.ops.quote_name
    fields = sqlrows.Columns(Indicator, "x", INDICATOR_FIELDS)
    order = ", ".join(f"x.{quote(c)}" for c in ("plan_id", "order", "id"))
    indicators = [
        sqlrows.instance(Indicator, fields.attnames, values, db)
        for values in _in_plans(connection, fields, plans, order, through=False)
    ]
    catalog_fields = sqlrows.Columns(
        CatalogIndicator, "c", [f.attname for f in CatalogIndicator._meta.concrete_fields]
    )
    catalog = {
        values[0]: sqlrows.instance(CatalogIndicator, catalog_fields.attnames, values, db)
        for values in sqlrows.select(
            connection,
            f"SELECT {catalog_fields.sql(connection)} FROM {catalog_fields.table(connection)}"
            f" ORDER BY c.{quote('id')}",
            [],
            [catalog_fields],
        )
    }
    targets: dict[int, list[_TargetRow]] = {i.pk: [] for i in indicators}
    columns = sqlrows.Columns(Target, "x", _TargetRow.FIELDS)
    order = ", ".join(f"x.{quote(c)}" for c in ("indicator_id", "order", "id"))
    for values in _in_plans(connection, columns, plans, order, through=True):
        targets[values[1]].append(_TargetRow(*values))
    milestones: dict[int, list[_MilestoneRow]] = {i.pk: [] for i in indicators}
    columns = sqlrows.Columns(Milestone, "x", _MilestoneRow.FIELDS)
    order = ", ".join(f"x.{quote(c)}" for c in ("indicator_id", "year"))
    for indicator_id, year, value, low, high in _in_plans(connection, columns, plans, order, through=True):
        milestones[indicator_id].append(_MilestoneRow(year, value, low, high))
    for indicator in indicators:
        if indicator.catalog_id is not None:
            sqlrows.cache_related(indicator, "catalog", catalog[indicator.catalog_id])
        indicator._targets = targets[indicator.pk].copy  # type: ignore[method-assign,assignment]
        indicator._milestones = milestones[indicator.pk].copy  # type: ignore[method-assign,assignment]
        found[indicator.plan_id].append(indicator)
    return found


def annual_periods(plan_ids: Iterable[int], years: Iterable[int]) -> list[Period]:
    """The annual periods of ``plan_ids`` in ``years`` (one query), holding ``PERIOD_FIELDS``."""
    plans, years = sorted(set(plan_ids)), sorted(set(years))
    if not plans or not years:
        return []
    connection = sqlrows.connection_for(Period)
    quote = connection.ops.quote_name
    columns = sqlrows.Columns(Period, "p", PERIOD_FIELDS)
    sql = (
        f"SELECT {columns.sql(connection)} FROM {columns.table(connection)}"
        f" WHERE p.{quote('plan_id')} IN ({sqlrows.marks(plans)}) AND p.{quote('year')} IN ({sqlrows.marks(years)})"
        f" AND p.{quote('kind')} = %s ORDER BY p.{quote('id')}"
    )
    rows = sqlrows.select(connection, sql, [*plans, *years, PeriodKind.ANNUAL.value], [columns])
    return [sqlrows.instance(Period, columns.attnames, values, connection.alias) for values in rows]
