"""Optional two-factor login (TOTP): enrolment, the code step after the password, recovery.

Codes are computed here from the device's secret with RFC 6238 (HMAC-SHA1, 30-second steps), as an
authenticator app would, independently of django-otp.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from django.contrib.auth import get_user
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts import two_factor
from tests.factories import PASSWORD

VERIFY = reverse("accounts:two_factor_verify")


def totp(key: bytes, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """The RFC 6238 code of ``key`` at time ``at`` (now by default)."""
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = (struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**digits
    return f"{number:0{digits}d}"


def confirmed_device_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def code_of(device: TOTPDevice, at: float | None = None) -> str:
    return totp(bytes.fromhex(device.key), at)


def wrong_code(device: TOTPDevice) -> str:
    now = time.time()
    valid = {code_of(device, now + shift * 30) for shift in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


@pytest.fixture
def no_otp_throttle(settings):
    """django-otp waits 2^(n-1) seconds after n wrong codes; tests that follow a wrong code by a right one
    turn that off (the throttle itself is tested separately)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_focal_officer_turns_on_two_factor_with_the_key_shown_on_the_page(client, focal_officer):
    client.force_login(focal_officer)
    assert client.post(reverse("accounts:two_factor_setup")).status_code == 302

    page = client.get(reverse("accounts:two_factor_setup")).content.decode()
    assert '<svg role="img"' in page  # the QR code is drawn inline, by the server
    assert "<img" not in page.split('class="qr-box"')[1].split("</div>")[0]
    secret = re.search(r'<code class="totp-secret">([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))

    response = client.post(reverse("accounts:two_factor_setup"), {"token": totp(key)})

    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=focal_officer)
    assert device.confirmed
    assert device.bin_key == key
    assert focal_officer.history.filter(history_change_reason=two_factor.REASON_ENABLED).exists()
    # The session that just proved the code counts as verified: no code step now.
    assert client.get(reverse("core:home")).status_code == 200


def test_setup_page_is_vietnamese_and_a_wrong_code_turns_nothing_on(client, focal_officer):
    client.force_login(focal_officer)
    client.post(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=focal_officer)

    response = client.post(reverse("accounts:two_factor_setup"), {"token": wrong_code(device)})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Thiết lập đăng nhập hai lớp" in page
    assert "Mã không đúng hoặc đã hết hạn" in page
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed


def test_code_that_is_not_six_digits_is_refused_by_name(client, focal_officer):
    client.force_login(focal_officer)
    client.post(reverse("accounts:two_factor_setup"))
    response = client.post(reverse("accounts:two_factor_setup"), {"token": "12ab"})
    assert "Mã gồm đúng 6 chữ số" in response.content.decode()
    assert "12ab" in response.content.decode()


def test_reporter_is_not_offered_two_factor(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    assert client.post(reverse("accounts:two_factor_setup")).status_code == 403
    assert not TOTPDevice.objects.filter(user=commune_a_reporter).exists()


def test_password_alone_does_not_open_anything_when_two_factor_is_on(client, focal_officer):
    device = confirmed_device_for(focal_officer)

    response = client.post(reverse("accounts:login"), {"username": "focal", "password": PASSWORD})
    assert response.status_code == 302

    for url in (reverse("core:home"), reverse("accounts:user_list"), reverse("accounts:profile"), "/admin/"):
        blocked = client.get(url)
        assert blocked.status_code == 302, url
        assert blocked["Location"].startswith(VERIFY), url
    page = client.get(VERIFY).content.decode()
    assert "Mã đăng nhập" in page
    assert device.pk  # the device is still there; nothing was opened


def test_right_code_after_the_password_opens_the_page_asked_for(client, focal_officer):
    device = confirmed_device_for(focal_officer)
    client.post(reverse("accounts:login"), {"username": "focal", "password": PASSWORD})
    target = reverse("accounts:user_list")
    blocked = client.get(target)
    assert blocked["Location"] == f"{VERIFY}?next={target}"

    response = client.post(VERIFY, {"token": code_of(device), "next": target})

    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_wrong_code_keeps_the_user_at_the_code_step(client, focal_officer):
    device = confirmed_device_for(focal_officer)
    client.force_login(focal_officer)

    response = client.post(VERIFY, {"token": wrong_code(device)})

    assert response.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    assert client.get(reverse("core:home"))["Location"].startswith(VERIFY)


def test_guessing_codes_is_slowed_down(client, focal_officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # one failure: a minute's wait, whatever the machine's speed
    device = confirmed_device_for(focal_officer)
    client.force_login(focal_officer)
    client.post(VERIFY, {"token": wrong_code(device)})

    # Right after a failure even the right code is refused, with the wait in Vietnamese.
    response = client.post(VERIFY, {"token": code_of(device)})

    assert "Nhập sai mã quá nhiều lần" in response.content.decode()
    assert client.get(reverse("core:home"))["Location"].startswith(VERIFY)


def test_a_code_cannot_be_used_twice(client, focal_officer, no_otp_throttle):
    device = confirmed_device_for(focal_officer)
    code = code_of(device)
    client.force_login(focal_officer)
    assert client.post(VERIFY, {"token": code}).status_code == 302
    client.post(reverse("accounts:logout"))

    client.force_login(focal_officer)
    response = client.post(VERIFY, {"token": code})

    assert response.status_code == 200
    assert client.get(reverse("core:home"))["Location"].startswith(VERIFY)


def test_next_pointing_to_another_site_is_ignored(client, focal_officer):
    device = confirmed_device_for(focal_officer)
    client.force_login(focal_officer)
    response = client.post(VERIFY, {"token": code_of(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("core:home")


def test_admin_login_page_also_leads_to_the_code_step(client, admin_user):
    confirmed_device_for(admin_user)
    client.post("/admin/login/", {"username": "admin", "password": "Admin-mat-khau-2026", "next": "/admin/"})
    assert get_user(client).is_authenticated
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_code_step_comes_before_the_forced_password_change(client, focal_officer):
    device = confirmed_device_for(focal_officer)
    focal_officer.must_change_password = True
    focal_officer.save()
    client.force_login(focal_officer)

    assert client.get(reverse("core:home"))["Location"].startswith(VERIFY)
    assert client.get(VERIFY).status_code == 200
    client.post(VERIFY, {"token": code_of(device)})
    assert client.get(reverse("core:home"))["Location"] == reverse("accounts:password_change")


def test_user_turns_two_factor_off_with_a_current_code(client, focal_officer, no_otp_throttle):
    device = confirmed_device_for(focal_officer)
    client.force_login(focal_officer)
    client.post(VERIFY, {"token": code_of(device)})

    refused = client.post(reverse("accounts:two_factor_disable"), {"token": wrong_code(device)})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=focal_officer).exists()

    done = client.post(reverse("accounts:two_factor_disable"), {"token": code_of(device, time.time() + 30)})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=focal_officer).exists()
    assert focal_officer.history.filter(history_change_reason=two_factor.REASON_DISABLED).exists()


def test_admin_removes_the_device_of_a_user_who_lost_the_phone(client, admin_user, focal_officer):
    confirmed_device_for(focal_officer)
    client.force_login(admin_user)
    url = reverse("accounts:two_factor_remove", args=[focal_officer.pk])
    assert "Gỡ đăng nhập hai lớp" in client.get(url).content.decode()

    response = client.post(url)

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=focal_officer).exists()
    row = focal_officer.history.get(history_change_reason=two_factor.REASON_REMOVED)
    assert row.history_user == admin_user
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"username": "focal", "password": PASSWORD})
    assert client.get(reverse("core:home")).status_code == 200


def test_focal_officer_cannot_remove_another_users_device(client, focal_officer, leader):
    confirmed_device_for(leader)
    client.force_login(focal_officer)
    response = client.post(reverse("accounts:two_factor_remove", args=[leader.pk]))
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=leader).exists()


def test_users_without_a_device_log_in_with_the_password_only(client, commune_a_reporter):
    client.post(reverse("accounts:login"), {"username": "reporter_a", "password": PASSWORD})
    assert client.get(reverse("core:home")).status_code == 200


def test_status_page_says_whether_two_factor_is_on(client, focal_officer):
    client.force_login(focal_officer)
    assert "Thiết lập đăng nhập hai lớp" in client.get(reverse("accounts:two_factor")).content.decode()


def test_turning_two_factor_on_ends_the_users_other_sessions(client, focal_officer):
    other = Client()
    other.force_login(focal_officer)  # e.g. someone who had the password before
    assert other.get(reverse("core:home")).status_code == 200
    client.force_login(focal_officer)
    client.post(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=focal_officer)

    client.post(reverse("accounts:two_factor_setup"), {"token": code_of(device)})

    assert client.get(reverse("core:home")).status_code == 200
    assert other.get(reverse("core:home"))["Location"].startswith(reverse("accounts:login"))


def test_session_opened_before_two_factor_existed_is_still_held_at_the_code_step(client, focal_officer):
    client.force_login(focal_officer)
    session = client.session
    del session[two_factor.SESSION_FLAG]
    session.save()
    confirmed_device_for(focal_officer)

    assert client.get(reverse("core:home"))["Location"].startswith(VERIFY)


def test_user_held_at_the_code_step_gets_through_once_an_admin_removed_the_device(
    client, focal_officer, admin_user
):
    confirmed_device_for(focal_officer)
    client.force_login(focal_officer)
    assert client.get(reverse("core:home"))["Location"].startswith(VERIFY)
    two_factor.remove_devices(admin_user, focal_officer)

    response = client.get(VERIFY)

    assert response["Location"] == reverse("core:home")
    assert client.get(reverse("core:home")).status_code == 200


def test_pages_see_the_sessions_user_itself_with_its_code_step_state(client, commune_a_reporter):
    from django.utils.functional import LazyObject

    client.force_login(commune_a_reporter)
    response = client.get(reverse("core:home"))
    user = response.wsgi_request.user
    assert not isinstance(user, LazyObject) and user.pk == commune_a_reporter.pk
    assert user.otp_device is None and user.is_verified() is False  # no device: no code step
    anonymous = client.logout() or client.get(reverse("core:healthz")).wsgi_request.user
    assert not isinstance(anonymous, LazyObject) and not anonymous.is_authenticated
