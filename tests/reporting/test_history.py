"""The audit trail of a report: every value change with user, time, old and new value."""

from __future__ import annotations

import pytest
from django.utils import translation

from binhdang.reporting import services
from binhdang.reporting.history import report_history, value_history

from .conftest import fill


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def report_a(period, daklak):
    return services.get_or_create_submission(period, daklak.commune_a)


def test_every_value_change_has_user_time_old_and_new(report_a, commune_a_reporter, focal_officer):
    services.save_draft(
        report_a,
        {("TT_SESSIONS", ""): "3", ("TT_PARTICIPANTS", "FEMALE"): "40"},
        None,
        commune_a_reporter,
        expected_version=1,
    )
    services.save_draft(report_a, {("TT_SESSIONS", ""): "5"}, None, focal_officer, expected_version=2)
    services.save_draft(
        report_a, {("TT_PARTICIPANTS", "FEMALE"): ""}, None, commune_a_reporter, expected_version=3
    )
    entries = [(e.label, e.old, e.new, e.user.username) for e in value_history(report_a)]
    assert entries == [
        ("Số cuộc truyền thông", "", "3", "reporter_a"),
        ("Số lượt người tham dự (Nữ)", "", "40", "reporter_a"),
        ("Số cuộc truyền thông", "3", "5", "focal"),
        ("Số lượt người tham dự (Nữ)", "40", "", "reporter_a"),
    ]
    times = [e.at for e in value_history(report_a)]
    assert times == sorted(times)


def test_the_report_history_adds_narrative_edits_and_workflow_steps_newest_first(
    report_a, commune_a_reporter, focal_officer
):
    fill(report_a, commune_a_reporter, narrative={"results": "Bản đầu"})
    services.submit(report_a, commune_a_reporter)
    services.return_submission(report_a, focal_officer, "Bổ sung")
    entries = report_history(report_a)
    assert (entries[0].kind, entries[0].label, entries[0].comment) == (
        "state",
        "Bị trả lại để sửa",
        "Bổ sung",
    )
    narrative = [e for e in entries if e.kind == "narrative"]
    assert [(e.label, e.new) for e in narrative] == [("Kết quả", "Bản đầu")]
    hidden = report_history(report_a, include_narrative_text=False)
    assert "Bản đầu" not in [e.new for e in hidden]


def test_history_shows_values_as_people_read_them(report_a, commune_a_reporter):
    services.save_draft(
        report_a,
        {("TT_BUDGET_STATE", ""): "15000000", ("TT_AM_PLAN", ""): "true"},
        None,
        commune_a_reporter,
        expected_version=1,
    )
    services.save_draft(report_a, {("TT_AM_PLAN", ""): "false"}, None, commune_a_reporter, expected_version=2)
    shown = {(e.label, e.old, e.new) for e in value_history(report_a)}
    assert ("Kinh phí từ ngân sách nhà nước (đồng)", "", "15.000.000") in shown
    assert ("Đã ban hành kế hoạch hưởng ứng Tháng hành động", "Có", "Không") in shown


def test_a_submission_date_loaded_as_history_is_marked_in_the_trail(period, focal_officer):
    from binhdang.reporting.datavaluesets import import_data_value_sets

    from .conftest import COMMUNE_VALUES

    import_data_value_sets(
        {
            "dataSet": "TT1790",
            "period": "2026",
            "orgUnit": "66-C001",
            "completeDate": "2026-11-20",
            "dataValues": [
                {"dataElement": c, **({"categoryOptionCombo": k} if k else {}), "value": v}
                for (c, k), v in COMMUNE_VALUES.items()
            ],
        },
        focal_officer,
    )
    submission = period.submissions.get()
    [step] = [e for e in report_history(submission) if e.kind == "state"]
    assert step.at.date().isoformat() == "2026-11-20" and step.user == focal_officer
    assert step.comment.startswith(
        "Nạp số liệu lịch sử: ngày nộp là completeDate ghi trong tệp (nạp lúc 04/12/2026"
    )
