"""Plain SQL statements written once per process and database alias (issue 20).

The statements every page runs (the session, its user, the user's roles, the menu's questions, the
newest notifications) and the report page's reads are plain SQL written from the models' own table
and column names (``_meta``): building them with the ORM for every request cost more than running
them. Each is written by a function of the connection the first time it is asked for on a database
alias, and its text (with whatever goes with it: the columns read, their converters) is kept for the
life of the process. Nothing read from the database is kept here: only what writing the statement
gave.

    sql = statements.written("accounts.session", connection, _write_session_read)

- ``name``: the statement's name, unique in the project (``app.what``);
- ``write(connection)``: a module-level function writing it for that connection (quoting with
  ``connection.ops.quote_name``...). It is called once per database alias; a second function asking
  under a name already written is refused (two statements named alike would read each other's text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: What each statement's function wrote, and the function, by (statement name, database alias).
_WRITTEN: dict[tuple[str, str], tuple[Callable[[Any], Any], Any]] = {}


def written[T](name: str, connection, write: Callable[[Any], T]) -> T:
    """The statement ``name`` for ``connection``: what ``write(connection)`` returned the first time
    it was asked for on the connection's database alias (called once per alias and process)."""
    key = (name, connection.alias)
    found = _WRITTEN.get(key)
    if found is None:
        found = _WRITTEN[key] = (write, write(connection))
    elif found[0] is not write:
        raise ValueError(
            f"Two statements are named {name!r}: {found[0].__qualname__} and {write.__qualname__}"
        )
    return found[1]
