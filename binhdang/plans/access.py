"""Who may see and change plans. Every plan query of a view goes through here.

Built on ``binhdang.accounts.access``:

- admins and ministry viewers read every province's plans; leaders read their province's;
- focal officers read and manage (upload, confirm, edit the roadmap, change the status) the plans of
  the province(s) they are assigned to;
- reporters read the plans in force (and archived ones) of the province of the units they report
  for; drafts are the focal officer's work in progress and stay hidden from them;
- anyone else sees nothing (views answer 404, so a plan's existence is not disclosed).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from binhdang.accounts import access as base
from binhdang.accounts.access import managed_provinces
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import (
    AgencyDuty,
    Goal,
    Indicator,
    Plan,
    PlanImport,
    PlanStatus,
    ReportingObligation,
    Target,
    Task,
)


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def plan_visibility(user, prefix: str = "") -> Q | None:
    """The condition on a plan (``prefix``: the path to it, e.g. ``"plan__"``) that the user may open
    it; None when they may open none. Built from the role grants read for the request: id lists, no
    subquery (the ministry's and admins' every province excepted)."""
    if not _authenticated(user):
        return None
    if base.sees_all_provinces(user):
        return Q(**{f"{prefix}province__in": base.readable_provinces(user).values("pk")})
    provinces = sorted(base.readable_province_ids(user))
    reporter_provinces = sorted(base.reporting_province_ids(user))
    where = Q()
    if provinces:
        where |= Q(**{f"{prefix}province_id__in": provinces})
    if reporter_provinces:
        where |= Q(**{f"{prefix}province_id__in": reporter_provinces}) & ~Q(
            **{f"{prefix}status": PlanStatus.DRAFT}
        )
    return where or None


def visible_plans(user) -> QuerySet[Plan]:
    """Plans whose pages the user may open."""
    where = plan_visibility(user)
    if where is None:
        return Plan.objects.none()
    return Plan.objects.filter(where).select_related("province", "org_unit")


def manageable_plans(user) -> QuerySet[Plan]:
    """Plans the user may change."""
    if not _authenticated(user):
        return Plan.objects.none()
    if user.is_superuser:
        return Plan.objects.filter(province__in=managed_provinces(user).values("pk"))
    provinces = sorted(base.managed_province_ids(user))
    return Plan.objects.filter(province_id__in=provinces) if provinces else Plan.objects.none()


def can_view_plan(user, plan: Plan | None) -> bool:
    return plan is not None and visible_plans(user).filter(pk=plan.pk).exists()


def can_manage_plan(user, plan: Plan | None) -> bool:
    """Whether the user may edit ``plan`` (roadmap, bindings, status)."""
    return plan is not None and manageable_plans(user).filter(pk=plan.pk).exists()


def upload_provinces(user) -> QuerySet[OrgUnit]:
    """Provinces the user may upload plans for (focal officers: theirs; admins: all)."""
    if not _authenticated(user):
        return OrgUnit.objects.none()
    return managed_provinces(user)


def can_upload(user) -> bool:
    if _authenticated(user) and user.is_superuser:
        return upload_provinces(user).exists()
    return bool(base.managed_province_ids(user))


def visible_imports(user) -> QuerySet[PlanImport]:
    """Uploads the user may review, confirm or discard (those of the provinces they manage)."""
    return PlanImport.objects.filter(province__in=upload_provinces(user).values("pk")).select_related(
        "province"
    )


def plan_or_404(user, slug: str) -> Plan:
    plan = visible_plans(user).filter(slug=slug).first()
    if plan is None:
        raise Http404
    return plan


def indicator_or_404(user, plan: Plan, pk: int) -> Indicator:
    indicator = plan.indicators.filter(pk=pk).select_related("catalog", "goal").first()
    if indicator is None or not can_view_plan(user, plan):
        raise Http404
    return indicator


def import_or_404(user, pk: int) -> PlanImport:
    upload = visible_imports(user).filter(pk=pk).first()
    if upload is None:
        raise Http404
    return upload


def managed_plan_or_404(user, slug: str) -> Plan:
    """A plan the user edits (the review page and its items): 404 when the user may not see it, 403
    when they may see it but not change it."""
    plan = plan_or_404(user, slug)
    if not can_manage_plan(user, plan):
        raise PermissionDenied
    return plan


def review_item_or_404(plan: Plan, kind: str, pk: int):
    """One item of ``plan`` on the review page (``plan`` itself, ``indicator``, ``target``, ``duty``,
    ``task``, ``goal``, ``obligation``), for a user already allowed to manage the plan; 404 when it is not the plan's."""
    if kind == "plan":
        if pk != plan.pk:
            raise Http404
        return plan
    querysets = {
        "indicator": Indicator.objects.filter(plan=plan).select_related("catalog", "goal"),
        "target": Target.objects.filter(indicator__plan=plan).select_related("indicator"),
        "duty": AgencyDuty.objects.filter(plan=plan).select_related("agency"),
        "task": Task.objects.filter(plan=plan).select_related("lead"),
        "goal": Goal.objects.filter(plan=plan),
        "obligation": ReportingObligation.objects.filter(plan=plan).select_related("reporter_unit"),
    }
    if kind not in querysets:
        raise Http404
    item = querysets[kind].filter(pk=pk).first()
    if item is None:
        raise Http404
    return item
