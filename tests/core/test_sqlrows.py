"""Rows read with plain statements (``core.sqlrows``): a declared statement (``sqlrows.statement``)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import connection

from binhdang.core import sqlrows
from binhdang.orgunits.models import OrgUnit


def test_a_declared_statement_is_written_once_and_reads_the_values_the_orm_reads(daklak):
    written: list[str] = []
    fields = ["id", "name", "is_active", "valid_from", "parent_id"]

    @sqlrows.statement(f"tests.{uuid.uuid4().hex}", lambda: [sqlrows.Columns(OrgUnit, "u", fields)], more=1)
    def units(on, select: str) -> str:
        written.append(select)
        quote = on.ops.quote_name
        return (
            f"SELECT {select}, 7 FROM {quote(OrgUnit._meta.db_table)} u"
            f" WHERE u.{quote('province_id')} = %s ORDER BY u.{quote('id')}"
        )

    OrgUnit.objects.filter(pk=daklak.commune_b.pk).update(is_active=False, valid_from=dt.date(2025, 7, 1))
    statement = units(connection)
    assert units(connection) is statement
    assert written == ['u."id", u."name", u."is_active", u."valid_from", u."parent_id"']
    assert [group.attnames for group in statement.columns] == [tuple(fields)]
    rows = statement.select(connection, [daklak.root.pk])
    expected = [
        (*values, 7)
        for values in OrgUnit.objects.filter(province=daklak.root).order_by("id").values_list(*fields)
    ]
    assert len(rows) == 7  # the province (its own province) and its six units
    assert rows == expected
    assert {type(row[2]) for row in rows} == {bool}  # 0/1 on SQLite, converted as the ORM converts it
    assert (
        daklak.commune_b.pk,
        "Phường Buôn Ma Thuột",
        False,
        dt.date(2025, 7, 1),
        daklak.root.pk,
        7,
    ) in rows
