"""The demo's inspections (``devtools/demo_inspections.py``)."""

from __future__ import annotations

import datetime as dt

from binhdang.devtools.demo_inspections import build_demo_inspections
from binhdang.plans.models import Campaign
from binhdang.work import inspection_access
from binhdang.work.inspection_models import FollowUpStatus, Inspection
from tests.factories import Role, make_user

TODAY = dt.date(2026, 12, 4)


def test_the_demo_has_inspections_with_findings_and_follow_ups_at_every_stage(plan, daklak):
    Campaign.objects.create(plan=plan, name="Ngày Quốc tế Phụ nữ", start_month=3, start_day=8)
    focal = make_user("daumoi", Role.FOCAL_OFFICER, daklak.root)
    commune_reporter = make_user("xa.demo", Role.REPORTER, daklak.commune_b)
    assert build_demo_inspections(daklak.root, focal, TODAY) == 4
    done = Inspection.objects.filter(done_date__isnull=False)
    assert done.count() == 3 and all(i.findings and i.recommendations for i in done)
    planned = Inspection.objects.get(done_date__isnull=True)
    assert planned.kind == "interagency" and planned.planned_date > TODAY
    shown = {f.shown_status(TODAY) for i in done for f in i.follow_ups.all()}
    assert shown == {FollowUpStatus.DONE, FollowUpStatus.IN_PROGRESS, FollowUpStatus.OVERDUE,
                     FollowUpStatus.NOT_STARTED}  # fmt: skip
    # the demo commune's reporter finds its own inspection
    mine = inspection_access.visible_inspections(commune_reporter)
    assert [list(i.units.all()) for i in mine] == [[daklak.commune_b]]
    assert all(i.history.first().history_user == focal for i in Inspection.objects.all())


def test_building_the_demo_inspections_again_changes_nothing(plan, daklak):
    focal = make_user("daumoi", Role.FOCAL_OFFICER, daklak.root)
    build_demo_inspections(daklak.root, focal, TODAY)
    assert build_demo_inspections(daklak.root, focal, TODAY) == 0
    assert Inspection.objects.count() == 4
