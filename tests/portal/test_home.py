"""Home page per role (binhdang.portal.home): the most powerful role first, each with its own section."""

from __future__ import annotations

import pytest
from django.urls import reverse

from binhdang.accounts.models import Role, RoleAssignment
from binhdang.portal import home
from tests.factories import make_unit, make_user


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_home_needs_login(client, db):
    assert client.get(reverse("core:home"))["Location"].startswith(reverse("accounts:login"))


def test_roles_are_ordered_most_powerful_first(focal_officer, daklak):
    RoleAssignment.objects.create(user=focal_officer, role=Role.REPORTER, org_unit=daklak.noi_vu)
    RoleAssignment.objects.create(user=focal_officer, role=Role.MINISTRY_VIEWER)
    assert home.roles_by_power(focal_officer) == [Role.MINISTRY_VIEWER, Role.FOCAL_OFFICER, Role.REPORTER]


def test_superuser_holds_the_admin_role(admin_user):
    assert home.roles_by_power(admin_user) == [Role.ADMIN]


@pytest.fixture
def open_period(daklak, focal_officer):
    """Đắk Lắk's communication plan with its 30/11 obligation, and 2026 opened for reporting."""
    from binhdang.reporting import services
    from tests.reporting.conftest import make_plan

    return services.open_period(make_plan(daklak.root), 2026, focal_officer)


def test_reporter_sees_their_units_and_that_nothing_is_due_before_a_period_opens(client, commune_a_reporter):
    page = _home(client, commune_a_reporter)
    assert "Đơn vị của tôi" in page
    assert "Xã Ea Kar" in page
    assert "Việc cần báo cáo và thời hạn" in page
    assert "chưa có kỳ báo cáo nào được mở" in page
    assert "Phường Buôn Ma Thuột" not in page


def test_reporter_sees_the_open_report_with_its_deadline_state_and_link(
    client, commune_a_reporter, open_period, daklak
):
    page = _home(client, commune_a_reporter)
    assert "30/11/2026" in page
    assert "Chưa bắt đầu" in page or "Chưa nộp" in page
    assert reverse("reporting:report", args=[open_period.pk, daklak.commune_a.pk]) in page
    assert reverse("reporting:report", args=[open_period.pk, daklak.commune_b.pk]) not in page


def test_focal_officer_and_leader_see_the_periods_they_follow(client, focal_officer, leader, open_period):
    for user in (focal_officer, leader):
        page = _home(client, user)
        assert "Các kỳ báo cáo" in page
        assert reverse("reporting:board", args=[open_period.pk]) in page


def test_outsider_does_not_see_another_provinces_period(client, outsider, open_period):
    assert reverse("reporting:board", args=[open_period.pk]) not in _home(client, outsider)


def test_focal_officer_sees_the_province_at_a_glance(
    client, focal_officer, commune_a_reporter, leader, daklak
):
    page = _home(client, focal_officer)
    assert "Tổng quan Tỉnh Đắk Lắk" in page
    assert "Xã, phường" in page
    assert "Cán bộ đầu mối" in page
    assert "Báo và Phát thanh, Truyền hình tỉnh" in page  # a unit without a reporter account
    assert f"{reverse('accounts:user_bulk_create')}?province={daklak.root.pk}&amp;select=missing" in page


def test_province_overview_counts_units_users_and_missing_reporters(
    focal_officer, commune_a_reporter, leader, daklak
):
    make_unit(daklak.root, "Xã Cũ", "66-C900", is_active=False)
    inactive = make_user("gone", Role.REPORTER, daklak.commune_b)
    inactive.is_active = False
    inactive.save()
    overview = home.province_overview(daklak.root)
    communes = next(r for r in overview["unit_rows"] if r["type"] == "commune")
    assert (communes["active"], communes["total"]) == (2, 3)
    assert {r["role"]: r["count"] for r in overview["role_rows"]} == {
        Role.FOCAL_OFFICER: 1,
        Role.LEADER: 1,
        Role.REPORTER: 1,
    }
    assert overview["reporting_count"] == 6
    assert overview["missing_count"] == 5
    assert daklak.commune_b in overview["missing"]


def test_leader_sees_a_read_only_summary(client, leader):
    page = _home(client, leader)
    assert "Tình hình Tỉnh Đắk Lắk" in page
    assert reverse("accounts:user_bulk_create") not in page


def test_ministry_viewer_sees_every_province_with_unit_counts(client, ministry_viewer, daklak, laichau):
    page = _home(client, ministry_viewer)
    assert "Các tỉnh, thành phố" in page
    assert "Tỉnh Đắk Lắk" in page and "Tỉnh Lai Châu" in page
    rows = {r["province"]: r for r in home.province_rows(home.access.readable_provinces(ministry_viewer))}
    assert rows[daklak.root]["total"] == 6
    assert rows[daklak.root]["columns"] == [2, 2, 1, 1]


def test_outsider_sees_only_their_own_province(client, outsider, daklak):
    page = _home(client, outsider)
    assert "Tổng quan Tỉnh Lai Châu" in page
    assert "Đắk Lắk" not in page


def test_admin_gets_links_to_the_admin_and_the_provinces(client, admin_user, daklak):
    page = _home(client, admin_user)
    assert "Quản trị hệ thống" in page
    assert reverse("admin:index") in page
    assert "Tỉnh Đắk Lắk" in page


def test_a_user_with_several_roles_sees_the_most_powerful_section_first(client, focal_officer, daklak):
    RoleAssignment.objects.create(user=focal_officer, role=Role.REPORTER, org_unit=daklak.noi_vu)
    page = _home(client, focal_officer)
    assert page.index("Tổng quan Tỉnh Đắk Lắk") < page.index("Đơn vị của tôi")


def test_user_without_roles_is_told_to_ask_for_one(client, db):
    page = _home(client, make_user("nobody"))
    assert "chưa được giao vai trò" in page


@pytest.mark.parametrize("persona", ["commune_a_reporter", "focal_officer", "leader", "ministry_viewer"])
def test_home_page_queries_do_not_grow_with_the_number_of_units(
    client, request, persona, daklak, django_assert_max_num_queries
):
    user = request.getfixturevalue(persona)
    for n in range(30):
        unit = make_unit(daklak.root, f"Xã Thử {n}", f"66-C5{n:02d}")
        if n < 3:
            make_user(f"r{n}", Role.REPORTER, unit)
    client.force_login(user)
    with django_assert_max_num_queries(30):
        client.get(reverse("core:home"))


def test_province_names_and_unit_headings_link_to_the_unit_browser(
    client, ministry_viewer, focal_officer, daklak
):
    province_url = reverse("orgunits:province", args=[daklak.root.code])
    assert province_url in _home(client, ministry_viewer)
    assert province_url in _home(client, focal_officer)


def test_after_the_deadline_the_focal_officer_and_leader_homes_count_the_overdue_units(
    client, focal_officer, leader, open_period
):
    # Deadline 30/11, the suite runs on 04/12: none of the 6 expected units has submitted.
    board = reverse("reporting:board", args=[open_period.pk])
    for user in (focal_officer, leader):
        page = _home(client, user)
        assert "6 đơn vị quá hạn" in page
        assert f"{board}?state=overdue" in page


def test_before_the_deadline_the_homes_do_not_call_anything_overdue(
    client, focal_officer, commune_a_reporter, open_period
):
    from datetime import date

    open_period.deadline = date(2026, 12, 10)
    open_period.save()
    page = _home(client, focal_officer)
    assert "đơn vị quá hạn" not in page and "chưa đến hạn" in page
    assert "Quá hạn" not in _home(client, commune_a_reporter)


def test_after_the_deadline_the_reporter_home_says_its_report_is_overdue(
    client, commune_a_reporter, open_period
):
    page = _home(client, commune_a_reporter)
    assert "30/11/2026" in page and "Quá hạn" in page


@pytest.fixture
def busy_province(daklak, focal_officer, commune_a_reporter):
    """Two active plans, an open period expecting the reporter's unit, a notice for the reporter."""
    from binhdang.reporting import notifications, services
    from tests.reporting.conftest import make_plan

    plan = make_plan(daklak.root)
    make_plan(daklak.root, program="strategy", slug="kh-chien-luoc-daklak")
    period = services.open_period(plan, 2026, focal_officer)
    notifications.notify([commune_a_reporter], "Nhắc báo cáo", "/reporting/")
    return period


@pytest.mark.parametrize(
    ("persona", "budget"),
    # A request reads the session, then the user with its roles (2; the roles were a query of their own
    # before). The reporter's home then reads the reports due with their state and the reporter's one
    # unit (1), the plans with whether their unit leads a task or has an open follow-up item in each
    # (1: none here, so no more), the unread notices and the statistics menu entry (2): 6 with two
    # plans as with one (17, 12, then 7 before). The officers' homes read each plan's tasks once for
    # completion and attention (34 and 30 before).
    [("commune_a_reporter", 6), ("focal_officer", 27), ("leader", 27), ("ministry_viewer", 8)],
)
def test_the_home_page_of_each_role_keeps_to_its_query_budget(
    client, request, persona, budget, busy_province, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(persona))
    with django_assert_max_num_queries(budget):
        response = client.get(reverse("core:home"))
    assert response.status_code == 200


def _reporter_section_read_as_before(user) -> str:
    """The reporter's section rendered from the queries the home made before it read the reports' states
    with the reports due, the unit with them and skipped the tasks and items when the plans have none:
    the reports due, the reports started, the units, the plans, the led tasks, the addressed items."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from binhdang.accounts import access as base
    from binhdang.plans.models import Task
    from binhdang.reporting.home import DueItem
    from binhdang.reporting.models import ExpectedReporter, Submission
    from binhdang.work import access as work_access
    from binhdang.work import home as work_home
    from binhdang.work import inspections, task_followup
    from binhdang.work.inspection_models import FollowUp

    units = sorted(base.reporting_unit_ids(user))
    entries = list(
        ExpectedReporter.objects.filter(unit_id__in=units, period__status="open").select_related(
            "period", "period__plan", "unit"
        )
    )
    started = {(s.period_id, s.unit_id): s.state for s in Submission.objects.filter(unit_id__in=units)}
    due = sorted(
        (
            DueItem(
                e.period,
                e.unit,
                started.get((e.period_id, e.unit_id)),
                reverse("reporting:report", args=[e.period_id, e.unit_id]),
            )
            for e in entries
        ),
        key=lambda i: (i.is_done, i.period.deadline, i.unit.name),
    )
    plans = list(work_access.recording_plans(user).select_related(None).order_by("-period_start", "pk"))
    work = []
    for plan in plans:
        led = task_followup.task_rows(Task.objects.filter(plan=plan, lead_id__in=units).order_by("order"))
        items = list(
            inspections.open_follow_ups(FollowUp.objects.filter(inspection__plan=plan, unit_id__in=units))
        )
        work.append(work_home.PlanWork(plan, led=led, follow_ups=items[:10], follow_up_count=len(items)))
    context = {
        "units": base.reporting_units(user).select_related("province").order_by("name"),
        "due_items": due,
        "work": work,
    }
    assert due and work  # the section shows reports and plans
    with translation.override("vi"):
        return render_to_string("portal/home/reporter.html", {"data": context})


@pytest.mark.parametrize("units", ["one unit", "two units", "an officer who also reports"])
def test_the_reporters_section_is_the_same_as_read_with_a_query_per_panel(
    client, units, busy_province, daklak, commune_a_reporter, focal_officer
):
    from binhdang.reporting import services
    from tests.work.conftest import give_commune_work

    plan = busy_province.plan
    user = commune_a_reporter
    if units == "two units":
        RoleAssignment.objects.create(user=user, role=Role.REPORTER, org_unit=daklak.commune_b)
    elif units == "an officer who also reports":
        user = focal_officer
        RoleAssignment.objects.create(user=user, role=Role.REPORTER, org_unit=daklak.commune_a)
    services.get_or_create_submission(busy_province, daklak.commune_a, commune_a_reporter)
    give_commune_work(plan, daklak, focal_officer)
    page = _home(client, user)
    assert "Nói chuyện chuyên đề ở xã" in page and "Bổ sung hồ sơ" in page
    assert _reporter_section_read_as_before(user) in page
