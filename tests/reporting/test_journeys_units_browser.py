"""Journeys of the reporters of every kind of unit, in headless Chromium on a phone-sized window: a
commune, a department (Sở), a mass organisation (Hội LHPN), the media agency (with the Gender
Indicators for Media) and the focal agency (Sở Nội vụ, with the awareness rate).

Each reporter logs in, opens the year's report from the home page (opening it changes nothing), fills
every field through the form (money grouped by thousands while typing), types one bad value and sees it
marked beside its field while the other values save, corrects it, submits, and sees the true state on
the home page. Any error in the browser's console (a CSP violation, a script error) fails the journey.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from binhdang.reporting.entry import field_id
from binhdang.reporting.forms_catalog import TT1790, ValueType
from binhdang.reporting.models import State, Submission
from tests.browser import login
from tests.factories import PASSWORD, Role, make_user, tt1790_year

SLOW = 30_000
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def year_open(daklak, focal_officer):
    return tt1790_year(daklak.root, daklak.noi_vu, user=focal_officer)


def value_for(element, coc: str) -> tuple[str, str, str]:
    """(what is typed, what the field then shows, what is stored) for one field."""
    value_type = element.type_for(coc)
    if value_type == ValueType.BOOLEAN:
        return "true", "true", "true"
    if value_type == ValueType.OPTION:
        return "PILOT", "PILOT", "PILOT"
    if value_type == ValueType.PERCENT:
        return "72.5", "72.5", "72.5"
    if element.is_money:
        return "15000000", "15.000.000", "15000000"
    if element.code == "TT_PARTICIPANTS":
        return ("120", "120", "120") if coc == "MALE" else ("180", "180", "180")
    return "5", "5", "5"


def fill_field(page, element, coc: str, typed: str) -> None:
    locator = page.locator("#" + field_id(element.code, coc))
    if element.type_for(coc) in (ValueType.BOOLEAN, ValueType.OPTION):
        locator.select_option(typed)
    elif element.is_money:
        locator.click()
        locator.press_sequentially(typed)
        locator.blur()
    else:
        locator.fill(typed)
        locator.blur()


KINDS = {
    "commune": ("commune_a", "Xã Ea Kar", "TT_DIGITAL_MODELS"),
    "department": ("health", "Sở Y tế", "TT_NEWS"),
    "mass_org": ("womens_union", "Hội Liên hiệp Phụ nữ tỉnh", "TT_TRAININGS"),
    "media": ("newspaper", "Báo và Phát thanh, Truyền hình tỉnh", "TT_NEWS"),
    "focal_agency": ("noi_vu", "Sở Nội vụ", "TT_AWARENESS"),
}
#: The bad value typed in each journey's chosen field (negative count, or a rate above 100 %).
BAD = {"TT_AWARENESS": ("150", "phải là tỷ lệ phần trăm từ 0 đến 100")}
BAD_COUNT = ("-3", "phải là số nguyên không âm")


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_reporter_of_each_kind_of_unit_fills_every_field_survives_a_bad_value_and_submits(
    kind, browser_page, live_server, daklak, year_open
):
    attribute, unit_name, bad_code = KINDS[kind]
    unit = getattr(daklak, attribute)
    make_user(f"rep_{kind}", Role.REPORTER, unit, full_name=f"Người báo cáo {unit_name}")
    page = browser_page
    page.set_viewport_size(PHONE)
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(str(e)))

    login(page, live_server, f"rep_{kind}", PASSWORD)
    page.goto(live_server.url + "/")
    row = page.locator("tr", has_text=unit_name).filter(has_text="2026")
    expect(row).to_contain_text("Chưa bắt đầu")
    # on a phone the list of reports due reads as cards: nothing to scroll sideways to reach the button
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = row.get_by_role("link", name="Nhập báo cáo").bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"], box
    row.get_by_role("link", name="Nhập báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Chưa bắt đầu")
    assert not Submission.objects.filter(unit=unit).exists(), "opening the report must change nothing"
    # Reporters see no internal codes of the data elements.
    expect(page.locator("#report-form")).not_to_contain_text("TT_")

    elements = TT1790.elements_for(unit, daklak.noi_vu)
    assert any(e.code == bad_code for e in elements)
    expected: dict[tuple[str, str], str] = {}
    for element in elements:
        for coc in element.category_options:
            typed, shown, stored = value_for(element, coc)
            fill_field(page, element, coc, typed)
            expect(page.locator("#" + field_id(element.code, coc))).to_have_value(shown)
            expected[(element.code, coc)] = stored
    page.get_by_label("Kết quả", exact=True).fill(f"Kết quả năm 2026 của {unit_name}.")
    expect(page.locator("#save-status")).to_contain_text(
        re.compile(r"Đã lưu bản nháp lúc \d\d:\d\d"), timeout=SLOW
    )
    expect(page.locator("#validation-summary")).to_contain_text("Đã nhập đủ số liệu bắt buộc", timeout=SLOW)

    # One bad value: marked beside its field, typed text kept; the other values are saved.
    bad, reason = BAD.get(bad_code, BAD_COUNT)
    bad_field = page.locator("#" + field_id(bad_code))
    bad_field.fill(bad)
    bad_field.blur()
    beside = page.locator("#msg-" + field_id(bad_code))
    expect(beside).to_contain_text(reason, timeout=SLOW)
    expect(bad_field).to_have_attribute("aria-invalid", "true")
    expect(bad_field).to_have_value(bad)
    submission = Submission.objects.get(unit=unit)
    assert submission.value_map() == expected
    assert submission.refused_values() == {(bad_code, ""): bad}

    # A reload keeps what was typed, marked.
    page.reload()
    expect(page.locator("#" + field_id(bad_code))).to_have_value(bad)
    expect(page.locator("#msg-" + field_id(bad_code))).to_contain_text(reason)

    # Submitting now is refused and goes to the problem.
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#" + field_id(bad_code))).to_be_focused(timeout=SLOW)
    expect(page.locator("#report-state")).to_have_text("Bản nháp")

    # Corrected, the mark goes away; then the report is submitted.
    good = "80" if bad_code == "TT_AWARENESS" else "3"
    page.locator("#" + field_id(bad_code)).fill(good)
    page.locator("#" + field_id(bad_code)).blur()
    expect(page.locator("#msg-" + field_id(bad_code))).not_to_contain_text(reason, timeout=SLOW)
    expect(page.locator("#" + field_id(bad_code))).not_to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    submission.refresh_from_db()
    assert submission.state == State.SUBMITTED
    assert submission.value_map() == {**expected, (bad_code, ""): good}

    # The home page tells the truth.
    page.goto(live_server.url + "/")
    expect(page.locator("tr", has_text=unit_name).filter(has_text="2026")).to_contain_text("Đã nộp")
    assert console_errors == [], console_errors


@pytest.mark.browser
def test_autosaves_and_a_refused_submit_break_no_content_security_policy_rule(
    browser_page, live_server, daklak, year_open
):
    """htmx settles the attributes of the elements it swaps (the report's version, out of band); it
    must never write an inline style, which the CSP forbids: a console error on the report form."""
    make_user("rep_media", Role.REPORTER, daklak.newspaper)
    page = browser_page
    page.set_viewport_size(PHONE)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.target && e.target.id)))"
    )
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    from binhdang.reporting import services

    report = services.get_or_create_submission(year_open, daklak.newspaper)
    services.save_draft(
        report, {("TT_NEWS", ""): "187", ("TT_TRAININGS", ""): "0"}, {}, None, expected_version=None
    )
    login(page, live_server, "rep_media", PASSWORD)
    page.goto(live_server.url + f"/reporting/submissions/{report.pk}/")
    # htmx copies the settled attributes of an element it swaps; "style" would be written inline (seen
    # on the demo's report form after a refused submit).
    assert "style" not in page.evaluate("htmx.config.attributesToSettle")
    for code, coc in [("TT_SESSIONS", ""), ("TT_PARTICIPANTS", "MALE"), ("TT_AM_ACTIVITIES", "")]:
        page.locator("#" + field_id(code, coc)).fill("4")
        page.locator("#" + field_id(code, coc)).blur()
    page.locator("#" + field_id("TT_GSIM_STATUS")).select_option("OFFICIAL")
    money = page.locator("#" + field_id("TT_BUDGET_STATE"))
    money.press_sequentially("7250000")
    money.blur()
    page.locator("#" + field_id("TT_NEWS")).fill("-2")
    page.locator("#" + field_id("TT_NEWS")).blur()
    expect(page.locator("#msg-" + field_id("TT_NEWS"))).to_contain_text("không âm", timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    # Refused: the first problem of the form (participants not entered) gets the focus.
    expect(page.locator("#" + field_id("TT_PARTICIPANTS", "FEMALE"))).to_be_focused(timeout=SLOW)
    expect(page.locator("#msg-" + field_id("TT_PARTICIPANTS", "FEMALE"))).to_contain_text("chưa nhập")
    page.locator("#" + field_id("TT_NEWS")).fill("12")
    page.locator("#" + field_id("TT_NEWS")).blur()
    expect(page.locator("#msg-" + field_id("TT_NEWS"))).not_to_contain_text("không âm", timeout=SLOW)
    page.wait_for_timeout(500)
    assert Submission.objects.get(unit=daklak.newspaper).value_map()[("TT_NEWS", "")] == "12"
    assert console_errors == [], console_errors


@pytest.mark.browser
def test_leaving_with_changes_not_yet_saved_warns_and_saves_them_on_the_way_out(
    browser_page, live_server, daklak, year_open
):
    make_user("rep_commune", Role.REPORTER, daklak.commune_a)
    page = browser_page
    page.set_viewport_size(PHONE)
    login(page, live_server, "rep_commune", PASSWORD)
    page.goto(live_server.url + f"/reporting/periods/{year_open.pk}/units/{daklak.commune_a.pk}/")
    dialogs: list[str] = []

    def leave_anyway(dialog):
        dialogs.append(dialog.type)
        dialog.accept()

    page.on("dialog", leave_anyway)
    # Typed, and the page left at once: before the pause that starts the autosave.
    page.locator("#" + field_id("TT_SESSIONS")).press_sequentially("9")
    page.get_by_role("link", name="Trang chủ").first.click()
    page.wait_for_url(live_server.url + "/")
    assert dialogs == ["beforeunload"]
    for _attempt in range(50):
        saved = Submission.objects.filter(unit=daklak.commune_a).first()
        if saved is not None and saved.value_map():
            break
        page.wait_for_timeout(200)
    assert saved is not None and saved.value_map() == {("TT_SESSIONS", ""): "9"}
