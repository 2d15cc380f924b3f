"""The main menu (portal.navigation.menu_for): exactly which entries each persona sees, with the unread
badge, and what it costs on every page once the roles are read."""

from __future__ import annotations

import pytest
from django.utils import translation

from binhdang.accounts import access
from binhdang.portal.navigation import menu_for
from binhdang.reporting import services
from binhdang.reporting.models import Notification
from tests.reporting.conftest import make_plan
from tests.strategy_plans import make_strategy_plan

HOME, PLANS, REPORTS, NOTICES = "/", "/plans/", "/reporting/", "/reporting/notifications/"
RESULTS, MINISTRY, WORK, STATS = "/results/", "/ministry/", "/work/", "/gender-statistics/"
UNITS, USERS = "/orgunits/", "/accounts/users/"


@pytest.fixture
def strategy_plan(daklak):
    """Đắk Lắk's strategy plan in force: Sở Y tế is responsible for the sex ratio at birth."""
    return make_strategy_plan(daklak)


@pytest.fixture
def plan(daklak):
    return make_plan(daklak.root)


@pytest.fixture
def period(plan, focal_officer):
    return services.open_period(plan, 2026, focal_officer)


def _menu(rf, user, path="/plans/"):
    request = rf.get(path)
    request.user = user
    with access.roles_read_once(), translation.override("en"):
        return [
            (item["url"], str(item["label"]), item["active"], item["badge"]) for item in menu_for(request)
        ]


def _urls(rf, user):
    return [(url, badge) for url, _label, _active, badge in _menu(rf, user)]


def test_each_persona_sees_exactly_its_entries(
    rf,
    period,
    strategy_plan,
    commune_a_reporter,
    department_reporter,
    focal_officer,
    leader,
    ministry_viewer,
    admin_user,
    outsider,
):
    Notification.objects.create(user=commune_a_reporter, text="Báo cáo đã được tiếp nhận.")
    Notification.objects.create(user=commune_a_reporter, text="Nhắc nộp báo cáo.")
    assert _urls(rf, commune_a_reporter) == [
        (HOME, 0), (PLANS, 0), (REPORTS, 0), (NOTICES, 2), (RESULTS, 0), (WORK, 0)
    ]  # fmt: skip
    assert _urls(rf, department_reporter) == [
        (HOME, 0), (PLANS, 0), (REPORTS, 0), (NOTICES, 0), (RESULTS, 0), (WORK, 0), (STATS, 0)
    ]  # fmt: skip
    officer = [(HOME, 0), (PLANS, 0), (REPORTS, 0), (RESULTS, 0), (MINISTRY, 0), (WORK, 0), (STATS, 0)]
    assert _urls(rf, focal_officer) == [*officer, (UNITS, 0), (USERS, 0)]
    assert _urls(rf, outsider) == [*officer, (UNITS, 0), (USERS, 0)]
    assert _urls(rf, leader) == [*officer, (UNITS, 0)]
    assert _urls(rf, ministry_viewer) == [*officer, (UNITS, 0)]
    assert _urls(rf, admin_user) == [*officer, (UNITS, 0), (USERS, 0)]


def test_the_labels_and_the_active_entry_are_those_of_the_page(rf, commune_a_reporter):
    assert _menu(rf, commune_a_reporter, "/reporting/notifications/") == [
        (HOME, "Home", False, 0),
        (PLANS, "Plans", False, 0),
        (REPORTS, "Reports", True, 0),
        (NOTICES, "Notifications", True, 0),
        (RESULTS, "Results", False, 0),
        (WORK, "Tasks and activities", False, 0),
    ]


def test_a_leader_sees_the_reports_once_the_province_has_a_period(rf, plan, leader, focal_officer):
    assert REPORTS not in [url for url, _badge in _urls(rf, leader)]
    services.open_period(plan, 2026, focal_officer)
    assert REPORTS in [url for url, _badge in _urls(rf, leader)]


def test_an_officer_sees_the_notifications_once_one_came_and_counts_the_unread(rf, focal_officer):
    assert NOTICES not in [url for url, _badge in _urls(rf, focal_officer)]
    note = Notification.objects.create(user=focal_officer, text="Một báo cáo vừa được nộp.")
    assert (NOTICES, 1) in _urls(rf, focal_officer)
    Notification.objects.filter(pk=note.pk).update(read_at=note.created_at)
    assert (NOTICES, 0) in _urls(rf, focal_officer)


def test_a_unit_made_responsible_for_a_series_shows_the_statistics_at_the_next_request(
    rf, strategy_plan, daklak, department_reporter, commune_a_reporter
):
    assert STATS not in [url for url, _badge in _urls(rf, commune_a_reporter)]
    strategy_plan.indicators.get(code="4.1").responsible.add(daklak.commune_a)
    assert _urls(rf, commune_a_reporter)[-1] == (STATS, 0)
    strategy_plan.status = "archived"
    strategy_plan.save()
    assert STATS not in [url for url, _badge in _urls(rf, department_reporter)]


@pytest.mark.parametrize(
    "persona, budget",
    [
        ("commune_a_reporter", 1),
        ("department_reporter", 1),
        ("focal_officer", 1),
        ("leader", 1),
        ("ministry_viewer", 1),
        ("admin_user", 1),
    ],
)
def test_the_menu_costs_a_fixed_number_of_queries_once_the_roles_are_read(
    request, rf, period, strategy_plan, persona, budget, django_assert_max_num_queries
):
    user = request.getfixturevalue(persona)
    Notification.objects.create(user=user, text="Nhắc nộp báo cáo.")
    page = rf.get("/plans/")
    page.user = user
    with access.roles_read_once():
        access.grants(user)  # the middleware reads them for every page
        with django_assert_max_num_queries(budget):
            assert menu_for(page)


def test_the_plain_questions_of_every_page_answer_as_the_orm_would(
    rf, strategy_plan, daklak, department_reporter, commune_a_reporter, focal_officer
):
    from binhdang.reporting import navigation as reporting_menu
    from binhdang.results.genderstats import access as stats_access
    from binhdang.results.genderstats import navigation as stats_menu

    strategy_plan.indicators.get(code="4.1").responsible.add(daklak.commune_b)
    for user, expected in ((department_reporter, True), (commune_a_reporter, False)):
        with access.roles_read_once():
            question = stats_menu.menu_visible(user)
            assert bool(question.answer()) is expected
            assert stats_access.series_responsibilities(user).exists() is expected
    Notification.objects.create(user=focal_officer, text="Một báo cáo vừa được nộp.")
    read = Notification.objects.create(user=focal_officer, text="Đã đọc.")
    Notification.objects.filter(pk=read.pk).update(read_at=read.created_at)
    Notification.objects.create(user=commune_a_reporter, text="Của người khác.")
    request = rf.get("/")
    request.user = focal_officer
    with access.roles_read_once():
        assert bool(reporting_menu.notices_visible(focal_officer).answer()) is True
        assert reporting_menu.unread_question(request).answer() == 1
        assert reporting_menu.unread_notices(request) == 1
    assert _menu(rf, focal_officer, "/plans/")[1] == (PLANS, "Plans", True, 0)
