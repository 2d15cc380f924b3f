"""binhdang.work.home: the year's work on the home pages (the reporter's plans with the tasks their units
lead and the follow-up items addressed to them; the officers' completion and attention lists)."""

from __future__ import annotations

import datetime as dt

from binhdang.accounts import access
from binhdang.plans.models import Plan, Task
from binhdang.work import home, inspections, task_followup
from binhdang.work.inspection_models import FollowUpStatus
from binhdang.work.models import TaskStatus

from .conftest import give_commune_work, supervise, task


def _plan(province, title: str, slug: str, *, status="active", program="communication", issuer="") -> Plan:
    """A plan of ``province`` for 2026-2030, without tasks."""
    return Plan.objects.create(
        province=province,
        org_unit=province,
        issuer=issuer,
        program=program,
        title=title,
        period_start=2026,
        period_end=2030,
        status=status,
        slug=slug,
    )


def _second_plan(daklak) -> Plan:
    title = "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới"
    plan = _plan(daklak.root, title, "kh-chien-luoc", program="strategy", issuer="UBND tỉnh Đắk Lắk")
    Task.objects.create(plan=plan, code="3.a", title="Khám sức khỏe sinh sản", lead=daklak.health, order=1)
    return plan


def _items(plan, daklak, focal_officer, n: int, title: str):
    """A supervision ``title`` of the health department with ``n`` follow-up items due 01/11, 02/11..."""
    texts = [(f"{title} việc {i}", dt.date(2026, 11, i + 1)) for i in range(n)]
    return supervise(plan, focal_officer, daklak.health, title, texts)


def test_each_plan_of_a_reporter_lists_its_own_led_tasks_and_follow_up_items(
    plan, daklak, focal_officer, department_reporter
):
    other = _second_plan(daklak)
    _items(plan, daklak, focal_officer, 12, "Giám sát truyền thông")
    done = _items(other, daklak, focal_officer, 2, "Giám sát chiến lược")
    first = done.follow_ups.order_by("pk").first()
    inspections.update_follow_up(first, department_reporter, {"status": FollowUpStatus.DONE, "note": "Xong"})
    rows = {row.plan: row for row in home.reporter_work(department_reporter)}
    assert set(rows) == {plan, other}
    assert [r.task.code for r in rows[plan].led] == ["1.a", "1.b"]
    assert [r.task.code for r in rows[other].led] == ["3.a"]
    # the first ten open items by deadline, and how many there are
    assert rows[plan].follow_up_count == 12 and len(rows[plan].follow_ups) == 10
    assert rows[plan].follow_ups[0].text == "Giám sát truyền thông việc 0"
    assert [f.text for f in rows[other].follow_ups] == ["Giám sát chiến lược việc 1"]
    assert rows[other].follow_up_count == 1


def test_a_reporters_work_reads_the_same_queries_whatever_the_number_of_plans(
    plan, daklak, department_reporter, django_assert_max_num_queries
):
    _second_plan(daklak)
    _plan(daklak.root, "Kế hoạch thứ ba", "kh-thu-ba")
    with access.roles_read_once(), django_assert_max_num_queries(5):
        # the roles, the units' provinces, the plans, the tasks, the follow-up items
        assert len(home.reporter_work(department_reporter)) == 3


def test_the_officers_see_each_plans_completion_and_late_tasks_from_one_read_of_its_tasks(
    plan, focal_officer, leader
):
    task_followup.add_update(task(plan, "2.a"), focal_officer, status=TaskStatus.DONE, note="Xong")
    [row] = home.province_work(focal_officer, attention=True)
    assert (row.completion.done, row.completion.total) == (1, 3)
    assert row.completion == task_followup.completion(plan)
    assert [r.task.code for r in row.attention] == [
        r.task.code for r in task_followup.needing_attention(plan)
    ]
    assert row.attention_count == len(row.attention) == 2
    [row] = home.province_work(leader, attention=False)
    assert row.completion == task_followup.completion(plan) and row.attention == []


def test_a_reporter_whose_unit_leads_no_task_and_has_no_item_reads_only_the_plans(
    plan, daklak, commune_a_reporter, department_reporter, django_assert_num_queries
):
    _second_plan(daklak)
    with access.roles_read_once():
        access.grants(commune_a_reporter)
        with django_assert_num_queries(1):  # the plans, each telling whether the unit leads or has items
            rows = home.reporter_work(commune_a_reporter)
    assert len(rows) == 2 and all(r.led == [] and r.follow_ups == [] for r in rows)
    assert any(r.led for r in home.reporter_work(department_reporter))  # the department leads tasks


def test_a_reporters_plans_read_in_one_statement_are_the_plans_they_record_under_whatever_their_roles(
    plan, daklak, laichau, focal_officer, department_reporter, ministry_viewer, admin_user, outsider
):
    from binhdang.accounts.models import Role, RoleAssignment
    from binhdang.work import access as work_access

    _second_plan(daklak)
    _plan(daklak.root, "Kế hoạch nháp", "kh-nhap", status="draft")
    _plan(laichau.root, "Kế hoạch Lai Châu", "kh-lai-chau")
    # officers who also report for a unit: their managed or read provinces are theirs too
    for user in (focal_officer, ministry_viewer, admin_user, outsider):
        RoleAssignment.objects.create(user=user, role=Role.REPORTER, org_unit=daklak.commune_a)
    for user in (department_reporter, focal_officer, ministry_viewer, admin_user, outsider):
        with access.roles_read_once():
            expected = list(work_access.recording_plans(user))
            read = [row.plan for row in home.reporter_work(user)]
        assert read == expected and read, user
        assert [(p.title, p.slug) for p in read] == [(p.title, p.slug) for p in expected]
    department_reporter.is_active = False
    assert home.reporter_work(department_reporter) == []


def test_a_reporters_plans_tell_at_once_that_their_unit_now_leads_a_task_or_an_item_is_done(
    plan, daklak, focal_officer, commune_a_reporter
):
    def shown():
        [row] = home.reporter_work(commune_a_reporter)
        return [r.task.code for r in row.led], [f.text for f in row.follow_ups]

    assert shown() == ([], [])
    done = give_commune_work(plan, daklak, focal_officer)
    assert shown() == (["9.a"], ["Bổ sung hồ sơ"])
    done.follow_ups.update(status=FollowUpStatus.DONE)
    assert shown() == (["9.a"], [])
