"""End to end: each persona logs in through the Vietnamese login page and lands on its own home page."""

from __future__ import annotations

import pytest

from tests.browser import login
from tests.factories import PASSWORD

#: persona fixture -> (username, password, a heading of its home page)
PERSONAS = {
    "commune_a_reporter": ("reporter_a", PASSWORD, "Đơn vị của tôi"),
    "focal_officer": ("focal", PASSWORD, "Tổng quan Tỉnh Đắk Lắk"),
    "leader": ("leader", PASSWORD, "Tình hình Tỉnh Đắk Lắk"),
    "ministry_viewer": ("ministry", PASSWORD, "Các tỉnh, thành phố"),
    "outsider": ("outsider", PASSWORD, "Tổng quan Tỉnh Lai Châu"),
    "admin_user": ("admin", "Admin-mat-khau-2026", "Quản trị hệ thống"),
}


@pytest.mark.browser
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_persona_logs_in_through_the_login_page_and_sees_its_home(
    persona, request, browser_page, live_server, daklak, laichau
):
    request.getfixturevalue(persona)
    username, password, heading = PERSONAS[persona]
    csp_errors: list[str] = []
    browser_page.on(
        "console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    login(browser_page, live_server, username, password)
    assert browser_page.url == live_server.url + "/"
    assert browser_page.get_by_role("heading", name=heading).is_visible()
    assert browser_page.get_by_role("heading", level=1).inner_text().startswith("Xin chào")
    assert not csp_errors, csp_errors


@pytest.mark.browser
def test_wrong_password_shows_the_vietnamese_error_on_the_login_page(
    browser_page, live_server, commune_a_reporter
):
    login(browser_page, live_server, "reporter_a", "sai-mat-khau")
    assert browser_page.get_by_role("alert").inner_text().startswith("Tên đăng nhập hoặc mật khẩu không đúng")


@pytest.mark.browser
def test_the_login_page_loads_every_resource_it_asks_for_its_icon_included(browser_page, live_server, db):
    failed: list[str] = []
    browser_page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    browser_page.goto(live_server.url + "/accounts/login/")
    browser_page.wait_for_load_state("networkidle")
    icon = browser_page.locator("link[rel=icon]").get_attribute("href")
    assert icon and icon.endswith(".svg")
    assert not failed, failed
