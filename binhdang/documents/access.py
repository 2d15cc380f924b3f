"""Who may download which generated report. Every documents view gets its objects through here.

- a plan's annual report and its XLSX annex: the plan's results readers
  (``results.access.get_plan``: focal officers, leaders, the ministry, admins; a reporter of the
  province gets 403, anyone else 404);
- the units' narratives inside the annual report: only the focal agency (focal officers), the
  province's leaders and admins (:func:`can_read_plan_narratives`, domain §10); the ministry gets the
  report without them;
- the report editor (``documents:report_editor``): the focal officers of the plan's province edit
  the prose, its leaders read it (:func:`get_report_editor_plan`, :func:`can_edit_report`); the
  ministry gets 403 there and downloads its own copy without narratives or edits;
- a unit's own report: those who may open the submission (``reporting.access``) **and** read its
  narrative (the report is mostly narrative): the unit's reporters, the focal officers and leaders of
  its province, admins. Others who can open the submission (the ministry) get 403; anyone else 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from binhdang.accounts.models import Role
from binhdang.plans.models import Plan
from binhdang.reporting import access as reporting_access
from binhdang.reporting.models import Submission
from binhdang.results import access as results_access


def get_report_plan(user, pk: int) -> Plan:
    """The plan ``pk`` if the user may download its annual report (403/404 as its results)."""
    return results_access.get_plan(user, pk)


def can_read_plan_narratives(user, plan: Plan) -> bool:
    """Whether the annual report may include what the units wrote: focal officers and leaders of the
    plan's province, and admins."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.role_assignments.filter(
        role__in=(Role.FOCAL_OFFICER, Role.LEADER), org_unit=plan.province_id
    ).exists()


def get_unit_report_submission(user, pk: int) -> Submission:
    """The submission ``pk`` if the user may download its unit report (404 if they cannot open the
    submission, 403 if they can but may not read its narrative)."""
    submission = (
        reporting_access.visible_submissions(user)
        .select_related(
            "period", "period__plan", "period__plan__province", "period__plan__focal_agency", "unit"
        )
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        raise Http404
    if not reporting_access.can_see_narrative(user, submission):
        raise PermissionDenied
    return submission


def can_download_unit_report(user, submission: Submission) -> bool:
    return reporting_access.can_view_submission(user, submission) and reporting_access.can_see_narrative(
        user, submission
    )


def can_edit_report(user, plan: Plan) -> bool:
    """Whether the user may edit the prose of the plan's annual report: the focal officers of the
    plan's province, and admins."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.role_assignments.filter(role=Role.FOCAL_OFFICER, org_unit=plan.province_id).exists()


def get_report_editor_plan(user, pk: int, *, edit: bool = False) -> Plan:
    """The plan ``pk`` for its report editor: readers of its results who may read the narratives
    (focal officers read and edit, leaders read; the ministry, which gets its own copy without
    narratives, 403); with ``edit``, only those who may edit (403 for the others)."""
    plan = get_report_plan(user, pk)
    if not can_read_plan_narratives(user, plan):
        raise PermissionDenied
    if edit and not can_edit_report(user, plan):
        raise PermissionDenied
    return plan


def can_read_national_review(user) -> bool:
    """The ministry's review over a span, built from every province (``documents:national_review``):
    those who see all provinces side by side (the ministry, admins); a province's users get 403."""
    return results_access.can_view_national(user)
