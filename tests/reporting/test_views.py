"""The reporting pages through the Django test client: entry with autosave, conflicts between two
sessions, review, status board, reminders, period opening, data upload/download, access per persona."""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from binhdang.reporting import services
from binhdang.reporting.entry import field_name
from binhdang.reporting.models import DataValue, Notification, Period, State, Submission

from .conftest import COMMUNE_VALUES, fill, local

HTMX = {"HTTP_HX_REQUEST": "true"}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(values, version, **narrative):
    data = {field_name(code, coc): value for (code, coc), value in values.items()}
    return {**data, "version": str(version), **narrative}


@pytest.fixture
def report_a(period, daklak):
    return services.get_or_create_submission(period, daklak.commune_a)


def test_opening_a_report_creates_nothing_and_its_first_saved_value_makes_the_draft(
    period, daklak, commune_a_reporter
):
    client = client_for(commune_a_reporter)
    page = client.get(reverse("reporting:index"))
    assert "Báo cáo của tôi" in page.text and "30/11/2026" in page.text and "Chưa bắt đầu" in page.text
    page = client.get(reverse("reporting:report", args=[period.pk, daklak.commune_a.pk]))
    assert page.status_code == 200 and not Submission.objects.exists()
    assert "Chưa bắt đầu" in page.text and "Lưu lần cuối" not in page.text
    assert "Số cuộc truyền thông, phổ biến pháp luật" in page.text
    assert 'name="v__TT_PARTICIPANTS__FEMALE"' in page.text and 'name="v__TT_CONVENTIONS"' in page.text
    assert 'name="v__TT_GSIM_STATUS"' not in page.text
    save_url = reverse("reporting:report_save", args=[period.pk, daklak.commune_a.pk])
    assert f'hx-post="{save_url}"' in page.text
    assert "Chưa bắt đầu" in client.get(reverse("reporting:index")).text

    # Only empty fields posted: still nothing.
    response = client.post(save_url, form_data({("TT_SESSIONS", ""): ""}, 0), **HTMX)
    assert response.status_code == 200 and not Submission.objects.exists()

    response = client.post(save_url, form_data({("TT_SESSIONS", ""): "4"}, 0), **HTMX)
    submission = Submission.objects.get(unit=daklak.commune_a)
    assert submission.state == State.DRAFT and submission.updated_by == commune_a_reporter
    assert submission.value_map() == {("TT_SESSIONS", ""): "4"}
    assert f'value="{submission.version}"' in response.text
    # The page of the unit now leads to the report.
    response = client.get(reverse("reporting:report", args=[period.pk, daklak.commune_a.pk]))
    assert response.status_code == 302 and response.url == reverse(
        "reporting:submission", args=[submission.pk]
    )


def test_a_focal_officer_looking_at_a_units_report_neither_starts_it_nor_becomes_its_saver(
    period, daklak, commune_a_reporter, focal_officer
):
    page = client_for(focal_officer).get(reverse("reporting:report", args=[period.pk, daklak.commune_a.pk]))
    assert page.status_code == 200 and not Submission.objects.exists()
    fill(services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter), commune_a_reporter)
    submission = Submission.objects.get(unit=daklak.commune_a)
    before = (submission.version, submission.updated_by_id, submission.updated_at)
    client = client_for(focal_officer)
    assert client.get(reverse("reporting:submission", args=[submission.pk])).status_code == 200
    assert client.get(reverse("reporting:report", args=[period.pk, daklak.commune_a.pk])).status_code == 302
    submission.refresh_from_db()
    assert (submission.version, submission.updated_by_id, submission.updated_at) == before
    assert before[1] == commune_a_reporter.pk


def test_a_second_page_opened_before_the_report_existed_gets_a_conflict(period, daklak, commune_a_reporter):
    client = client_for(commune_a_reporter)
    save_url = reverse("reporting:report_save", args=[period.pk, daklak.commune_a.pk])
    client.post(save_url, form_data({("TT_SESSIONS", ""): "4"}, 0), **HTMX)
    response = client.post(save_url, form_data({("TT_SESSIONS", ""): "9"}, 0), **HTMX)
    assert "Chưa lưu: người khác vừa sửa báo cáo này." in response.text
    assert Submission.objects.get().value_map() == {("TT_SESSIONS", ""): "4"}


def test_a_reporter_cannot_open_another_communes_report(period, daklak, report_a, commune_b_reporter):
    client = client_for(commune_b_reporter)
    assert client.get(reverse("reporting:submission", args=[report_a.pk])).status_code == 404
    assert (
        client.post(reverse("reporting:save", args=[report_a.pk]), form_data(COMMUNE_VALUES, 1)).status_code
        == 404
    )
    assert client.get(reverse("reporting:history", args=[report_a.pk])).status_code == 404
    assert client.get(reverse("reporting:report", args=[period.pk, daklak.commune_a.pk])).status_code == 404
    assert not report_a.values.exists()


@pytest.mark.parametrize("name", ["submission", "history", "save", "submit", "accept", "return", "reopen"])
def test_an_outsider_gets_404_for_every_report_page(report_a, outsider, name):
    client = client_for(outsider)
    url = reverse(f"reporting:{name}", args=[report_a.pk])
    response = client.get(url) if name in ("submission", "history") else client.post(url, {"comment": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["board", "period_settings", "data_export"])
def test_an_outsider_gets_404_for_the_period_pages(period, outsider, name):
    assert client_for(outsider).get(reverse(f"reporting:{name}", args=[period.pk])).status_code == 404


def test_autosave_saves_and_answers_the_time_and_the_new_version(report_a, commune_a_reporter):
    client = client_for(commune_a_reporter)
    response = client.post(
        reverse("reporting:save", args=[report_a.pk]),
        form_data({("TT_SESSIONS", ""): "3"}, 1, results="Đã tổ chức 3 cuộc"),
        **HTMX,
    )
    assert response.status_code == 200
    assert "Đã lưu bản nháp lúc" in response.text
    assert 'id="report-version" value="2" hx-swap-oob="true"' in response.text
    assert "Cần hoàn thiện trước khi nộp" in response.text
    report_a.refresh_from_db()
    assert report_a.value_map() == {("TT_SESSIONS", ""): "3"} and report_a.results == "Đã tổ chức 3 cuộc"


def test_one_bad_value_does_not_block_the_autosave_it_is_marked_beside_its_field_and_kept(
    report_a, commune_a_reporter
):
    client = client_for(commune_a_reporter)
    response = client.post(
        reverse("reporting:save", args=[report_a.pk]),
        form_data({("TT_SESSIONS", ""): "-4", ("TT_NEWS", ""): "2"}, 1),
        **HTMX,
    )
    assert response.status_code == 200 and "Đã lưu bản nháp lúc" in response.text
    assert "Số cuộc truyền thông: phải là số nguyên không âm" in response.text
    # Beside the field, out of band: <div id="msg-f-TT_SESSIONS" ...> with the reason.
    beside = response.text.split('id="msg-f-TT_SESSIONS"')[1].split("</div>")[0]
    assert 'hx-swap-oob="true"' in beside and "phải là số nguyên không âm" in beside
    report_a.refresh_from_db()
    assert report_a.value_map() == {("TT_NEWS", ""): "2"}
    assert report_a.refused_values() == {("TT_SESSIONS", ""): "-4"}

    # After a reload the typed text is still in its field, marked.
    page = client.get(reverse("reporting:submission", args=[report_a.pk])).text
    field = page.split('id="f-TT_SESSIONS"')[1].split(">")[0]
    assert 'value="-4"' in field and 'aria-invalid="true"' in field
    assert "phải là số nguyên không âm" in page.split('id="msg-f-TT_SESSIONS"')[1].split("</div>")[0]

    # Submitting is refused while it is there; correcting it forgets the refused text.
    response = client.post(
        reverse("reporting:submit", args=[report_a.pk]), {"version": report_a.version}, **HTMX
    )
    assert "phải là số nguyên không âm" in response.text and report_a.state == State.DRAFT
    response = client.post(
        reverse("reporting:save", args=[report_a.pk]),
        form_data({("TT_SESSIONS", ""): "4"}, report_a.version),
        **HTMX,
    )
    report_a.refresh_from_db()
    assert report_a.refused_input == [] and report_a.value_map()[("TT_SESSIONS", "")] == "4"
    assert "phải là số nguyên" not in response.text


def test_money_typed_with_thousands_separators_is_saved_as_a_plain_amount_and_shown_grouped(
    report_a, commune_a_reporter
):
    client = client_for(commune_a_reporter)
    client.post(
        reverse("reporting:save", args=[report_a.pk]),
        form_data({("TT_BUDGET_STATE", ""): "15.000.000", ("TT_BUDGET_OTHER", ""): "2.500.000"}, 1),
        **HTMX,
    )
    report_a.refresh_from_db()
    assert report_a.value_map() == {("TT_BUDGET_STATE", ""): "15000000", ("TT_BUDGET_OTHER", ""): "2500000"}
    page = client.get(reverse("reporting:submission", args=[report_a.pk])).text
    field = re.search(r'<input[^>]*id="f-TT_BUDGET_STATE"[^>]*>', page).group(0)
    assert 'value="15.000.000"' in field and "data-money" in field and 'inputmode="numeric"' in field


def test_two_sessions_editing_one_report_the_second_save_gets_a_conflict_and_loses_nothing(
    report_a, commune_a_reporter, focal_officer
):
    reporter, officer = client_for(commune_a_reporter), client_for(focal_officer)
    url = reverse("reporting:submission", args=[report_a.pk])
    assert 'id="report-version" value="1"' in reporter.get(url).text
    assert 'id="report-version" value="1"' in officer.get(url).text
    save = reverse("reporting:save", args=[report_a.pk])
    reporter.post(save, form_data({("TT_SESSIONS", ""): "5"}, 1), **HTMX)
    response = officer.post(save, form_data({("TT_SESSIONS", ""): "8", ("TT_NEWS", ""): "1"}, 1), **HTMX)
    assert "Chưa lưu: người khác vừa sửa báo cáo này." in response.text
    assert "Y Bih Niê" in response.text
    assert report_a.value_map() == {("TT_SESSIONS", ""): "5"}
    # The same without htmx: the message comes back on the page.
    page = officer.post(save, form_data({("TT_SESSIONS", ""): "8"}, 1), follow=True)
    assert "đã được Y Bih Niê lưu lúc" in page.text
    assert DataValue.objects.get(data_element="TT_SESSIONS").value == "5"


def test_submitting_an_incomplete_report_shows_what_is_missing(report_a, commune_a_reporter):
    client = client_for(commune_a_reporter)
    response = client.post(
        reverse("reporting:submit", args=[report_a.pk]), form_data({("TT_SESSIONS", ""): "2"}, 1)
    )
    assert response.status_code == 400
    assert "Số lượt người tham dự (Nam): chưa nhập" in response.text
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT and report_a.value_map() == {("TT_SESSIONS", ""): "2"}


def test_reporter_submits_officer_returns_reporter_resubmits_officer_accepts(
    report_a, commune_a_reporter, focal_officer
):
    reporter, officer = client_for(commune_a_reporter), client_for(focal_officer)
    submit = reverse("reporting:submit", args=[report_a.pk])
    response = reporter.post(submit, form_data(COMMUNE_VALUES, 1, results="Kết quả tốt"), **HTMX)
    assert response.status_code == 204 and response["HX-Redirect"] == f"/reporting/submissions/{report_a.pk}/"
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED
    page = officer.get(reverse("reporting:submission", args=[report_a.pk]))
    assert "Trả lại kèm ý kiến" in page.text and 'id="report-form"' not in page.text
    officer.post(
        reverse("reporting:return", args=[report_a.pk]),
        {"comment": "Số người tham dự nữ chưa đúng", "version": report_a.version},
    )
    page = reporter.get(reverse("reporting:submission", args=[report_a.pk]))
    assert "Số người tham dự nữ chưa đúng" in page.text and "Nộp lại báo cáo" in page.text
    report_a.refresh_from_db()
    values = {**COMMUNE_VALUES, ("TT_PARTICIPANTS", "FEMALE"): "175"}
    reporter.post(submit, form_data(values, report_a.version, results="Kết quả tốt"))
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED
    officer.post(reverse("reporting:accept", args=[report_a.pk]), {"version": report_a.version})
    report_a.refresh_from_db()
    assert report_a.state == State.ACCEPTED
    assert (
        reporter.post(
            reverse("reporting:save", args=[report_a.pk]), form_data(values, report_a.version), follow=True
        ).status_code
        == 200
    )
    assert report_a.value_map()[("TT_PARTICIPANTS", "FEMALE")] == "175"


def test_a_leader_reads_but_cannot_change_or_review(report_a, commune_a_reporter, leader):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    client = client_for(leader)
    page = client.get(reverse("reporting:submission", args=[report_a.pk]))
    assert page.status_code == 200 and "Đã tổ chức các hoạt động." in page.text
    assert "Trả lại kèm ý kiến" not in page.text
    assert client.post(reverse("reporting:accept", args=[report_a.pk])).status_code == 403
    assert client.post(reverse("reporting:return", args=[report_a.pk]), {"comment": "x"}).status_code == 403
    assert client.get(reverse("reporting:board", args=[report_a.period.pk])).status_code == 200
    assert client.post(reverse("reporting:remind", args=[report_a.period.pk])).status_code == 403
    assert client.get(reverse("reporting:period_open")).status_code == 403
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED


def test_a_leader_posting_to_a_draft_gets_403(report_a, leader):
    response = client_for(leader).post(
        reverse("reporting:save", args=[report_a.pk]), form_data(COMMUNE_VALUES, 1)
    )
    assert response.status_code == 403 and not report_a.values.exists()


def test_a_ministry_viewer_sees_figures_but_not_the_narrative(report_a, commune_a_reporter, ministry_viewer):
    fill(report_a, commune_a_reporter, narrative={"results": "Chị Nguyễn Thị A được hỗ trợ"})
    page = client_for(ministry_viewer).get(reverse("reporting:submission", args=[report_a.pk]))
    assert page.status_code == 200 and "180" in page.text
    assert "Nguyễn Thị A" not in page.text


def test_the_status_board_shows_states_times_and_percentages(
    period, report_a, commune_a_reporter, focal_officer
):
    fill(report_a, commune_a_reporter)
    # Submitted on a fixed day before the deadline: the test must not depend on today's date.
    services.submit(report_a, commune_a_reporter, at=local(2026, 11, 20))
    page = client_for(focal_officer).get(reverse("reporting:board", args=[period.pk]))
    assert 'id="stat-submitted">1/6' in page.text
    assert 'id="stat-completeness">16,7%' in page.text and 'id="stat-timeliness">16,7%' in page.text
    assert 'data-unit="66-C001" data-state="submitted"' in page.text and "Đúng hạn" in page.text
    filtered = client_for(focal_officer).get(
        reverse("reporting:board", args=[period.pk]), {"type": "commune", "state": "missing"}
    )
    assert 'data-unit="66-C002"' in filtered.text and 'data-unit="66-C001"' not in filtered.text
    assert 'data-unit="66-D06"' not in filtered.text


def test_one_click_reminders_notify_the_selected_units_reporters(
    period, daklak, focal_officer, commune_b_reporter, department_reporter
):
    response = client_for(focal_officer).post(
        reverse("reporting:remind", args=[period.pk]),
        {"units": [daklak.commune_b.pk, daklak.health.pk], "message": "Hạn chót 30/11", "state": "missing"},
        follow=True,
    )
    assert "Đã gửi nhắc nhở tới 2 người báo cáo của 2 đơn vị." in response.text
    assert response.redirect_chain[-1][0].endswith("?state=missing")
    assert Notification.objects.filter(user=commune_b_reporter).count() == 1
    page = client_for(commune_b_reporter).get(reverse("reporting:notifications"))
    assert "Hạn chót 30/11" in page.text


def test_the_focal_officer_opens_a_period_through_the_form(plan, focal_officer):
    client = client_for(focal_officer)
    response = client.post(
        reverse("reporting:period_open"), {"plan": plan.pk, "year": 2027, "deadline": "2027-12-01"}
    )
    period = Period.objects.get(year=2027)
    assert response.status_code == 302 and response.url == reverse("reporting:board", args=[period.pk])
    assert period.deadline.isoformat() == "2027-12-01"
    again = client.post(reverse("reporting:period_open"), {"plan": plan.pk, "year": 2027})
    assert "Kỳ báo cáo năm 2027 của kế hoạch này đã được mở." in again.text


def test_closing_a_period_asks_for_confirmation_first(period, focal_officer):
    client = client_for(focal_officer)
    page = client.get(reverse("reporting:period_status", args=[period.pk]))
    assert page.status_code == 200 and "Đóng kỳ báo cáo năm 2026?" in page.text
    assert "6 đơn vị phải báo cáo chưa nộp báo cáo." in page.text
    unconfirmed = client.post(reverse("reporting:period_status", args=[period.pk]), {"action": "close"})
    assert unconfirmed.url == reverse("reporting:period_status", args=[period.pk])
    period.refresh_from_db()
    assert period.is_open
    confirmed = client.post(
        reverse("reporting:period_status", args=[period.pk]), {"action": "close", "confirm": "yes"}
    )
    assert confirmed.url == reverse("reporting:board", args=[period.pk])
    period.refresh_from_db()
    assert not period.is_open


def test_the_outsider_cannot_pick_another_provinces_plan(plan, outsider, laichau):
    response = client_for(outsider).post(reverse("reporting:period_open"), {"plan": plan.pk, "year": 2026})
    assert response.status_code == 200 and not Period.objects.exists()


def test_expected_reporters_are_edited_on_the_settings_page(period, daklak, focal_officer):
    client = client_for(focal_officer)
    client.post(
        reverse("reporting:period_settings", args=[period.pk]),
        {"form": "expected", "units": [daklak.commune_a.pk, daklak.health.pk]},
    )
    assert set(period.expected_reporters.values_list("unit__code", flat=True)) == {"66-C001", "66-D06"}
    client.post(
        reverse("reporting:period_settings", args=[period.pk]),
        {
            "form": "dates",
            "deadline": "2026-12-01",
            "lock_date": "2026-12-20",
            "cutoff_start": "2025-12-15",
            "cutoff_end": "2026-12-14",
        },
    )
    period.refresh_from_db()
    assert period.deadline.isoformat() == "2026-12-01"


def test_data_upload_imports_a_good_file_and_refuses_a_bad_one_with_places(period, focal_officer):
    client = client_for(focal_officer)
    values = [
        {"dataElement": c, **({"categoryOptionCombo": k} if k else {}), "value": v}
        for (c, k), v in COMMUNE_VALUES.items()
    ]
    good = {
        "dataSet": "TT1790",
        "period": "2026",
        "orgUnit": "66-C001",
        "completeDate": "2026-11-20",
        "dataValues": values,
    }
    bad = {"dataValueSets": [good, {**good, "orgUnit": "66-X"}]}
    response = client.post(
        reverse("reporting:data_import"), {"file": SimpleUploadedFile("bad.json", json.dumps(bad).encode())}
    )
    assert response.status_code == 400 and "dataValueSets[1].orgUnit" in response.text
    assert not Submission.objects.exists()
    response = client.post(
        reverse("reporting:data_import"),
        {"file": SimpleUploadedFile("good.json", json.dumps(good).encode())},
        follow=True,
    )
    assert "Đã nhập 1 báo cáo, 14 giá trị; 1 báo cáo được nộp." in response.text
    exported = client.get(reverse("reporting:data_export", args=[period.pk]))
    assert exported["Content-Disposition"] == 'attachment; filename="TT1790-66-2026.json"'
    assert json.loads(exported.content)["dataValueSets"][0]["completeDate"] == "2026-11-20"


def test_a_file_that_is_not_json_is_refused(period, focal_officer):
    response = client_for(focal_officer).post(
        reverse("reporting:data_import"), {"file": SimpleUploadedFile("x.json", b"{not json")}
    )
    assert response.status_code == 400 and "không phải JSON hợp lệ" in response.text


def test_history_shows_who_changed_which_value_old_and_new(report_a, commune_a_reporter, focal_officer):
    services.save_draft(report_a, {("TT_SESSIONS", ""): "3"}, None, commune_a_reporter, expected_version=1)
    services.save_draft(report_a, {("TT_SESSIONS", ""): "30"}, None, focal_officer, expected_version=2)
    page = client_for(commune_a_reporter).get(reverse("reporting:history", args=[report_a.pk]))
    text = page.text[page.text.index('id="history"') :]
    assert text.index("Nguyễn Thị Hoa") < text.index("Y Bih Niê")  # newest first
    assert '<span class="old-value">3</span>' in text and "<td>30</td>" in text


def test_evidence_files_are_checked_and_kept_per_report(report_a, commune_a_reporter, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(commune_a_reporter)
    url = reverse("reporting:attachment_upload", args=[report_a.pk])
    page = client.post(
        url,
        {
            "file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 ...", "application/pdf"),
            "description": "Biên bản",
        },
        follow=True,
    )
    assert "Đã đính kèm bien-ban.pdf." in page.text
    page = client.post(url, {"file": SimpleUploadedFile("virus.exe", b"MZ...")}, follow=True)
    assert "virus.exe: chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), JPG và PNG." in page.text
    page = client.post(url, {"file": SimpleUploadedFile("anh.png", b"GIF89a...")}, follow=True)
    assert "anh.png: nội dung không phải là tệp PNG hợp lệ." in page.text
    attachment = report_a.attachments.get()
    download = client.get(reverse("reporting:attachment_download", args=[report_a.pk, attachment.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 ..."


def test_a_save_without_the_loaded_version_is_treated_as_a_conflict(report_a, commune_a_reporter):
    client = client_for(commune_a_reporter)
    data = form_data({("TT_SESSIONS", ""): "3"}, 1)
    del data["version"]
    response = client.post(reverse("reporting:save", args=[report_a.pk]), data, **HTMX)
    assert "Chưa lưu: người khác vừa sửa báo cáo này." in response.text and not report_a.values.exists()


def test_the_data_export_url_filters_by_unit_and_status(period, daklak, focal_officer, commune_a_reporter):
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    services.submit(report, commune_a_reporter)
    client = client_for(focal_officer)
    url = reverse("reporting:data_export", args=[period.pk])
    kept = json.loads(client.get(url, {"unit": "66-C001", "status": "submitted"}).content)
    assert [s["orgUnit"] for s in kept["dataValueSets"]] == ["66-C001"]
    assert json.loads(client.get(url, {"status": "accepted"}).content) == {"dataValueSets": []}


def test_the_data_export_url_refuses_an_unknown_unit_or_status_in_vietnamese(period, focal_officer):
    client = client_for(focal_officer)
    url = reverse("reporting:data_export", args=[period.pk])
    response = client.get(url, {"unit": "99-X"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert json.loads(response.content) == {
        "errors": ['đơn vị (unit): không có đơn vị nào của Tỉnh Đắk Lắk có mã "99-X".']
    }
    response = client.get(url, {"status": "ok"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400 and "trạng thái (status)" in json.loads(response.content)["errors"][0]


def test_the_board_filtered_on_a_state_links_the_export_of_those_reports(period, focal_officer):
    client = client_for(focal_officer)
    url = reverse("reporting:board", args=[period.pk])
    page = client.get(url, {"state": "accepted"}, HTTP_ACCEPT_LANGUAGE="vi").text
    export = reverse("reporting:data_export", args=[period.pk])
    assert f'href="{export}?status=accepted"' in page and "Tải các báo cáo" in page
    assert 'id="export-filtered"' not in client.get(url, {"state": "missing"}).text


def test_the_json_data_import_is_an_officers_tool_reporters_get_neither_link_nor_page(
    period, commune_a_reporter, focal_officer
):
    reporter = client_for(commune_a_reporter)
    assert "Nhập dữ liệu (JSON)" not in reporter.get(reverse("reporting:index")).text
    assert reporter.get(reverse("reporting:data_import")).status_code == 403
    officer = client_for(focal_officer)
    assert "Nhập dữ liệu (JSON)" in officer.get(reverse("reporting:index")).text
    assert officer.get(reverse("reporting:data_import")).status_code == 200


def test_reporters_see_no_internal_codes_officers_do(period, daklak, commune_a_reporter, focal_officer):
    url = reverse("reporting:report", args=[period.pk, daklak.commune_a.pk])
    shown = re.sub(r"<[^>]*>", "", client_for(commune_a_reporter).get(url).text)  # the text, not the markup
    assert "TT_" not in shown
    assert '<span class="code">TT_SESSIONS</span>' in client_for(focal_officer).get(url).text


def test_the_web_form_refuses_a_figure_over_its_hard_limit_naming_the_limit(report_a, commune_a_reporter):
    response = client_for(commune_a_reporter).post(
        reverse("reporting:save", args=[report_a.pk]),
        form_data({("TT_PARTICIPANTS", "FEMALE"): "99999999999999999999999"}, 1),
        **HTMX,
    )
    assert "Số lượt người tham dự (Nữ): vượt giới hạn 10.000.000 người" in response.text
    assert not report_a.values.exists()


def test_the_reminder_banner_says_how_many_units_have_nobody_and_links_to_their_accounts(
    period, daklak, focal_officer, commune_a_reporter
):
    client = client_for(focal_officer)
    units = [daklak.commune_a, daklak.commune_b, daklak.health]
    response = client.post(
        reverse("reporting:remind", args=[period.pk]), {"units": [u.pk for u in units]}, follow=True
    )
    assert "Đã gửi nhắc nhở tới 1 người báo cáo của 3 đơn vị." in response.text
    assert "2 đơn vị trong số này chưa có tài khoản người báo cáo" in response.text
    link = reverse("accounts:user_bulk_create") + f"?province={daklak.root.pk}&amp;select=missing"
    assert (
        f'<a href="{link}" id="create-accounts">Tạo tài khoản người báo cáo cho các đơn vị này</a>'
        in response.text
    )
    assert (
        client.get(
            reverse("accounts:user_bulk_create"), {"province": daklak.root.pk, "select": "missing"}
        ).status_code
        == 200
    )


def test_reporters_see_unread_notices_in_the_menu_until_they_open_them(
    period, daklak, focal_officer, commune_a_reporter
):
    services.request_reminders(period, [daklak.commune_a], focal_officer)
    client = client_for(commune_a_reporter)
    home = client.get(reverse("core:home")).text
    assert '<span class="visually-hidden">chưa đọc: </span>1</span>' in home
    notices = client.get(reverse("reporting:notifications")).text
    assert "Mới" in notices  # shown as new this once
    assert 'id="unread-badge"' not in notices
    assert 'id="unread-badge"' not in client.get(reverse("core:home")).text
    assert not Notification.objects.filter(user=commune_a_reporter, read_at__isnull=True).exists()


def test_my_reports_count_the_unread_notices_once_for_the_button_and_the_menu(
    period, daklak, focal_officer, commune_a_reporter, django_assert_max_num_queries
):
    services.request_reminders(period, [daklak.commune_a], focal_officer)
    client = client_for(commune_a_reporter)
    # the session with its user and roles; the reports due, each with its report's state; the menu's
    # statement (the unread notices and the statistics entry) (8 before: the unread notices counted
    # twice; 7: the reports started apart; 6: the button's count asked apart from the menu's statement;
    # 5: the user read apart from the session)
    with django_assert_max_num_queries(4):
        page = client.get(reverse("reporting:index")).text
    assert '<span class="visually-hidden">chưa đọc: </span>1</span>' in page  # the menu's badge
    assert '<span class="badge badge-warn">1</span>' in page  # the notifications button


def test_opening_the_notifications_marks_them_read_without_counting_them_again(
    period, daklak, focal_officer, commune_a_reporter, django_assert_max_num_queries
):
    services.request_reminders(period, [daklak.commune_a], focal_officer)
    client = client_for(commune_a_reporter)
    # the session with its user and roles, the notices, marking them read, the statistics entry (7
    # before; 6: the user read apart from the session)
    with django_assert_max_num_queries(5):
        page = client.get(reverse("reporting:notifications")).text
    assert "Mới" in page and 'id="unread-badge"' not in page
    assert not Notification.objects.filter(user=commune_a_reporter, read_at__isnull=True).exists()
    with django_assert_max_num_queries(4):  # nothing left to mark read
        page = client.get(reverse("reporting:notifications")).text
    assert "Mới" not in page


def test_opening_the_notifications_marks_read_those_beyond_the_newest_hundred(commune_a_reporter):
    Notification.objects.bulk_create(
        Notification(user=commune_a_reporter, text=f"Thông báo {n}", link="") for n in range(105)
    )
    client_for(commune_a_reporter).get(reverse("reporting:notifications"))
    assert not Notification.objects.filter(user=commune_a_reporter, read_at__isnull=True).exists()


def test_a_notice_arriving_after_the_page_was_read_is_counted_on_the_next_page(
    period, daklak, focal_officer, commune_a_reporter
):
    client = client_for(commune_a_reporter)
    client.get(reverse("reporting:notifications"))
    assert 'id="unread-badge"' not in client.get(reverse("core:home")).text
    services.request_reminders(period, [daklak.commune_a], focal_officer)
    assert '<span class="visually-hidden">chưa đọc: </span>1</span>' in client.get(reverse("core:home")).text


def _commune_a_had_120_women_taking_part_last_year(daklak, focal_officer):
    """Commune A's report of 2025 (the earlier plan): against its 120, this year's 5,000 is unusual."""
    from .conftest import make_plan

    old_plan = make_plan(daklak.root, slug="kh-1790-daklak-2021", span=(2021, 2025))
    old = services.get_or_create_submission(
        services.open_period(old_plan, 2025, focal_officer), daklak.commune_a
    )
    services.save_draft(old, {("TT_PARTICIPANTS", "FEMALE"): "120"}, None, None, expected_version=None)


def test_an_unusual_figure_is_confirmed_or_explained_before_submitting_and_shown_to_the_officer(
    report_a, daklak, commune_a_reporter, commune_b_reporter, focal_officer
):
    _commune_a_had_120_women_taking_part_last_year(daklak, focal_officer)
    client = client_for(commune_a_reporter)
    values = {**COMMUNE_VALUES, ("TT_PARTICIPANTS", "FEMALE"): "5000"}
    submitted = client.post(
        reverse("reporting:submit", args=[report_a.pk]),
        form_data(values, 1, results="Hội thi toàn xã."),
        **HTMX,
    )
    confirm_url = reverse("reporting:confirm_outliers", args=[report_a.pk])
    assert submitted["HX-Redirect"] == confirm_url
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT and report_a.value_map()[("TT_PARTICIPANTS", "FEMALE")] == "5000"
    page = client.get(confirm_url).text
    assert "Số lượt người tham dự (Nữ): <strong>5.000</strong>" in page
    assert "5.000 chênh lệch hơn mười lần so với số liệu năm trước (120)" in page

    refused = client.post(confirm_url, {"version": report_a.version})
    assert "hãy xác nhận hoặc ghi giải thích" in refused.text
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT
    done = client.post(
        confirm_url,
        {"version": report_a.version, "note-TT_PARTICIPANTS__FEMALE": "Hội thi toàn xã, 12 thôn tham gia"},
    )
    assert done.url == reverse("reporting:submission", args=[report_a.pk])
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED

    officer = client_for(focal_officer)
    board = officer.get(reverse("reporting:board", args=[report_a.period.pk])).text
    assert (
        'class="badge badge-warn outlier-flag" title="1 số liệu bất thường, đơn vị đã xác nhận hoặc giải thích 1">⚠ 1'
        in board
    )
    review = officer.get(reverse("reporting:submission", args=[report_a.pk])).text
    assert "Giải thích của đơn vị: “Hội thi toàn xã, 12 thôn tham gia” — reporter_a" in review


def test_without_javascript_submitting_an_unusual_figure_leads_to_the_confirmation_page(
    report_a, daklak, commune_a_reporter, focal_officer
):
    from .conftest import make_plan

    old_plan = make_plan(daklak.root, slug="kh-1790-daklak-2021", span=(2021, 2025))
    old = services.get_or_create_submission(
        services.open_period(old_plan, 2025, focal_officer), daklak.commune_a
    )
    services.save_draft(old, {("TT_SESSIONS", ""): "40"}, None, None, expected_version=None)
    response = client_for(commune_a_reporter).post(
        reverse("reporting:submit", args=[report_a.pk]),
        form_data({**COMMUNE_VALUES, ("TT_SESSIONS", ""): "400"}, 1, results="Đã tổ chức."),
    )
    assert response.url == reverse("reporting:confirm_outliers", args=[report_a.pk])
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT and report_a.value_map()[("TT_SESSIONS", "")] == "400"


def test_with_too_few_units_to_compare_with_nothing_is_flagged(
    report_a, daklak, commune_a_reporter, commune_b_reporter
):
    other = services.get_or_create_submission(report_a.period, daklak.commune_b, commune_b_reporter)
    fill(other, commune_b_reporter)
    services.submit(other, commune_b_reporter)
    response = client_for(commune_a_reporter).post(
        reverse("reporting:submit", args=[report_a.pk]),
        form_data({**COMMUNE_VALUES, ("TT_SESSIONS", ""): "400"}, 1, results="Đã tổ chức."),
    )
    assert response.url == reverse("reporting:submission", args=[report_a.pk])
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED and not any(w.get("kind") for w in report_a.warnings)


def test_the_web_form_refuses_a_count_of_5000_digits_naming_the_field(report_a, commune_a_reporter):
    response = client_for(commune_a_reporter).post(
        reverse("reporting:save", args=[report_a.pk]), form_data({("TT_SESSIONS", ""): "9" * 5000}, 1), **HTMX
    )
    assert response.status_code == 200
    assert "vượt giới hạn 100.000" in response.text
    assert not report_a.values.exists()


@pytest.mark.parametrize(
    "content, messages",
    [
        (b"[" * 100_000 + b"]" * 100_000, ["lồng quá sâu"]),
        (
            b'{"dataSet": "TT1790", "period": "2026", "orgUnit": "66-C001", "dataValues": '
            b'[{"dataElement": "TT_SESSIONS", "value": ' + b"9" * 5000 + b"}]}",
            ["dataValues[0].value: Số cuộc truyền thông:", "vượt giới hạn 100.000"],
        ),
    ],
    ids=["deep", "digits"],
)
def test_the_data_upload_refuses_hostile_json_in_vietnamese(period, focal_officer, content, messages):
    response = client_for(focal_officer).post(
        reverse("reporting:data_import"), {"file": SimpleUploadedFile("x.json", content)}
    )
    assert response.status_code == 400
    assert all(message in response.text for message in messages)
    assert not Submission.objects.exists()


def test_versions_and_unit_ids_of_thousands_of_digits_are_no_server_error(
    period, daklak, report_a, commune_a_reporter, focal_officer
):
    huge = "9" * 5000
    saved = client_for(commune_a_reporter).post(
        reverse("reporting:save", args=[report_a.pk]), form_data({("TT_SESSIONS", ""): "3"}, huge), **HTMX
    )
    assert "Chưa lưu: người khác vừa sửa báo cáo này." in saved.text and not report_a.values.exists()
    officer = client_for(focal_officer)
    reminded = officer.post(reverse("reporting:remind", args=[period.pk]), {"units": [huge], "message": "x"})
    assert reminded.status_code == 302 and not Notification.objects.exists()
    settings = officer.post(
        reverse("reporting:period_settings", args=[period.pk]), {"form": "expected", "units": [huge]}
    )
    assert settings.status_code in (200, 302, 400)
    accepted = officer.post(reverse("reporting:accept", args=[report_a.pk]), {"version": huge})
    assert accepted.status_code in (302, 400, 409)


def _peer_submitted(period, daklak, commune_b_reporter):
    """Another commune's complete report: the outlier rule has peers to read."""
    other = services.get_or_create_submission(period, daklak.commune_b, commune_b_reporter)
    fill(other, commune_b_reporter)
    services.submit(other, commune_b_reporter)


def test_opening_a_report_nobody_started_stays_within_its_query_budget(
    period, daklak, commune_a_reporter, commune_b_reporter, django_assert_max_num_queries
):
    _peer_submitted(period, daklak, commune_b_reporter)
    client = client_for(commune_a_reporter)
    url = reverse("reporting:report", args=[period.pk, daklak.commune_a.pk])
    # Session with user and roles; the period, the unit, its report (none yet) and whether it is expected (one
    # statement); the quarters of the year, the activity log's figures; the menu (unread notices,
    # indicators).
    with django_assert_max_num_queries(6):  # 11 before: period, unit, report and expected read apart
        response = client.get(url)
    assert response.status_code == 200 and 'id="report-version" value="0"' in response.text


def test_a_submitted_report_page_stays_within_its_query_budget(
    period, daklak, commune_a_reporter, commune_b_reporter, django_assert_max_num_queries
):
    """Read-only for its reporter and reloaded often: the peers' figures are kept between page views
    and the activity log's figures, which this page does not show, are not read."""
    _peer_submitted(period, daklak, commune_b_reporter)
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    services.submit(report, commune_a_reporter)
    client = client_for(commune_a_reporter)
    url = reverse("reporting:submission", args=[report.pk])
    client.get(url)
    # Session with user and roles, the report; the quarters of its year; its values with last year's (one
    # statement), the version of the peers' figures; attachments, state changes (its comments only once
    # returned); the menu (two).
    with django_assert_max_num_queries(9):  # 12 before: values and last year's read apart
        response = client.get(url)
    assert response.status_code == 200 and "btn-submit" not in response.text


def test_submitting_a_saved_report_stays_within_its_query_budget(
    period, daklak, commune_a_reporter, commune_b_reporter, django_assert_max_num_queries
):
    _peer_submitted(period, daklak, commune_b_reporter)
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    report.refresh_from_db()
    client = client_for(commune_a_reporter)
    client.get(reverse("reporting:submission", args=[report.pk]))
    data = {field_name(code, coc): text for (code, coc), text in COMMUNE_VALUES.items()}
    data["version"] = str(report.version)
    # Session with user and roles, the report (with its period and unit), the quarters of its year; the save
    # changed nothing, so the submission goes on in its transaction: savepoint, the report locked by
    # its version (read in this request), its values with last year's, the peers' version; the state
    # change, the report and its history, release. (18 before: the save and the submission each locked
    # and read the report and the peers' version; 20 before that: the submit read the values again.)
    with django_assert_max_num_queries(12):
        response = client.post(reverse("reporting:submit", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == State.SUBMITTED


def test_a_returned_report_shows_its_unit_the_officers_comment(
    period, daklak, focal_officer, commune_a_reporter
):
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    services.submit(report, commune_a_reporter)
    client = client_for(commune_a_reporter)
    url = reverse("reporting:submission", args=[report.pk])
    assert "return-comment-note" not in client.get(url).text
    services.return_submission(report, focal_officer, "Sửa số <liệu> xã")
    page = client.get(url).text
    note = page[page.index('id="return-comment-note"') :]
    assert "Sửa số &lt;liệu&gt; xã" in note[: note.index("</div>")] and "Nguyễn Thị Hoa" in note


def test_confirming_an_unusual_figure_stays_within_its_query_budget(
    report_a, daklak, commune_a_reporter, focal_officer, django_assert_max_num_queries
):
    _commune_a_had_120_women_taking_part_last_year(daklak, focal_officer)
    client = client_for(commune_a_reporter)
    values = {**COMMUNE_VALUES, ("TT_PARTICIPANTS", "FEMALE"): "5000"}
    client.post(reverse("reporting:submit", args=[report_a.pk]), form_data(values, 1, results="Hội thi."))
    report_a.refresh_from_db()
    confirm_url = reverse("reporting:confirm_outliers", args=[report_a.pk])
    # Session with user and roles, the report (with its period and unit), its values, last year's, the peers'
    # version (what the page asks to confirm); savepoint, the report locked by its version (what the page
    # read is not read again), the state change, the report and its history, release (17 before).
    with django_assert_max_num_queries(12):
        done = client.post(
            confirm_url, {"version": report_a.version, "confirm-TT_PARTICIPANTS__FEMALE": "yes"}
        )
    assert done.url == reverse("reporting:submission", args=[report_a.pk])
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED
    assert report_a.outlier_notes["TT_PARTICIPANTS/FEMALE"]["value"] == "5000"
