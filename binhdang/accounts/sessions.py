"""The session engine: Django's database sessions with three queries fewer at every login.

- A new session key is not looked up first: the key is 32 random characters (36**32), and the row is
  written with an INSERT that fails on a duplicate key, upon which ``create()`` draws another key.
- Cycling the key at login (``cycle_key``) deletes the old row at once but does not write the new one
  then (Django writes it with the data of before the login, then once more at the end of the same
  request with the logged-in data): the session gets its new key when the session middleware saves
  it, as after Django's own ``flush()``. The old key stops working at once, as before.
- Deleting a session is one DELETE instead of a read and a delete.
- Reading the session, which every request of a logged-in user does, is one plain statement written
  once per database from the model's own table and column names (``load``): the ORM built the same
  ``SELECT ... WHERE session_key = %s AND expire_date > %s`` anew for each request. It reads the same
  row (an expired or unknown key reads nothing and the key is dropped, as in Django).
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.db import connections, router
from django.utils import timezone
from django.utils.crypto import get_random_string

from binhdang.core import statements


def _read_statement(connection) -> str:
    """``SELECT session_data ... WHERE session_key = %s AND expire_date > %s`` for ``connection``
    (written once per database: ``core.statements``)."""
    quote, meta = connection.ops.quote_name, SessionStore.get_model_class()._meta
    column = {
        name: quote(meta.get_field(name).column)  # type: ignore[union-attr]  # (concrete fields)
        for name in ("session_key", "session_data", "expire_date")
    }
    return (
        f"SELECT {column['session_data']} FROM {quote(meta.db_table)}"
        f" WHERE {column['session_key']} = %s AND {column['expire_date']} > %s"
    )


class SessionStore(db.SessionStore):
    def _get_new_session_key(self) -> str:
        return get_random_string(32, VALID_KEY_CHARS)

    def load(self) -> dict:
        """The data of the session if its key names one that has not expired, else ``{}`` (and the key
        is dropped: a new one is drawn if the session is saved), as Django's ``load``."""
        key = self.session_key
        row = None
        if key is not None:
            connection = connections[router.db_for_read(self.model)]
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            with connection.cursor() as cursor:
                cursor.execute(
                    statements.written("accounts.session", connection, _read_statement), [key, now]
                )
                row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])

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
