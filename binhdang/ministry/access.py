"""Who may see and do what with the reports sent to the ministry. Every view goes through here.

- the ministry (ministry viewers) and admins see the board of all provinces and every report;
- only users holding the ministry role receive, return and accept a report, set the deadline and
  send reminders (an admin reads but does not act for the ministry);
- a province's focal officers send its report (and see its sendings); its leaders read them;
- a reporter of the province gets 403 (they know it exists); anyone else 404.
The ministry never writes the province's data: it only acts on the reports it received.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from binhdang.accounts import access as base
from binhdang.accounts.models import Role
from binhdang.ministry.models import ProvinceReport
from binhdang.plans.models import Plan, PlanStatus


def sees_board(user) -> bool:
    """The board of the 34 provinces: ministry viewers and admins."""
    return base.sees_all_provinces(user)


def acts_for_ministry(user) -> bool:
    """Receive, return, accept, set the deadline, send reminders: the ministry role only."""
    return any(role == Role.MINISTRY_VIEWER for role, _unit, _kind in base.grants(user))


def can_send(user, plan: Plan) -> bool:
    """Send the plan's annual report: the focal officers of its province."""
    return plan.status == PlanStatus.ACTIVE and base.manages_province_id(user, plan.province_id)


def _knows_province(user, province_id: int | None) -> bool:
    return province_id is not None and province_id in base.reporting_province_ids(user)


def get_plan(user, pk: int) -> Plan:
    """A plan (not a draft) whose sendings the user may read: its province's officers and leaders,
    the ministry; 403 for a reporter of the province; else 404."""
    plan = Plan.objects.select_related("province").filter(pk=pk).exclude(status=PlanStatus.DRAFT).first()
    if plan is None:
        raise Http404
    if base.reads_province_id(user, plan.province_id):
        return plan
    if _knows_province(user, plan.province_id):
        raise PermissionDenied
    raise Http404


def get_report(user, pk: int) -> ProvinceReport:
    """A sending the user may read (same rule as its plan)."""
    report = ProvinceReport.objects.select_related("province", "plan").filter(pk=pk).first()
    if report is None:
        raise Http404
    if base.reads_province_id(user, report.province_id):
        return report
    if _knows_province(user, report.province_id):
        raise PermissionDenied
    raise Http404


def get_report_to_act_on(user, pk: int) -> ProvinceReport:
    """A sending the ministry acts on (receive, return, accept); 403 for the others who may read it."""
    report = get_report(user, pk)
    if not acts_for_ministry(user):
        raise PermissionDenied
    return report
