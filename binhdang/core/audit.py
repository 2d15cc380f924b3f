"""The audit trail's one rule: every change to entered data records who made it.

django-simple-history takes the user from the request (middleware) in web requests; services also run
from the command line, imports and the demo, so they name the user explicitly with :func:`by` before
saving or deleting.
"""

from __future__ import annotations


def by[T](instance: T, user, reason=None) -> T:
    """Have the next save or delete of ``instance`` recorded in its history as made by ``user``,
    with ``reason`` (shown in the history) when given."""
    setattr(instance, "_history_user", user)  # noqa: B010 (simple-history's documented hook)
    if reason is not None:
        setattr(instance, "_change_reason", str(reason))  # noqa: B010 (simple-history's documented hook)
    return instance
