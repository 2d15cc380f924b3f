"""The authentication backend: Django's ``ModelBackend`` with login throttling in front of it, and the
user of a session read with one plain statement (:func:`read_user`)."""

from __future__ import annotations

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


def _user_columns() -> list[sqlrows.Columns]:
    """Every concrete field of the user model (what ``User.objects.get`` reads)."""
    model = get_user_model()
    return [sqlrows.Columns(model, "u", [field.attname for field in model._meta.concrete_fields])]


@sqlrows.statement("accounts.user", _user_columns, more=4)
def _user_statement(connection, select: str) -> str:
    """A user by id, every field, with each of its role assignments (``access.grants_joined``)."""
    meta, quote = get_user_model()._meta, connection.ops.quote_name
    key = f"u.{quote(str(meta.pk.column))}"
    grants, joins = access.grants_joined(connection, key)
    return f"SELECT {select}, {grants} FROM {quote(meta.db_table)} u{joins} WHERE {key} = %s"


def read_user(user_id):
    """The user with this id, read as ``User.objects.get(pk=user_id)`` reads it (every field, the same
    converters, ``Model.from_db``), or None. Every request of a logged-in user reads its user: the
    statement is written once per database from the model's table and column names, not built by the
    ORM each time, and reads the user's role assignments with it, kept as the request's read of them
    (``access.remember_grants``: every access check of the request needs them)."""
    model = get_user_model()
    connection = connections[router.db_for_read(model)]
    statement = _user_statement(connection)
    rows = statement.select(connection, [model._meta.pk.get_db_prep_value(user_id, connection)])
    if not rows:
        return None
    (columns,) = statement.columns
    width = len(columns.attnames)
    user = model.from_db(connection.alias, columns.attnames, rows[0][:width])
    access.remember_grants(user.pk, tuple(tuple(row[width:]) for row in rows if row[width] is not None))
    return user


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
        """As ``ModelBackend.get_user`` (an inactive user is None), with one plain statement."""
        user = read_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def has_perm(self, user_obj, perm, obj=None):
        """binhdang's own permissions (declared with ``rules``, by role and unit) are decided by the
        rules backend alone. Asking Django's permission tables too cost two queries on every page
        (the menu asks) and could only ever grant what the roles do not."""
        if rules.perm_exists(perm):
            return False
        return super().has_perm(user_obj, perm, obj)
