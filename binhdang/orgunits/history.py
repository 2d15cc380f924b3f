"""A unit's change history (django-simple-history), readable by people: who changed what, when, old -> new."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from binhdang.orgunits.models import OrgUnit

#: Fields not worth showing (derived from others).
_HIDDEN_FIELDS = ["search_name"]
#: Labels of the fields shown, with their own context (Django's catalogues translate "active" differently).
_LABELS = {
    "code": pgettext_lazy("unit field", "Code"),
    "name": pgettext_lazy("unit field", "Name"),
    "type": pgettext_lazy("unit field", "Kind of unit"),
    "division": pgettext_lazy("unit field", "Administrative division"),
    "parent": pgettext_lazy("unit field", "Parent unit"),
    "province": pgettext_lazy("unit field", "Province"),
    "is_active": pgettext_lazy("unit field", "Active"),
    "valid_from": pgettext_lazy("unit field", "Valid from"),
    "valid_to": pgettext_lazy("unit field", "Valid to"),
    "email": pgettext_lazy("unit field", "E-mail"),
}
#: Change reasons written by code, shown in the reader's language.
_REASONS = {"official-list": gettext_lazy("Loaded from the official list of administrative units")}
_ACTIONS = {
    "+": pgettext_lazy("history action", "Created"),
    "~": pgettext_lazy("history action", "Changed"),
    "-": pgettext_lazy("history action", "Deleted"),
}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    date: datetime
    user: object
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def _display(unit_field, value, names: dict[int, str]) -> str:
    if value is None or value == "":
        return "—"
    if unit_field.is_relation:
        return names.get(value, str(value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if unit_field.choices:
        return str(dict(unit_field.flatchoices).get(value, value))
    if isinstance(value, date):
        return formats.date_format(value, "d/m/Y")
    return str(value)


def unit_history(unit: OrgUnit) -> list[HistoryEntry]:
    """The changes to ``unit``, newest first, each with the fields that changed (old and new values)."""
    records = list(unit.history.select_related("history_user").order_by("-history_date", "-history_id"))
    deltas = []
    related_ids: set[int] = set()
    for record, previous in zip(records, [*records[1:], None], strict=True):
        delta = (
            record.diff_against(previous, excluded_fields=_HIDDEN_FIELDS) if previous is not None else None
        )
        deltas.append(delta)
        for change in delta.changes if delta else ():
            if OrgUnit._meta.get_field(change.field).is_relation:
                related_ids.update(v for v in (change.old, change.new) if v)
    names = dict(OrgUnit.objects.filter(pk__in=related_ids).values_list("pk", "name"))
    entries = []
    for record, delta in zip(records, deltas, strict=True):
        entry = HistoryEntry(
            date=record.history_date,
            user=record.history_user,
            action=str(_ACTIONS.get(record.history_type, record.history_type)),
            reason=str(_REASONS.get(record.history_change_reason or "", record.history_change_reason or "")),
        )
        for change in delta.changes if delta else ():
            unit_field = OrgUnit._meta.get_field(change.field)
            entry.changes.append(
                Change(
                    str(_LABELS.get(change.field, getattr(unit_field, "verbose_name", change.field))),
                    _display(unit_field, change.old, names),
                    _display(unit_field, change.new, names),
                )
            )
        entries.append(entry)
    return entries
