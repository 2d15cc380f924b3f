"""Login throttling counters (binhdang.accounts.throttle), on the real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from binhdang.accounts import throttle
from binhdang.accounts.models import LoginFailure

pytestmark = pytest.mark.django_db


def test_username_is_allowed_below_the_limit(settings):
    settings.LOGIN_MAX_FAILURES = 5
    for _ in range(4):
        throttle.record_failure("reporter_a", "10.0.0.1")
    assert throttle.lockout_remaining("reporter_a", "10.0.0.2") is None


def test_username_is_locked_at_the_limit_whatever_the_case_or_address(settings):
    settings.LOGIN_MAX_FAILURES = 5
    for _ in range(5):
        throttle.record_failure("Reporter_A", "10.0.0.1")
    remaining = throttle.lockout_remaining(" reporter_a ", "10.9.9.9")
    assert remaining is not None
    assert timedelta(0) < remaining <= timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def test_lock_lifts_when_the_oldest_counted_failure_leaves_the_window(settings):
    settings.LOGIN_MAX_FAILURES = 2
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 600
    now = timezone.now()
    LoginFailure.objects.create(username="x", created_at=now - timedelta(seconds=500))
    LoginFailure.objects.create(username="x", created_at=now - timedelta(seconds=100))
    assert throttle.lockout_remaining("x", None, now=now) == timedelta(seconds=100)
    assert throttle.lockout_remaining("x", None, now=now + timedelta(seconds=101)) is None


def test_failures_older_than_the_window_do_not_count(settings):
    settings.LOGIN_MAX_FAILURES = 3
    old = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS + 1)
    for _ in range(3):
        LoginFailure.objects.create(username="x", created_at=old)
    assert throttle.lockout_remaining("x", None) is None


def test_one_address_is_locked_after_its_own_limit_across_usernames(settings):
    settings.LOGIN_MAX_FAILURES = 5
    settings.LOGIN_MAX_FAILURES_PER_IP = 3
    for name in ("a", "b", "c"):
        throttle.record_failure(name, "203.0.113.7")
    assert throttle.lockout_remaining("d", "203.0.113.7") is not None
    assert throttle.lockout_remaining("d", "203.0.113.8") is None


def test_recording_forgets_failures_outside_the_window(settings):
    old = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS + 5)
    LoginFailure.objects.create(username="old", created_at=old)
    throttle.record_failure("new", None)
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["new"]


def test_clearing_forgets_only_that_username():
    throttle.record_failure("a", None)
    throttle.record_failure("b", None)
    throttle.clear_failures("A")
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["b"]


def test_minutes_to_wait_round_up_and_are_at_least_one():
    assert throttle.minutes_to_wait(timedelta(seconds=1)) == 1
    assert throttle.minutes_to_wait(timedelta(seconds=61)) == 2
    assert throttle.minutes_to_wait(timedelta(minutes=15)) == 15


def test_client_ip_is_remote_addr_and_ignores_garbage():
    factory = RequestFactory()
    assert throttle.client_ip(factory.get("/", REMOTE_ADDR="192.0.2.4")) == "192.0.2.4"
    assert throttle.client_ip(factory.get("/", REMOTE_ADDR="not an ip")) is None
    assert throttle.client_ip(None) is None


def test_one_read_finds_the_username_lock_behind_many_failures_of_the_address(settings):
    settings.LOGIN_MAX_FAILURES, settings.LOGIN_MAX_FAILURES_PER_IP = 2, 3
    now = timezone.now()
    for seconds in (50, 40):
        LoginFailure.objects.create(
            username="a", ip_address="10.0.0.2", created_at=now - timedelta(seconds=seconds)
        )
    for seconds in (30, 20, 10):
        LoginFailure.objects.create(
            username="b", ip_address="10.0.0.1", created_at=now - timedelta(seconds=seconds)
        )
    # Address 10.0.0.1 locked by its three failures; username "a" locked by its two older ones.
    found = throttle.check("a", "10.0.0.1", now)
    assert found.remaining == timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS - 30)
    assert found.username_failed
    assert throttle.check("a", "10.0.0.9", now).remaining == timedelta(
        seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS - 50
    )
    assert throttle.check("c", "10.0.0.9", now) == throttle.Check(remaining=None, username_failed=False)


def test_the_check_reads_the_failures_once(django_assert_num_queries):
    with django_assert_num_queries(1):
        throttle.check("a", "10.0.0.1")
