"""Inspections and supervision of a plan, and their follow-up items: the workflows (each one
transaction, each recorded in the audit trail with its author), the rules of their dates, and the lists
the pages, the home pages and the annual report read.

- :func:`record` / :func:`change`: the province's focal officer records a planned or done inspection
  (optionally with its follow-up items) and corrects it;
- :func:`add_follow_up`: the focal officer gives a unit something to put right, with a deadline;
- :func:`update_follow_up`: the responsible unit's reporter (status and note) or the focal officer
  (every field) keeps an item up to date;
- :func:`remove_follow_up`: the focal officer withdraws an item; :func:`remove`: an inspection recorded
  by mistake (once it has no items).

Dates: planned and done dates fall within the plan's period; the done date is not in the future nor
before the planned date; a follow-up's deadline is not before the inspection's date. A refusal is a
:class:`~binhdang.work.errors.WorkError` naming the field, and nothing is changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core import audit, formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.work import inspection_access as access
from binhdang.work.activities import plan_dates
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.inspection_models import (
    FOLLOW_UP_CHOICES,
    FollowUp,
    FollowUpStatus,
    Inspection,
    InspectionKind,
)

FIELDS = (
    "kind",
    "title",
    "units",
    "planned_date",
    "done_date",
    "lead_agency",
    "team",
    "findings",
    "recommendations",
)
FOLLOW_UP_FIELDS = ("text", "unit", "deadline", "status", "note")
#: What the responsible unit's reporter may change on an item.
UNIT_FIELDS = ("status", "note")


def _day(value: dt.date | None) -> str:
    return formatting.date(value) if value else "…"


def _in_period(plan: Plan, day: dt.date, field: str, label: str) -> None:
    first, last = plan_dates(plan)
    if (first and day < first) or (last and day > last):
        raise WorkError(
            _("%(field)s %(date)s is outside the plan's period (%(first)s to %(last)s).")
            % {"field": label, "date": _day(day), "first": _day(first), "last": _day(last)},
            field=field,
        )


def _text(data: dict, name: str, limit: int, label: str, *, required: bool = False) -> str:
    value = (data.get(name) or "").strip()
    if required and not value:
        raise WorkError(_("Enter the %(field)s.") % {"field": label}, field=name)
    if len(value) > limit:
        raise WorkError(
            _("%(field)s is longer than %(limit)d characters.")
            % {"field": label.capitalize(), "limit": limit},
            field=name,
        )
    return value


def _check(plan: Plan, data: dict, today: dt.date) -> dict:
    """The cleaned values of an inspection, or :class:`WorkError` naming the field at fault."""
    if data.get("kind") not in InspectionKind.values:
        raise WorkError(_("Choose the kind of inspection."), field="kind")
    title = _text(data, "title", 500, _("subject of the inspection"), required=True)
    allowed = access.inspectable_units(plan)
    units = list(data.get("units") or [])
    if not units:
        raise WorkError(_("Choose at least one inspected unit."), field="units")
    outside = [u for u in units if not isinstance(u, OrgUnit) or not allowed.filter(pk=u.pk).exists()]
    if outside:
        raise WorkError(
            _("“%(unit)s” is not a unit of %(province)s.")
            % {"unit": getattr(outside[0], "name", outside[0]), "province": plan.province.name},
            field="units",
        )
    planned = data.get("planned_date")
    if not isinstance(planned, dt.date):
        raise WorkError(_("Enter the planned date of the inspection (dd/mm/yyyy)."), field="planned_date")
    _in_period(plan, planned, "planned_date", _("The planned date"))
    done = data.get("done_date")
    if done is not None:
        if not isinstance(done, dt.date):
            raise WorkError(
                _("Enter the date the inspection was carried out (dd/mm/yyyy)."), field="done_date"
            )
        _in_period(plan, done, "done_date", _("The date carried out"))
        if done < planned:
            raise WorkError(
                _(
                    "The date carried out %(done)s is before the planned date %(planned)s: correct one of them."
                )
                % {"done": _day(done), "planned": _day(planned)},
                field="done_date",
            )
        if done > today:
            raise WorkError(
                _(
                    "The date carried out %(done)s is in the future: leave it empty until the inspection has taken place."
                )
                % {"done": _day(done)},
                field="done_date",
            )
    lead = data.get("lead_agency")
    if lead is not None and (not isinstance(lead, OrgUnit) or not allowed.filter(pk=lead.pk).exists()):
        raise WorkError(
            _("“%(unit)s” is not a unit of %(province)s.")
            % {"unit": getattr(lead, "name", lead), "province": plan.province.name},
            field="lead_agency",
        )
    findings = _text(data, "findings", 8000, _("findings"))
    recommendations = _text(data, "recommendations", 8000, _("recommendations"))
    if done is None and (findings or recommendations):
        raise WorkError(
            _("Enter the date the inspection was carried out before its findings and recommendations."),
            field="done_date",
        )
    return {
        "kind": data["kind"],
        "title": title,
        "units": units,
        "planned_date": planned,
        "done_date": done,
        "lead_agency": lead,
        "team": _text(data, "team", 2000, _("team members")),
        "findings": findings,
        "recommendations": recommendations,
    }


def _check_follow_up(inspection: Inspection, data: dict) -> dict:
    """The cleaned values of a follow-up item of ``inspection`` (the inspection's values as saved)."""
    if inspection.done_date is None:
        raise WorkError(
            _("Follow-up items come from an inspection carried out: enter its date carried out first."),
            field="deadline",
        )
    text = _text(data, "text", 2000, _("follow-up item"), required=True)
    unit = data.get("unit")
    if (
        not isinstance(unit, OrgUnit)
        or not access.inspectable_units(inspection.plan).filter(pk=unit.pk).exists()
    ):
        raise WorkError(_("Choose the unit responsible for the follow-up item."), field="unit")
    deadline = data.get("deadline")
    if not isinstance(deadline, dt.date):
        raise WorkError(_("Enter the deadline of the follow-up item (dd/mm/yyyy)."), field="deadline")
    if deadline < inspection.done_date:
        raise WorkError(
            _("The deadline %(deadline)s is before the inspection's date %(day)s.")
            % {"deadline": _day(deadline), "day": _day(inspection.done_date)},
            field="deadline",
        )
    status = data.get("status") or FollowUpStatus.NOT_STARTED
    if status not in dict(FOLLOW_UP_CHOICES):
        raise WorkError(_("Choose the status of the follow-up item."), field="status")
    note = _text(data, "note", 4000, _("progress note"))
    return {"text": text, "unit": unit, "deadline": deadline, "status": status, "note": note}


def _save_follow_up(item: FollowUp, values: dict, user) -> FollowUp:
    for name, value in values.items():
        setattr(item, name, value)
    item.updated_by, item.updated_at = user, timezone.now()
    audit.by(item, user).save()
    return item


def record(plan: Plan, user, data: dict, follow_ups: Sequence[dict] = ()) -> Inspection:
    """Record an inspection of ``plan`` (planned, or done with its findings) and its follow-up items."""
    if not access.can_manage_inspections(user, plan):
        raise AccessDenied(_("Only the province's focal officer records inspections."))
    cleaned = _check(plan, data, timezone.localdate())
    units = cleaned.pop("units")
    inspection = Inspection(plan=plan, created_by=user, **cleaned)
    items = [_check_follow_up(inspection, item) for item in follow_ups]
    with transaction.atomic():
        audit.by(inspection, user).save()
        inspection.units.set(units)
        for values in items:
            _save_follow_up(FollowUp(inspection=inspection), values, user)
    return inspection


def change(inspection: Inspection, user, data: dict) -> Inspection:
    """Correct an inspection (the audit trail keeps the old values). Its follow-up items must still
    fall on or after its date."""
    if not access.can_change_inspection(user, inspection):
        raise AccessDenied(_("Only the province's focal officer changes inspections."))
    current = {name: getattr(inspection, name) for name in FIELDS if name != "units"}
    current["units"] = list(inspection.units.all())
    cleaned = _check(inspection.plan, current | data, timezone.localdate())
    items = inspection.follow_ups.all()
    if items.exists():
        if cleaned["done_date"] is None:
            raise WorkError(
                _("The inspection has follow-up items: its date carried out cannot be removed."),
                field="done_date",
            )
        earliest = items.order_by("deadline").first()
        if earliest is not None and earliest.deadline < cleaned["done_date"]:
            raise WorkError(
                _("The follow-up item due %(deadline)s would fall before the inspection's date %(day)s.")
                % {"deadline": _day(earliest.deadline), "day": _day(cleaned["done_date"])},
                field="done_date",
            )
    units = cleaned.pop("units")
    with transaction.atomic():
        for name, value in cleaned.items():
            setattr(inspection, name, value)
        audit.by(inspection, user).save()
        if {u.pk for u in units} != set(inspection.units.values_list("pk", flat=True)):
            audit.by(inspection, user)
            inspection.units.set(units)
    return inspection


def add_follow_up(inspection: Inspection, user, data: dict) -> FollowUp:
    """Give a unit a follow-up item of ``inspection`` (the focal officer)."""
    if not access.can_change_inspection(user, inspection):
        raise AccessDenied(_("Only the province's focal officer assigns follow-up items."))
    values = _check_follow_up(inspection, data)
    with transaction.atomic():
        return _save_follow_up(FollowUp(inspection=inspection), values, user)


def update_follow_up(item: FollowUp, user, data: dict) -> FollowUp:
    """Keep a follow-up item up to date: the responsible unit's reporter changes its status and note,
    the focal officer any of its fields."""
    if not access.can_update_follow_up(user, item):
        raise AccessDenied(_("Only the responsible unit and the focal officer update this follow-up item."))
    manager = access.can_change_inspection(user, item.inspection)
    if not manager:
        refused = sorted(set(data) - set(UNIT_FIELDS))
        if refused:
            raise AccessDenied(_("The responsible unit changes only the status and the note of the item."))
    current = {name: getattr(item, name) for name in FOLLOW_UP_FIELDS}
    values = _check_follow_up(item.inspection, current | data)
    with transaction.atomic():
        return _save_follow_up(item, values, user)


def remove_follow_up(item: FollowUp, user) -> None:
    """Withdraw a follow-up item (the focal officer; its history is kept)."""
    if not access.can_change_inspection(user, item.inspection):
        raise AccessDenied(_("Only the province's focal officer withdraws follow-up items."))
    with transaction.atomic():
        audit.by(item, user).delete()


def remove(inspection: Inspection, user) -> None:
    """Remove an inspection recorded by mistake (the focal officer). One with follow-up items is refused:
    withdraw them first, so that no unit's item disappears unseen. The audit trail keeps it."""
    if not access.can_change_inspection(user, inspection):
        raise AccessDenied(_("Only the province's focal officer changes inspections."))
    count = inspection.follow_ups.count()
    if count:
        raise WorkError(
            _("The inspection has %(count)d follow-up items: withdraw them before removing it.")
            % {"count": count},
            field="confirm",
        )
    with transaction.atomic():
        audit.by(inspection, user).delete()


# ------------------------------------------------------------------------------------------- reading


def filtered(
    inspections: QuerySet[Inspection], *, year: int | None = None, status: str = "", unit: int | None = None
) -> QuerySet[Inspection]:
    """``status``: ``planned`` (not carried out yet), ``done``, or ``open`` (follow-up items not done)."""
    if year is not None:
        inspections = inspections.filter(Q(planned_date__year=year) | Q(done_date__year=year))
    if status == "planned":
        inspections = inspections.filter(done_date__isnull=True)
    elif status == "done":
        inspections = inspections.filter(done_date__isnull=False)
    elif status == "open":
        open_items = FollowUp.objects.exclude(status=FollowUpStatus.DONE).values("inspection")
        inspections = inspections.filter(pk__in=open_items)
    if unit is not None:
        inspections = inspections.filter(units=unit)
    return inspections.distinct()


def overdue_follow_ups(items: QuerySet[FollowUp], today: dt.date | None = None) -> QuerySet[FollowUp]:
    today = today or timezone.localdate()
    return (
        items.exclude(status=FollowUpStatus.DONE)
        .filter(deadline__lt=today)
        .select_related("unit", "inspection")
        .order_by("deadline", "pk")
    )


def open_follow_ups(items: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    return (
        items.exclude(status=FollowUpStatus.DONE)
        .select_related("unit", "inspection")
        .order_by("deadline", "pk")
    )


def of_unit(user, unit: OrgUnit) -> QuerySet[Inspection]:
    """The inspections the user may read that visited ``unit`` or gave it follow-up items."""
    concerned = Inspection.objects.filter(Q(units=unit) | Q(follow_ups__unit=unit)).values("pk")
    return (
        access.visible_inspections(user)
        .filter(pk__in=concerned)
        .select_related("plan", "lead_agency")
        .prefetch_related("follow_ups__unit")
        .order_by("-planned_date", "-pk")
    )


def unit_panel(user, unit: OrgUnit) -> tuple[str, dict] | None:
    """The inspections block of a unit's page (``accounts.unit_panels``): none on a province's page."""
    if unit.is_province:
        return None
    return "work/_unit_inspections.html", {"inspections": list(of_unit(user, unit)[:20])}
