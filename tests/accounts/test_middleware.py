"""Forced password change at first login and after a reset (ForcePasswordChangeMiddleware)."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import PASSWORD


def test_user_with_a_temporary_password_is_sent_to_the_change_form(client, commune_a_reporter):
    commune_a_reporter.must_change_password = True
    commune_a_reporter.save()
    client.force_login(commune_a_reporter)
    response = client.get(reverse("core:home"))
    assert response["Location"] == reverse("accounts:password_change")
    page = client.get(reverse("accounts:password_change")).content.decode()
    assert "Bạn đang dùng mật khẩu tạm thời" in page


def test_after_changing_the_password_the_user_reaches_the_home_page(client, commune_a_reporter):
    commune_a_reporter.must_change_password = True
    commune_a_reporter.save()
    client.force_login(commune_a_reporter)
    new = "Mat-khau-rieng-2027"
    client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.must_change_password is False
    assert client.get(reverse("core:home")).status_code == 200


def test_logout_stays_possible_before_changing(client, commune_a_reporter):
    commune_a_reporter.must_change_password = True
    commune_a_reporter.save()
    client.force_login(commune_a_reporter)
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("accounts:login")


def test_users_without_a_temporary_password_are_not_redirected(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    assert client.get(reverse("core:home")).status_code == 200
