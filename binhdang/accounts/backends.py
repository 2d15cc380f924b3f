"""The authentication backend: Django's ``ModelBackend`` with login throttling in front of it, and the
user of a session read with the session itself (``accounts.sessions``) or with one plain statement
(:func:`read_user`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import rules
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import connections, router

from binhdang.accounts import access, throttle
from binhdang.core import sqlrows

#: Set on the request when a login was refused for throttling (to the time left), so the failure is
#: not recorded again and the login form can say how long to wait without reading the failures again.
THROTTLED_ATTRIBUTE = "_binhdang_login_throttled"
#: Set on the request (True/False) when the throttle check found failures of the username in the
#: window: a successful login then has failures to clear (``accounts.signals.on_logged_in``).
USERNAME_FAILED_ATTRIBUTE = "_binhdang_username_failed"


def user_columns() -> list[sqlrows.Columns]:
    """Every concrete field of the user model (what ``User.objects.get`` reads)."""
    model = get_user_model()
    return [sqlrows.Columns(model, "u", [field.attname for field in model._meta.concrete_fields])]


@sqlrows.statement("accounts.user", user_columns, more=4)
def _user_statement(connection, select: str) -> str:
    """A user by id, every field, with each of its role assignments (``access.grants_joined``)."""
    meta, quote = get_user_model()._meta, connection.ops.quote_name
    key = f"u.{quote(str(meta.pk.column))}"
    grants, joins = access.grants_joined(connection, key)
    return f"SELECT {select}, {grants} FROM {quote(meta.db_table)} u{joins} WHERE {key} = %s"


@dataclass(frozen=True)
class UserRead:
    """A user read with its role assignments (``access.grants_joined``: one row each)."""

    user: Any
    grants: tuple[tuple, ...]

    def remember(self):
        """The user, its role assignments kept as the request's read of them (``access.remember_grants``:
        every access check of the request needs them)."""
        access.remember_grants(self.user.pk, self.grants)
        return self.user


def user_in_rows(connection, columns: sqlrows.Columns, rows: list[tuple]) -> UserRead | None:
    """The user whose columns (``columns``, every field: :func:`user_columns`) open each of ``rows``,
    followed by the four of one role assignment each, or None if they are NULL (no user). Made as
    ``User.objects.get`` makes it (the same converters, ``Model.from_db``)."""
    width = len(columns.attnames)
    first = rows[0][:width]
    if first[columns.attnames.index(columns.model._meta.pk.attname)] is None:
        return None
    user = columns.model.from_db(connection.alias, columns.attnames, first)
    return UserRead(user, tuple(tuple(row[width : width + 4]) for row in rows if row[width] is not None))


def read_user(user_id):
    """The user with this id, read as ``User.objects.get(pk=user_id)`` reads it (every field, the same
    converters, ``Model.from_db``), or None; its role assignments read with it are kept as the request's
    read of them. The statement is written once per database from the model's table and column names,
    not built by the ORM each time. A request's user is usually read with its session instead
    (``accounts.sessions``); this reads it when the session's row named no user or another one."""
    model = get_user_model()
    connection = connections[router.db_for_read(model)]
    statement = _user_statement(connection)
    rows = statement.select(connection, [model._meta.pk.get_db_prep_value(user_id, connection)])
    if not rows:
        return None
    (columns,) = statement.columns
    found = user_in_rows(connection, columns, rows)
    return found.remember() if found is not None else None


#: The session whose user Django's ``get_user`` is reading (``reading_user_of``).
_SESSION: ContextVar[Any] = ContextVar("binhdang_session_of_the_user", default=None)


@contextmanager
def reading_user_of(session) -> Iterator[None]:
    """Within: :meth:`ThrottledModelBackend.get_user` takes the user that ``session``'s store read with
    the session's row, when it is the user asked for (``accounts.middleware.AuthenticationMiddleware``
    wraps Django's ``get_user``, which checks the session's hash against that user as always)."""
    token = _SESSION.set(session)
    try:
        yield
    finally:
        _SESSION.reset(token)


class ThrottledModelBackend(ModelBackend):
    """Refuses every login attempt while its username or address is locked (see ``accounts.throttle``).

    Raising ``PermissionDenied`` stops ``authenticate()`` from trying other backends, so the password
    is not even checked. Inactive accounts are refused by ``ModelBackend`` itself.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        found = throttle.check(username, throttle.client_ip(request))
        if request is not None:
            setattr(request, USERNAME_FAILED_ATTRIBUTE, found.username_failed)
        if found.remaining is not None:
            if request is not None:
                setattr(request, THROTTLED_ATTRIBUTE, found.remaining)
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        """As ``ModelBackend.get_user`` (an inactive user is None): the user read with the request's
        session (:func:`reading_user_of`) when it is this one, else read with one plain statement."""
        session = _SESSION.get()
        read = session.user_read_with(user_id) if hasattr(session, "user_read_with") else None
        user = read.remember() if read is not None else read_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def has_perm(self, user_obj, perm, obj=None):
        """binhdang's own permissions (declared with ``rules``, by role and unit) are decided by the
        rules backend alone. Asking Django's permission tables too cost two queries on every page
        (the menu asks) and could only ever grant what the roles do not."""
        if rules.perm_exists(perm):
            return False
        return super().has_perm(user_obj, perm, obj)
