"""The audit trail: django-simple-history's records, and their one rule: every change to entered data
records who made it.

django-simple-history takes the user from the request (middleware) in web requests; services also run
from the command line, imports and the demo, so they name the user explicitly with :func:`by` before
saving or deleting.

Models declare their trail with this module's :class:`HistoricalRecords`, simple-history's own with
one difference: the history manager's class is made once per process. simple-history builds a new
class (``HistoryManager.from_queryset``, which inspects every method of the queryset class) at each
read of ``Model.history``, and every save of a tracked object reads it (about a tenth of an autosave's
CPU time went there).
"""

from __future__ import annotations

from simple_history.manager import HistoryManager
from simple_history.models import HistoricalRecords as SimpleHistoricalRecords


def by[T](instance: T, user, reason=None) -> T:
    """Have the next save or delete of ``instance`` recorded in its history as made by ``user``,
    with ``reason`` (shown in the history) when given."""
    setattr(instance, "_history_user", user)  # noqa: B010 (simple-history's documented hook)
    if reason is not None:
        setattr(instance, "_change_reason", str(reason))  # noqa: B010 (simple-history's documented hook)
    return instance


class KeptHistoryManager(HistoryManager):
    """simple-history's manager, whose class for a queryset class is made once and then reused."""

    _made: dict[tuple[type, type, str | None], type] = {}

    @classmethod
    def from_queryset(cls, queryset_class, class_name=None):
        key = (cls, queryset_class, class_name)
        made = cls._made.get(key)
        if made is None:
            made = cls._made[key] = super().from_queryset(queryset_class, class_name)
        return made


class HistoricalRecords(SimpleHistoricalRecords):
    """simple-history's ``HistoricalRecords`` with :class:`KeptHistoryManager` as its manager."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("history_manager", KeptHistoryManager)
        super().__init__(*args, **kwargs)
