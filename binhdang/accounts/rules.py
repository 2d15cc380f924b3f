"""Permissions of the accounts app (autodiscovered by ``rules``).

- ``accounts.manage_users``: without an object, may the user open user management at all (focal
  officers and admins); with a ``User`` object, may they manage that account (see
  ``access.manageable_users``: a focal officer only for accounts of their own province).

Superusers pass every permission through ``ModelBackend``.
"""

from __future__ import annotations

import rules

from binhdang.accounts import (
    access,
    unit_rules,  # noqa: F401 - registers orgunits.browse and orgunits.manage_units
)


@rules.predicate
def can_manage_users(user, target=None) -> bool:
    if target is None:
        return access.is_focal_officer(user)
    return access.can_manage_user(user, target)


rules.add_perm("accounts.manage_users", can_manage_users)
