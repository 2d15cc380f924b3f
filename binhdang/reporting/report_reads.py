"""The report page's reads as plain statements (the page most reloaded on the deadline day).

Building a queryset's SQL cost more worker time than running it: a report with its period, plan, focal
unit, unit and last editor (five joins), its values and last year's, the periods of its quarters, the
versions of its peers' reports. Each statement here is declared once (``sqlrows.statement``, or a
function given to ``core.statements.written``), written from the models' own table and column names
(``_meta``) once per process and database alias, and read with :mod:`binhdang.core.sqlrows` (every
value converted as the ORM converts it). Nothing read is kept between requests: every call reads the
database.

Who may see what is decided by the callers with the access helpers (``reporting.access``).
"""

from __future__ import annotations

from django.db import models

from binhdang.accounts.models import User
from binhdang.core import sqlrows, statements
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting.models import (
    Attachment,
    DataValue,
    ExpectedReporter,
    Period,
    StateChange,
    Submission,
)

ValueKey = tuple[str, str]


def _columns(model: type[models.Model], alias: str) -> sqlrows.Columns:
    """Every concrete field of ``model``, as ``select_related`` reads them."""
    return sqlrows.Columns(model, alias, [field.attname for field in model._meta.concrete_fields])


def _table(model: type[models.Model], connection) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model: type[models.Model], name: str, connection) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)  # type: ignore[union-attr]


#: The report's relations read with it: (alias, model, the alias it hangs from, its foreign key there).
_RELATED: tuple[tuple[str, type[models.Model], str, str], ...] = (
    ("p", Period, "s", "period"),
    ("pl", Plan, "p", "plan"),
    ("fu", OrgUnit, "p", "focal_unit"),
    ("u", OrgUnit, "s", "unit"),
    ("ub", User, "s", "updated_by"),
)
_MODELS: dict[str, type[models.Model]] = {
    "s": Submission,
    **{alias: model for alias, model, _, _ in _RELATED},
}


@sqlrows.statement(
    "reporting.submission", lambda: [_columns(model, alias) for alias, model in _MODELS.items()]
)
def _submission_statement(connection, select: str) -> str:
    """``SELECT`` a report by id with its period (and the period's plan and focal unit), its unit and
    the user who saved it last: what ``select_related`` read for the report views."""
    joins = []
    for alias, model, parent, name in _RELATED:
        field = _MODELS[parent]._meta.get_field(name)
        kind = "LEFT OUTER JOIN" if field.null else "INNER JOIN"
        joins.append(
            f"{kind} {_table(model, connection)} {alias} ON ({alias}.{_column(model, 'id', connection)}"
            f" = {parent}.{connection.ops.quote_name(field.column)})"  # type: ignore[union-attr]
        )
    return (
        f"SELECT {select} "
        f"FROM {_table(Submission, connection)} s {' '.join(joins)} "
        f"WHERE s.{_column(Submission, 'id', connection)} = %s"
    )


def submission(pk: int) -> Submission | None:
    """The report ``pk`` with its period, the period's plan and focal unit, its unit and its last
    editor (None when there is no such report). One statement; access is the caller's to check."""
    connection = sqlrows.connection_for(Submission)
    low, high = connection.ops.integer_field_range(Submission._meta.pk.get_internal_type())
    if not low <= pk <= high:  # no such key (and no overflow in the driver)
        return None
    statement = _submission_statement(connection)
    rows = statement.select(connection, [pk])
    if not rows:
        return None
    values, start = rows[0], 0
    objects: dict[str, models.Model | None] = {}
    for columns in statement.columns:
        part = values[start : start + len(columns.attnames)]
        start += len(columns.attnames)
        key = part[columns.attnames.index(columns.model._meta.pk.attname)]
        objects[columns.alias] = (  # None for an empty outer join (no focal unit, no editor)
            sqlrows.instance(columns.model, columns.attnames, part, connection.alias)
            if key is not None
            else None
        )
    for alias, _model, parent, name in _RELATED:
        owner = objects[parent]
        assert owner is not None  # the report, its period: inner joins
        sqlrows.cache_related(owner, name, objects[alias])
    found = objects["s"]
    assert isinstance(found, Submission)
    return found


def _values_sql(connection) -> str:
    """The report's values (0) and those of the unit's report of the year before (1)."""
    q = connection.ops.quote_name
    value, report, period = (
        _table(DataValue, connection),
        _table(Submission, connection),
        _table(Period, connection),
    )
    code, coc, text, of = q("data_element"), q("category_option_combo"), q("value"), q("submission_id")
    # last year's report of the unit, same form and period of the year: as services.previous_values
    earlier = (
        f"SELECT e.{q('id')} FROM {report} e INNER JOIN {period} ep ON (ep.{q('id')} = e.{q('period_id')}) "
        f"WHERE e.{q('unit_id')} = %s AND ep.{q('form_code')} = %s AND ep.{q('year')} = %s "
        f"AND ep.{q('kind')} = %s AND ep.{q('sequence')} = %s "
        f"ORDER BY e.{q('state')} DESC, e.{q('id')} DESC LIMIT 1"
    )
    return (
        f"SELECT 0, v.{code}, v.{coc}, v.{text} FROM {value} v WHERE v.{of} = %s "
        f"UNION ALL SELECT 1, w.{code}, w.{coc}, w.{text} FROM {value} w WHERE w.{of} = ({earlier})"
    )


def values_and_previous(report: Submission) -> tuple[dict[ValueKey, str], dict[ValueKey, str]]:
    """The report's values (``Submission.value_map``) and the unit's values of the year before
    (``services.previous_values``), in one statement."""
    connection = sqlrows.connection_for(DataValue)
    period = report.period
    params = [report.pk, report.unit_id, period.form_code, period.year - 1, str(period.kind), period.sequence]
    with connection.cursor() as cursor:
        cursor.execute(statements.written("reporting.values_and_previous", connection, _values_sql), params)
        rows = cursor.fetchall()
    found: tuple[dict[ValueKey, str], dict[ValueKey, str]] = ({}, {})
    for which, code, coc, text in rows:
        found[which][(code, coc)] = text
    return found


def _versions_sql(connection) -> str:
    """The id and version of the reports of a period, of a unit type, in two states."""
    q = connection.ops.quote_name
    return (
        # the unit's type read by key (a subquery), not by a join: PostgreSQL hashed the join over every
        # unit of the country (0.7 ms for a province's hundred reports; 0.13 ms this way)
        f"SELECT s.{q('id')}, s.{q('version')} FROM {_table(Submission, connection)} s "
        f"WHERE s.{q('period_id')} = %s AND (SELECT u.{q('type')} FROM {_table(OrgUnit, connection)} u "
        f"WHERE u.{q('id')} = s.{q('unit_id')}) = %s AND s.{q('state')} IN (%s, %s)"
    )


def complete_report_versions(period_id: int, unit_type: str, states: tuple[str, str]) -> dict[int, int]:
    """``{report id: version}`` of the reports of the period in ``states`` whose unit is of the type
    (``outliers``: which peers' figures kept in memory are still current)."""
    connection = sqlrows.connection_for(Submission)
    with connection.cursor() as cursor:
        sql = statements.written("reporting.report_versions", connection, _versions_sql)
        cursor.execute(sql, [period_id, unit_type, *map(str, states)])
        return dict(cursor.fetchall())


@sqlrows.statement("reporting.expected_parts", lambda: [_columns(Period, "p")])
def _parts_statement(connection, select: str) -> str:
    """The periods of a plan and year of two kinds in which a unit is expected."""
    q = connection.ops.quote_name
    return (
        f"SELECT {select} FROM {_table(Period, connection)} p "
        f"WHERE p.{q('plan_id')} = %s AND p.{q('year')} = %s AND p.{q('kind')} IN (%s, %s) "
        f"AND p.{q('id')} IN (SELECT e.{q('period_id')} FROM {_table(ExpectedReporter, connection)} e "
        f"WHERE e.{q('unit_id')} = %s) "
        f"ORDER BY p.{q('kind')} ASC, p.{q('sequence')} ASC"
    )


def expected_parts(plan_id: int, year: int, kinds: tuple[str, str], unit_id: int) -> list[Period]:
    """The periods of the plan and year of ``kinds`` (its quarters, its months) in which the unit is
    expected, by kind and sequence (``quarters.consolidation``)."""
    connection = sqlrows.connection_for(Period)
    statement = _parts_statement(connection)
    rows = statement.select(connection, [plan_id, year, *map(str, kinds), unit_id])
    attnames = statement.columns[0].attnames
    return [sqlrows.instance(Period, attnames, row, connection.alias) for row in rows]


@sqlrows.statement("reporting.state_changes", lambda: [_columns(StateChange, "c"), _columns(User, "cu")])
def _steps_statement(connection, select: str) -> str:
    """A report's workflow steps in order, each with its user."""
    q = connection.ops.quote_name
    return (
        f"SELECT {select} FROM {_table(StateChange, connection)} c "
        f"LEFT OUTER JOIN {_table(User, connection)} cu ON (cu.{q('id')} = c.{q('user_id')}) "
        f"WHERE c.{q('submission_id')} = %s ORDER BY c.{q('at')} ASC, c.{q('id')} ASC"
    )


def state_changes(report: Submission) -> list[StateChange]:
    """The report's workflow steps in order, each with its user (``report.state_changes`` with
    ``select_related("user")``)."""
    connection = sqlrows.connection_for(StateChange)
    statement = _steps_statement(connection)
    steps, users = statement.columns
    width = len(steps.attnames)
    found = []
    for row in statement.select(connection, [report.pk]):
        step = sqlrows.instance(StateChange, steps.attnames, row[:width], connection.alias)
        user = (
            sqlrows.instance(User, users.attnames, row[width:], connection.alias)
            if step.user_id is not None
            else None
        )
        sqlrows.cache_related(step, "user", user)
        sqlrows.cache_related(step, "submission", report)
        found.append(step)
    return found


@sqlrows.statement("reporting.attachments", lambda: [_columns(Attachment, "a")])
def _attachments_statement(connection, select: str) -> str:
    """A report's evidence files in order."""
    q = connection.ops.quote_name
    return (
        f"SELECT {select} FROM {_table(Attachment, connection)} a "
        f"WHERE a.{q('submission_id')} = %s ORDER BY a.{q('uploaded_at')} ASC, a.{q('id')} ASC"
    )


def attachments(report: Submission) -> list[Attachment]:
    """The report's evidence files in order (``report.attachments.all()``)."""
    connection = sqlrows.connection_for(Attachment)
    statement = _attachments_statement(connection)
    attnames = statement.columns[0].attnames
    found = []
    for row in statement.select(connection, [report.pk]):
        attachment = sqlrows.instance(Attachment, attnames, row, connection.alias)
        sqlrows.cache_related(attachment, "submission", report)
        found.append(attachment)
    return found


#: The report page of a unit in a period: the period (its plan, its focal unit), the unit (of the
#: period's province), the unit's report if any (and its last editor): (alias, model, join condition).
_UNIT_PAGE: tuple[tuple[str, type[models.Model], str], ...] = (
    ("p", Period, ""),
    ("pl", Plan, "INNER JOIN {t} pl ON (pl.id = p.plan_id)"),
    ("fu", OrgUnit, "LEFT OUTER JOIN {t} fu ON (fu.id = p.focal_unit_id)"),
    ("u", OrgUnit, "INNER JOIN {t} u ON (u.id = %s AND u.province_id = p.province_id)"),
    ("s", Submission, "LEFT OUTER JOIN {t} s ON (s.period_id = p.id AND s.unit_id = u.id)"),
    ("ub", User, "LEFT OUTER JOIN {t} ub ON (ub.id = s.updated_by_id)"),
)


@sqlrows.statement(
    "reporting.unit_page", lambda: [_columns(model, name) for name, model, _join in _UNIT_PAGE], more=1
)
def _unit_page_statement(connection, select: str) -> str:
    """A period with its plan and focal unit, a unit of its province, the unit's report in it (with its
    last editor) and whether the unit is expected in it (the last value, 0 or 1)."""
    joins = " ".join(join.format(t=_table(model, connection)) for _name, model, join in _UNIT_PAGE if join)
    expected = f"SELECT 1 FROM {_table(ExpectedReporter, connection)} e WHERE e.period_id = p.id AND e.unit_id = u.id"
    return (
        f"SELECT {select}, "
        f"CASE WHEN EXISTS ({expected}) THEN 1 ELSE 0 END "
        f"FROM {_table(Period, connection)} p {joins} WHERE p.id = %s"
    )


def unit_page(period_pk: int, unit_pk: int) -> tuple[Period, OrgUnit, Submission | None, bool] | None:
    """The period ``period_pk`` (with its plan and focal unit), the unit ``unit_pk`` if it is of the
    period's province, the unit's report in the period (None if nobody started it; with its period, unit
    and last editor) and whether the unit is expected in the period; None when there is no such period
    or unit. One statement; access is the caller's to check."""
    connection = sqlrows.connection_for(Period)
    low, high = connection.ops.integer_field_range(Period._meta.pk.get_internal_type())
    if not (low <= period_pk <= high and low <= unit_pk <= high):
        return None
    statement = _unit_page_statement(connection)
    rows = statement.select(connection, [unit_pk, period_pk])
    if not rows:
        return None
    row, start = rows[0], 0
    objects: dict[str, models.Model | None] = {}
    for group in statement.columns:
        part = row[start : start + len(group.attnames)]
        start += len(group.attnames)
        key = part[group.attnames.index(group.model._meta.pk.attname)]
        objects[group.alias] = (
            sqlrows.instance(group.model, group.attnames, part, connection.alias) if key is not None else None
        )
    period, unit, report = objects["p"], objects["u"], objects["s"]
    assert isinstance(period, Period) and isinstance(unit, OrgUnit)
    sqlrows.cache_related(period, "plan", objects["pl"])
    sqlrows.cache_related(period, "focal_unit", objects["fu"])
    if report is not None:
        assert isinstance(report, Submission)
        for name, related in (("period", period), ("unit", unit), ("updated_by", objects["ub"])):
            sqlrows.cache_related(report, name, related)
    return period, unit, report, bool(row[-1])
