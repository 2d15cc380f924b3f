"""Permissions of the plans app (``user.has_perm(perm, obj)``), backed by ``plans.access``.

- ``plans.read_plan``: with a plan, may open it; without, may see the plan list.
- ``plans.manage_plan``: with a plan, may edit its roadmap, bindings and status (focal officer of its
  province, admin); without, manages plans of at least one province.
- ``plans.upload_plan``: may upload, review and confirm plans (focal officer, admin).
"""

from __future__ import annotations

import rules

from binhdang.plans import access


@rules.predicate
def may_view_plan(user, plan=None) -> bool:
    if plan is None:
        return bool(getattr(user, "is_authenticated", False))
    return access.can_view_plan(user, plan)


@rules.predicate
def may_change_plan(user, plan=None) -> bool:
    if plan is None:
        return access.can_upload(user)
    return access.can_manage_plan(user, plan)


@rules.predicate
def may_upload_plan(user) -> bool:
    return access.can_upload(user)


rules.add_perm("plans.read_plan", may_view_plan)
rules.add_perm("plans.manage_plan", may_change_plan)
rules.add_perm("plans.upload_plan", may_upload_plan)
