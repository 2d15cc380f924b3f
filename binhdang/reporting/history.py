"""The audit trail of one report: every value change (who, when, old -> new), narrative edits,
evidence files and workflow steps, newest first. Read from django-simple-history's tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from binhdang.reporting.entry import display_value
from binhdang.reporting.forms_catalog import NARRATIVE_FIELDS, form_for_period
from binhdang.reporting.models import Attachment, DataValue, Submission


@dataclass
class HistoryEntry:
    at: dt.datetime
    user: object
    kind: str  # "value", "narrative", "attachment", "state"
    label: str
    old: str
    new: str
    comment: str = ""


def _user(record):
    return record.history_user


def value_history(submission: Submission) -> list[HistoryEntry]:
    """Every change of a value of the report, with the value before and after (chronological)."""
    form = form_for_period(submission.period)
    last: dict[tuple[str, str], str] = {}
    entries = []
    records = DataValue.history.filter(submission_id=submission.pk).select_related("history_user")
    for record in records.order_by("history_date", "history_id"):
        key = (record.data_element, record.category_option_combo)
        old = last.get(key, "")
        new = "" if record.history_type == "-" else record.value
        if old == new:
            continue
        last[key] = new
        element = form.element(record.data_element)
        coc = record.category_option_combo
        if element is None:
            label, shown_old, shown_new = record.data_element, old, new
        else:
            kind = element.type_for(coc)
            label = element.message_label(coc)
            shown_old = display_value(kind, old, element.options)
            shown_new = display_value(kind, new, element.options)
        entries.append(HistoryEntry(record.history_date, _user(record), "value", label, shown_old, shown_new))
    return entries


def narrative_history(submission: Submission, include_text: bool = True) -> list[HistoryEntry]:
    labels = {f.name: str(f.label) for f in NARRATIVE_FIELDS}
    entries = []
    previous = None
    records = Submission.history.filter(id=submission.pk).select_related("history_user")
    for record in records.order_by("history_date", "history_id"):
        for name, label in labels.items():
            old = getattr(previous, name, "") if previous is not None else ""
            new = getattr(record, name, "")
            if old != new:
                if not include_text:
                    old, new = ("…" if old else ""), "…"
                entries.append(HistoryEntry(record.history_date, _user(record), "narrative", label, old, new))
        previous = record
    return entries


def attachment_history(submission: Submission) -> list[HistoryEntry]:
    entries = []
    records = Attachment.history.filter(submission_id=submission.pk).select_related("history_user")
    for record in records.order_by("history_date", "history_id"):
        if record.history_type == "+":
            entries.append(
                HistoryEntry(
                    record.history_date,
                    _user(record),
                    "attachment",
                    _("Evidence file"),
                    "",
                    record.original_name,
                )
            )
        elif record.history_type == "-":
            entries.append(
                HistoryEntry(
                    record.history_date,
                    _user(record),
                    "attachment",
                    _("Evidence file"),
                    record.original_name,
                    "",
                )
            )
    return entries


def _step_comment(change) -> str:
    if change.source == "history":  # a data value set's completeDate kept by a focal officer or admin
        loaded = Submission.history.filter(id=change.submission_id, history_user_id=change.user_id)
        record = loaded.filter(state=change.to_state).order_by("history_date").last()
        note = _("Loaded history: the submission date is the file's completeDate")
        if record is not None:
            note += " " + _("(loaded on %(day)s)") % {
                "day": date_format(localtime(record.history_date), "d/m/Y H:i")
            }
        return f"{note}. {change.comment}".strip() if change.comment else note
    return change.comment


def state_history(submission: Submission) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            change.at,
            change.user,
            "state",
            change.get_action_display(),
            change.get_from_state_display(),
            change.get_to_state_display(),
            _step_comment(change),
        )
        for change in submission.state_changes.select_related("user")
    ]


def report_history(submission: Submission, *, include_narrative_text: bool = True) -> list[HistoryEntry]:
    """All of the above, newest first."""
    entries = (
        value_history(submission)
        + narrative_history(submission, include_narrative_text)
        + attachment_history(submission)
        + state_history(submission)
    )
    return sorted(entries, key=lambda e: e.at, reverse=True)
