"""The audit trail of the year's work as the pages show it: who, when, and each field's old and new
value, newest first, across several objects (an inspection and its follow-up items, a task)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models

from binhdang.core import formatting

#: Fields whose change is not worth a line (bookkeeping).
QUIET = ["created_at", "updated_at", "updated_by", "order", "source"]


@dataclass(frozen=True)
class Change:
    at: dt.datetime
    user: object
    kind: str
    fields: list[tuple[str, str, str]]  # (field label, old value, new value)


def _shown(model, record, name: str) -> str:
    """A field's value as the user reads it: choices by label, related objects by name, dates dd/mm/yyyy."""
    field = model._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=getattr(record, field.attname)).first()  # type: ignore[union-attr]
        return str(getattr(related, "name", related)) if related else "—"
    value = getattr(record, name)
    if field.choices and value:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, dt.date):
        return formatting.date(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "—"
    return "—" if value in (None, "") else str(value)


def changes(instances: Iterable[models.Model], limit: int = 40) -> list[Change]:
    """The audit trail of ``instances`` (models with simple-history), newest first."""
    rows = []
    for instance in instances:
        model = type(instance)
        history = getattr(instance, "history")  # noqa: B009 (simple-history's manager, not typed)
        for record in history.select_related("history_user").order_by("-history_date")[:limit]:
            fields: list[tuple[str, str, str]] = []
            previous = record.prev_record
            if previous is not None:
                for diff in record.diff_against(previous, excluded_fields=QUIET).changes:
                    field = model._meta.get_field(diff.field)
                    if field.many_to_many:
                        continue
                    label = str(getattr(field, "verbose_name", diff.field))
                    fields.append(
                        (label, _shown(model, previous, diff.field), _shown(model, record, diff.field))
                    )
                if not fields:
                    continue
            rows.append(
                Change(record.history_date, record.history_user, record.get_history_type_display(), fields)
            )
    rows.sort(key=lambda c: c.at, reverse=True)
    return rows[:limit]
