"""A save's reads and writes of a report's value rows (``services.save_draft``), in few statements.

- :func:`read_for_save`: the report's stored values (every column: a value changed or cleared writes
  its old and new value in the audit trail) and the unit's values of the year before (the outlier
  warnings' :func:`services.previous_values`), in one plain statement instead of two querysets.
- :func:`write`: the changed values and their history rows (simple-history's, with who, when, old and
  new value). Each value is saved on its own, or, with ``bulk`` (the web form's saves), the new values
  in one statement and the changed ones in another, their ``pre_save``/``post_save`` signals sent as a
  save sends them. Either way the same rows: the history rows of the new and changed values are then
  written in one statement each ("+" for a new value, "~" for a change), as one save each would have
  written them; a cleared value is deleted on its own (its "-" history row by simple-history).

The bulk statements are written as text from the models' own table and column names, each value
prepared by its field as the ORM prepares it: the ORM's ``bulk_create`` and ``bulk_update`` (and
simple-history's ``bulk_history_create``, which makes a model instance per row and hands them to
``bulk_create``) compiled the same statements anew for each save, and that was about half of the CPU of
an autosave.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import connections, router
from django.db.models import Model
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object

from binhdang.accounts.models import User
from binhdang.core import audit, sqlrows
from binhdang.reporting.models import DataValue, Period, Submission

ValueKey = tuple[str, str]

#: The columns of a value read for a save: all of them (its history row copies every one).
_COLUMNS = ("submission", "id", "data_element", "category_option_combo", "value", "updated_at", "updated_by")


def _statement(connection) -> tuple[str, sqlrows.Columns]:
    quote = connection.ops.quote_name
    columns = sqlrows.Columns(DataValue, "v", _COLUMNS)
    values, reports, periods = (quote(m._meta.db_table) for m in (DataValue, Submission, Period))
    # The report of the year before: the unit's report of the same form, kind and sequence one year
    # earlier (the accepted or submitted one first, as previous_values orders them).
    earlier = (
        f"SELECT s.id FROM {reports} s INNER JOIN {periods} p ON p.id = s.period_id "
        "WHERE s.unit_id = %s AND p.form_code = %s AND p.year = %s AND p.kind = %s AND p.sequence = %s "
        "ORDER BY s.state DESC, s.id DESC LIMIT 1"
    )
    sql = f"SELECT {columns.sql(connection)} FROM {values} v WHERE v.submission_id = %s OR v.submission_id = ({earlier})"
    return sql, columns


def read_for_save(current: Submission) -> tuple[dict[ValueKey, DataValue], dict[ValueKey, str]]:
    """The stored values of ``current`` (by key, as model instances) and the unit's values of the year
    before (``services.previous_values``: same form, kind and sequence), read in one statement."""
    connection = sqlrows.connection_for(DataValue)
    sql, columns = _statement(connection)
    period = current.period
    params = [current.pk, current.unit_id, period.form_code, period.year - 1, period.kind, period.sequence]
    db = connection.alias
    existing: dict[ValueKey, DataValue] = {}
    previous: dict[ValueKey, str] = {}
    for row in sqlrows.select(connection, sql, params, [columns]):
        key = (row[2], row[3])
        if row[0] == current.pk:
            existing[key] = sqlrows.instance(DataValue, columns.attnames, row, db)
        else:
            previous[key] = row[4]
    return existing, previous


def write(
    current: Submission,
    clean: Mapping[ValueKey, str],
    user: User | None,
    existing: Mapping[ValueKey, DataValue],
    *,
    bulk: bool = False,
) -> tuple[bool, dict[ValueKey, str]]:
    """Write the values of ``clean`` that differ from ``existing`` (the report's stored values, read
    under its lock); whether anything changed, and every value of the report after the writes."""
    merged = {key: value.value for key, value in existing.items()}
    now, changed = timezone.now(), False
    created: list[DataValue] = []
    updated: list[DataValue] = []
    for (code, coc), text in clean.items():
        value = existing.get((code, coc))
        if text == "":
            if value is not None:
                audit.by(value, user)
                value.delete()
                merged.pop((code, coc), None)
                changed = True
            continue
        if value is None:
            value = DataValue(submission=current, data_element=code, category_option_combo=coc)
            created.append(value)
        elif value.value == text:
            continue
        else:
            updated.append(value)
        value.value, value.updated_at, value.updated_by = text, now, user
        audit.by(value, user)
        merged[(code, coc)] = text
        changed = True
        if not bulk:
            value.skip_history_when_saving = True  # type: ignore[attr-defined]  # simple-history's hook
            value.save()
            del value.skip_history_when_saving  # type: ignore[attr-defined]
    if bulk:
        _save_together(created, updated)
    for rows, kind in ((created, "+"), (updated, "~")):
        if rows:
            _history_together(rows, kind)
    return changed, merged


def _save_together(created: list[DataValue], updated: list[DataValue]) -> None:
    """The new values in one statement, the changed ones in another, with the signals of their saves
    (the history rows are written by the caller, as for one save each)."""
    db = router.db_for_write(DataValue)
    rows = [(value, True) for value in created] + [(value, False) for value in updated]
    for value, _ in rows:
        pre_save.send(sender=DataValue, instance=value, raw=False, using=db, update_fields=None)
    if created:
        _insert_together(created, db)
    if updated:
        _update_together(updated, db)
    for value, new in rows:
        value.skip_history_when_saving = True  # type: ignore[attr-defined]  # simple-history's hook
        post_save.send(sender=DataValue, instance=value, created=new, update_fields=None, raw=False, using=db)
        del value.skip_history_when_saving  # type: ignore[attr-defined]


#: Rows changed by one ``UPDATE`` at most (two parameters each, far below any database's limit).
_UPDATE_BATCH = 300


def _update_together(updated: list[DataValue], db: str) -> None:
    """The changed values in one ``UPDATE`` each batch: each row's new text by its key, and the time
    and user of the save (the same for every row of a save; grouped by them all the same). The ORM's
    ``bulk_update`` builds the same ``CASE`` with an expression per row: half of the CPU of an
    autosave that changes figures went there."""
    connection = connections[db]
    quote = connection.ops.quote_name
    meta = DataValue._meta
    table = quote(meta.db_table)
    names = ("id", "value", "updated_at", "updated_by")
    pk, value, at, by = (quote(meta.get_field(name).column) for name in names)  # type: ignore[union-attr, arg-type]
    groups: dict[tuple, list[DataValue]] = {}
    for row in updated:
        groups.setdefault((row.updated_at, row.updated_by_id), []).append(row)
    for (updated_at, updated_by), rows in groups.items():
        stamp = meta.get_field("updated_at").get_db_prep_save(updated_at, connection)
        for start in range(0, len(rows), _UPDATE_BATCH):
            batch = rows[start : start + _UPDATE_BATCH]
            cases = " ".join(["WHEN %s THEN %s"] * len(batch))
            sql = (
                f"UPDATE {table} SET {value} = CASE {pk} {cases} END, {at} = %s, {by} = %s "
                f"WHERE {pk} IN ({sqlrows.marks(batch)})"
            )
            params = [p for row in batch for p in (row.pk, row.value)]
            with connection.cursor() as cursor:
                cursor.execute(sql, [*params, stamp, updated_by, *(row.pk for row in batch)])


#: Rows written by one ``INSERT`` at most (six to twelve parameters each: under SQLite's 999 too).
_INSERT_BATCH = 80


def _insert_rows(model: type[Model], fields: list, rows: list, db: str, *, returning: str | None) -> list:
    """``INSERT INTO`` the table of ``model`` the ``fields`` (model fields) of ``rows``, each a list of
    the fields' values in that order, prepared by each field as the ORM prepares them; the column
    ``returning`` of each row inserted, in order (as the ORM's ``bulk_create`` reads its keys)."""
    connection = connections[db]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    tail = f" RETURNING {quote(returning)}" if returning else ""
    found: list = []
    for start in range(0, len(rows), _INSERT_BATCH):
        batch = rows[start : start + _INSERT_BATCH]
        sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES {', '.join([one] * len(batch))}{tail}"
        params = [
            field.get_db_prep_save(value, connection)
            for row in batch
            for field, value in zip(fields, row, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            if returning:
                found.extend(key for (key,) in cursor.fetchall())
    return found


#: What a new value row is written with: every column but its key.
_NEW_VALUE_FIELDS = (
    "submission",
    "data_element",
    "category_option_combo",
    "value",
    "updated_at",
    "updated_by",
)


def _insert_together(created: list[DataValue], db: str) -> None:
    """The new values in one ``INSERT`` each batch, their keys read back onto them (as ``bulk_create``
    does: the history rows and the signals need them)."""
    meta = DataValue._meta
    fields = [meta.get_field(name) for name in _NEW_VALUE_FIELDS]
    rows = [[getattr(value, field.attname) for field in fields] for value in created]  # type: ignore[union-attr]
    keys = _insert_rows(DataValue, fields, rows, db, returning=str(meta.pk.column))  # type: ignore[union-attr]
    for value, key in zip(created, keys, strict=True):
        value.pk = key
        value._state.adding, value._state.db = False, db


def _history_together(rows: list[DataValue], kind: str) -> None:
    """The history rows of ``rows`` (``kind`` "+" new, "~" changed) in one ``INSERT`` each batch: what
    simple-history's ``bulk_history_create`` writes (every tracked field; the time, user and reason
    of each value's save, as ``audit.by`` named them, else simple-history's own default user)."""
    history = DataValue.history.model  # type: ignore[attr-defined]
    tracked = list(history.tracked_fields)
    meta = history._meta
    extra = [
        meta.get_field(name)
        for name in ("history_date", "history_user", "history_change_reason", "history_type")
    ]
    written = []
    for value in rows:
        user = (
            value._history_user  # type: ignore[attr-defined]
            if hasattr(value, "_history_user")
            else history.get_default_history_user(value)
        )
        when = getattr(value, "_history_date", None) or timezone.now()
        reason = get_change_reason_from_object(value) or None
        written.append(
            [getattr(value, field.attname) for field in tracked]
            + [when, None if user is None else user.pk, reason, kind]
        )
    fields = [meta.get_field(field.name) for field in tracked] + extra
    _insert_rows(history, fields, written, router.db_for_write(history), returning=None)
