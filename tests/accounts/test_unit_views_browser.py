"""End to end in Chromium: the province tree's live search (htmx) and the collapsible groups."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import login
from tests.factories import PASSWORD


@pytest.mark.browser
def test_typing_in_the_search_box_filters_the_tree_without_reloading(
    browser_page, live_server, focal_officer, daklak
):
    page = browser_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + "/orgunits/province/66/")
    results = page.locator("#unit-results")
    expect(results.get_by_role("link", name="Xã Ea Kar")).to_be_visible()
    page.evaluate("window.__sameDocument = true")

    page.get_by_label("Tìm theo tên").fill("buon ma")  # no diacritics

    expect(results.get_by_text("Tìm thấy 1 đơn vị.")).to_be_visible()
    expect(results.get_by_role("link", name="Phường Buôn Ma Thuột")).to_be_visible()
    expect(results.get_by_role("link", name="Xã Ea Kar")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/orgunits/province/66/\?q=buon(\+|%20)ma"))
    assert page.evaluate("window.__sameDocument") is True  # updated in place, not a new page

    page.get_by_label("Loại đơn vị").select_option("department")
    expect(results.get_by_text("Không có đơn vị nào phù hợp với nội dung tìm kiếm.")).to_be_visible()
    assert not errors, errors


@pytest.mark.browser
def test_groups_of_the_tree_open_and_close_from_the_keyboard(
    browser_page, live_server, focal_officer, daklak
):
    page = browser_page
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + "/orgunits/province/66/")
    summary = page.locator("summary", has_text="Sở, ban, ngành")
    link = page.get_by_role("link", name="Sở Y tế")
    expect(link).to_be_visible()
    summary.focus()
    page.keyboard.press("Enter")
    expect(link).to_be_hidden()
    page.keyboard.press("Enter")
    expect(link).to_be_visible()
