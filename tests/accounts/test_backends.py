"""The throttled authentication backend and the failure/success signals, through ``authenticate()``."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse

from binhdang.accounts.models import LoginFailure
from tests.factories import PASSWORD


def _request(ip="198.51.100.1"):
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR=ip)


def test_wrong_password_is_recorded_as_a_failure(commune_a_reporter):
    assert authenticate(_request(), username="reporter_a", password="sai-mat-khau") is None
    failure = LoginFailure.objects.get()
    assert (failure.username, failure.ip_address) == ("reporter_a", "198.51.100.1")


def test_right_password_is_refused_once_the_username_is_locked(commune_a_reporter, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        authenticate(_request(), username="reporter_a", password="sai-mat-khau")
    assert authenticate(_request(), username="reporter_a", password=PASSWORD) is None


def test_refused_attempts_do_not_extend_the_lock(commune_a_reporter, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        authenticate(_request(), username="reporter_a", password="sai-mat-khau")
    authenticate(_request(), username="reporter_a", password=PASSWORD)
    assert LoginFailure.objects.count() == settings.LOGIN_MAX_FAILURES


def test_inactive_account_cannot_authenticate(commune_a_reporter):
    commune_a_reporter.is_active = False
    commune_a_reporter.save()
    assert authenticate(_request(), username="reporter_a", password=PASSWORD) is None


def test_successful_login_clears_the_failures_of_that_username(client, commune_a_reporter):
    client.post(reverse("accounts:login"), {"username": "reporter_a", "password": "sai"})
    client.post(reverse("accounts:login"), {"username": "someone_else", "password": "sai"})
    client.post(reverse("accounts:login"), {"username": "reporter_a", "password": PASSWORD})
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["someone_else"]


def test_admin_login_is_throttled_too(client, admin_user, settings):
    url = reverse("admin:login")
    for _ in range(settings.LOGIN_MAX_FAILURES):
        client.post(url, {"username": "admin", "password": "sai-mat-khau"})
    client.post(url, {"username": "admin", "password": "Admin-mat-khau-2026"})
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_unknown_usernames_are_counted_too():
    authenticate(_request(), username="khong-ton-tai", password="x")
    assert LoginFailure.objects.filter(username="khong-ton-tai").exists()


def test_binhdang_permissions_are_decided_by_the_roles_alone_without_reading_djangos_tables(
    focal_officer, commune_a_reporter, django_assert_num_queries
):
    from binhdang.accounts.access import roles_read_once

    with roles_read_once(), django_assert_num_queries(1):  # the roles, once
        assert focal_officer.has_perm("accounts.manage_users")
        assert focal_officer.has_perm("reporting.open_period")
    assert not commune_a_reporter.has_perm("accounts.manage_users")


def test_django_model_permissions_still_come_from_the_permission_tables(commune_a_reporter):
    from django.contrib.auth.models import Permission

    assert not commune_a_reporter.has_perm("accounts.view_user")
    commune_a_reporter.user_permissions.add(Permission.objects.get(codename="view_user"))
    commune_a_reporter = type(commune_a_reporter).objects.get(pk=commune_a_reporter.pk)
    assert commune_a_reporter.has_perm("accounts.view_user")


def test_the_user_of_a_session_is_read_in_one_query_as_the_orm_reads_it(
    commune_a_reporter, django_assert_num_queries
):
    from django.contrib.auth import get_user_model
    from django.forms.models import model_to_dict

    from binhdang.accounts.backends import ThrottledModelBackend

    commune_a_reporter.last_login = commune_a_reporter.date_joined
    commune_a_reporter.must_change_password = True
    commune_a_reporter.save()
    with django_assert_num_queries(1):
        user = ThrottledModelBackend().get_user(commune_a_reporter.pk)
    expected = get_user_model().objects.get(pk=commune_a_reporter.pk)
    assert model_to_dict(user) == model_to_dict(expected)
    assert (user.last_login, user.date_joined, user.is_active) == (
        expected.last_login,
        expected.date_joined,
        True,
    )
    assert user.must_change_password is True
    assert not user._state.adding and user._state.db == "default"
    assert ThrottledModelBackend().get_user(commune_a_reporter.pk + 1000) is None


def test_the_user_of_a_session_is_read_with_its_roles_and_the_requests_access_checks_read_them_no_more(
    daklak, focal_officer, commune_a_reporter, ministry_viewer, admin_user, django_assert_num_queries
):
    from binhdang.accounts import access
    from binhdang.accounts.backends import ThrottledModelBackend
    from binhdang.accounts.models import Role, RoleAssignment

    RoleAssignment.objects.create(user=commune_a_reporter, role=Role.REPORTER, org_unit=daklak.commune_b)
    for person in (focal_officer, commune_a_reporter, ministry_viewer, admin_user):
        expected = sorted(access._read_grants(person.pk), key=repr)
        with access.roles_read_once(), django_assert_num_queries(1):
            user = ThrottledModelBackend().get_user(person.pk)
            found = sorted(access._grant_rows(user), key=repr)
            access.reporting_unit_ids(user), access.readable_province_ids(user)
        assert (user, found) == (person, expected)
    assert len(expected) == 0  # the admin has no role assignment: read all the same
    assert {unit for _role, unit, *_ in access._read_grants(commune_a_reporter.pk)} == {
        daklak.commune_a.pk,
        daklak.commune_b.pk,
    }


def test_outside_a_request_the_roles_read_with_a_user_are_not_kept(
    commune_a_reporter, django_assert_num_queries
):
    from binhdang.accounts import access
    from binhdang.accounts.backends import ThrottledModelBackend

    user = ThrottledModelBackend().get_user(commune_a_reporter.pk)
    with django_assert_num_queries(2):
        access.reporting_unit_ids(user), access.reporting_unit_ids(user)


def test_an_inactive_users_session_is_logged_out(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    commune_a_reporter.is_active = False
    commune_a_reporter.save()
    response = client.get(reverse("core:home"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_password_changed_elsewhere_ends_the_other_sessions(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    assert client.get(reverse("core:home")).status_code == 200
    commune_a_reporter.set_password("Mat-khau-moi-2027")
    commune_a_reporter.save()
    response = client.get(reverse("core:home"))
    assert response["Location"].startswith(reverse("accounts:login"))
