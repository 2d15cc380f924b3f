"""Permissions of the reporting app (autodiscovered by ``rules``); the logic lives in ``access``.

- ``reporting.open_period``: without object, is the user a focal officer; with a plan, may they open
  one of its periods.
- ``reporting.manage_period`` (period): expected reporters, reminders, close/reopen, import/export.
- ``reporting.view_board`` (period): the status board.
- ``reporting.view_submission`` / ``change_submission`` / ``review_submission`` (submission).
- ``reporting.view_narrative`` (submission): the narrative text (not ministry viewers).
"""

from __future__ import annotations

import rules

from binhdang.accounts.access import is_focal_officer
from binhdang.reporting import access


@rules.predicate
def can_open_period(user, plan=None) -> bool:
    return is_focal_officer(user) if plan is None else access.can_open_period(user, plan)


rules.add_perm("reporting.open_period", can_open_period)
rules.add_perm("reporting.manage_period", rules.predicate(access.can_manage_period))
rules.add_perm("reporting.view_board", rules.predicate(access.can_view_board))
rules.add_perm("reporting.view_submission", rules.predicate(access.can_view_submission))
rules.add_perm("reporting.change_submission", rules.predicate(access.can_edit_submission))
rules.add_perm("reporting.review_submission", rules.predicate(access.can_review_submission))
rules.add_perm("reporting.view_narrative", rules.predicate(access.can_see_narrative))
