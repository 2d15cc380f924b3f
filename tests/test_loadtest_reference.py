"""loadtest/reference.py: the machine's speed before and after a load test, as the CPU time of a password
check and of the login page through Django's whole stack (which reads no database)."""

from __future__ import annotations

import pytest
from django.http import HttpResponseRedirect
from django.urls import path

from tests import loadtest_scripts

#: For the test of a login page that redirects (as production does over plain HTTP).
urlpatterns = [path("accounts/login/", lambda request: HttpResponseRedirect("https://elsewhere.example/"))]


@pytest.fixture(scope="module")
def reference():
    return loadtest_scripts.load("reference")


def test_the_login_page_is_measured_without_the_database(reference):
    # No database access is allowed in this test: the page would fail if it read any.
    assert 0 < reference.login_page_ms(runs=5) < 1000


def test_a_login_page_that_does_not_answer_200_is_not_measured(reference, settings):
    settings.ROOT_URLCONF = __name__
    with pytest.raises(RuntimeError, match="answered 302, not 200"):
        reference.login_page_ms(runs=1)


def test_the_page_is_asked_for_with_a_host_the_settings_accept(reference, settings):
    settings.ALLOWED_HOSTS = ["*"]
    assert reference.allowed_host() == "localhost"
    settings.ALLOWED_HOSTS = ["*", ".binhdang.example.vn", "127.0.0.1"]
    assert reference.allowed_host() == "binhdang.example.vn"


def test_a_password_check_takes_the_hashers_time(reference):
    assert 0 < reference.password_check_ms(runs=3) < 5000
