"""Reading model rows with a plain cursor, as the ORM would read them, for the hot paths (the results
engine, the reporter's home and reports, the report page).

The national roll-up reads about a thousand rows of plans, indicators, targets, milestones and periods
per call, and one province-year reads a few dozen in seven queries: building each queryset's SQL and
running Django's per-row machinery cost more than the statements themselves. Here the statements are
written from the models' own table and column names (``_meta``), once per call (or, for a fixed
statement, once per process: :func:`statement`), and every value goes through the converters Django
would apply to it (``DecimalField`` on SQLite: rounded to the field's places; ``BooleanField``: 0/1 to
False/True; dates...), so a value read here equals the ORM's.

- :class:`Columns`: some concrete fields of a model under a table alias (their SQL and converters);
- :func:`select`: run a statement whose select list is one or more :class:`Columns`, rows as tuples;
- :func:`instance`: a model instance from values, as ``Model.from_db`` makes it (the other fields
  deferred: read from the database when first used) without its per-field descriptors;
- :func:`statement`: declares a fixed statement whose select list is some :class:`Columns` (a
  :class:`Statement`: its text, columns and converters), written once per process and database alias
  (:mod:`binhdang.core.statements`).

Nothing read is kept between calls: each call reads the database.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence, Sized
from typing import Any, NamedTuple

from django.db import connections, models, router
from django.db.models.base import ModelState

from binhdang.core import statements


def connection_for(model: type[models.Model]):
    """The connection the ORM would read ``model`` from."""
    return connections[router.db_for_read(model)]


class Columns:
    """Concrete fields of ``model`` (names or attnames, e.g. ``plan_id``) read from the table ``alias``."""

    def __init__(self, model: type[models.Model], alias: str, names: Iterable[str]):
        self.model, self.alias = model, alias
        self.fields = [model._meta.get_field(name) for name in names]
        #: The attribute names of the fields (``plan_id`` for the foreign key ``plan``).
        self.attnames = tuple(field.attname for field in self.fields)  # type: ignore[union-attr]

    def sql(self, connection) -> str:
        quote = connection.ops.quote_name
        return ", ".join(f"{self.alias}.{quote(field.column)}" for field in self.fields)  # type: ignore[union-attr]

    def converters(self, connection) -> list[Converter | None]:
        """One per column (None when the value is used as read): what ``SQLCompiler`` applies to it."""
        found: list[Converter | None] = []
        for field in self.fields:
            column = field.get_col(self.alias)  # type: ignore[union-attr]
            functions = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if functions:
                found.append(Converter(functions, column, connection))
            else:
                found.append(None)
        return found

    def table(self, connection) -> str:
        return f"{connection.ops.quote_name(self.model._meta.db_table)} {self.alias}"


#: Fields whose converted values are immutable (a number, a truth value, a date): equal stored values
#: may share one converted object.
_SHARED_VALUES = (models.DecimalField, models.BooleanField, models.DateField)


class Converter:
    """Django's converters of one column, applied to a whole column of rows at once."""

    def __init__(self, functions: list, column, connection):
        self.functions, self.column, self.connection = functions, column, connection
        self.shared = isinstance(column.output_field, _SHARED_VALUES)

    def __call__(self, value):
        for function in self.functions:
            value = function(value, self.column, self.connection)
        return value

    def column_of(self, values: tuple) -> list:
        """``values`` converted. Plan numbers, flags and dates repeat (0, 50, 100, False...): each
        distinct stored value of an immutable kind is converted once. A column holding a float is
        converted value by value (a stored 1.0 or -0.0 equals 1 or 0 as a key, not as a Decimal)."""
        if self.shared and float not in set(map(type, values)):
            converted = {value: self(value) for value in set(values)}
            return list(map(converted.__getitem__, values))
        return list(map(self, values))


def converters_of(connection, columns: Sequence[Columns]) -> list[Converter | None]:
    """The converters of every column of ``columns`` in order (what :func:`select` applies); a caller
    running one statement on every request may keep them (they depend on the models and the database
    engine only)."""
    converters: list[Converter | None] = []
    for group in columns:
        converters += group.converters(connection)
    return converters


def select(
    connection,
    sql: str,
    params: Sequence,
    columns: Sequence[Columns],
    converters: Sequence[Converter | None] | None = None,
) -> list[tuple]:
    """The rows of ``sql`` (its select list: ``columns`` in order, e.g. ``SELECT {select} FROM ...``
    with ``select`` given by the caller), each value converted as the ORM converts it (``converters``:
    those of :func:`converters_of`, computed here when not given)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if converters is None:
        converters = converters_of(connection, columns)
    if not rows or not any(converters):
        return rows
    by_column: list = list(zip(*rows, strict=True))
    for position, converter in enumerate(converters):
        if converter is not None:
            by_column[position] = converter.column_of(by_column[position])
    return list(zip(*by_column, strict=True))


class Statement(NamedTuple):
    """A ``SELECT`` whose select list is ``columns`` in order (then values used as read): its text and
    the converters of its select list (None for a value used as read). See :func:`statement`."""

    sql: str
    columns: tuple[Columns, ...]
    converters: list[Converter | None]

    def select(self, connection, params: Sequence) -> list[tuple]:
        """The rows for ``params``, each value converted as the ORM converts it (:func:`select`)."""
        return select(connection, self.sql, params, self.columns, self.converters)


def statement(
    name: str, columns: Callable[[], Sequence[Columns]], *, more: int = 0
) -> Callable[[Callable[[Any, str], str]], Callable[[Any], Statement]]:
    """Declares the statement ``name`` (unique in the project): decorates ``write(connection, select)``,
    which writes its text around ``select``, the select list of ``columns()`` in order
    (``a."id", a."name", ...``; ``more`` values used as read may follow it), and gives the function of a
    connection returning the :class:`Statement`, written once per process and database alias::

        @sqlrows.statement("reporting.attachments", lambda: [Columns(Attachment, "a", ["id", "file"])])
        def _attachments(connection, select: str) -> str:
            return f"SELECT {select} FROM ... WHERE a.submission_id = %s"

        rows = _attachments(connection).select(connection, [report.pk])
    """

    def declare(write: Callable[[Any, str], str]) -> Callable[[Any], Statement]:
        def build(connection) -> Statement:
            groups = tuple(columns())
            sql = write(connection, ", ".join(group.sql(connection) for group in groups))
            return Statement(sql, groups, [*converters_of(connection, groups), *[None] * more])

        @functools.wraps(write)
        def written(connection) -> Statement:
            return statements.written(name, connection, build)

        return written

    return declare


def instance[M: models.Model](model: type[M], attnames: Sequence[str], values: Sequence, db: str) -> M:
    """A ``model`` instance read from the database with ``attnames`` set to ``values`` (the other fields
    deferred), as ``Model.from_db`` makes it but without its per-field descriptors and signals. No
    signal is connected to the creation in memory of the models read this way (``pre_init``/``post_init``)."""
    obj = model.__new__(model)
    obj.__dict__.update(zip(attnames, values, strict=True))
    state = obj._state = ModelState()
    state.adding, state.db = False, db
    return obj


def cache_related(obj: models.Model, name: str, related: models.Model | None) -> None:
    """Set the object of the foreign key ``name`` of ``obj`` (what ``obj.name = related`` does for a
    just-read object whose ``name_id`` already matches, without the descriptor's checks)."""
    obj._state.fields_cache[name] = related


def marks(items: Sized) -> str:
    """``%s, %s, ...``: one parameter per item."""
    return ", ".join(["%s"] * len(items))
