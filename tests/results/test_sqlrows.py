"""core.sqlrows: rows read with a plain statement hold the values the ORM reads, converted the same way."""

from __future__ import annotations

from decimal import Decimal

from binhdang.core import sqlrows
from binhdang.plans.models import Milestone, Target
from binhdang.reporting.models import Period
from tests.results.conftest import make_plan, seed_000_indicators


def _read(model, names, where: str, params: list) -> list[tuple]:
    connection = sqlrows.connection_for(model)
    columns = sqlrows.Columns(model, "x", names)
    sql = f"SELECT {columns.sql(connection)} FROM {columns.table(connection)} WHERE {where} ORDER BY x.id"
    return sqlrows.select(connection, sql, params, [columns])


def test_decimals_flags_and_numbers_come_as_the_orm_reads_them(daklak):
    plan = make_plan(daklak.root)
    indicator = seed_000_indicators(plan)["1"]
    Target.objects.create(
        indicator=indicator, kind="min", value=Decimal("12.5"), year=2028, annual=True, strict=True, order=9
    )
    Target.objects.create(
        indicator=indicator, kind="range", min=Decimal("0"), max=Decimal("104.25"), order=10
    )
    names = ("id", "indicator_id", "kind", "value", "min", "max", "year", "annual", "strict", "approx")
    found = _read(
        Target, names, "x.indicator_id IN (SELECT id FROM plans_indicator WHERE plan_id = %s)", [plan.pk]
    )
    orm = list(Target.objects.filter(indicator__plan=plan).order_by("id").values_list(*names))
    assert found == orm
    for read, stored in zip(found, orm, strict=True):
        # Same types and the same Decimal digits (12.5000, not 12.5), not only equal numbers.
        assert [type(v) for v in read] == [type(v) for v in stored]
        assert [str(v) for v in read] == [str(v) for v in stored]
    assert any(row[7] is True for row in found) and any(row[7] is False for row in found)


def test_a_milestone_stored_as_a_fraction_or_zero_keeps_its_own_digits(daklak):
    plan = make_plan(daklak.root)
    indicator = seed_000_indicators(plan)["4"]
    Milestone.objects.filter(indicator=indicator).delete()
    for year, value in ((2026, "0"), (2027, "33.3333"), (2028, "-0.5"), (2029, "50")):
        Milestone.objects.create(indicator=indicator, year=year, value=Decimal(value))
    names = ("indicator_id", "year", "value", "min", "max")
    found = _read(Milestone, names, "x.indicator_id = %s", [indicator.pk])
    orm = list(Milestone.objects.filter(indicator=indicator).order_by("id").values_list(*names))
    assert [tuple(str(v) for v in row) for row in found] == [tuple(str(v) for v in row) for row in orm]


def test_an_instance_equals_the_orms_and_reads_its_other_fields_when_asked(plan):
    from binhdang.reporting import services

    period = services.open_period(plan, 2026, None)
    connection = sqlrows.connection_for(Period)
    columns = sqlrows.Columns(Period, "x", ("id", "plan", "year", "deadline"))
    sql = f"SELECT {columns.sql(connection)} FROM {columns.table(connection)} WHERE x.id = %s"
    (values,) = sqlrows.select(connection, sql, [period.pk], [columns])
    built = sqlrows.instance(Period, columns.attnames, values, connection.alias)
    stored = Period.objects.get(pk=period.pk)
    assert built == stored and built.deadline == stored.deadline and built.plan_id == plan.pk
    assert built.deadline_end == stored.deadline_end
    assert "form_code" in built.get_deferred_fields() and built.form_code == stored.form_code


def test_a_related_object_set_in_the_cache_is_used_without_a_query(plan, django_assert_num_queries):
    from binhdang.reporting import services

    period = services.open_period(plan, 2026, None)
    connection = sqlrows.connection_for(Period)
    columns = sqlrows.Columns(Period, "x", ("id", "plan"))
    sql = f"SELECT {columns.sql(connection)} FROM {columns.table(connection)} WHERE x.id = %s"
    (values,) = sqlrows.select(connection, sql, [period.pk], [columns])
    built = sqlrows.instance(Period, columns.attnames, values, connection.alias)
    sqlrows.cache_related(built, "plan", plan)
    with django_assert_num_queries(0):
        assert built.plan is plan
