"""The ministry's national results page and its files (issue 18): which provinces sent their report
of a programme for a year (for the national report, registered with
:func:`binhdang.documents.national.register_sendings` when the site starts), and the page's data.

A province's sending: the latest version of its report of the programme's plan for the year (state,
the day of the first sending, late when after the ministry's deadline), or "not sent" (late once the
deadline day is over and the province has a plan in force), with the difficulties and proposals the
province wrote when sending.
"""

from __future__ import annotations

from django.db.models import Min
from django.utils import timezone

from binhdang.documents.national import Sending
from binhdang.ministry.models import ProvinceReport
from binhdang.ministry.services import deadline_for
from binhdang.results.engine import plans_in_force


def sendings(year: int, program: str) -> dict[int, Sending]:
    """{province id: its sending of ``program``'s report for ``year``}: four queries."""
    deadline, today = deadline_for(year), timezone.localdate()
    with_plan = set(plans_in_force(program))
    reports = ProvinceReport.objects.filter(year=year, plan__program=program).order_by(
        "province_id", "-version"
    )
    latest: dict[int, ProvinceReport] = {}
    for report in reports.only("province_id", "state", "version", "difficulties", "proposals"):
        latest.setdefault(report.province_id, report)
    first = dict(
        ProvinceReport.objects.filter(year=year, plan__program=program)
        .values("province_id")
        .annotate(first=Min("sent_at"))
        .values_list("province_id", "first")
    )
    found: dict[int, Sending] = {}
    for province_id in with_plan | set(latest):
        if province_id not in latest:
            found[province_id] = Sending(late=today > deadline, has_plan=True)
            continue
        report = latest[province_id]
        day = timezone.localdate(first[province_id])
        found[province_id] = Sending(
            state=report.state,
            sent_day=day,
            late=day > deadline,
            has_plan=province_id in with_plan,
            difficulties=report.difficulties,
            proposals=report.proposals,
        )
    return found
