"""End to end, the session read with its user (accounts.sessions): every kind of user signs in through
the Vietnamese login form, comes back to their home on later pages (each one reading the session, the
user and the roles in one statement), and is sent back to the login page as soon as their account is
deactivated, or after logging out, even with the old session's cookie."""

from __future__ import annotations

import pytest
from django.urls import reverse

from binhdang.accounts.models import Session
from tests.accounts.test_argon2_build_browser import KINDS
from tests.browser import login
from tests.core.test_journeys_readers_browser import watch_console
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_user_keeps_their_session_until_deactivated_or_logged_out(
    kind, browser_page, live_server, daklak
):
    role, unit, heading = KINDS[kind]
    user = make_user("nguoi_dung", role, getattr(daklak, unit) if unit else None, full_name="Hà Thị Lan")
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "nguoi_dung", PASSWORD)
    assert page.url == live_server.url + "/"
    (session,) = Session.objects.filter(user_id=user.pk)

    page.goto(live_server.url + reverse("reporting:notifications"))  # a later page, read with the session
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name=heading).is_visible()

    # the focal officer deactivates the account: the next page asks for a login, in Vietnamese
    user.is_active = False
    user.save()
    page.goto(live_server.url + "/")
    assert page.url.startswith(live_server.url + "/accounts/login/")
    assert page.get_by_label("Tên đăng nhập").is_visible()

    # reactivated, the user logs in again, then out: the old session's cookie no longer opens anything
    user.is_active = True
    user.save()
    page.context.clear_cookies()
    login(page, live_server, "nguoi_dung", PASSWORD)
    assert page.get_by_role("heading", name=heading).is_visible()
    (second,) = Session.objects.filter(user_id=user.pk).exclude(pk=session.pk)
    cookies = page.context.cookies()
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng xuất").click()
    assert not Session.objects.filter(pk=second.pk).exists()
    page.context.add_cookies(cookies)  # the logged-out session's cookie, put back
    page.goto(live_server.url + "/")
    assert page.url.startswith(live_server.url + "/accounts/login/")
    assert errors == []
