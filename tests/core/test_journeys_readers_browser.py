"""Journeys of the readers in headless Chromium (issue 12): the province's leader and the ministry
viewer log in, read what they should (home, status board, results, a unit's report read-only) and get
403 or 404 for what they must not (a unit's editable report, another province for the leader, any
write). Every page must load without a console error."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from binhdang.reporting import services
from binhdang.reporting.models import State, Submission
from tests.browser import login
from tests.factories import PASSWORD, units_report_yearly
from tests.results.conftest import file_report, make_plan, seed_000_plan

NARRATIVE = "Chị Nguyễn Thị A được hỗ trợ pháp lý."


def watch_console(page) -> list[str]:
    """Console errors and uncaught page errors. The 403/404 of a page the journey opens on purpose (the
    document itself, not a resource it loads) is the answer under test, not an error of the page."""
    errors: list[str] = []

    def on_console(message) -> None:
        refused_document = message.location.get("url") == page.url and re.search(
            r"status of 40[34]", message.text
        )
        if message.type == "error" and not refused_document:
            errors.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


@pytest.fixture
def world(daklak, laichau, focal_officer, outsider):
    """Đắk Lắk's plan and 2026 period (deadline 30/11, past on the suite's day): commune A submitted on
    time with a narrative naming a person, Sở Y tế a draft; Lai Châu's plan and period."""
    plan = seed_000_plan(daklak)
    period = services.open_period(plan, 2026, focal_officer)
    submitted = file_report(period, daklak.commune_a, at=timezone.now() - dt.timedelta(days=20))
    submitted.results = NARRATIVE
    submitted.save(update_fields=["results"])
    draft = file_report(period, daklak.health, submit=False)
    other_plan = make_plan(laichau.root, slug="kh-1790-laichau")
    units_report_yearly(other_plan)
    other_period = services.open_period(other_plan, 2026, outsider)
    return {
        "plan": plan,
        "period": period,
        "submitted": submitted,
        "draft": draft,
        "other_plan": other_plan,
        "other_period": other_period,
    }


def status(page, live_server, url: str) -> int:
    return page.goto(live_server.url + url).status


def post_status(page, live_server, url: str, data: dict | None = None) -> int:
    """POST as the logged-in browser, with a valid CSRF token (a 403 is then the permission's)."""
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        live_server.url + url,
        form={"csrfmiddlewaretoken": csrf, **(data or {})},
        headers={"Referer": live_server.url + "/", "X-CSRFToken": csrf},
        max_redirects=0,
    )
    return response.status


def loaded(report) -> dict:
    """The form data of a page showing ``report`` as it is now (its current version)."""
    return {"version": str(report.version), "v__TT_SESSIONS": "9"}


def unchanged(world) -> None:
    for key, state in (("submitted", State.SUBMITTED), ("draft", State.DRAFT)):
        report = Submission.objects.get(pk=world[key].pk)
        assert report.state == state and report.version == world[key].version


@pytest.mark.browser
def test_the_leader_reads_the_province_and_changes_nothing(browser_page, live_server, world, leader):
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "leader", PASSWORD)
    board = reverse("reporting:board", args=[world["period"].pk])
    # Home: the period with its completeness and the units overdue.
    expect(page.get_by_role("link", name="5 đơn vị quá hạn")).to_be_visible()
    # The status board, read only: no reminders, no period actions.
    assert status(page, live_server, board) == 200
    expect(page.locator('tr[data-unit="66-C001"]')).to_contain_text("Đã nộp")
    expect(page.locator('tr[data-unit="66-D06"]')).to_contain_text("Quá hạn")
    expect(page.locator("#btn-remind")).to_have_count(0)
    expect(page.get_by_role("button", name="Đóng kỳ báo cáo")).to_have_count(0)
    # The results and a unit's report, read only, with its narrative (the leader may read it).
    assert status(page, live_server, reverse("results:dashboard", args=[world["plan"].pk, 2026])) == 200
    expect(page.locator('tr[data-indicator="1"]')).to_be_visible()
    assert status(page, live_server, reverse("reporting:submission", args=[world["draft"].pk])) == 200
    expect(page.locator("#report-form")).to_have_count(0)
    expect(page.locator("#review")).to_have_count(0)
    assert status(page, live_server, reverse("reporting:submission", args=[world["submitted"].pk])) == 200
    expect(page.get_by_text(NARRATIVE)).to_be_visible()
    # Another province: 404.
    assert status(page, live_server, reverse("reporting:board", args=[world["other_period"].pk])) == 404
    assert status(page, live_server, reverse("results:dashboard", args=[world["other_plan"].pk, 2026])) == 404
    # Writes: 403 (the leader sees the objects but may not change them).
    draft, submitted = world["draft"], world["submitted"]
    assert post_status(page, live_server, reverse("reporting:save", args=[draft.pk]), loaded(draft)) == 403
    assert post_status(page, live_server, reverse("reporting:submit", args=[draft.pk]), loaded(draft)) == 403
    assert (
        post_status(page, live_server, reverse("reporting:accept", args=[submitted.pk]), loaded(submitted))
        == 403
    )
    assert (
        post_status(
            page,
            live_server,
            reverse("reporting:return", args=[submitted.pk]),
            {**loaded(submitted), "comment": "x"},
        )
        == 403
    )
    assert post_status(page, live_server, reverse("reporting:remind", args=[world["period"].pk])) == 403
    assert status(page, live_server, reverse("reporting:period_open")) == 403
    unchanged(world)
    assert not errors, errors


@pytest.mark.browser
def test_the_ministry_viewer_reads_figures_of_every_province_but_no_narrative_and_changes_nothing(
    browser_page, live_server, world, ministry_viewer, daklak
):
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "ministry", PASSWORD)
    expect(page.get_by_role("link", name="Tỉnh Đắk Lắk")).to_be_visible()
    expect(page.get_by_role("link", name="Tỉnh Lai Châu")).to_be_visible()
    assert status(page, live_server, reverse("results:dashboard", args=[world["plan"].pk, 2026])) == 200
    expect(page.locator('tr[data-indicator="1"]')).to_be_visible()
    assert status(page, live_server, reverse("results:dashboard", args=[world["other_plan"].pk, 2026])) == 200
    expect(page.locator("main")).to_contain_text("Lai Châu")
    # A unit's report: its figures, not its narrative; no entry form.
    assert status(page, live_server, reverse("reporting:submission", args=[world["submitted"].pk])) == 200
    expect(page.locator('[data-code="TT_SESSIONS"]')).to_contain_text("2")
    expect(page.get_by_text(NARRATIVE)).to_have_count(0)
    assert status(page, live_server, reverse("reporting:submission", args=[world["draft"].pk])) == 200
    expect(page.locator("#report-form")).to_have_count(0)
    # Starting a unit's report is not for the ministry: 404; every write: 403.
    start = reverse("reporting:report", args=[world["period"].pk, daklak.commune_b.pk])
    assert status(page, live_server, start) == 404
    draft, submitted = world["draft"], world["submitted"]
    assert post_status(page, live_server, reverse("reporting:save", args=[draft.pk]), loaded(draft)) == 403
    assert (
        post_status(page, live_server, reverse("reporting:accept", args=[submitted.pk]), loaded(submitted))
        == 403
    )
    assert post_status(page, live_server, reverse("reporting:remind", args=[world["period"].pk])) == 403
    assert status(page, live_server, reverse("reporting:period_open")) == 403
    assert not Submission.objects.filter(unit=daklak.commune_b).exists()
    unchanged(world)
    assert not errors, errors
