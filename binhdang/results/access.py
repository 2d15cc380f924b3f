"""Who sees which results. Every results view gets its objects through here.

Built on ``binhdang.accounts.access``:

- focal officers and leaders see every result of their province(s): plan dashboards, indicator
  pages, completeness, the leaders' one-page view and every unit's figures;
- ministry viewers and admins see every province, and the ministry view of all provinces side by side;
- a reporter sees the figures of the units they report for, nothing else of the province: the
  province's dashboards answer 403 (they know the province exists), another unit's figures 403 too;
- anyone else (an officer of another province, an account without a role) gets 404: the object's
  existence is not disclosed.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from binhdang.accounts import access as base
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Indicator, Plan, PlanStatus


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def result_plans(user) -> QuerySet[Plan]:
    """Plans whose results the user may see (drafts excluded: they are not in force)."""
    if not _active(user):
        return Plan.objects.none()
    if base.sees_all_provinces(user):
        plans = Plan.objects.filter(province__in=base.readable_provinces(user).values("pk"))
    else:
        provinces = sorted(base.readable_province_ids(user))
        if not provinces:
            return Plan.objects.none()
        plans = Plan.objects.filter(province_id__in=provinces)
    return plans.exclude(status=PlanStatus.DRAFT)


def can_view_plan_results(user, plan: Plan | None) -> bool:
    return plan is not None and result_plans(user).filter(pk=plan.pk).exists()


def can_view_national(user) -> bool:
    """The ministry view (all provinces side by side): ministry viewers and admins."""
    return base.sees_all_provinces(user)


def can_view_unit_results(user, unit: OrgUnit | None) -> bool:
    """A unit's own figures: readers of its province, and its reporters."""
    if unit is None or not _active(user):
        return False
    return base.reads_province(user, unit.province) or base.reports_for(user, unit)


def _knows_province(user, province_id: int | None) -> bool:
    """Whether the user works in the province (a reporter of one of its units): 403 rather than 404."""
    return province_id is not None and province_id in base.reporting_province_ids(user)


def get_plan(user, pk: int) -> Plan:
    """The plan ``pk`` if the user may see its results; 403 for a reporter of its province; else 404."""
    plan = Plan.objects.select_related("province").filter(pk=pk).exclude(status=PlanStatus.DRAFT).first()
    if plan is None:
        raise Http404
    if can_view_plan_results(user, plan):
        return plan
    if _knows_province(user, plan.province_id):
        raise PermissionDenied
    raise Http404


def get_indicator(user, pk: int) -> Indicator:
    """The indicator ``pk`` under the same rule as its plan."""
    indicator = Indicator.objects.filter(pk=pk).values_list("plan_id", flat=True).first()
    if indicator is None:
        raise Http404
    plan = get_plan(user, indicator)
    found = Indicator.objects.select_related("catalog").get(pk=pk)
    found.plan = plan
    return found


def get_unit(user, plan: Plan, unit_pk: int) -> OrgUnit:
    """A unit of ``plan``'s province whose figures the user may see (403 for another unit of a
    reporter's province, 404 outside)."""
    unit = OrgUnit.objects.filter(pk=unit_pk, province_id=plan.province_id).first()
    if unit is None:
        raise Http404
    if can_view_unit_results(user, unit):
        return unit
    if _knows_province(user, unit.province_id):
        raise PermissionDenied
    raise Http404


def get_unit_plan(user, pk: int) -> Plan:
    """The plan of a unit page: for a reporter, any plan in force of their province; else as :func:`get_plan`."""
    plan = Plan.objects.select_related("province").filter(pk=pk).exclude(status=PlanStatus.DRAFT).first()
    if plan is None:
        raise Http404
    if can_view_plan_results(user, plan) or _knows_province(user, plan.province_id):
        return plan
    raise Http404


def home_plans(user) -> QuerySet[Plan]:
    """Plans in force the user's results home links to: their province's (all for the ministry)."""
    return result_plans(user).filter(status=PlanStatus.ACTIVE).select_related("province")


def reporter_units(user) -> QuerySet[OrgUnit]:
    return base.reporting_units(user).select_related("province")
