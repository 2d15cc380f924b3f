"""Changes to organisation units made by people: add, rename, deactivate, reactivate.

Each function checks that ``user`` manages the unit (``PermissionDenied`` otherwise), validates its
input (``ValidationError`` with Vietnamese messages keyed by form field, nothing changed), runs in one
transaction and leaves a history row attributed to ``user``. Units are never deleted: a unit that
stops existing is deactivated with the date it ended, so past plans and reports keep pointing at it.
Provinces come from the official list (``loader``) and are not changed here.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts.unit_access import can_add_units, can_manage_unit
from binhdang.core import formatting
from binhdang.core.text import nfc
from binhdang.orgunits.catalog import COMMUNE_DIVISIONS
from binhdang.orgunits.matching import name_key, province_short_name
from binhdang.orgunits.models import DHIS2_UID_PATTERN, OrgUnit, OrgUnitType

#: Unit types a focal officer may add to their province.
ADDABLE_TYPES = (OrgUnitType.DEPARTMENT, OrgUnitType.MASS_ORG, OrgUnitType.MEDIA, OrgUnitType.COMMUNE)
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
NAME_MAX: int = OrgUnit._meta.get_field("name").max_length or 255


def _attribute(unit: OrgUnit, user) -> None:
    """Record ``user`` as the author of the history row of the next save (also outside a request)."""
    unit._history_user = user  # type: ignore[attr-defined]


def _check_name(name: str, province: OrgUnit, exclude: OrgUnit | None = None) -> str:
    name = nfc(name or "")
    if not name:
        raise ValidationError({"name": _("Enter the name of the unit.")})
    if len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("The name is too long (at most %(max)d characters).") % {"max": NAME_MAX}}
        )
    short = province_short_name(province)
    key = name_key(name, short).exact
    same = OrgUnit.objects.filter(province=province, is_active=True).exclude(pk=province.pk)
    if exclude is not None:
        same = same.exclude(pk=exclude.pk)
    for other in same.only("pk", "name", "code"):
        if name_key(other.name, short).exact == key:
            raise ValidationError(
                {
                    "name": _("%(province)s already has an active unit named “%(name)s” (code %(code)s).")
                    % {"province": province.name, "name": other.name, "code": other.code}
                }
            )
    return name


@transaction.atomic
def add_unit(
    *,
    user,
    province: OrgUnit,
    type: str,
    code: str,
    name: str,
    division: str = "",
    valid_from: date | None = None,
    email: str = "",
) -> OrgUnit:
    """Add a department, mass organisation, media agency or commune to ``province``."""
    if not can_add_units(user, province):
        raise PermissionDenied
    code = (code or "").strip()
    errors: dict[str, str] = {}
    if type not in ADDABLE_TYPES:
        errors["type"] = _("“%(type)s” is not a kind of unit that can be added here.") % {"type": type}
    if not CODE_PATTERN.match(code):
        errors["code"] = _(
            "The code “%(code)s” is not valid: use up to 32 letters, digits, dots, hyphens or underscores, "
            "starting with a letter or a digit."
        ) % {"code": code}
    elif OrgUnit.objects.filter(code__iexact=code).exists():
        errors["code"] = _("The code “%(code)s” is already used by another unit; choose another code.") % {
            "code": code
        }
    division = nfc(division or "")
    if type == OrgUnitType.COMMUNE and division not in COMMUNE_DIVISIONS:
        errors["division"] = _("Choose whether the commune-level unit is a Xã, Phường or Đặc khu.")
    if errors:
        raise ValidationError(errors)
    name = _check_name(name, province)
    unit = OrgUnit(
        code=code,
        name=name,
        type=type,
        division=division,
        parent=province,
        province=province,
        valid_from=valid_from,
        email=email or "",
    )
    _attribute(unit, user)
    try:
        with transaction.atomic():
            unit.save()
    except IntegrityError as exc:  # a concurrent add with the same code
        raise ValidationError(
            {
                "code": _("The code “%(code)s” is already used by another unit; choose another code.")
                % {"code": code}
            }
        ) from exc
    return unit


def _editable(user, unit: OrgUnit) -> OrgUnit:
    """The province of ``unit`` when ``user`` may change ``unit``; raises otherwise."""
    if not can_manage_unit(user, unit):
        raise PermissionDenied
    if unit.is_province or unit.province is None:
        raise ValidationError(
            _("%(name)s comes from the official list of administrative units and cannot be changed here.")
            % {"name": unit.name}
        )
    return unit.province


@transaction.atomic
def rename_unit(*, user, unit: OrgUnit, name: str) -> OrgUnit:
    """Give ``unit`` a new name (its code, and so every link to it, stays). Same name: nothing saved."""
    province = _editable(user, unit)
    new_name = nfc(name or "")
    if new_name == unit.name:
        return unit
    unit.name = _check_name(new_name, province, exclude=unit)
    _attribute(unit, user)
    unit.save()
    return unit


@transaction.atomic
def deactivate_unit(*, user, unit: OrgUnit, valid_to: date | None = None) -> OrgUnit:
    """Mark ``unit`` as no longer existing from ``valid_to`` (default today). Never deletes it."""
    _editable(user, unit)
    if not unit.is_active:
        raise ValidationError(_("%(name)s is already inactive.") % {"name": unit.name})
    valid_to = valid_to or timezone.localdate()
    if unit.valid_from and valid_to < unit.valid_from:
        raise ValidationError(
            {
                "valid_to": _("The end date cannot be before the unit's start date (%(date)s).")
                % {"date": formatting.date(unit.valid_from)}
            }
        )
    unit.is_active = False
    unit.valid_to = valid_to
    _attribute(unit, user)
    unit.save()
    return unit


@transaction.atomic
def reactivate_unit(*, user, unit: OrgUnit) -> OrgUnit:
    """Make an inactive ``unit`` active again (clears its end date)."""
    province = _editable(user, unit)
    if unit.is_active:
        raise ValidationError(_("%(name)s is already active.") % {"name": unit.name})
    _check_name(unit.name, province, exclude=unit)
    unit.is_active = True
    unit.valid_to = None
    _attribute(unit, user)
    unit.save()
    return unit


@transaction.atomic
def set_dhis2_uid(*, user, unit: OrgUnit, uid: str) -> OrgUnit:
    """Map ``unit`` to its uid in the province's DHIS2 (``""`` removes the mapping). The uid must
    follow DHIS2's pattern and belong to no other unit. Same uid: nothing saved."""
    if not can_manage_unit(user, unit):
        raise PermissionDenied
    uid = (uid or "").strip()
    if uid == unit.dhis2_uid:
        return unit
    if uid and not re.fullmatch(DHIS2_UID_PATTERN, uid):
        raise ValidationError(
            {
                "uid": _("“%(uid)s” is not a DHIS2 uid: 11 letters and digits, starting with a letter.")
                % {"uid": uid}
            }
        )
    other = OrgUnit.objects.filter(dhis2_uid=uid).exclude(pk=unit.pk).first() if uid else None
    if other is not None:
        raise ValidationError(
            {
                "uid": _("The DHIS2 uid %(uid)s is already given to %(name)s.")
                % {"uid": uid, "name": other.name}
            }
        )
    unit.dhis2_uid = uid
    _attribute(unit, user)
    unit.save()
    return unit
