"""Account workflows: create users, change their roles, (de)activate them, reset passwords, bulk-create
reporter accounts. Each runs in one transaction; bad input raises :class:`AccountError` with a message
for the user (in the active language) and changes nothing.

Every workflow takes the acting user first and checks it may do what it asks (``access``), so a view
cannot skip the check. Temporary passwords are returned once, in :class:`IssuedCredential`, and never
stored in clear.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.models import PROVINCE_ROLES, Role, RoleAssignment, User
from binhdang.core.text import fold
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit

#: Characters of temporary passwords: no 0/O, 1/l/I, so they can be read off paper.
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
#: Usernames created here: lower-case ASCII letters, digits, dot, dash, underscore.
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,149}$")

#: Why a history row was written (``history_change_reason``); shown on the user page.
REASON_CREATED = "created"
REASON_BULK_CREATED = "bulk created"
REASON_UPDATED = "updated"
REASON_PASSWORD_RESET = "password reset"
REASON_PASSWORD_CHANGED = "password changed"
REASON_DEACTIVATED = "deactivated"
REASON_REACTIVATED = "reactivated"


class AccountError(Exception):
    """Bad input for an account workflow; ``str(error)`` is the message for the user."""


@dataclass(frozen=True)
class IssuedCredential:
    """A username with its temporary password, to hand to the person once (credentials sheet)."""

    username: str
    password: str
    full_name: str
    unit: str
    province: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class RoleChoice:
    """The roles a user should hold in one province (what the role form edits)."""

    province: OrgUnit
    focal_officer: bool = False
    leader: bool = False
    reporter_units: tuple[OrgUnit, ...] = ()
    #: Only an admin may set it; ``None`` leaves it as it is.
    ministry_viewer: bool | None = None


def generate_password() -> str:
    """A random temporary password that is easy to read and type, e.g. ``Kx7m-p4Qz-9tRw`` (~70 bits)."""
    groups = ["".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(3)]
    return "-".join(groups)


def slug(text: str) -> str:
    """ASCII lower-case words joined by dashes: ``slug("Xã Ea Kar") == "xa-ea-kar"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def username_taken(username: str) -> bool:
    return User.objects.filter(username__iexact=username).exists()


def username_for_unit(unit: OrgUnit, style: str, reserved: set[str]) -> str:
    """A free username for a reporter of ``unit``, predictable from the unit.

    ``style`` ``"name"``: the unit name (``xa-ea-kar``), then with the province code (``xa-ea-kar-66``)
    if taken; ``"code"``: the unit code (``66-c001``). Then ``-2``, ``-3``... Names in ``reserved``
    (already given in the same batch) count as taken.
    """
    base = slug(unit.code) if style == "code" else slug(unit.name)
    base = (base or slug(unit.code) or "unit")[:140]
    candidates = [base]
    if style != "code" and unit.province is not None:
        candidates.append(f"{base}-{slug(unit.province.code)}")
    candidates += [f"{candidates[-1]}-{n}" for n in range(2, 1000)]
    for candidate in candidates:
        if candidate not in reserved and not username_taken(candidate):
            return candidate
    raise AccountError(_("No free username could be made for the unit “%(unit)s”.") % {"unit": unit.name})


def _check_username(username: str) -> str:
    username = username.strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise AccountError(
            _(
                "The username “%(username)s” is not valid: use 2 to 150 lower-case letters without "
                "accents, digits, dots, dashes or underscores, starting with a letter or digit."
            )
            % {"username": username}
        )
    if username_taken(username):
        raise AccountError(
            _("The username “%(username)s” is already taken. Choose another one.") % {"username": username}
        )
    return username


def _require_province(actor, province: OrgUnit) -> None:
    if not access.manages_province(actor, province):
        raise PermissionDenied


def _require_user(actor, target: User) -> None:
    if not access.can_manage_user(actor, target):
        raise PermissionDenied


def _check_reporter_units(province: OrgUnit, units: Iterable[OrgUnit]) -> list[OrgUnit]:
    """The units, each checked to be an active reporting unit of ``province``."""
    checked = []
    for unit in units:
        if unit.province_id != province.pk:
            raise AccountError(
                _("The unit “%(unit)s” does not belong to %(province)s.")
                % {"unit": unit.name, "province": province.name}
            )
        if unit.type not in REPORTING_TYPES:
            raise AccountError(_("The unit “%(unit)s” cannot have reporters.") % {"unit": unit.name})
        if not unit.is_active:
            raise AccountError(_("The unit “%(unit)s” is no longer active.") % {"unit": unit.name})
        checked.append(unit)
    return checked


def _save(user: User, actor, reason: str, update_fields: list[str] | None = None) -> None:
    user._history_user = actor  # type: ignore[attr-defined]
    user._change_reason = reason  # type: ignore[attr-defined]
    user.save(update_fields=update_fields)


def _assign(user: User, role: str, unit: OrgUnit | None, actor) -> None:
    assignment = RoleAssignment(user=user, role=role, org_unit=unit)
    assignment._history_user = actor  # type: ignore[attr-defined]
    assignment.save()


def _unassign(assignment: RoleAssignment, actor) -> None:
    assignment._history_user = actor  # type: ignore[attr-defined]
    assignment.delete()


def _wanted_assignments(actor, choice: RoleChoice) -> set[tuple[str, int | None]]:
    _require_province(actor, choice.province)
    wanted: set[tuple[str, int | None]] = set()
    if choice.focal_officer:
        wanted.add((Role.FOCAL_OFFICER, choice.province.pk))
    if choice.leader:
        wanted.add((Role.LEADER, choice.province.pk))
    for unit in _check_reporter_units(choice.province, choice.reporter_units):
        wanted.add((Role.REPORTER, unit.pk))
    if choice.ministry_viewer:
        if Role.MINISTRY_VIEWER not in access.grantable_roles(actor):
            raise PermissionDenied
        wanted.add((Role.MINISTRY_VIEWER, None))
    return wanted


@transaction.atomic
def create_user(
    actor,
    *,
    username: str,
    role: str,
    province: OrgUnit,
    units: Iterable[OrgUnit] = (),
    full_name: str = "",
    email: str = "",
    phone: str = "",
) -> IssuedCredential:
    """Create an account with one role and a temporary password (to change at first login).

    A reporter is assigned to ``units`` (at least one, all of ``province``); a focal officer or a
    leader to ``province``; a ministry viewer (admins only) to no unit.
    """
    _require_province(actor, province)
    if role not in access.grantable_roles(actor):
        raise AccountError(_("You cannot give the role “%(role)s”.") % {"role": Role(role).label})
    username = _check_username(username)
    unit_list = list(units)
    if role == Role.REPORTER:
        if not unit_list:
            raise AccountError(_("Choose at least one unit the reporter reports for."))
        _check_reporter_units(province, unit_list)
    password = generate_password()
    user = User(
        username=username,
        full_name=full_name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        must_change_password=True,
    )
    user.set_password(password)
    _save(user, actor, REASON_CREATED)
    if role == Role.REPORTER:
        for unit in unit_list:
            _assign(user, role, unit, actor)
    elif role in PROVINCE_ROLES:
        _assign(user, role, province, actor)
    else:
        _assign(user, role, None, actor)
    unit_names = ", ".join(u.name for u in unit_list) if role == Role.REPORTER else str(Role(role).label)
    return IssuedCredential(username, password, user.full_name, unit_names, province.name)


@transaction.atomic
def update_user(actor, target: User, *, full_name: str, email: str, phone: str, roles: RoleChoice) -> None:
    """Change a user's details and set their roles in ``roles.province`` to exactly ``roles``.

    Roles in other provinces (possible only for an admin's users) are kept. A user keeps at least one
    role, and nobody changes their own roles here.
    """
    _require_user(actor, target)
    wanted = _wanted_assignments(actor, roles)
    current = list(target.role_assignments.filter(org_unit__province=roles.province))
    if roles.ministry_viewer is not None:
        current += list(target.role_assignments.filter(role=Role.MINISTRY_VIEWER))
    have = {(a.role, a.org_unit_id) for a in current}
    if have != wanted and target.pk == actor.pk:
        raise AccountError(_("You cannot change your own roles; ask another focal officer or an admin."))
    others = target.role_assignments.exclude(pk__in=[a.pk for a in current]).count()
    if not wanted and not others:
        raise AccountError(_("A user must keep at least one role. To stop an account, deactivate it."))
    target.full_name, target.email, target.phone = full_name.strip(), email.strip(), phone.strip()
    _save(target, actor, REASON_UPDATED, ["full_name", "email", "phone"])
    for assignment in current:
        if (assignment.role, assignment.org_unit_id) not in wanted:
            _unassign(assignment, actor)
    units = {u.pk: u for u in OrgUnit.objects.filter(pk__in=[pk for _, pk in wanted if pk])}
    for role, unit_pk in sorted(wanted - have, key=str):
        _assign(target, role, units.get(unit_pk) if unit_pk else None, actor)


@transaction.atomic
def set_active(actor, target: User, active: bool) -> None:
    """Deactivate (the account can no longer log in; nothing is deleted) or reactivate a user.

    Deactivating ends the user's sessions too (``User.save``)."""
    _require_user(actor, target)
    if target.pk == actor.pk:
        raise AccountError(_("You cannot deactivate your own account."))
    if target.is_active == active:
        return
    target.is_active = active
    _save(target, actor, REASON_REACTIVATED if active else REASON_DEACTIVATED, ["is_active"])


@transaction.atomic
def reset_password(actor, target: User) -> IssuedCredential:
    """Give ``target`` a new temporary password, to be changed at the next login."""
    _require_user(actor, target)
    if target.pk == actor.pk:
        raise AccountError(_("To change your own password, use “Change password”."))
    password = generate_password()
    target.set_password(password)
    target.must_change_password = True
    _save(target, actor, REASON_PASSWORD_RESET, ["password", "must_change_password"])
    units = target.role_assignments.select_related("org_unit").order_by("org_unit__name")
    unit_names = ", ".join(a.org_unit.name for a in units if a.org_unit and a.role == Role.REPORTER)
    province = access.home_province(target)
    return IssuedCredential(
        target.username, password, target.full_name, unit_names, province.name if province else ""
    )


@transaction.atomic
def bulk_create_reporters(
    actor, *, province: OrgUnit, units: Iterable[OrgUnit], style: str = "name"
) -> list[IssuedCredential]:
    """One reporter account per unit, usernames from the units (see :func:`username_for_unit`).

    All or nothing: an empty selection or any unit outside ``province`` creates no account.
    """
    _require_province(actor, province)
    if style not in {"name", "code"}:
        raise AccountError(_("Unknown username style “%(style)s”.") % {"style": style})
    unit_list = sorted(set(units), key=lambda u: (u.type, u.name))
    if not unit_list:
        raise AccountError(_("No unit selected: tick at least one unit."))
    _check_reporter_units(province, unit_list)
    reserved: set[str] = set()
    issued = []
    for unit in unit_list:
        username = username_for_unit(unit, style, reserved)
        reserved.add(username)
        password = generate_password()
        user = User(username=username, must_change_password=True)
        user.set_password(password)
        _save(user, actor, REASON_BULK_CREATED)
        _assign(user, Role.REPORTER, unit, actor)
        issued.append(IssuedCredential(username, password, "", unit.name, province.name))
    return issued


@transaction.atomic
def change_own_password(user: User, new_password: str) -> None:
    """The user chose their own password (already validated): no forced change any more."""
    user.set_password(new_password)
    user.must_change_password = False
    _save(user, user, REASON_PASSWORD_CHANGED, ["password", "must_change_password"])
