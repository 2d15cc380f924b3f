"""The plain statements written once per process and database alias (``core.statements``), and the
texts of every statement written through it: exactly those the hand-made caches it replaced wrote
(recorded from them on SQLite and PostgreSQL, whose quoting is the same; only the lists of a model's
columns are worked out here from the model, so that a new field does not break these tests)."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connection, connections

from binhdang.accounts import access, backends, sessions
from binhdang.core import statements
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting import navigation, report_reads
from binhdang.reporting.models import Attachment, Notification, Period, StateChange, Submission
from binhdang.results.genderstats import navigation as genderstats_navigation


def _another_database():
    """A connection to the same database under another alias (not opened: writing needs no query)."""
    default = connections[DEFAULT_DB_ALIAS]
    return type(default)({**default.settings_dict}, alias="binhdang_other")


def test_a_statement_is_written_once_per_database_alias_and_each_alias_keeps_its_own_text():
    name, calls = f"tests.{uuid.uuid4().hex}", []

    def write(on) -> str:
        calls.append(on.alias)
        return f"SELECT 1 FROM {on.ops.quote_name('t')} /* {on.alias} */"

    other = _another_database()
    first = statements.written(name, connection, write)
    assert statements.written(name, connection, write) is first
    on_other = statements.written(name, other, write)
    assert statements.written(name, other, write) is on_other
    assert statements.written(name, connection, write) is first
    assert calls == [connection.alias, "binhdang_other"]
    assert first == f'SELECT 1 FROM "t" /* {connection.alias} */'
    assert on_other == 'SELECT 1 FROM "t" /* binhdang_other */'


def test_two_functions_writing_under_one_name_are_refused_rather_than_reading_each_others_text():
    name = f"tests.{uuid.uuid4().hex}"

    def write_one(on) -> str:
        return "SELECT 1"

    def write_two(on) -> str:
        return "SELECT 2"

    assert statements.written(name, connection, write_one) == "SELECT 1"
    with pytest.raises(ValueError, match="Two statements are named"):
        statements.written(name, connection, write_two)
    assert statements.written(name, connection, write_one) == "SELECT 1"


def _every(model, alias: str) -> str:
    """The select list of every concrete field of ``model`` under the table alias (as quoted)."""
    return ", ".join(f'{alias}."{field.column}"' for field in model._meta.concrete_fields)


def test_the_menus_questions_keep_their_texts():
    assert (
        statements.written("notices.any", connection, navigation._any_notice)
        == 'EXISTS (SELECT 1 FROM "reporting_notification" WHERE "user_id" = %s)'
    )
    assert (
        statements.written("notices.unread", connection, navigation._unread_count)
        == '(SELECT COUNT(*) FROM "reporting_notification" WHERE "user_id" = %s AND "read_at" IS NULL)'
    )
    assert statements.written("genderstats.responsible", connection, genderstats_navigation._responsible) == (
        'EXISTS (SELECT 1 FROM "plans_indicator" i INNER JOIN "plans_indicator_responsible" r'
        ' ON r."indicator_id" = i."id" INNER JOIN "plans_plan" p ON i."plan_id" = p."id"'
        ' INNER JOIN "plans_catalogindicator" c ON i."catalog_id" = c."id"'
        ' WHERE r."orgunit_id" IN ({units}) AND p."status" = %s AND c."program" = %s)'
    )


def test_the_session_user_roles_and_newest_notices_keep_their_texts():
    user = get_user_model()
    assert sessions._read_statement(connection).sql == (
        f'SELECT {_every(user, "u")}, g."role", g."org_unit_id", gu."type", gu."province_id", s."session_data"'
        ' FROM "accounts_session" s LEFT OUTER JOIN "accounts_user" u ON u."id" = s."user_id"'
        ' LEFT OUTER JOIN "accounts_roleassignment" g ON g."user_id" = u."id"'
        ' LEFT OUTER JOIN "orgunits_orgunit" gu ON gu."id" = g."org_unit_id"'
        ' WHERE s."session_key" = %s AND s."expire_date" > %s'
    )
    assert statements.written("accounts.grants", connection, access._grants_statement) == (
        'SELECT g."role", g."org_unit_id", gu."type", gu."province_id" FROM "accounts_roleassignment" g'
        ' LEFT OUTER JOIN "orgunits_orgunit" gu ON gu."id" = g."org_unit_id" WHERE g."user_id" = %s'
    )
    assert backends._user_statement(connection).sql == (
        f'SELECT {_every(user, "u")}, g."role", g."org_unit_id", gu."type", gu."province_id"'
        ' FROM "accounts_user" u LEFT OUTER JOIN "accounts_roleassignment" g ON g."user_id" = u."id"'
        ' LEFT OUTER JOIN "orgunits_orgunit" gu ON gu."id" = g."org_unit_id" WHERE u."id" = %s'
    )
    assert navigation._newest_statement(connection).sql == (
        f'SELECT {_every(Notification, "n")} FROM "reporting_notification" n WHERE n."user_id" = %s'
        ' ORDER BY n."created_at" DESC, n."id" DESC LIMIT %s'
    )


def test_the_report_pages_reads_keep_their_texts():
    user = get_user_model()
    selects = ", ".join(
        _every(model, alias)
        for model, alias in ((Submission, "s"), (Period, "p"), (Plan, "pl"), (OrgUnit, "fu"), (OrgUnit, "u"))
    )
    assert report_reads._submission_statement(connection).sql == (
        f'SELECT {selects}, {_every(user, "ub")} FROM "reporting_submission" s'
        ' INNER JOIN "reporting_period" p ON (p."id" = s."period_id")'
        ' INNER JOIN "plans_plan" pl ON (pl."id" = p."plan_id")'
        ' LEFT OUTER JOIN "orgunits_orgunit" fu ON (fu."id" = p."focal_unit_id")'
        ' INNER JOIN "orgunits_orgunit" u ON (u."id" = s."unit_id")'
        ' LEFT OUTER JOIN "accounts_user" ub ON (ub."id" = s."updated_by_id") WHERE s."id" = %s'
    )
    assert statements.written("reporting.values_and_previous", connection, report_reads._values_sql) == (
        'SELECT 0, v."data_element", v."category_option_combo", v."value" FROM "reporting_datavalue" v'
        ' WHERE v."submission_id" = %s UNION ALL SELECT 1, w."data_element", w."category_option_combo",'
        ' w."value" FROM "reporting_datavalue" w WHERE w."submission_id" = (SELECT e."id"'
        ' FROM "reporting_submission" e INNER JOIN "reporting_period" ep ON (ep."id" = e."period_id")'
        ' WHERE e."unit_id" = %s AND ep."form_code" = %s AND ep."year" = %s AND ep."kind" = %s'
        ' AND ep."sequence" = %s ORDER BY e."state" DESC, e."id" DESC LIMIT 1)'
    )
    assert statements.written("reporting.report_versions", connection, report_reads._versions_sql) == (
        'SELECT s."id", s."version" FROM "reporting_submission" s WHERE s."period_id" = %s'
        ' AND (SELECT u."type" FROM "orgunits_orgunit" u WHERE u."id" = s."unit_id") = %s'
        ' AND s."state" IN (%s, %s)'
    )
    assert report_reads._parts_statement(connection).sql == (
        f'SELECT {_every(Period, "p")} FROM "reporting_period" p WHERE p."plan_id" = %s AND p."year" = %s'
        ' AND p."kind" IN (%s, %s) AND p."id" IN (SELECT e."period_id" FROM "reporting_expectedreporter" e'
        ' WHERE e."unit_id" = %s) ORDER BY p."kind" ASC, p."sequence" ASC'
    )
    assert report_reads._steps_statement(connection).sql == (
        f'SELECT {_every(StateChange, "c")}, {_every(user, "cu")} FROM "reporting_statechange" c'
        ' LEFT OUTER JOIN "accounts_user" cu ON (cu."id" = c."user_id") WHERE c."submission_id" = %s'
        ' ORDER BY c."at" ASC, c."id" ASC'
    )
    assert report_reads._attachments_statement(connection).sql == (
        f'SELECT {_every(Attachment, "a")} FROM "reporting_attachment" a WHERE a."submission_id" = %s'
        ' ORDER BY a."uploaded_at" ASC, a."id" ASC'
    )
    selects = ", ".join(
        _every(model, alias)
        for model, alias in (
            (Period, "p"),
            (Plan, "pl"),
            (OrgUnit, "fu"),
            (OrgUnit, "u"),
            (Submission, "s"),
            (user, "ub"),
        )
    )
    assert report_reads._unit_page_statement(connection).sql == (
        f"SELECT {selects}, CASE WHEN EXISTS (SELECT 1 FROM"
        ' "reporting_expectedreporter" e WHERE e.period_id = p.id AND e.unit_id = u.id) THEN 1 ELSE 0 END'
        ' FROM "reporting_period" p INNER JOIN "plans_plan" pl ON (pl.id = p.plan_id)'
        ' LEFT OUTER JOIN "orgunits_orgunit" fu ON (fu.id = p.focal_unit_id)'
        ' INNER JOIN "orgunits_orgunit" u ON (u.id = %s AND u.province_id = p.province_id)'
        ' LEFT OUTER JOIN "reporting_submission" s ON (s.period_id = p.id AND s.unit_id = u.id)'
        ' LEFT OUTER JOIN "accounts_user" ub ON (ub.id = s.updated_by_id) WHERE p.id = %s'
    )


def test_every_statement_of_a_select_list_has_one_converter_per_value_it_reads():
    for declared in (
        navigation._newest_statement,
        report_reads._submission_statement,
        report_reads._parts_statement,
        report_reads._steps_statement,
        report_reads._attachments_statement,
    ):
        statement = declared(connection)
        assert len(statement.converters) == sum(len(group.attnames) for group in statement.columns)
    user = backends._user_statement(connection)  # and the user's roles: role, unit, its type and province
    assert len(user.converters) == sum(len(group.attnames) for group in user.columns) + 4
    assert user.converters[-4:] == [None] * 4
    unit_page = report_reads._unit_page_statement(connection)  # and whether the unit is expected
    assert len(unit_page.converters) == sum(len(group.attnames) for group in unit_page.columns) + 1
    assert unit_page.converters[-1] is None
