"""Who sees and records the province's gender statistics. Every view and the API go through here.

- focal officers read and record every series of their province(s); leaders read them;
- ministry viewers and admins read every province (an admin also records, as everywhere);
- a reporter records, and reads, the series of the indicators their unit is responsible for in a plan
  of the province in force (Thống kê tỉnh for the labour-force figures, Sở Y tế for the sex ratio at
  birth...); another unit's series are not theirs;
- anyone else: 404 (the province's existence is not disclosed).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from binhdang.accounts import access as base
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.models import CatalogIndicator, Indicator, PlanStatus
from binhdang.results.models import GenderStatistic


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _readable_province_ids(user):
    """The provinces the user reads: a subquery for the ministry and admins (every province), else the
    id list of their grants."""
    if base.sees_all_provinces(user):
        return base.readable_provinces(user).values("pk")
    return sorted(base.readable_province_ids(user))


def statistic_series() -> QuerySet[CatalogIndicator]:
    """The series a statistic may be: the catalog's strategy indicators."""
    return CatalogIndicator.objects.filter(program="strategy").order_by("sort_order", "code")


def reporter_series(user, province: OrgUnit) -> dict[str, OrgUnit]:
    """``{series: the user's unit responsible for it}`` in ``province``'s plans in force."""
    units = base.reporting_units(user).filter(province=province)
    ids = sorted(base.reporting_unit_ids(user))
    if not ids:
        return {}
    rows = (
        Indicator.objects.filter(
            plan__province=province,
            plan__status=PlanStatus.ACTIVE,
            catalog__program="strategy",
            responsible__in=ids,
        )
        .values_list("catalog__code", "responsible")
        .distinct()
    )
    by_pk = {u.pk: u for u in units}
    return {code: by_pk[unit_pk] for code, unit_pk in rows if unit_pk in by_pk}


def series_responsibilities(user) -> QuerySet[Indicator]:
    """The strategy indicators of plans in force one of the user's units is responsible for (the units
    of ``reporter_series``, whatever the province: a reporting unit belongs to one)."""
    units = sorted(base.reporting_unit_ids(user))
    if not units:
        return Indicator.objects.none()
    return Indicator.objects.filter(
        responsible__in=units, plan__status=PlanStatus.ACTIVE, catalog__program="strategy"
    ).order_by()


def responsible_for_a_series(user) -> bool:
    """Whether one of the user's units is responsible for a strategy indicator of a plan in force."""
    if not base.reporting_unit_ids(user):
        return False
    return series_responsibilities(user).exists()


def provinces(user) -> QuerySet[OrgUnit]:
    """The provinces whose statistics the user reads: the provinces they read, and a reporter's where
    their unit is responsible for a strategy indicator."""
    if not _active(user):
        return OrgUnit.objects.none()
    responsible = Indicator.objects.filter(
        plan__status=PlanStatus.ACTIVE,
        catalog__program="strategy",
        responsible__in=sorted(base.reporting_unit_ids(user)),
    ).values("plan__province_id")
    return (
        OrgUnit.objects.filter(type=OrgUnitType.PROVINCE)
        .filter(Q(pk__in=_readable_province_ids(user)) | Q(pk__in=responsible))
        .order_by("name")
    )


def readable_series(user, province: OrgUnit) -> set[str] | None:
    """The series of ``province`` the user reads: None for all of them."""
    if base.reads_province(user, province):
        return None
    return set(reporter_series(user, province))


def can_manage(user, province: OrgUnit) -> bool:
    """Record any series and import files: focal officers of the province, admins."""
    return _active(user) and base.manages_province(user, province)


def recordable_series(user, province: OrgUnit) -> dict[str, OrgUnit | None]:
    """``{series: the agency recording it}`` the user may record in ``province`` (the focal officer:
    every series, the agency left to choose)."""
    if can_manage(user, province):
        return {c.code: None for c in statistic_series()}
    if not _active(user):
        return {}
    return dict(reporter_series(user, province))


def can_record(user, province: OrgUnit, series: str) -> bool:
    return series in recordable_series(user, province)


def province_or_404(user, code: str | None) -> OrgUnit | None:
    """The province named by ``code`` if the user reads its statistics; without a code the user's own
    province, or None when they read several (the ministry chooses). A reporter of the province whose
    unit records no statistic gets 403 (they know the province exists), anyone else 404."""
    allowed = provinces(user)
    if code:
        province = allowed.filter(code=code).first()
    else:
        home = base.home_province(user)
        province = allowed.filter(pk=home.pk).first() if home is not None else None
        if province is None and home is None and allowed.exists():
            return None
    if province is None:
        wanted = code or (home.code if home is not None else None)
        if wanted and base.reporting_units(user).filter(province__code=wanted).exists():
            raise PermissionDenied
        raise Http404
    return province


def visible_statistics(user) -> QuerySet[GenderStatistic]:
    """Every figure the user may read: their provinces' (the ministry's: all), and a reporter's the
    series of the indicators their units are responsible for."""
    if not _active(user):
        return GenderStatistic.objects.none()
    allowed = Q(province__in=_readable_province_ids(user))
    pairs = (
        Indicator.objects.filter(
            plan__status=PlanStatus.ACTIVE,
            catalog__program="strategy",
            responsible__in=sorted(base.reporting_unit_ids(user)),
        )
        .values_list("plan__province_id", "catalog__code")
        .distinct()
    )
    for province_id, code in pairs:
        allowed |= Q(province_id=province_id, series=code)
    return GenderStatistic.objects.filter(allowed)


def visible_history(user, province: OrgUnit):
    """The changes of the province's figures the user may read, newest first (who, when, old values
    are in the earlier records)."""
    ids = visible_statistics(user).filter(province=province).values("pk")
    return (
        GenderStatistic.history.filter(id__in=ids)
        .select_related("history_user", "recorded_by_unit")
        .order_by("-history_date", "-history_id")
    )
