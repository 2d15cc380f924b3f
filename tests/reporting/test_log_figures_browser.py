"""Browser journey of the activity log's figures in the yearly report (``reporting.log_figures``): the
commune reporter, on a phone, opens the year's report (nothing saved), sees the log's figures under
the empty fields, saves with Enter (which takes no figure), takes one field's figure, then all the others, corrects one, completes and submits;
the focal officer sees on the board and in the review where the report differs from the log. No page
logs a console error."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from binhdang.reporting.entry import field_id
from binhdang.reporting.models import State, Submission
from binhdang.work.models import Activity, ActivityType
from tests.browser import login
from tests.factories import PASSWORD, tt1790_year

SLOW = 30_000
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def year_with_log(daklak, focal_officer, commune_a_reporter):
    period = tt1790_year(daklak.root, daklak.noi_vu, user=focal_officer)
    for day in range(1, 13):
        Activity.objects.create(
            plan=period.plan,
            unit=daklak.commune_a,
            type=ActivityType.COMMUNICATION,
            date=dt.date(2026, 8, day),
            place="Nhà văn hóa buôn",
            male=10,
            female=15,
            budget_state=1_000_000,
            created_by=commune_a_reporter,
        )
    Activity.objects.create(
        plan=period.plan,
        unit=daklak.commune_a,
        type=ActivityType.TRAINING,
        date=dt.date(2026, 9, 3),
        place="UBND xã",
        male=6,
        female=9,
        budget_other=800_000,
        created_by=commune_a_reporter,
    )
    return period


def watch(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


@pytest.mark.browser
def test_the_commune_reporter_takes_the_logs_figures_corrects_one_and_the_officer_sees_the_difference(
    browser_page, live_server, daklak, year_with_log, focal_officer
):
    page = browser_page
    errors = watch(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_a", PASSWORD)
    page.goto(live_server.url + "/")
    page.locator("tr", has_text="Xã Ea Kar").filter(has_text="2026").get_by_role(
        "link", name="Nhập báo cáo"
    ).click()
    expect(page.locator("#report-state")).to_have_text("Chưa bắt đầu")
    expect(page.locator("#log-proposals")).to_contain_text("có số liệu cho 9 ô còn trống")
    sessions = page.locator(f'[data-proposal-for="{field_id("TT_SESSIONS")}"]')
    expect(sessions).to_contain_text("Theo sổ hoạt động: 12")
    assert not Submission.objects.exists(), "opening the report must save nothing"
    # the button fits the phone's screen
    box = page.locator("#btn-accept-log").bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]

    # Enter in a field saves the draft, as before: it takes none of the log's figures.
    news = page.locator("#" + field_id("TT_NEWS"))
    news.fill("6")
    news.press("Enter")
    expect(page.locator("#save-status")).to_contain_text(re.compile(r"Đã lưu bản nháp lúc"), timeout=SLOW)
    expect(page.locator("#" + field_id("TT_SESSIONS"))).to_have_value("")
    assert Submission.objects.get().value_map() == {("TT_NEWS", ""): "6"}

    # One field's figure first: it alone is put in the report.
    page.locator(f'[data-proposal-for="{field_id("TT_TRAININGS")}"]').get_by_role("button").click()
    expect(page.locator("#report-state")).to_have_text("Bản nháp", timeout=SLOW)
    expect(page.locator("#" + field_id("TT_TRAININGS"))).to_have_value("1")
    expect(page.locator("#log-proposals")).to_contain_text("có số liệu cho 8 ô còn trống")
    assert Submission.objects.get().value_map() == {("TT_NEWS", ""): "6", ("TT_TRAININGS", ""): "1"}

    # Then all the others, and one corrected: the unit held 10 sessions, two were logged twice.
    page.locator("#btn-accept-log").click()
    expect(page.locator("#log-proposals")).to_have_count(0, timeout=SLOW)
    expect(page.locator("#" + field_id("TT_SESSIONS"))).to_have_value("12")
    expect(page.locator("#" + field_id("TT_PARTICIPANTS", "FEMALE"))).to_have_value("180")
    expect(page.locator("#" + field_id("TT_BUDGET_STATE"))).to_have_value("12.000.000")
    expect(page.locator("#" + field_id("TT_BUDGET_OTHER"))).to_have_value("800.000")
    page.locator("#" + field_id("TT_SESSIONS")).fill("10")
    page.locator("#" + field_id("TT_SESSIONS")).blur()
    page.locator("#" + field_id("TT_AM_PLAN")).select_option("true")
    expect(page.locator("#" + field_id("TT_AM_ACTIVITIES"))).to_have_value("0")  # none logged
    for code, value in (("TT_DIGITAL_MODELS", "1"),):
        page.locator("#" + field_id(code)).fill(value)
        page.locator("#" + field_id(code)).blur()
    page.locator("#" + field_id("TT_CONVENTIONS")).fill("3")
    page.locator("#" + field_id("TT_CONVENTIONS")).blur()
    page.locator("#" + field_id("TT_CONVENTIONS_OK")).fill("3")
    page.locator("#" + field_id("TT_CONVENTIONS_OK")).blur()
    expect(page.locator("#validation-summary")).to_contain_text("Đã nhập đủ số liệu bắt buộc", timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    submission = Submission.objects.get()
    assert submission.state == State.SUBMITTED and submission.value_map()[("TT_SESSIONS", "")] == "10"

    # The focal officer: the board flags the unit, the review names the difference.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + f"/reporting/periods/{year_with_log.pk}/")
    row = page.locator('tr[data-unit="66-C001"]')
    expect(row.locator(".log-flag")).to_contain_text("Sổ hoạt động 1")
    row.get_by_role("link", name="Xã Ea Kar").click()
    expect(page.locator("#log-differences")).to_contain_text("Báo cáo: 10 · Sổ hoạt động: 12")
    expect(page.locator('[data-log-difference="v__TT_SESSIONS"]')).to_contain_text("Báo cáo: 10")
    assert not errors, errors
