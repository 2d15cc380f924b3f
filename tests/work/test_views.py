"""The pages of the year's work (``work/views.py``) and what the home pages show of it (``work/home.py``)."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from binhdang.work import activities, task_followup
from binhdang.work.models import Activity, TaskStatus, TaskUpdate
from tests.work.conftest import task


def form(**extra) -> dict:
    return {
        "type": "communication",
        "date": "2026-11-20",
        "place": "Nhà văn hoá thôn 3",
        "campaign": "",
        "male": "12",
        "female": "30",
        "budget_state": "1500000",
        "budget_other": "0",
        "description": "",
    } | extra


def test_the_task_list_filters_late_tasks(client, plan, focal_officer):
    client.force_login(focal_officer)
    page = client.get(reverse("work:tasks", args=[plan.slug]), {"late": "1"}).content.decode()
    assert "Xây dựng kế hoạch triển khai" in page and "Tuyên truyền trên báo chí" not in page
    assert "chậm" in page


def test_the_lead_agencys_reporter_adds_an_update_from_the_task_page(client, plan, department_reporter):
    client.force_login(department_reporter)
    url = reverse("work:task", args=[task(plan, "1.a").pk])
    assert "Thêm cập nhật tiến độ" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "status": "in_progress",
            "note": "Đã đăng 3 tin",
            "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"),
        },
    )
    assert response.status_code == 302
    assert TaskUpdate.objects.get().note == "Đã đăng 3 tin"
    assert "Đã đăng 3 tin" in client.get(url).content.decode()


def test_an_updates_file_lost_from_the_disk_is_not_found_rather_than_an_error(
    client, plan, department_reporter
):
    client.force_login(department_reporter)
    the_task = task(plan, "1.a")
    client.post(
        reverse("work:task", args=[the_task.pk]),
        {
            "status": "in_progress",
            "note": "Đã đăng 3 tin",
            "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"),
        },
    )
    update = TaskUpdate.objects.get()
    url = reverse("work:update_file", args=[the_task.pk, update.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 x"
    update.file.storage.delete(update.file.name)
    assert client.get(url).status_code == 404


def test_a_reporter_of_another_unit_reads_the_task_without_the_form(client, plan, commune_a_reporter):
    client.force_login(commune_a_reporter)
    url = reverse("work:task", args=[task(plan, "1.a").pk])
    assert "Thêm cập nhật tiến độ" not in client.get(url).content.decode()
    assert client.post(url, {"status": "done", "note": "x"}).status_code == 403
    assert not TaskUpdate.objects.exists()


def test_a_commune_reporter_records_an_activity_and_sees_it_listed(client, plan, daklak, commune_a_reporter):
    client.force_login(commune_a_reporter)
    photos = [
        SimpleUploadedFile("a.jpg", b"\xff\xd8\xff anh"),
        SimpleUploadedFile("b.png", b"\x89PNG\r\n\x1a\nx"),
    ]
    response = client.post(reverse("work:activity_new", args=[plan.slug]), form(attachments=photos))
    assert response.status_code == 302
    assert Activity.objects.get().unit == daklak.commune_a
    assert Activity.objects.get().files.count() == 2
    page = client.get(reverse("work:activities", args=[plan.slug])).content.decode()
    assert "Nhà văn hoá thôn 3" in page and "20/11/2026" in page


def test_a_date_outside_the_plan_is_refused_on_the_form_keeping_what_was_typed(
    client, plan, commune_a_reporter
):
    client.force_login(commune_a_reporter)
    response = client.post(reverse("work:activity_new", args=[plan.slug]), form(date="2025-05-01"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ngày 01/05/2025 nằm ngoài thời gian của kế hoạch" in page
    assert 'value="Nhà văn hoá thôn 3"' in page
    assert not Activity.objects.exists()


def test_the_focal_officer_filters_the_provinces_activities_with_totals(
    client, plan, daklak, focal_officer, commune_a_reporter, commune_b_reporter
):
    base = {k: v for k, v in form().items() if k != "campaign"} | {"campaign": None}
    base |= {
        "date": dt.date(2026, 11, 20),
        "male": 12,
        "female": 30,
        "budget_state": 1_500_000,
        "budget_other": 0,
    }
    activities.record(plan, daklak.commune_a, commune_a_reporter, base)
    activities.record(plan, daklak.commune_b, commune_b_reporter, base | {"type": "training", "female": 5})
    client.force_login(focal_officer)
    page = client.get(reverse("work:activities", args=[plan.slug]), {"type": "training"}).content.decode()
    assert 'id="total-count">1<' in page
    assert "Phường Buôn Ma Thuột" in page
    page = client.get(reverse("work:activities", args=[plan.slug])).content.decode()
    assert 'id="total-count">2<' in page and "3.000.000" in page


def test_a_reporter_sees_only_its_units_activities(
    client, plan, daklak, commune_a_reporter, commune_b_reporter
):
    activities.record(
        plan,
        daklak.commune_b,
        commune_b_reporter,
        {"type": "training", "date": dt.date(2026, 3, 8), "place": "Hội trường phường B"},
    )
    client.force_login(commune_a_reporter)
    page = client.get(reverse("work:activities", args=[plan.slug])).content.decode()
    assert "Hội trường phường B" not in page


def test_the_focal_officers_home_lists_late_tasks_and_the_leaders_shows_completion(
    client, plan, focal_officer, leader
):
    task_followup.add_update(task(plan, "2.a"), focal_officer, status=TaskStatus.DONE, note="Xong")
    client.force_login(focal_officer)
    page = client.get(reverse("core:home")).content.decode()
    assert "Xây dựng kế hoạch triển khai" in page
    client.force_login(leader)
    page = client.get(reverse("core:home")).content.decode()
    assert f'id="task-completion-{plan.pk}">1 / 3<' in page


def test_a_reporters_home_offers_to_record_an_activity(client, plan, department_reporter):
    client.force_login(department_reporter)
    page = client.get(reverse("core:home")).content.decode()
    assert reverse("work:activity_new", args=[plan.slug]) in page
    assert "Tuyên truyền trên báo chí" in page  # a task its unit leads


def test_a_correction_by_the_focal_officer_shows_the_old_and_new_value_in_the_history(
    client, plan, daklak, focal_officer, commune_a_reporter
):
    client.force_login(commune_a_reporter)
    client.post(reverse("work:activity_new", args=[plan.slug]), form())
    activity = Activity.objects.get()
    client.force_login(focal_officer)
    response = client.post(
        reverse("work:activity", args=[activity.pk]), form(unit=daklak.commune_a.pk, female="33")
    )
    assert response.status_code == 302
    page = client.get(reverse("work:activity", args=[activity.pk])).content.decode()
    assert 'Số người tham gia là nữ: <span class="old-value">30</span> → 33' in page


def test_the_menu_leads_to_the_plans_tasks_and_activities(client, plan, focal_officer, commune_a_reporter):
    client.force_login(focal_officer)
    page = client.get(reverse("work:index")).content.decode()
    assert reverse("work:tasks", args=[plan.slug]) in page and "Xây dựng kế hoạch triển khai" in page
    assert f'href="{reverse("work:index")}"' in page  # the main menu's entry
    client.force_login(commune_a_reporter)
    assert (
        reverse("work:activity_new", args=[plan.slug]) in client.get(reverse("work:index")).content.decode()
    )
