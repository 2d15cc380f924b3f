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
from typing import NamedTuple

import rules
from django.db import connections, router
from django.db.models import Q, QuerySet

from binhdang.accounts.models import PROVINCE_ROLES, Role, RoleAssignment, User
from binhdang.core import statements
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


class _GrantSQL(NamedTuple):
    """The pieces of SQL that read ``(role, unit id, unit type, the unit's province id)`` of role
    assignments (alias ``g``) with their units (alias ``gu``)."""

    select: str
    table: str  # the role assignments' table
    user: str  # their user column
    units: str  # the outer join of their units


def _grant_sql(connection) -> _GrantSQL:
    quote = connection.ops.quote_name
    grant, unit = RoleAssignment._meta, OrgUnit._meta

    def column(meta, name: str) -> str:
        return quote(str(meta.get_field(name).column))

    return _GrantSQL(
        select=f"g.{column(grant, 'role')}, g.{column(grant, 'org_unit')}, gu.{column(unit, 'type')}, gu.{column(unit, 'province')}",
        table=quote(grant.db_table),
        user=column(grant, "user"),
        units=f" LEFT OUTER JOIN {quote(unit.db_table)} gu ON gu.{quote(str(unit.pk.column))} = g.{column(grant, 'org_unit')}",
    )


def grants_joined(connection, user_id: str) -> tuple[str, str]:
    """The select list and the joins that read, with a user's row, ``(role, unit id, unit type, the
    unit's province id)`` of each of its role assignments: one row per assignment, or one of NULLs
    for a user without any (outer joins). ``user_id`` is the SQL of the user's id (``u."id"``). The
    user of a session is read with its roles (``accounts.backends.read_user``, then
    :func:`remember_grants`): one statement on every request instead of two."""
    sql = _grant_sql(connection)
    return sql.select, f" LEFT OUTER JOIN {sql.table} g ON g.{sql.user} = {user_id}{sql.units}"


def remember_grants(user_id: int, rows: tuple[tuple[str, int | None, str | None, int | None], ...]) -> None:
    """The user's role assignments, just read with it (:func:`grants_joined`), as the request's read of
    them (:func:`roles_read_once`; nothing outside a request)."""
    scope = _REQUEST_GRANTS.get()
    if scope is not None:
        scope[user_id] = rows


def _grants_statement(connection) -> str:
    """The role, unit id, unit type and unit's province id of each role assignment of a user."""
    sql = _grant_sql(connection)
    return f"SELECT {sql.select} FROM {sql.table} g{sql.units} WHERE g.{sql.user} = %s"


def _read_grants(user_id: int) -> tuple[tuple[str, int | None, str | None, int | None], ...]:
    """``(role, unit id, unit type, the unit's province id)`` of each role assignment of the user: what
    ``user.role_assignments.values_list("role", "org_unit_id", "org_unit__type",
    "org_unit__province_id")`` reads, with one plain statement written once per database (from the
    models' table and column names: ``core.statements``) instead of the ORM building it for every
    request."""
    connection = connections[router.db_for_read(RoleAssignment)]
    sql = statements.written("accounts.grants", connection, _grants_statement)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        return tuple(map(tuple, cursor.fetchall()))


def _grant_rows(user) -> tuple[tuple[str, int | None, str | None, int | None], ...]:
    """``(role, unit id, unit type, the unit's province id)`` of each role assignment: read once per
    request (see :func:`roles_read_once`), from the database every time outside one."""
    if not _signed_in(user):
        return ()
    scope = _REQUEST_GRANTS.get()
    if scope is not None and user.pk in scope:
        return scope[user.pk]
    rows = _read_grants(user.pk)
    if scope is not None:
        scope[user.pk] = rows
    return rows


def grants(user) -> tuple[tuple[str, int | None, str | None], ...]:
    """The user's role assignments as ``(role, unit id, unit type)``: once per request (see
    :func:`roles_read_once`), from the database every time outside one."""
    return tuple(row[:3] for row in _grant_rows(user))


def _unit_ids(user, *roles: str, unit_type: str | None = None) -> set[int]:
    return {
        unit
        for role, unit, kind, _province in _grant_rows(user)
        if role in roles and unit is not None and (unit_type is None or kind == unit_type)
    }


def _units(ids: set[int]) -> QuerySet[OrgUnit]:
    """The units with these ids: a plain id list (no query at all when there are none)."""
    if not ids:
        return OrgUnit.objects.none()
    return OrgUnit.objects.filter(pk__in=sorted(ids))


def managed_province_ids(user) -> set[int]:
    """Ids of the provinces the user is assigned to as focal officer. An admin manages every province:
    check ``user.is_superuser`` first (or use :func:`managed_provinces`)."""
    return _unit_ids(user, Role.FOCAL_OFFICER, unit_type="province")


def readable_province_ids(user) -> set[int]:
    """Ids of the provinces the user is assigned to as focal officer or leader. Admins and ministry
    viewers read every province: check :func:`sees_all_provinces` first (or use
    :func:`readable_provinces`)."""
    return _unit_ids(user, Role.FOCAL_OFFICER, Role.LEADER, unit_type="province")


def reporting_unit_ids(user) -> set[int]:
    """Ids of the units the user reports for (no query once the roles are read)."""
    return _unit_ids(user, Role.REPORTER)


def reporting_province_ids(user) -> set[int]:
    """Ids of the provinces of the units the user reports for."""
    return {
        province
        for role, unit, _kind, province in _grant_rows(user)
        if role == Role.REPORTER and unit is not None and province is not None
    }


def sees_all_provinces(user) -> bool:
    """Admins and ministry viewers read every province."""
    if not _signed_in(user):
        return False
    return user.is_superuser or any(row[0] == Role.MINISTRY_VIEWER for row in _grant_rows(user))


def managed_provinces(user) -> QuerySet[OrgUnit]:
    """Provinces the user manages as focal officer (all of them for an admin)."""
    if _signed_in(user) and user.is_superuser:
        return OrgUnit.objects.provinces()
    return _units(managed_province_ids(user))


def readable_provinces(user) -> QuerySet[OrgUnit]:
    """Provinces whose whole data the user may read (focal officer, leader, ministry, admin)."""
    if sees_all_provinces(user):
        return OrgUnit.objects.provinces()
    return _units(readable_province_ids(user))


def reads_any_province(user) -> bool:
    """Reads the whole data of at least one province (focal officer, leader, ministry, admin): no
    query once the roles are read."""
    return sees_all_provinces(user) or bool(readable_province_ids(user))


def reporting_units(user) -> QuerySet[OrgUnit]:
    """Units the user reports for."""
    return _units(reporting_unit_ids(user))


def manages_any_province(user) -> bool:
    """A focal officer of at least one province, or an admin (no query once the roles are read)."""
    if not _signed_in(user):
        return False
    return user.is_superuser or bool(managed_province_ids(user))


def reports_for_any_unit(user) -> bool:
    return bool(reporting_unit_ids(user))


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
    return user.is_superuser or province_id in managed_province_ids(user)


def reads_province_id(user, province_id: int | None) -> bool:
    """May the user read the whole data of the province with this id."""
    if province_id is None or not _signed_in(user):
        return False
    return sees_all_provinces(user) or province_id in readable_province_ids(user)


def manages_province(user, province: OrgUnit | None) -> bool:
    return province is not None and province.type == "province" and manages_province_id(user, province.pk)


def reads_province(user, province: OrgUnit | None) -> bool:
    return province is not None and province.type == "province" and reads_province_id(user, province.pk)


def reports_for(user, unit: OrgUnit | None) -> bool:
    return unit is not None and reports_for_unit_id(user, unit.pk)


def reports_for_unit_id(user, unit_id: int | None) -> bool:
    return unit_id is not None and unit_id in reporting_unit_ids(user)


def manageable_units(user) -> QuerySet[OrgUnit]:
    """Units of the provinces the user manages (the provinces themselves included)."""
    if _signed_in(user) and user.is_superuser:
        return OrgUnit.objects.filter(province__in=OrgUnit.objects.provinces())
    provinces = managed_province_ids(user)
    return OrgUnit.objects.filter(province_id__in=sorted(provinces)) if provinces else OrgUnit.objects.none()


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
    provinces = sorted(managed_province_ids(user))
    if not provinces:
        return User.objects.none()
    inside = RoleAssignment.objects.filter(org_unit__province_id__in=provinces).values("user")
    outside = RoleAssignment.objects.filter(
        Q(org_unit__isnull=True)
        | Q(org_unit__province__isnull=True)
        | ~Q(org_unit__province_id__in=provinces)
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
    return any(row[0] == Role.LEADER for row in _grant_rows(user))


@rules.predicate
def is_reporter(user) -> bool:
    return reports_for_any_unit(user)


@rules.predicate
def is_ministry_viewer(user) -> bool:
    return sees_all_provinces(user)
