"""The focal officer's edits of a plan's tasks (``work/task_editing.py``, ``work/task_views.py``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.plans.models import Task
from binhdang.work import task_editing, task_followup
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import TaskStatus, TaskUpdate
from tests.work.conftest import task


def test_the_officer_adds_a_task_with_its_agencies_and_due_date(plan, daklak, focal_officer):
    added = task_editing.add_task(
        plan,
        focal_officer,
        {"code": "2.b", "title": "Xây dựng mô hình", "lead": daklak.womens_union,
         "cooperating": [daklak.health], "timeframe": "Năm 2026", "due_date": dt.date(2026, 9, 30)},
    )  # fmt: skip
    assert added.order == 4 and list(added.cooperating.all()) == [daklak.health]
    assert added.history.first().history_user == focal_officer
    # past its due date (04/12/2026) and not done: late
    assert [r.status for r in task_followup.task_rows(plan.tasks.filter(pk=added.pk))] == [TaskStatus.LATE]


def test_the_officer_corrects_a_task_and_the_trail_keeps_the_old_name(plan, daklak, focal_officer):
    item = task(plan, "1.a")
    task_editing.edit_task(item, focal_officer, {"title": "Tuyên truyền trên báo in và báo điện tử"})
    item.refresh_from_db()
    assert item.title == "Tuyên truyền trên báo in và báo điện tử" and item.lead == daklak.health
    old = item.history.order_by("history_date")[0]
    assert old.title == "Tuyên truyền trên báo chí" and item.history.first().history_user == focal_officer


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ({"code": "1.b"}, "code", "đã có nhiệm vụ 1.b"),
        ({"title": " "}, "title", "tên nhiệm vụ"),
        ({"due_date": dt.date(2031, 3, 1)}, "due_date", "ngoài thời gian của kế hoạch"),
        ({"cooperating": ["health"]}, "cooperating", "chủ trì nhiệm vụ"),
    ],
)
def test_bad_task_values_are_refused_naming_the_field(plan, daklak, focal_officer, extra, field, words):
    if extra.get("cooperating") == ["health"]:
        extra = {"cooperating": [daklak.health]}
    item = task(plan, "1.a")
    with pytest.raises(WorkError) as refused:
        task_editing.edit_task(item, focal_officer, extra)
    assert refused.value.field == field and words in str(refused.value)
    item.refresh_from_db()
    assert item.title == "Tuyên truyền trên báo chí" and item.code == "1.a"


def test_a_commune_cannot_lead_a_task(plan, daklak, focal_officer):
    with pytest.raises(WorkError) as refused:
        task_editing.edit_task(task(plan, "1.a"), focal_officer, {"lead": daklak.commune_a})
    assert refused.value.field == "lead" and "Xã Ea Kar" in str(refused.value)


def test_only_the_focal_officer_edits_tasks(plan, department_reporter, leader, outsider):
    for user in (department_reporter, leader, outsider):
        with pytest.raises(AccessDenied):
            task_editing.edit_task(task(plan, "1.a"), user, {"title": "X"})


def test_a_task_with_updates_is_not_removed_without_confirmation(plan, focal_officer):
    item = task(plan, "1.a")
    task_followup.add_update(item, focal_officer, status="in_progress", note="Đã đăng 3 tin")
    with pytest.raises(WorkError) as refused:
        task_editing.remove_task(item, focal_officer)
    assert "1.a" in str(refused.value) and "1 cập nhật tiến độ" in str(refused.value)
    assert Task.objects.filter(pk=item.pk).exists() and TaskUpdate.objects.count() == 1
    pk = item.pk
    task_editing.remove_task(item, focal_officer, with_updates=True)
    assert not Task.objects.filter(pk=pk).exists() and not TaskUpdate.objects.exists()
    assert Task.history.filter(id=pk, history_type="-").get().history_user == focal_officer
    assert TaskUpdate.history.filter(history_type="-").get().history_user == focal_officer


def test_a_task_without_updates_is_removed_at_once(plan, focal_officer):
    task_editing.remove_task(task(plan, "2.a"), focal_officer)
    assert not plan.tasks.filter(code="2.a").exists()


def test_the_remove_page_asks_first_when_the_task_has_updates(client, plan, focal_officer):
    item = task(plan, "1.a")
    task_followup.add_update(item, focal_officer, status="in_progress", note="Đã đăng 3 tin")
    client.force_login(focal_officer)
    url = reverse("work:task_remove", args=[item.pk])
    assert "Nhiệm vụ đã có 1 cập nhật tiến độ" in client.get(url).content.decode()
    response = client.post(url, {})
    assert response.status_code == 200 and "đánh dấu ô xác nhận" in response.content.decode()
    assert Task.objects.filter(pk=item.pk).exists()
    assert client.post(url, {"confirm": "on"}).status_code == 302
    assert not Task.objects.filter(pk=item.pk).exists()


def test_the_officer_adds_and_edits_tasks_from_the_pages(client, plan, daklak, focal_officer):
    client.force_login(focal_officer)
    response = client.post(
        reverse("work:task_new", args=[plan.slug]),
        {"code": "3.a", "title": "Kiểm tra, giám sát", "lead": daklak.noi_vu.pk, "timeframe": "Hằng năm"},
    )
    added = plan.tasks.get(code="3.a")
    assert response.status_code == 302 and response.url == reverse("work:task", args=[added.pk])
    response = client.post(
        reverse("work:task_edit", args=[added.pk]),
        {"code": "3.a", "title": "Kiểm tra, giám sát", "lead": daklak.noi_vu.pk,
         "cooperating": [daklak.womens_union.pk], "timeframe": "Hằng năm", "due_date": "2026-12-15"},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "15/12/2026" in page and "Hội Liên hiệp Phụ nữ tỉnh" in page and "Lịch sử thay đổi" in page
