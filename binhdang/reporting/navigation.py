"""The reporting entries of the main menu (used by ``portal.navigation``): the reports, and the
notifications with the number of unread ones.

An entry's test answers from the roles read for the request when it can (True or False), else with the
rows whose existence decides it: the menu asks all such questions of a page in one statement."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from binhdang.core import sqlrows, statements
from binhdang.core.questions import Question, column
from binhdang.reporting import access

MENU_LABEL = _("Reports")


def menu_visible(user) -> bool | QuerySet:
    """Shown to whoever has reports to fill or periods to follow (the periods they see, if any)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if access.reports_for_any_unit(user) or access.manages_any_province(user):
        return True
    return access.visible_periods(user)


NOTICES_LABEL = _("Notifications")


def notices_visible(user) -> bool | Question:
    """Shown to reporters (reminders and review decisions come to them) and to whoever got a notice."""
    if not getattr(user, "is_authenticated", False):
        return False
    if access.reports_for_any_unit(user):
        return True
    return Question(statements.written("notices.any", connection, _any_notice), (user.pk,))


def _any_notice(connection) -> str:
    """Whether the user has a notification (``Notification.objects.filter(user=user).exists()``)."""
    from binhdang.reporting.models import Notification

    quote = connection.ops.quote_name
    table, user = quote(Notification._meta.db_table), column(Notification, "user", quote)
    return f"EXISTS (SELECT 1 FROM {table} WHERE {user} = %s)"


def _unread_count(connection) -> str:
    """How many notifications of the user are unread (``...filter(user=user).unread().count()``)."""
    from binhdang.reporting.models import Notification

    quote = connection.ops.quote_name
    table, user = quote(Notification._meta.db_table), column(Notification, "user", quote)
    read_at = column(Notification, "read_at", quote)
    return f"(SELECT COUNT(*) FROM {table} WHERE {user} = %s AND {read_at} IS NULL)"


#: Where the unread count of the request's user is kept once read (see :func:`unread_notices`).
_UNREAD = "_binhdang_unread_notices"


def unread_question(request) -> int | Question:
    """The unread count if this request knows it already, else the question that counts them."""
    found = getattr(request, _UNREAD, None)
    if found is not None:
        return found
    return Question(statements.written("notices.unread", connection, _unread_count), (request.user.pk,))


def unread_notices(request) -> int:
    """How many notifications the user has not opened yet (the badge of the menu entry, and the
    reports page's button): counted once per request however many parts of the page show it."""
    found = unread_question(request)
    if isinstance(found, Question):
        found = found.answer()
        note_unread(request, found)
    return found


def _notice_columns() -> list[sqlrows.Columns]:
    """Every concrete field of a notification."""
    from binhdang.reporting.models import Notification

    return [
        sqlrows.Columns(Notification, "n", [field.attname for field in Notification._meta.concrete_fields])
    ]


@sqlrows.statement("notices.newest", _notice_columns)
def _newest_statement(connection, select: str) -> str:
    """A user's newest notifications, newest first, at most ``%s``."""
    from binhdang.reporting.models import Notification

    meta, quote = Notification._meta, connection.ops.quote_name
    created, user_column = column(Notification, "created_at", quote), column(Notification, "user", quote)
    return (
        f"SELECT {select} FROM {quote(meta.db_table)} n WHERE n.{user_column} = %s"
        f" ORDER BY n.{created} DESC, n.{quote(str(meta.pk.column))} DESC LIMIT %s"
    )


def newest_notices(user, limit: int) -> list:
    """The user's ``limit`` newest notifications, newest first: what
    ``Notification.objects.filter(user=user)[:limit]`` reads (every field, the same order and
    converters, ``Model.from_db``), with one plain statement written once per database. Opening the
    notifications (a page every reporter reloads after submitting) read them with the ORM building it
    anew each time."""
    from binhdang.reporting.models import Notification

    connection = sqlrows.connection_for(Notification)
    sql, (columns,), converters = _newest_statement(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, limit])
        rows = cursor.fetchall()
    return [
        Notification.from_db(
            connection.alias,
            columns.attnames,
            [
                value if convert is None else convert(value)
                for value, convert in zip(row, converters, strict=True)
            ],
        )
        for row in rows
    ]


def note_unread(request, count: int) -> None:
    """The unread count of the request's user, as just counted (by the menu's statement)."""
    setattr(request, _UNREAD, count)


def all_notices_read(request) -> None:
    """The request's user has just opened all their notifications: nothing left unread to count."""
    note_unread(request, 0)
