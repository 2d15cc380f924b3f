"""Permissions of the results app (autodiscovered by ``rules``); the logic lives in ``access``.

- ``results.view_results``: may the user open the results section at all (any role).
- ``results.view_plan`` (plan): the plan's dashboards (focal officer, leader, ministry, admin).
- ``results.view_unit`` (unit): a unit's own figures (also its reporters).
- ``results.view_national``: the ministry view of all provinces.
"""

from __future__ import annotations

import rules

from binhdang.accounts.access import is_focal_officer, is_leader, is_ministry_viewer, is_reporter
from binhdang.results import access

rules.add_perm("results.view_results", is_focal_officer | is_leader | is_ministry_viewer | is_reporter)
rules.add_perm("results.view_plan", rules.predicate(access.can_view_plan_results))
rules.add_perm("results.view_unit", rules.predicate(access.can_view_unit_results))
rules.add_perm("results.view_national", rules.predicate(access.can_view_national))
