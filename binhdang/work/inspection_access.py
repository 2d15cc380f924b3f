"""Who may see and change inspections and their follow-up items (every query about them goes here).

- The province's readers (its focal officers and leaders), the ministry and admins read all of a
  province's inspections; the province's focal officers (and admins) record and change them.
- A reporter reads the inspections of the units they report for: those inspected, and those whose
  follow-up items name their unit; they update the status and note of the items addressed to their
  unit, nothing else.
- Another province sees nothing (404).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from binhdang.accounts.access import (
    manages_province_id,
    readable_province_ids,
    readable_provinces,
    reporting_unit_ids,
    reports_for_unit_id,
    sees_all_provinces,
)
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.access import manageable_plans
from binhdang.plans.models import Plan
from binhdang.work.inspection_models import FollowUp, Inspection


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _visibility(user, prefix: str = "") -> Q | None:
    """The condition on an inspection (``prefix``: the path to it) that the user reads it; None for
    none. Id lists from the request's role grants; the reporter's inspections by two plain subqueries
    (visited units, units named by follow-up items) rather than an OR over two joins."""
    if not _signed_in(user):
        return None
    if sees_all_provinces(user):
        where = Q(**{f"{prefix}plan__province__in": readable_provinces(user).values("pk")})
    else:
        provinces = sorted(readable_province_ids(user))
        where = Q(**{f"{prefix}plan__province_id__in": provinces}) if provinces else Q()
    units = sorted(reporting_unit_ids(user))
    if units:
        visited = Inspection.units.through.objects.filter(orgunit_id__in=units).values("inspection_id")
        named = FollowUp.objects.filter(unit_id__in=units).order_by().values("inspection_id")
        key = f"{prefix}pk__in" if not prefix else f"{prefix}in"
        where |= Q(**{key: visited}) | Q(**{key: named})
    return where or None


def visible_inspections(user) -> QuerySet[Inspection]:
    where = _visibility(user)
    return Inspection.objects.filter(where) if where is not None else Inspection.objects.none()


def inspection_or_404(user, pk: int) -> Inspection:
    found = visible_inspections(user).select_related("plan", "lead_agency").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def can_manage_inspections(user, plan: Plan) -> bool:
    """Record, change and remove the inspections of ``plan`` (the province's focal officers, admins)."""
    return _signed_in(user) and manages_province_id(user, plan.province_id)


def can_change_inspection(user, inspection: Inspection) -> bool:
    return can_manage_inspections(user, inspection.plan)


def visible_follow_ups(user) -> QuerySet[FollowUp]:
    # Through the item's inspection (one per item: no repeated rows), not a nested subquery.
    where = _visibility(user, "inspection__")
    return FollowUp.objects.filter(where) if where is not None else FollowUp.objects.none()


def follow_up_or_404(user, pk: int) -> FollowUp:
    found = visible_follow_ups(user).select_related("inspection__plan", "unit").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def can_update_follow_up(user, item: FollowUp) -> bool:
    """Set the status and note of an item: its responsible unit's reporters and the focal officers."""
    if not _signed_in(user):
        return False
    return can_change_inspection(user, item.inspection) or reports_for_unit_id(user, item.unit_id)


def inspectable_units(plan: Plan) -> QuerySet[OrgUnit]:
    """The units an inspection of ``plan`` may visit or name: the province's units in operation."""
    return (
        OrgUnit.objects.filter(province_id=plan.province_id, valid_to__isnull=True)
        .exclude(pk=plan.province_id)
        .order_by("type", "name")
    )


def inspection_plans(user) -> QuerySet[Plan]:
    """Plans whose inspections the user may record (the active plans of the provinces they manage)."""
    return manageable_plans(user).exclude(status="draft").order_by("-period_start", "pk")
