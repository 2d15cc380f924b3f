"""Questions of the main menu written as plain SQL (see ``portal.navigation``).

The menu asks, on every page, whether the user has notifications, how many are unread, whether one of
their units is responsible for a statistics series... Building such a question with the ORM (a
queryset, then its compilation) cost more than the statement itself on the page every logged-in request
pays: the hot questions are written once per process and database from the models' own table and
column names (``_meta``; see ``core.statements.written``); :class:`Question` carries one with its
parameters, and the menu asks all of a page's questions in one statement. Nothing is kept but the text
of the statements: every answer is read from the database at each request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from django.db import connection


class Question(NamedTuple):
    """An expression of a ``SELECT`` list (``EXISTS (...)`` or ``(SELECT COUNT(*) ...)``) and its
    parameters, for the default database."""

    sql: str
    params: tuple

    def answer(self) -> Any:
        """The answer, asked alone (the menu asks its questions together)."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {self.sql}", self.params)
            return cursor.fetchone()[0]


def column(model, name: str, quote: Callable[[str], str]) -> str:
    """The quoted column of the field ``name`` of ``model``."""
    return quote(model._meta.get_field(name).column)


def marks(values: Sequence) -> str:
    """``%s, %s, ...``: one parameter per value."""
    return ", ".join(["%s"] * len(values))
