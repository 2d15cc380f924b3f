"""End to end, with the password hash make setup built (accounts.argon2_build) rather than the suite's
fast stand-in: every kind of user signs in through the Vietnamese login form, is refused with a wrong
password and let in with the right one, and their stored hash is Argon2id at OWASP's parameters."""

from __future__ import annotations

import pytest

from binhdang.accounts.models import Role
from tests.browser import login
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.argon2]

#: kind of user -> (role, the Đắk Lắk unit they belong to (None: the ministry), a heading of their home)
KINDS = {
    "commune": (Role.REPORTER, "commune_a", "Đơn vị của tôi"),
    "department": (Role.REPORTER, "health", "Đơn vị của tôi"),
    "mass organisation": (Role.REPORTER, "womens_union", "Đơn vị của tôi"),
    "media agency": (Role.REPORTER, "newspaper", "Đơn vị của tôi"),
    "focal agency": (Role.REPORTER, "noi_vu", "Đơn vị của tôi"),
    "focal officer": (Role.FOCAL_OFFICER, "root", "Tổng quan Tỉnh Đắk Lắk"),
    "leader": (Role.LEADER, "root", "Tình hình Tỉnh Đắk Lắk"),
    "ministry": (Role.MINISTRY_VIEWER, None, "Các tỉnh, thành phố"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_user_is_refused_a_wrong_password_and_let_in_with_the_right_one(
    kind, browser_page, live_server, daklak
):
    role, unit, heading = KINDS[kind]
    user = make_user("nguoi_dung", role, getattr(daklak, unit) if unit else None, full_name="Hà Thị Lan")
    # made with the production hasher, which this test keeps (the argon2 mark)
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")

    login(browser_page, live_server, "nguoi_dung", PASSWORD + "-sai")
    assert browser_page.url.startswith(live_server.url + "/accounts/login/")
    assert browser_page.get_by_role("alert").inner_text().startswith("Tên đăng nhập hoặc mật khẩu không đúng")

    login(browser_page, live_server, "nguoi_dung", PASSWORD)
    assert browser_page.url == live_server.url + "/"
    assert browser_page.get_by_role("heading", level=1).inner_text().startswith("Xin chào")
    assert browser_page.get_by_role("heading", name=heading).is_visible()
