"""The changes people made to a plan after its import, newest first, from the history of its items
(django-simple-history): who, when, what, and each field's old and new value. Shown on the review page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from binhdang.core.formatting import number as vn_number
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.models import AgencyDuty, Indicator, Plan, ReportingObligation, Target, Task

#: The fields a change lists, with their label (other fields, such as ordering, are left out).
FIELDS = {
    "title": "Title",
    "number": "Number",
    "date": "Date issued",
    "period_start": "From year",
    "period_end": "To year",
    "status": "Status",
    "code": "Code",
    "text": "Indicator",
    "kind": "Kind",
    "value": "Value",
    "min": "From",
    "max": "To",
    "unit": "Unit",
    "year": "Year",
    "annual": "Every year",
    "agency": "Unit of the province",
    "agency_name": "Agency as the plan names it",
    "duties": "Duties",
    "lead": "Lead agency",
    "responsible": "Responsible agencies",
    "responsible_text": "Other responsible agencies",
    "reporter_kinds": "Kinds of units that report",
    "reporter_unit": "Or one unit of the province",
    "deadline_day": "Deadline day",
    "deadline_month": "Deadline month",
}
_UNIT_FIELDS = ("agency", "lead", "reporter_unit")


@dataclass
class Change:
    when: datetime
    who: str
    action: str
    subject: str
    reason: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)


def _text(value, units: dict[int, str]) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return vn_number(value)
    if isinstance(value, list):
        return "; ".join(
            units.get(v.get("orgunit") or 0, str(v)) if isinstance(v, dict) else str(v) for v in value
        )
    return str(value)


def _kinds(kinds) -> list[str]:
    labels = dict(OrgUnitType.choices)
    return [str(labels.get(kind, kind)) for kind in kinds or []]


def _subject(record, codes: dict[int, str]) -> str:
    model = record.instance_type
    if model is Plan:
        return _("The plan")
    if model is Indicator:
        return _("Indicator %(code)s") % {"code": record.code}
    if model is Target:
        return _("A target of indicator %(code)s") % {"code": codes.get(record.indicator_id, "?")}
    if model is Task:
        return _("Task %(code)s") % {"code": record.code}
    if model is ReportingObligation:
        return _("Who reports: %(who)s") % {"who": record.reporter_text or "—"}
    return record.agency_name


def plan_changes(plan: Plan, limit: int = 30) -> list[Change]:
    """The latest ``limit`` changes made to ``plan`` and its indicators, targets, duties and tasks by a
    person after the import: the history records that carry a reason (every edit of ``plans.services``
    gives one; the import's own records have none)."""
    indicator_ids = Indicator.history.filter(plan_id=plan.pk).values("id")
    codes = dict(Indicator.history.filter(plan_id=plan.pk).values_list("id", "code"))
    sources = (
        Plan.history.filter(id=plan.pk),
        Indicator.history.filter(plan_id=plan.pk),
        Target.history.filter(indicator_id__in=indicator_ids),
        AgencyDuty.history.filter(plan_id=plan.pk),
        Task.history.filter(plan_id=plan.pk),
        ReportingObligation.history.filter(plan_id=plan.pk),
    )
    records = []
    for queryset in sources:
        changed = queryset.exclude(history_change_reason__isnull=True).exclude(history_change_reason="")
        records.extend(changed.select_related("history_user").order_by("-history_date")[:limit])
    records.sort(key=lambda r: r.history_date, reverse=True)
    records = records[:limit]
    units = dict(OrgUnit.objects.filter(province=plan.province).values_list("pk", "name"))
    actions = {"+": _("added"), "~": _("changed"), "-": _("removed")}
    changes = []
    for record in records:
        fields = []
        previous = record.prev_record if record.history_type == "~" else None
        if previous is not None:
            for delta in record.diff_against(previous).changes:
                if delta.field not in FIELDS:
                    continue
                old, new = delta.old, delta.new
                if delta.field in _UNIT_FIELDS:
                    old, new = units.get(old, old), units.get(new, new)
                if delta.field == "reporter_kinds":
                    old, new = _kinds(old), _kinds(new)
                fields.append((_(FIELDS[delta.field]), _text(old, units), _text(new, units)))
        changes.append(
            Change(
                when=record.history_date,
                who=str(record.history_user or "—"),
                action=actions.get(record.history_type, ""),
                subject=_subject(record, codes),
                reason=record.history_change_reason or "",
                fields=fields,
            )
        )
    return changes
