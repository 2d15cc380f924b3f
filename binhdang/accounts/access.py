"""Who may see and change what, by province and unit. Every other access helper builds on these.

The rules (issue 2):
- an admin (superuser) and a ministry viewer read every province; only an admin changes any;
- a focal officer manages the province(s) they are assigned to, and everything in them;
- a leader reads the province(s) they are assigned to;
- a reporter reads and writes only for the units they are assigned to.
One province never sees another's data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import rules
from django.db.models import Q, QuerySet

from binhdang.accounts.models import PROVINCE_ROLES, Role, RoleAssignment, User
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit

#: The role assignments read during the current request, by user id (see :func:`grants`).
_REQUEST_GRANTS: ContextVar[dict[int, tuple] | None] = ContextVar("binhdang_request_grants", default=None)


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@contextmanager
def roles_read_once() -> Iterator[None]:
    """Within this block (a request: ``accounts.middleware.RolesReadOnceMiddleware``) each user's
    role assignments are read from the database once, however many access checks a page makes."""
    token = _REQUEST_GRANTS.set({})
    try:
        yield
    finally:
        _REQUEST_GRANTS.reset(token)


def forget_grants(user_id: int) -> None:
    """A role assignment of this user changed: read them again (``accounts.signals``)."""
    scope = _REQUEST_GRANTS.get()
    if scope is not None:
        scope.pop(user_id, None)


def grants(user) -> tuple[tuple[str, int | None, str | None], ...]:
    """The user's role assignments as ``(role, unit id, unit type)``: once per request (see
    :func:`roles_read_once`), from the database every time outside one."""
    if not _signed_in(user):
        return ()
    scope = _REQUEST_GRANTS.get()
    if scope is not None and user.pk in scope:
        return scope[user.pk]
    rows = tuple(user.role_assignments.values_list("role", "org_unit_id", "org_unit__type"))
    if scope is not None:
        scope[user.pk] = rows
    return rows


def _unit_ids(user, *roles: str, unit_type: str | None = None) -> set[int]:
    return {
        unit
        for role, unit, kind in grants(user)
        if role in roles and unit is not None and (unit_type is None or kind == unit_type)
    }


def _assigned_units(user, *roles: str) -> QuerySet[OrgUnit]:
    if not _signed_in(user):
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(pk__in=_unit_ids(user, *roles))


def sees_all_provinces(user) -> bool:
    """Admins and ministry viewers read every province."""
    if not _signed_in(user):
        return False
    return user.is_superuser or any(role == Role.MINISTRY_VIEWER for role, _unit, _kind in grants(user))


def managed_provinces(user) -> QuerySet[OrgUnit]:
    """Provinces the user manages as focal officer (all of them for an admin)."""
    if _signed_in(user) and user.is_superuser:
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


def manages_any_province(user) -> bool:
    """A focal officer of at least one province, or an admin (no query once the roles are read)."""
    if not _signed_in(user):
        return False
    return user.is_superuser or bool(_unit_ids(user, Role.FOCAL_OFFICER, unit_type="province"))


def reports_for_any_unit(user) -> bool:
    return bool(_unit_ids(user, Role.REPORTER))


def home_province(user) -> OrgUnit | None:
    """The province a user works in: managed, read, or that of a unit they report for."""
    for queryset in (managed_provinces(user), readable_provinces(user)):
        province = queryset.order_by("name").first()
        if province is not None and not sees_all_provinces(user):
            return province
    unit = reporting_units(user).select_related("province").first()
    return unit.province if unit else None


def manages_province_id(user, province_id: int | None) -> bool:
    """Does the user manage the province with this id (the id of a province, e.g. a period's)."""
    if province_id is None or not _signed_in(user):
        return False
    return user.is_superuser or province_id in _unit_ids(user, Role.FOCAL_OFFICER, unit_type="province")


def reads_province_id(user, province_id: int | None) -> bool:
    """May the user read the whole data of the province with this id."""
    if province_id is None or not _signed_in(user):
        return False
    return sees_all_provinces(user) or province_id in _unit_ids(
        user, Role.FOCAL_OFFICER, Role.LEADER, unit_type="province"
    )


def manages_province(user, province: OrgUnit | None) -> bool:
    return province is not None and province.type == "province" and manages_province_id(user, province.pk)


def reads_province(user, province: OrgUnit | None) -> bool:
    return province is not None and province.type == "province" and reads_province_id(user, province.pk)


def reports_for(user, unit: OrgUnit | None) -> bool:
    return unit is not None and reports_for_unit_id(user, unit.pk)


def reports_for_unit_id(user, unit_id: int | None) -> bool:
    return unit_id is not None and unit_id in _unit_ids(user, Role.REPORTER)


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
    if not manages_any_province(user):
        return []
    roles: list[str] = [Role.REPORTER, *PROVINCE_ROLES]
    if user.is_superuser:
        roles.append(Role.MINISTRY_VIEWER)
    return roles


# rules predicates, for `user.has_perm("app.perm", obj)` and templates.
@rules.predicate
def is_focal_officer(user) -> bool:
    return manages_any_province(user)


@rules.predicate
def is_leader(user) -> bool:
    return any(role == Role.LEADER for role, _unit, _kind in grants(user))


@rules.predicate
def is_reporter(user) -> bool:
    return reports_for_any_unit(user)


@rules.predicate
def is_ministry_viewer(user) -> bool:
    return sees_all_provinces(user)
