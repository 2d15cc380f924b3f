"""Results pages: what each persona sees, live figures, Vietnamese numbers, drill-down, no inline script."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.results.conftest import file_report, local, schooling_plan


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def dashboard_url(plan, year=2026):
    return reverse("results:dashboard", args=[plan.pk, year])


def row_of(html: str, code: str) -> str:
    match = re.search(rf'<tr data-indicator="{re.escape(code)}"[^>]*>(.*?)</tr>', html, re.S)
    assert match, f"no row for indicator {code}"
    return match.group(1)


def test_a_submission_changes_the_dashboard_at_once(plan, period, daklak, focal_officer):
    client = client_for(focal_officer)
    before = client.get(dashboard_url(plan)).content.decode()
    assert 'id="stat-completeness">0%<' in before
    assert "—" in row_of(before, "1") or "0%" in row_of(before, "1")

    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})  # through the reporting services

    after = client.get(dashboard_url(plan)).content.decode()
    # 1 of 6 expected units: completeness 16,7 %, and 1 unit of 6 holds >= 2 sessions: 16,67 %.
    assert 'id="stat-completeness">16,7%<' in after
    assert "16,67%" in row_of(after, "1")


def test_the_dashboard_shows_status_by_colour_and_by_word(plan, period, daklak, focal_officer):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    html = client_for(focal_officer).get(dashboard_url(plan)).content.decode()
    row = row_of(html, "2")  # 1 of 6 units issued an Action Month plan: 16,67 % of a 100 % target
    assert 'data-status="off_track"' in html
    assert 'class="status status-off_track"' in row and "Chậm tiến độ" in row


def test_the_dashboard_carries_chart_data_and_no_inline_script(plan, period, focal_officer):
    html = client_for(focal_officer).get(dashboard_url(plan)).content.decode()
    assert 'id="results-chart-data" type="application/json"' in html
    assert "results/echarts.min.js" in html and "results/results.js" in html
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
    assert inline == []
    assert " onclick=" not in html


def test_numbers_are_written_the_vietnamese_way(plan, period, daklak, focal_officer):
    file_report(
        period, daklak.commune_a, {("TT_PARTICIPANTS", "MALE"): 1250, ("TT_PARTICIPANTS", "FEMALE"): 750}
    )
    indicator = plan.indicators.get(code="1")
    html = (
        client_for(focal_officer)
        .get(reverse("results:indicator", args=[indicator.pk, 2026]))
        .content.decode()
    )
    assert "1.250" in html and "750" in html
    assert "37,5%" in html  # share of women among participants: 750 / 2 000


def test_the_indicator_page_lists_the_units_below_the_bar(plan, period, daklak, focal_officer):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(period, daklak.commune_b, {"TT_SESSIONS": 1})
    indicator = plan.indicators.get(code="1")
    html = (
        client_for(focal_officer)
        .get(reverse("results:indicator", args=[indicator.pk, 2026]))
        .content.decode()
    )
    below = re.search(r'<table id="below-bar">(.*?)</table>', html, re.S).group(1)
    assert daklak.commune_b.name in below and daklak.womens_union.name in below
    assert daklak.commune_a.name not in below
    # Drill-down: each unit links to its own figures.
    assert reverse("results:unit", args=[plan.pk, 2026, daklak.commune_b.pk]) in below


def test_the_completeness_page_shows_each_commune_by_year(plan, period, daklak, focal_officer):
    file_report(period, daklak.commune_a)
    file_report(period, daklak.commune_b, at=local(2026, 12, 3))
    html = (
        client_for(focal_officer).get(reverse("results:completeness", args=[plan.pk, 2026])).content.decode()
    )
    table = re.search(r'<table id="completeness".*?</table>', html, re.S).group(0)
    assert daklak.commune_a.name in table and daklak.commune_b.name in table
    assert daklak.health.name not in table  # communes only by default
    assert "Đúng hạn" in table and "Trễ hạn" in table
    everyone = (
        client_for(focal_officer)
        .get(reverse("results:completeness", args=[plan.pk, 2026]) + "?type=all")
        .content.decode()
    )
    assert daklak.health.name in everyone and "Chưa báo cáo" in everyone


def test_the_leaders_summary_is_one_printable_page(plan, period, focal_officer, leader):
    html = client_for(leader).get(reverse("results:summary", args=[plan.pk, 2026])).content.decode()
    assert "data-print" in html and 'class="one-page"' in html
    assert "results/results.css" in html


def test_a_reporter_sees_their_units_figures_only(plan, period, daklak, commune_a_reporter):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    client = client_for(commune_a_reporter)
    own = client.get(reverse("results:unit", args=[plan.pk, 2026, daklak.commune_a.pk]))
    assert own.status_code == 200
    assert 'id="unit-verdicts"' in own.content.decode()
    assert client.get(reverse("results:unit", args=[plan.pk, 2026, daklak.commune_b.pk])).status_code == 403
    assert client.get(dashboard_url(plan)).status_code == 403


def test_an_officer_of_another_province_sees_nothing(plan, period, daklak, outsider):
    client = client_for(outsider)
    assert client.get(dashboard_url(plan)).status_code == 404
    assert client.get(reverse("results:unit", args=[plan.pk, 2026, daklak.commune_a.pk])).status_code == 404
    indicator = plan.indicators.first()
    assert client.get(reverse("results:indicator", args=[indicator.pk, 2026])).status_code == 404


def test_the_ministry_view_puts_provinces_side_by_side_and_drills_down(
    plan, period, daklak, laichau, ministry_viewer
):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    html = client_for(ministry_viewer).get(reverse("results:national") + "?year=2026").content.decode()
    assert f'data-province="{daklak.root.code}"' in html and f'data-province="{laichau.root.code}"' in html
    assert dashboard_url(plan) in html  # province -> its dashboard
    indicator = plan.indicators.get(code="1")
    assert reverse("results:indicator", args=[indicator.pk, 2026]) in html  # value -> indicator page


def test_a_year_outside_the_plan_is_not_found(plan, focal_officer):
    assert client_for(focal_officer).get(dashboard_url(plan, 2031)).status_code == 404


def test_the_plan_address_opens_its_latest_reporting_year(plan, period, focal_officer):
    response = client_for(focal_officer).get(reverse("results:plan", args=[plan.pk]))
    assert response.status_code == 302 and response["Location"] == dashboard_url(plan, 2026)


def test_the_help_page_states_the_status_rule_in_vietnamese(focal_officer):
    html = client_for(focal_officer).get(reverse("results:help")).content.decode()
    assert "0,95" in html and "0,6" in html and "dưới 42" in html


@pytest.mark.parametrize("persona", ["focal_officer", "leader", "ministry_viewer", "admin_user"])
def test_province_readers_open_every_page(request, persona, plan, period, daklak):
    file_report(period, daklak.commune_a)
    client = client_for(request.getfixturevalue(persona))
    indicator = plan.indicators.get(code="5")
    for url in (
        dashboard_url(plan),
        reverse("results:summary", args=[plan.pk, 2026]),
        reverse("results:completeness", args=[plan.pk, 2026]),
        reverse("results:indicator", args=[indicator.pk, 2026]),
        reverse("results:unit", args=[plan.pk, 2026, daklak.commune_a.pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_the_dashboard_shows_each_target_of_an_indicator_under_it(daklak, focal_officer):
    plan = schooling_plan(daklak, "80")

    page = client_for(focal_officer).get(dashboard_url(plan)).content.decode()

    # Target 1: 99,5 >= 99 achieved; target 2: 80 / 90 = 0,89 at risk; the indicator: the worst.
    assert 'data-indicator="5.2" data-status="at_risk"' in page
    first = re.search(
        r'<tr class="target-row" data-target="5.2-1" data-status="(\w+)">(.*?)</tr>', page, re.S
    )
    second = re.search(
        r'<tr class="target-row" data-target="5.2-2" data-status="(\w+)">(.*?)</tr>', page, re.S
    )
    assert (
        first
        and first.group(1) == "achieved"
        and "99,5%" in first.group(2)
        and "Mức cần đạt 1" in first.group(2)
    )
    assert second and second.group(1) == "at_risk" and "80%" in second.group(2) and "≥ 90%" in second.group(2)


def test_the_indicator_page_lists_each_target_with_its_status(daklak, focal_officer):
    plan = schooling_plan(daklak, "80")
    indicator = plan.indicators.get(code="5.2")

    page = (
        client_for(focal_officer)
        .get(reverse("results:indicator", args=[indicator.pk, 2026]))
        .content.decode()
    )

    table = page[page.index('id="indicator-targets"') :]
    assert '<tr data-target="1" data-status="achieved">' in table
    assert '<tr data-target="2" data-status="at_risk">' in table and "80%" in table


def test_the_plans_views_link_its_funds_of_the_year(plan, period, leader):
    page = client_for(leader).get(reverse("results:dashboard", args=[plan.pk, 2026]))
    assert (
        f'href="{reverse("work:budget", args=[plan.slug, 2026])}" id="plan-funds">Kinh phí</a>' in page.text
    )
