"""The yearly figure of elements reported by quarter (reporting/quarters.py) and the quarters below
their minimum (indicator 6.3: at least 4 news items a quarter)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from binhdang.reporting import quarters, services
from binhdang.reporting.editing import ReportBeingEdited
from tests.factories import Role, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_quarters(plan, focal_officer, time_machine):
    time_machine.move_to(dt.datetime(2026, 1, 5, 9, 0))
    opened = services.open_subannual(
        plan, 2026, focal_officer, numbers=[1, 2, 3, 4], element_codes=["TT_NEWS"], targets={"TT_NEWS": 4}
    )
    time_machine.move_to(dt.datetime(2026, 12, 4, 9, 0))
    return opened


@pytest.fixture
def media_reporter(daklak):
    return make_user("reporter_media", Role.REPORTER, daklak.newspaper, full_name="Đinh Thị Mai")


def report_quarter(quarter, unit, user, news: str, *, submit: bool = True):
    report = services.save_new_report(quarter, unit, {("TT_NEWS", ""): news}, {}, user).submission
    if submit:
        services.submit(report, user)
    return report


def test_the_yearly_news_items_are_the_sum_of_the_submitted_quarters(
    news_quarters, period, daklak, media_reporter
):
    q1, q2, q3, _q4 = news_quarters
    report_quarter(q1, daklak.newspaper, media_reporter, "5")
    report_quarter(q2, daklak.newspaper, media_reporter, "3")
    report_quarter(q3, daklak.newspaper, media_reporter, "10", submit=False)  # a draft is not counted
    news = quarters.consolidation(period, daklak.newspaper)["TT_NEWS"]
    assert news.total == Decimal(8)
    assert [p.off_track for p in news.parts] == [False, True, False, False]
    assert "Quý 2/2026: 3 (chưa đạt)" in news.note and "Quý 3/2026: —" in news.note


def test_the_yearly_form_shows_the_sum_read_only_and_stores_it_whatever_is_posted(
    news_quarters, period, daklak, media_reporter
):
    q1, q2, *_ = news_quarters
    report_quarter(q1, daklak.newspaper, media_reporter, "5")
    report_quarter(q2, daklak.newspaper, media_reporter, "6")
    report = ReportBeingEdited.not_started(media_reporter, period, daklak.newspaper)
    field = next(
        i for s in report.sections() for r in s["rows"] for i in r.inputs if r.element.code == "TT_NEWS"
    )
    assert (field.value, field.readonly) == ("11", True)
    report.save({"v__TT_NEWS": "99", "v__TT_SESSIONS": "2"}, 0)
    assert report.submission.value_map()[("TT_NEWS", "")] == "11"


def test_a_unit_that_reports_no_quarter_types_its_yearly_figure(
    news_quarters, period, daklak, media_reporter
):
    report = ReportBeingEdited.not_started(media_reporter, period, daklak.newspaper)
    report.save({"v__TT_NEWS": "7"}, 0)
    assert report.submission.value_map()[("TT_NEWS", "")] == "7"


def test_a_quarter_board_lists_the_units_below_four_news_items(
    news_quarters, daklak, media_reporter, focal_officer
):
    q1 = news_quarters[0]
    report_quarter(q1, daklak.newspaper, media_reporter, "3")
    commune = services.save_new_report(
        q1, daklak.commune_a, {("TT_NEWS", ""): "4"}, {}, focal_officer
    ).submission
    services.submit(commune, focal_officer)
    assert [(o.unit.code, o.value, o.minimum) for o in quarters.off_track(q1)] == [("66-T01", Decimal(3), 4)]


def test_the_yearly_board_counts_the_units_that_reached_four_news_items_in_every_quarter_due(
    news_quarters, period, daklak, media_reporter, focal_officer
):
    from django.test import Client
    from django.urls import reverse

    q1, q2, q3, _q4 = news_quarters
    for quarter, news in ((q1, "5"), (q2, "4"), (q3, "6")):
        report_quarter(quarter, daklak.newspaper, media_reporter, news)
    for quarter, news in ((q1, "4"), (q2, "3"), (q3, "9")):
        report = services.save_new_report(
            quarter, daklak.commune_a, {("TT_NEWS", ""): news}, {}, focal_officer
        )
        services.submit(report.submission, focal_officer)
    [share] = quarters.shares(period)
    assert (share.code, share.meeting, share.units, share.periods_due) == ("TT_NEWS", 1, 6, 3)
    client = Client()
    client.force_login(focal_officer)
    page = client.get(reverse("reporting:board", args=[period.pk])).text
    assert "Số tin, bài: 1/6 đơn vị đạt ít nhất 4 trong mỗi kỳ (3 kỳ đã đến hạn)." in page
