import datetime as dt

from django.urls import reverse

from binhdang.ministry import services
from binhdang.ministry.models import ProvinceReport, ReportState
from binhdang.reporting.models import Notification
from tests.factories import make_province, make_unit, release, tt1790_year
from tests.ministry.conftest import signed_pdf


def test_the_focal_officer_sends_the_report_with_the_signed_pdf(client, daklak_plan, focal_officer):
    client.force_login(focal_officer)
    page = reverse("ministry:plan_year", args=[daklak_plan.pk, 2026])
    assert "Gửi Bộ Nội vụ" in client.get(page).text
    response = client.post(
        reverse("ministry:send", args=[daklak_plan.pk, 2026]),
        {"signed": signed_pdf(), "note": "Kính gửi"},
        follow=True,
    )
    assert "Đã gửi báo cáo năm 2026 về Bộ (lần gửi 1)" in response.text
    assert ProvinceReport.objects.get().state == ReportState.SENT


def test_sending_without_a_signed_file_says_what_is_missing(client, daklak_plan, focal_officer):
    client.force_login(focal_officer)
    response = client.post(reverse("ministry:send", args=[daklak_plan.pk, 2026]), {"note": "x"}, follow=True)
    assert "Bản báo cáo đã ký: hãy chọn tệp PDF đã ký" in response.text
    assert not ProvinceReport.objects.exists()


def test_a_blank_return_is_refused_in_vietnamese_and_a_comment_reaches_the_officer(
    client, daklak_plan, focal_officer, ministry_viewer
):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    client.force_login(ministry_viewer)
    response = client.post(reverse("ministry:return", args=[report.pk]), {"comment": " "}, follow=True)
    assert "Ý kiến: hãy nêu nội dung tỉnh cần sửa" in response.text
    client.post(reverse("ministry:return", args=[report.pk]), {"comment": "Thiếu phụ lục"})
    client.force_login(focal_officer)
    page = client.get(reverse("ministry:plan_year", args=[daklak_plan.pk, 2026])).text
    assert "Thiếu phụ lục" in page and "Gửi lại (lần gửi mới)" in page
    assert Notification.objects.filter(user=focal_officer, text__contains="Thiếu phụ lục").exists()


def test_the_leader_reads_but_cannot_send(client, daklak_plan, leader):
    client.force_login(leader)
    page = client.get(reverse("ministry:plan_year", args=[daklak_plan.pk, 2026])).text
    assert "Chưa gửi lần nào" in page and "btn-send" not in page
    assert (
        client.post(
            reverse("ministry:send", args=[daklak_plan.pk, 2026]), {"signed": signed_pdf()}
        ).status_code
        == 403
    )


def test_the_downloads_give_the_bytes_kept_at_sending(client, daklak_plan, focal_officer, ministry_viewer):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    client.force_login(ministry_viewer)
    signed = client.get(reverse("ministry:signed_file", args=[report.pk]))
    assert signed.content == b"%PDF-1.4 bao cao da ky"
    assert 'filename="bao-cao-da-ky.pdf"' in signed["Content-Disposition"]
    docx = client.get(reverse("ministry:report_file", args=[report.pk]))
    assert docx.content.startswith(b"PK") and docx["Cache-Control"] == "no-store"
    release(docx)


def test_a_sent_file_lost_from_the_disk_is_not_found_rather_than_an_error(
    client, daklak_plan, focal_officer, ministry_viewer
):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    report.signed_file.storage.delete(report.signed_file.name)  # e.g. a database restored without its files
    client.force_login(ministry_viewer)
    assert client.get(reverse("ministry:signed_file", args=[report.pk])).status_code == 404
    docx = client.get(reverse("ministry:report_file", args=[report.pk]))
    assert docx.status_code == 200
    release(docx)


def test_the_board_shows_states_late_provinces_and_provinces_without_a_plan(
    client, daklak_plan, laichau, focal_officer, ministry_viewer
):
    services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    services.set_deadline(2026, dt.date(2026, 12, 3), ministry_viewer)
    client.force_login(ministry_viewer)
    page = client.get(reverse("ministry:board") + "?year=2026").text
    assert "03/12/2026" in page and "Đã gửi" in page and "Chưa có kế hoạch" in page
    late = client.get(reverse("ministry:board") + "?year=2026&late=1").text
    assert 'data-province="66"' in late and 'data-province="12"' not in late  # Lai Châu has no plan
    sent = client.get(reverse("ministry:board") + "?year=2026&state=not_sent").text
    assert 'data-province="66"' not in sent and 'data-province="12"' in sent


def test_the_board_page_keeps_its_queries_whatever_the_number_of_provinces(
    client, daklak_plan, laichau_plan, ministry_viewer, django_assert_max_num_queries
):
    client.force_login(ministry_viewer)
    url = reverse("ministry:board") + "?year=2026"
    client.get(url)
    with django_assert_max_num_queries(13) as few:  # 14 before the reports and first sendings were one read
        client.get(url)
    for number in range(4):
        province = make_province(f"Tỉnh Thử {number}", f"9{number}")
        tt1790_year(province, make_unit(province, "Sở Nội vụ", f"9{number}-D02", type="department"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_reminders_from_the_board_reach_the_late_province(
    client, daklak_plan, laichau_plan, outsider, ministry_viewer
):
    client.force_login(ministry_viewer)
    response = client.post(
        reverse("ministry:remind"),
        {"year": 2026, "program": "communication", "plan": [laichau_plan.pk]},
        follow=True,
    )
    assert "Đã gửi nhắc nhở đến 1 tỉnh: Tỉnh Lai Châu" in response.text
    assert Notification.objects.filter(user=outsider, text__contains="gửi báo cáo năm 2026").exists()


def test_a_wrong_deadline_is_refused_and_changes_nothing(client, ministry_viewer):
    client.force_login(ministry_viewer)
    response = client.post(
        reverse("ministry:set_deadline"), {"year": 2026, "deadline": "31/02/2026"}, follow=True
    )
    assert "Hạn gửi: hãy ghi ngày theo dạng dd/mm/yyyy" in response.text
    assert services.deadline_for(2026) == dt.date(2026, 12, 5)


def test_the_ministry_finds_its_board_from_home_and_the_menu(client, ministry_viewer, focal_officer):
    client.force_login(ministry_viewer)
    home = client.get(reverse("core:home")).text
    assert 'id="ministry-board"' in home and "Báo cáo gửi Bộ" in home
    assert client.get(reverse("ministry:index")).url == reverse("ministry:board")
    client.force_login(focal_officer)
    assert 'id="ministry-board"' not in client.get(reverse("core:home")).text
