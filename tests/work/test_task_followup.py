"""The follow-up of a plan's tasks (``work/task_followup.py`` and the status rules of ``work/models.py``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.work import task_followup
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import TaskStatus, TaskUpdate, effective_status, task_deadline
from tests.work.conftest import task

TODAY = dt.date(2026, 12, 4)


def test_a_time_frame_with_a_date_has_a_deadline_and_a_recurring_one_has_none():
    assert task_deadline("Trước ngày 20/6/2026") == dt.date(2026, 6, 20)
    assert task_deadline("Năm 2027") == dt.date(2027, 12, 31)
    assert task_deadline("Hằng năm") is None
    assert task_deadline("Giai đoạn 2026-2030") is None
    assert task_deadline("31/02/2026") is None


def test_a_task_past_its_date_and_not_done_is_late_and_a_done_one_is_not():
    assert effective_status(TaskStatus.IN_PROGRESS, "Trước ngày 20/6/2026", TODAY) == TaskStatus.LATE
    assert effective_status(TaskStatus.DONE, "Trước ngày 20/6/2026", TODAY) == TaskStatus.DONE
    assert effective_status(TaskStatus.IN_PROGRESS, "Hằng năm", TODAY) == TaskStatus.IN_PROGRESS


def test_the_lead_agencys_reporter_adds_an_update_with_evidence_recorded_in_the_history(
    plan, department_reporter
):
    update = task_followup.add_update(
        task(plan, "1.a"),
        department_reporter,
        status=TaskStatus.IN_PROGRESS,
        note="Đã đăng 4 tin bài",
        file=SimpleUploadedFile("bai-bao.pdf", b"%PDF-1.4 bai"),
    )
    assert update.file_name == "bai-bao.pdf"
    assert update.history.get().history_user == department_reporter
    rows = task_followup.task_rows(plan.tasks.filter(code="1.a"), TODAY)
    assert rows[0].status == TaskStatus.IN_PROGRESS


def test_a_reporter_of_another_unit_may_not_update_the_task_and_nothing_is_saved(plan, commune_a_reporter):
    with pytest.raises(AccessDenied):
        task_followup.add_update(task(plan, "1.a"), commune_a_reporter, status=TaskStatus.DONE, note="x")
    assert not TaskUpdate.objects.exists()


def test_an_update_without_a_note_or_with_a_renamed_executable_is_refused(plan, focal_officer):
    with pytest.raises(WorkError, match="nội dung tiến độ"):
        task_followup.add_update(task(plan, "1.a"), focal_officer, status=TaskStatus.DONE, note="  ")
    with pytest.raises(WorkError) as refused:
        task_followup.add_update(
            task(plan, "1.a"),
            focal_officer,
            status=TaskStatus.DONE,
            note="Xong",
            file=SimpleUploadedFile("anh.jpg", b"MZ\x90\x00"),
        )
    assert refused.value.field == "file"
    assert not TaskUpdate.objects.exists()


def test_completion_counts_done_tasks_and_late_ones(plan, focal_officer):
    task_followup.add_update(task(plan, "2.a"), focal_officer, status=TaskStatus.DONE, note="Đã tập huấn")
    result = task_followup.completion(plan, TODAY)
    assert (result.done, result.total, result.late) == (1, 3, 1)
    assert round(result.share or 0, 1) == 33.3


def test_the_board_lists_late_tasks_and_tasks_without_news(plan, focal_officer):
    task_followup.add_update(task(plan, "1.a"), focal_officer, status=TaskStatus.IN_PROGRESS, note="Đang làm")
    codes = [r.task.code for r in task_followup.needing_attention(plan, TODAY)]
    assert codes == ["1.b", "2.a"]  # 1.b late, 2.a never updated; 1.a had news today


def test_filters_by_status_lead_late_and_days_without_news(plan, focal_officer, daklak):
    task_followup.add_update(task(plan, "2.a"), focal_officer, status=TaskStatus.DONE, note="Xong")
    rows = task_followup.task_rows(plan.tasks.all(), TODAY)
    assert [r.task.code for r in task_followup.filter_rows(rows, status="done")] == ["2.a"]
    assert [r.task.code for r in task_followup.filter_rows(rows, lead=daklak.health.pk)] == ["1.a", "1.b"]
    assert [r.task.code for r in task_followup.filter_rows(rows, late=True)] == ["1.b"]
    assert [r.task.code for r in task_followup.filter_rows(rows, quiet_days=30, today=TODAY)] == [
        "1.a",
        "1.b",
    ]
