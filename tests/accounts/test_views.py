"""Sign-in pages: login (Vietnamese, throttled), logout, password change, profile."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from binhdang.accounts.models import LoginFailure
from tests.factories import PASSWORD

LOGIN = "/accounts/login/"


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_page_is_in_vietnamese_and_says_what_the_product_is_for(client, db):
    response = client.get(reverse("accounts:login"))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in page
    assert "Theo dõi kế hoạch thực hiện bình đẳng giới cấp tỉnh" in page
    assert ">Tên đăng nhập</label>" in page
    assert ">Mật khẩu</label>" in page


def test_login_with_the_right_password_goes_to_the_home_page(client, commune_a_reporter):
    response = _login(client, "reporter_a", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert get_user(client).pk == commune_a_reporter.pk


def test_wrong_password_shows_a_vietnamese_error(client, commune_a_reporter):
    response = _login(client, "reporter_a", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert not get_user(client).is_authenticated


def test_sixth_attempt_with_the_right_password_is_refused_after_five_failures(client, commune_a_reporter):
    for _ in range(5):
        _login(client, "reporter_a", "sai-mat-khau")
    response = _login(client, "reporter_a", PASSWORD)
    page = response.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in page
    assert "vui lòng thử lại sau 15 phút" in page
    assert not get_user(client).is_authenticated


def test_login_is_allowed_again_once_the_window_has_passed(client, commune_a_reporter, settings):
    for _ in range(5):
        _login(client, "reporter_a", "sai-mat-khau")
    past = timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS + 1)
    for failure in LoginFailure.objects.all():
        failure.created_at -= past
        failure.save()
    response = _login(client, "reporter_a", PASSWORD)
    assert response.status_code == 302
    assert get_user(client).pk == commune_a_reporter.pk


def test_one_address_is_capped_across_usernames(client, commune_a_reporter, settings):
    settings.LOGIN_MAX_FAILURES_PER_IP = 3
    for name in ("x1", "x2", "x3"):
        _login(client, name, "sai")
    response = _login(client, "reporter_a", PASSWORD)
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


def test_login_costs_at_most_nine_queries_on_sqlite(
    client, commune_a_reporter, django_assert_max_num_queries
):
    # The failures (one read for the username and the address), the user, last_login and its history
    # row, the two-factor device, the new session (SQLite adds its transaction's BEGIN and COMMIT).
    client.get(reverse("accounts:login"))
    with django_assert_max_num_queries(9):
        response = _login(client, "reporter_a", PASSWORD)
    assert response.status_code == 302
    assert get_user(client).pk == commune_a_reporter.pk


def test_login_gives_a_new_session_key_and_the_old_one_stops_working(client, commune_a_reporter):
    from binhdang.accounts.models import Session

    session = client.session
    session["before_login"] = "x"
    session.save()
    old_key = session.session_key
    _login(client, "reporter_a", PASSWORD)
    new_key = client.cookies["sessionid"].value
    assert new_key != old_key
    assert not Session.objects.filter(session_key=old_key).exists()
    assert Session.objects.get(session_key=new_key).get_decoded()["before_login"] == "x"
    assert get_user(client).pk == commune_a_reporter.pk


def test_a_successful_login_after_a_failure_clears_it_and_writes_the_login_to_the_history(
    client, commune_a_reporter
):
    _login(client, "reporter_a", "sai-mat-khau")
    rows = commune_a_reporter.history.count()
    _login(client, "reporter_a", PASSWORD)
    assert not LoginFailure.objects.filter(username="reporter_a").exists()
    assert commune_a_reporter.history.count() == rows + 1


def test_deactivated_account_cannot_log_in(client, commune_a_reporter):
    commune_a_reporter.is_active = False
    commune_a_reporter.save()
    response = _login(client, "reporter_a", PASSWORD)
    assert response.status_code == 200
    assert not get_user(client).is_authenticated


def test_logout_needs_a_post(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert not get_user(client).is_authenticated


def test_logged_in_user_opening_login_goes_home(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    assert client.get(reverse("accounts:login"))["Location"] == reverse("core:home")


@pytest.mark.argon2
def test_password_change_sets_the_new_password_and_keeps_the_session(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    new = "Mot-mat-khau-moi-2027"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == reverse("core:home")
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.check_password(new)
    assert commune_a_reporter.password.startswith("argon2")
    assert get_user(client).is_authenticated


def test_password_change_rejects_a_wrong_old_password_in_vietnamese(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "sai",
            "new_password1": "Mot-mat-khau-moi-2027",
            "new_password2": "Mot-mat-khau-moi-2027",
        },
    )
    assert response.status_code == 200
    assert "Mật khẩu cũ" in response.content.decode()
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.check_password(PASSWORD)


def test_profile_shows_name_roles_units_and_the_change_password_link(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Y Bih Niê" in page
    assert "Cán bộ báo cáo" in page
    assert "Xã Ea Kar" in page
    assert reverse("accounts:password_change") in page


def test_profile_needs_login(client, db):
    response = client.get(reverse("accounts:profile"))
    assert response["Location"].startswith(LOGIN)


def _as_django_writes_it(bound) -> str:
    """The field's input as Django's widget templates write it (input.html, attrs.html)."""
    from django import forms

    widget = bound.field.widget
    if isinstance(widget, forms.PasswordInput):
        return bound.as_widget(widget=forms.PasswordInput(attrs=widget.attrs, render_value=False))
    return bound.as_widget(widget=forms.TextInput(attrs=widget.attrs))


@pytest.mark.parametrize(
    "data",
    [None, {"username": "", "password": ""}, {"username": "a<b>&\"c' d", "password": "sai <mật khẩu>"}],
)
def test_the_login_inputs_are_written_as_djangos_templates_write_them(rf, db, data):
    from binhdang.accounts.forms import LoginForm

    request = rf.post("/accounts/login/", data or {})
    form = LoginForm(request, data=data)
    if data is not None:
        assert not form.is_valid()  # bound, with errors: aria-invalid on the inputs
    for name in ("username", "password"):
        assert str(form[name]) == _as_django_writes_it(form[name])
    if data and data["username"]:
        assert 'value="a&lt;b&gt;&amp;&quot;c&#x27; d"' in str(form["username"])
        assert "mật khẩu" not in str(form["password"])  # a password is never written back
