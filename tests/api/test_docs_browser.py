"""End to end: the Swagger UI page of the API renders in headless Chromium under the site's
Content-Security-Policy (its scripts and styles come from our static files or carry the nonce) and
lists the endpoints of the schema it fetched with the browser session."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser import login
from tests.factories import PASSWORD


@pytest.mark.browser
def test_docs_page_renders_the_schema_without_csp_violations(browser_page, live_server, focal_officer):
    login(browser_page, live_server, "focal", PASSWORD)
    problems: list[str] = []
    browser_page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if "Content Security Policy" in msg.text or msg.type == "error"
            else None
        ),
    )
    browser_page.on("pageerror", lambda error: problems.append(str(error)))
    browser_page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    browser_page.goto(live_server.url + reverse("api:docs"))

    browser_page.locator(
        ".opblock-summary-path", has_text="/api/v1/submissions/{id}/submit/"
    ).first.wait_for()
    assert browser_page.get_by_text("binhdang API").first.is_visible()
    assert not problems, problems


def test_docs_page_sends_anonymous_visitors_to_the_login_page(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
