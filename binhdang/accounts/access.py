"""Who may see and change what, by province and unit. Every other access helper builds on these.

The rules (issue 2):
- an admin (superuser) and a ministry viewer read every province; only an admin changes any;
- a focal officer manages the province(s) they are assigned to, and everything in them;
- a leader reads the province(s) they are assigned to;
- a reporter reads and writes only for the units they are assigned to.
One province never sees another's data.
"""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet

from binhdang.accounts.models import PROVINCE_ROLES, Role, RoleAssignment, User
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit


def _assigned_units(user, *roles: str) -> QuerySet[OrgUnit]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(role_assignments__user=user, role_assignments__role__in=roles).distinct()


def sees_all_provinces(user) -> bool:
    """Admins and ministry viewers read every province."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.role_assignments.filter(role=Role.MINISTRY_VIEWER).exists()


def managed_provinces(user) -> QuerySet[OrgUnit]:
    """Provinces the user manages as focal officer (all of them for an admin)."""
    if getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser:
        return OrgUnit.objects.provinces()
    return _assigned_units(user, Role.FOCAL_OFFICER).filter(type="province")


def readable_provinces(user) -> QuerySet[OrgUnit]:
    """Provinces whose whole data the user may read (focal officer, leader, ministry, admin)."""
    if sees_all_provinces(user):
        return OrgUnit.objects.provinces()
    return _assigned_units(user, Role.FOCAL_OFFICER, Role.LEADER).filter(type="province")


def reporting_units(user) -> QuerySet[OrgUnit]:
    """Units the user reports for."""
    return _assigned_units(user, Role.REPORTER)


def home_province(user) -> OrgUnit | None:
    """The province a user works in: managed, read, or that of a unit they report for."""
    for queryset in (managed_provinces(user), readable_provinces(user)):
        province = queryset.order_by("name").first()
        if province is not None and not sees_all_provinces(user):
            return province
    unit = reporting_units(user).select_related("province").first()
    return unit.province if unit else None


def manages_province(user, province: OrgUnit | None) -> bool:
    return province is not None and managed_provinces(user).filter(pk=province.pk).exists()


def reads_province(user, province: OrgUnit | None) -> bool:
    return province is not None and readable_provinces(user).filter(pk=province.pk).exists()


def reports_for(user, unit: OrgUnit | None) -> bool:
    return unit is not None and reporting_units(user).filter(pk=unit.pk).exists()


def manageable_units(user) -> QuerySet[OrgUnit]:
    """Units of the provinces the user manages (the provinces themselves included)."""
    return OrgUnit.objects.filter(province__in=managed_provinces(user))


def reporter_units_of(province: OrgUnit) -> QuerySet[OrgUnit]:
    """Units of ``province`` that can have reporters: its departments, mass organisations, media, communes."""
    return OrgUnit.objects.filter(province=province, type__in=REPORTING_TYPES)


def manageable_users(user) -> QuerySet[User]:
    """Accounts the user may manage (list, edit, reset, deactivate).

    An admin manages every account. A focal officer manages the accounts whose role assignments all
    lie in the provinces they manage (at least one of them there): never a superuser, a ministry
    viewer, nor anyone also holding a role elsewhere.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return User.objects.none()
    if user.is_superuser:
        return User.objects.all()
    provinces = managed_provinces(user)
    inside = RoleAssignment.objects.filter(org_unit__province__in=provinces).values("user")
    outside = RoleAssignment.objects.filter(
        Q(org_unit__isnull=True) | Q(org_unit__province__isnull=True) | ~Q(org_unit__province__in=provinces)
    ).values("user")
    return User.objects.filter(is_superuser=False, pk__in=inside).exclude(pk__in=outside)


def can_manage_user(user, target: User | None) -> bool:
    return target is not None and manageable_users(user).filter(pk=target.pk).exists()


def grantable_roles(user) -> list[str]:
    """Roles the user may give: focal officers give province and unit roles; admins also ministry viewer.

    Nobody grants the admin role here (that is the superuser flag, set in the Django admin).
    """
    if not managed_provinces(user).exists():
        return []
    roles: list[str] = [Role.REPORTER, *PROVINCE_ROLES]
    if user.is_superuser:
        roles.append(Role.MINISTRY_VIEWER)
    return roles


# rules predicates, for `user.has_perm("app.perm", obj)` and templates.
@rules.predicate
def is_focal_officer(user) -> bool:
    return managed_provinces(user).exists()


@rules.predicate
def is_leader(user) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and user.role_assignments.filter(role=Role.LEADER).exists()
    )


@rules.predicate
def is_reporter(user) -> bool:
    return reporting_units(user).exists()


@rules.predicate
def is_ministry_viewer(user) -> bool:
    return sees_all_provinces(user)
