"""Demo reports at other rhythms: quarters of news items, implementing plans, an ad hoc request."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.devtools.demo_reports import build_demo_reports
from binhdang.devtools.demo_rhythms import build_demo_rhythms
from binhdang.reporting import quarters
from binhdang.reporting.models import Period, PeriodKind, State, Submission

TODAY = dt.date(2026, 12, 4)


@pytest.fixture
def demo_year(daklak, plan, focal_officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_demo_reports(daklak.root, 2026, seed=5)["period"]


def test_the_demo_quarters_add_up_to_the_yearly_news_items(demo_year):
    built = build_demo_rhythms(demo_year, TODAY, seed=5)
    assert built["quarter reports"] > 0 and built["implementing plans"] > 0 and built["ad hoc answers"] == 1
    q4 = Period.objects.get(kind=PeriodKind.QUARTERLY, sequence=4)
    assert not q4.submissions.exists()  # due 10/01/2027
    for report in demo_year.submissions.filter(state__in=("submitted", "accepted")):
        news = quarters.consolidation(demo_year, report.unit).get("TT_NEWS")
        if news is not None and news.total is not None:
            assert news.total == int(report.value_map()[("TT_NEWS", "")])


def test_every_implementing_plan_of_the_demo_has_its_document(demo_year):
    build_demo_rhythms(demo_year, TODAY, seed=5)
    collection = Period.objects.get(kind=PeriodKind.ONE_OFF)
    for report in Submission.objects.filter(period=collection):
        assert report.state == State.SUBMITTED and report.attachments.count() == 1
    assert build_demo_rhythms(demo_year, TODAY, seed=5) == {}
