"""The session engine: Django's database sessions with three queries fewer at every login.

- A new session key is not looked up first: the key is 32 random characters (36**32), and the row is
  written with an INSERT that fails on a duplicate key, upon which ``create()`` draws another key.
- Cycling the key at login (``cycle_key``) deletes the old row at once but does not write the new one
  then (Django writes it with the data of before the login, then once more at the end of the same
  request with the logged-in data): the session gets its new key when the session middleware saves
  it, as after Django's own ``flush()``. The old key stops working at once, as before.
- Deleting a session is one DELETE instead of a read and a delete.
- Reading the session, which every request of a logged-in user does, is one plain statement written
  once per database from the models' own table and column names (``load``): the ORM built the same
  ``SELECT ... WHERE session_key = %s AND expire_date > %s`` anew for each request. It reads the same
  row (an expired or unknown key reads nothing and the key is dropped, as in Django), and with it the
  session's user and the user's role assignments: the session's table (``accounts.Session``) keeps
  the user's id in a column of its own, written from the session's data at every save. Django's
  ``get_user`` then takes that user (``accounts.backends.reading_user_of``) and checks the session
  against it as always; the user was read in the same request, never kept from another. A request
  of a logged-in user reads its session, user and roles in one statement instead of two.
"""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.db import connections, router
from django.utils import timezone
from django.utils.crypto import get_random_string

from binhdang.accounts import access, backends
from binhdang.core import sqlrows


@sqlrows.statement("accounts.session", backends.user_columns, more=5)
def _read_statement(connection, select: str) -> str:
    """The session's user (every field, NULLs if none), each of its role assignments, then the session's
    data, for a key whose session has not expired."""
    from binhdang.accounts.models import Session

    quote, meta, users = connection.ops.quote_name, Session._meta, get_user_model()._meta
    column = {
        name: f"s.{quote(meta.get_field(name).column)}"  # type: ignore[union-attr]  # (concrete fields)
        for name in ("session_key", "session_data", "expire_date", "user_id")
    }
    user_id = f"u.{quote(str(users.pk.column))}"
    grants, joins = access.grants_joined(connection, user_id)
    return (
        f"SELECT {select}, {grants}, {column['session_data']} FROM {quote(meta.db_table)} s"
        f" LEFT OUTER JOIN {quote(users.db_table)} u ON {user_id} = {column['user_id']}{joins}"
        f" WHERE {column['session_key']} = %s AND {column['expire_date']} > %s"
    )


def _user_id(data: dict) -> int | None:
    """The id of the session's logged-in user (Django keeps it as text), None if there is none."""
    try:
        return int(data[SESSION_KEY])
    except (KeyError, TypeError, ValueError):
        return None


class SessionStore(db.SessionStore):
    #: The user the session's row named, read with it (``load``); None before, or if it named none.
    _user_read: backends.UserRead | None = None

    @classmethod
    def get_model_class(cls):
        from binhdang.accounts.models import Session

        return Session

    def create_model_instance(self, data):
        """The row to save, with the id of the session's user in its own column."""
        session = super().create_model_instance(data)
        session.user_id = _user_id(data)  # type: ignore[attr-defined]  # (accounts.Session: get_model_class)
        return session

    def user_read_with(self, user_id) -> backends.UserRead | None:
        """The user read with this session's row (``load``), if it is the user ``user_id``."""
        read = self._user_read
        return read if read is not None and read.user.pk == user_id else None

    def _get_new_session_key(self) -> str:
        return get_random_string(32, VALID_KEY_CHARS)

    def load(self) -> dict:
        """The data of the session if its key names one that has not expired, else ``{}`` (and the key
        is dropped: a new one is drawn if the session is saved), as Django's ``load``."""
        key = self.session_key
        self._user_read = None
        rows = None
        if key is not None:
            connection = connections[router.db_for_read(self.model)]
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            statement = _read_statement(connection)
            rows = statement.select(connection, [key, now])
        if not rows:
            self._session_key = None
            return {}
        self._user_read = backends.user_in_rows(connection, statement.columns[0], rows)
        return self.decode(rows[0][-1])

    def cycle_key(self) -> None:
        data = self._get_session()  # type: ignore[attr-defined]  # (as in Django; not in the stubs)
        key = self.session_key
        self._session_key = None
        self._session_cache = data
        self.modified = True
        if key:
            self.delete(key)

    def delete(self, session_key: str | None = None) -> None:
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self.model.objects.filter(session_key=session_key).delete()
