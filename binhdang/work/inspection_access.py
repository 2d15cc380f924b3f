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
    readable_provinces,
    reporting_units,
    reports_for_unit_id,
)
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.access import manageable_plans
from binhdang.plans.models import Plan
from binhdang.work.inspection_models import FollowUp, Inspection


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def visible_inspections(user) -> QuerySet[Inspection]:
    if not _signed_in(user):
        return Inspection.objects.none()
    units = reporting_units(user).values("pk")
    mine = Inspection.objects.filter(Q(units__in=units) | Q(follow_ups__unit__in=units)).values("pk")
    return Inspection.objects.filter(
        Q(plan__province__in=readable_provinces(user).values("pk")) | Q(pk__in=mine)
    )


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
    return FollowUp.objects.filter(inspection__in=visible_inspections(user).values("pk"))


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
