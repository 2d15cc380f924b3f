"""The session engine: Django's database sessions with three queries fewer at every login.

- A new session key is not looked up first: the key is 32 random characters (36**32), and the row is
  written with an INSERT that fails on a duplicate key, upon which ``create()`` draws another key.
- Cycling the key at login (``cycle_key``) deletes the old row at once but does not write the new one
  then (Django writes it with the data of before the login, then once more at the end of the same
  request with the logged-in data): the session gets its new key when the session middleware saves
  it, as after Django's own ``flush()``. The old key stops working at once, as before.
- Deleting a session is one DELETE instead of a read and a delete.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string


class SessionStore(db.SessionStore):
    def _get_new_session_key(self) -> str:
        return get_random_string(32, VALID_KEY_CHARS)

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
