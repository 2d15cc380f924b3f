import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.ministry import services
from binhdang.ministry.models import MinistryDeadline, MinistryReminder, ProvinceReport, ReportState
from binhdang.reporting.models import Notification
from tests.ministry.conftest import signed_pdf, stored


def test_sending_keeps_the_generated_report_and_the_signed_file(daklak_plan, focal_officer):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf(), "Kính gửi Bộ")
    assert report.state == ReportState.SENT and report.version == 1
    assert stored(report.report_file).startswith(b"PK")  # the DOCX bytes as they were
    assert stored(report.signed_file) == b"%PDF-1.4 bao cao da ky"
    assert report.signed_name == "bao-cao-da-ky.pdf"
    assert [(s.from_state, s.to_state, s.user) for s in report.steps.all()] == [("", "sent", focal_officer)]
    assert report.history.first().history_user == focal_officer


def test_a_leader_or_the_ministry_cannot_send(daklak_plan, leader, ministry_viewer):
    for user in (leader, ministry_viewer):
        with pytest.raises(services.MinistryError):
            services.send_report(daklak_plan, 2026, user, signed_pdf())
    assert not ProvinceReport.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("bao-cao.docx", b"PK\x03\x04abc", "PDF, JPG hoặc PNG"),
        ("bao-cao.pdf", b"MZ executable", "không phải là tệp PDF hợp lệ"),
        ("bao-cao.pdf", b"", "tệp rỗng"),
    ],
)
def test_a_signed_file_of_the_wrong_kind_is_refused_in_vietnamese(
    daklak_plan, focal_officer, name, content, words
):
    with pytest.raises(services.MinistryError) as refused:
        services.send_report(daklak_plan, 2026, focal_officer, SimpleUploadedFile(name, content))
    assert words in str(refused.value)
    assert not ProvinceReport.objects.exists()


def test_a_year_without_its_period_is_refused(daklak_plan, focal_officer):
    with pytest.raises(services.MinistryError, match="chưa mở kỳ báo cáo năm 2027"):
        services.send_report(daklak_plan, 2027, focal_officer, signed_pdf())


def test_sending_twice_is_refused_until_the_ministry_returns_it(daklak_plan, focal_officer, ministry_viewer):
    first = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    with pytest.raises(services.MinistryError, match="đã gửi"):
        services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    services.receive(first, ministry_viewer)
    services.return_report(first, ministry_viewer, "Thiếu chữ ký")
    second = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf("lan-2.pdf"))
    assert second.version == 2
    first.refresh_from_db()
    assert first.state == ReportState.RETURNED and stored(first.signed_file)  # nothing lost
    services.accept(second, ministry_viewer)
    with pytest.raises(services.MinistryError):
        services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())


def test_returning_needs_a_comment_and_tells_the_focal_officers(daklak_plan, focal_officer, ministry_viewer):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    with pytest.raises(services.MinistryError, match="Ý kiến"):
        services.return_report(report, ministry_viewer, "   ")
    report.refresh_from_db()
    assert report.state == ReportState.SENT
    services.return_report(report, ministry_viewer, "Bổ sung số liệu xã")
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED and report.comment == "Bổ sung số liệu xã"
    step = report.steps.last()
    assert (step.from_state, step.to_state, step.user, step.comment) == (
        "sent",
        "returned",
        ministry_viewer,
        "Bổ sung số liệu xã",
    )
    note = Notification.objects.get(user=focal_officer)
    assert "Bổ sung số liệu xã" in note.text


def test_only_the_ministry_role_acts_and_steps_follow_the_states(
    daklak_plan, focal_officer, ministry_viewer, admin_user
):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    for user in (focal_officer, admin_user):
        with pytest.raises(services.MinistryError):
            services.receive(report, user)
    services.accept(report, ministry_viewer)
    with pytest.raises(services.MinistryError, match="đã chấp nhận"):
        services.return_report(report, ministry_viewer, "Muộn")
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED


def test_the_deadline_defaults_to_05_12_and_the_ministry_sets_it(ministry_viewer, focal_officer):
    assert services.deadline_for(2026) == dt.date(2026, 12, 5)
    services.set_deadline(2026, dt.date(2026, 12, 1), ministry_viewer)
    assert services.deadline_for(2026) == dt.date(2026, 12, 1)
    assert MinistryDeadline.objects.get(year=2026).history.first().history_user == ministry_viewer
    with pytest.raises(services.MinistryError):
        services.set_deadline(2026, dt.date(2026, 12, 2), focal_officer)
    with pytest.raises(services.MinistryError):
        services.set_deadline(2026, dt.date(2030, 1, 1), ministry_viewer)


def test_reminders_go_to_the_focal_officers_of_provinces_that_have_not_sent(
    daklak_plan, laichau_plan, focal_officer, outsider, leader, ministry_viewer
):
    services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    sent = services.send_reminders(2026, [daklak_plan, laichau_plan], ministry_viewer, dt.date(2026, 12, 5))
    assert [r.province for r in sent] == [laichau_plan.province]
    log = MinistryReminder.objects.get()
    assert list(log.recipients.all()) == [outsider] and log.sent_by == ministry_viewer
    assert "05/12/2026" in log.text
    assert Notification.objects.filter(user=outsider).count() == 1
    assert not Notification.objects.filter(user__in=[focal_officer, leader]).exists()


def test_without_a_deadline_set_the_day_is_the_plans_report_to_bo_noi_vu(daklak_plan, laichau_plan):
    for plan in (daklak_plan, laichau_plan):
        plan.obligations.create(
            reporter_text="Sở Nội vụ",
            receivers=["UBND tỉnh", "Bộ Nội vụ"],
            deadline_month=12,
            deadline_day=10,
            recurrence="annual",
        )
    assert services.deadline_for(2027) == dt.date(2027, 12, 10)
