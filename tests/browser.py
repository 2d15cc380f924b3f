"""Shared browser fixtures for end-to-end tests (registered for all tests in ``tests/conftest.py``).

- ``browser_page``: a fresh Playwright page (its own browser context: cookies, storage) per test, in a
  headless Chromium launched once per session from Debian's ``/usr/bin/chromium``. Tests using it are
  skipped when that browser is not installed.
- ``login(page, live_server, username, password)``: log in through the Vietnamese login page.

Use them with pytest-django's ``live_server`` and mark the tests ``@pytest.mark.browser``::

    @pytest.mark.browser
    def test_something(browser_page, live_server, focal_officer):
        login(browser_page, live_server, "focal", PASSWORD)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connections
from django.urls import reverse

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def _chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: browser tests need Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
        # While Playwright runs, its event loop runs in this thread, and Django keeps the thread's
        # database connections apart from the ones opened before (asgiref's storage follows the async
        # context then): close those before the loop stops, or they outlive the test database (on
        # PostgreSQL, dropping it fails while a session is connected).
        connections.close_all()


@pytest.fixture
def browser_page(_chromium, settings):
    # The server runs on the suite's fixed day (conftest.TEST_CLOCK) and Chromium on the real one: a
    # session cookie with an expiry date would already be expired for the browser.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    context = _chromium.new_context(locale="vi-VN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def login(page, live_server, username: str, password: str) -> None:
    """Open the login page, fill in the Vietnamese form and submit it; waits for the next page."""
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập", exact=True).click()
