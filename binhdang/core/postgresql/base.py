"""Django's PostgreSQL backend (psycopg 3), whose health check asks the server nothing while the
connection is quiet.

With ``CONN_HEALTH_CHECKS`` (settings: kept connections), Django checks a kept connection before the
first query of each request with a ``SELECT 1``: one more round trip to PostgreSQL on every request,
the same on the server as any statement. A connection the server ends (a restart, an administrator's
``pg_terminate_backend``, an idle timeout) gets a last message ("terminating connection...") and then
the end of the stream, so its socket has something to read; a quiet connection between two requests
has nothing. The check therefore is:

- psycopg already knows the connection closed or broken: Django's own check (which closes it);
- nothing to read on the socket: usable, without a statement;
- something to read: Django's own ``SELECT 1`` decides.

A connection cut without a word (a network failure) is not seen either way until a statement waits on
it; the ``SELECT 1`` would wait the same.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self) -> None:
        if (
            self.connection is not None
            and self.health_check_enabled  # type: ignore[attr-defined]  # (set by connect(); not in the stubs)
            and not self.health_check_done  # type: ignore[has-type]
            and not self.pool
            and self.is_quiet()
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def is_quiet(self) -> bool:
        """Whether the open connection has nothing from the server waiting to be read (and psycopg
        has not seen it closed or broken): asked of the socket, without a statement."""
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        poller = select.poll()
        poller.register(connection.fileno(), select.POLLIN)
        return not poller.poll(0)
