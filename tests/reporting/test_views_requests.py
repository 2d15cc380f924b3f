"""The focal officer's pages for reports at other rhythms (reporting/views/requests.py)."""

from __future__ import annotations

import datetime as dt
import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from binhdang.reporting import services
from binhdang.reporting.models import Period, PeriodKind


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def request_data(plan, daklak, **extra) -> dict:
    return {
        "plan": plan.pk,
        "kind": "adhoc",
        "title": "Báo cáo nhanh phòng, chống bạo lực gia đình",
        "deadline": "2026-12-20",
        "units": [daklak.commune_a.pk, daklak.commune_b.pk, daklak.health.pk],
        "elements": ["TT_SESSIONS"],
        "question_1": "Số vụ bạo lực gia đình đã xử lý",
        "question_1_type": "number",
        "question_1_unit": "vụ",
        "question_2": "Khó khăn chính",
        "question_2_type": "text",
        **extra,
    }


def test_the_officer_asks_three_units_and_lands_on_the_request_board(plan, period, daklak, focal_officer):
    client = client_for(focal_officer)
    page = client.get(reverse("reporting:request_open")).text
    assert "Yêu cầu đơn vị báo cáo" in page and "Xã Ea Kar" in page
    response = client.post(reverse("reporting:request_open"), request_data(plan, daklak))
    request = Period.objects.get(kind=PeriodKind.AD_HOC)
    assert response.url == reverse("reporting:board", args=[request.pk])
    assert [q["label"] for q in request.questions] == ["Số vụ bạo lực gia đình đã xử lý", "Khó khăn chính"]
    board = client.get(response.url).text
    assert "Báo cáo nhanh phòng, chống bạo lực gia đình" in board and "0/3" in board


def test_a_past_deadline_is_refused_on_the_page_and_what_was_typed_stays(plan, period, daklak, focal_officer):
    client = client_for(focal_officer)
    page = client.post(
        reverse("reporting:request_open"), request_data(plan, daklak, deadline="2026-11-01")
    ).text
    assert "Hạn nộp: 01/11/2026 đã qua" in page
    assert 'value="Số vụ bạo lực gia đình đã xử lý"' in page
    assert not Period.objects.filter(kind=PeriodKind.AD_HOC).exists()


def test_a_reporter_cannot_open_the_request_page(plan, commune_a_reporter):
    assert client_for(commune_a_reporter).get(reverse("reporting:request_open")).status_code == 403


def test_the_answers_download_has_one_row_per_unit_with_its_answers(
    plan, daklak, focal_officer, commune_a_reporter, ministry_viewer
):
    request = services.open_request(
        plan,
        focal_officer,
        title="Báo cáo nhanh",
        deadline=dt.date(2026, 12, 20),
        units=[daklak.commune_a, daklak.commune_b],
        questions=[{"label": "Số vụ", "type": "number", "unit": "vụ"}, {"label": "Ghi chú", "type": "text"}],
    )
    values = {("Q1", ""): "3", ("Q2", ""): "Đã hòa giải"}
    report = services.save_new_report(request, daklak.commune_a, values, {}, commune_a_reporter).submission
    services.submit(report, commune_a_reporter)
    response = client_for(focal_officer).get(reverse("reporting:answers_xlsx", args=[request.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
    assert rows[0] == ["Mã đơn vị", "Đơn vị", "Trạng thái", "Nộp lúc", "Số vụ (vụ)", "Ghi chú"]
    assert rows[1][:3] == ["66-C002", "Phường Buôn Ma Thuột", "Chưa bắt đầu"]
    assert rows[2][0] == "66-C001" and rows[2][4:] == [3, "Đã hòa giải"]
    # the ministry reads the figures, not what units wrote
    ministry = load_workbook(
        io.BytesIO(
            client_for(ministry_viewer).get(reverse("reporting:answers_xlsx", args=[request.pk])).content
        )
    ).active
    assert [c.value for c in ministry[3]][-1] == "Số vụ (vụ)"


def test_the_officer_opens_the_fourth_quarter_for_the_news_items(plan, period, focal_officer):
    client = client_for(focal_officer)
    assert "Mở kỳ báo cáo quý hoặc tháng" in client.get(reverse("reporting:subannual_open")).text
    data = {
        "plan": plan.pk,
        "kind": "quarterly",
        "year": 2026,
        "numbers": [4],
        "elements": ["TT_NEWS"],
        "minimum": 4,
        "deadline_days": 10,
    }
    response = client.post(reverse("reporting:subannual_open"), data)
    quarter = Period.objects.get(kind=PeriodKind.QUARTERLY)
    assert response.url == reverse("reporting:board", args=[quarter.pk])
    assert (quarter.sequence, quarter.deadline, quarter.targets) == (
        4,
        dt.date(2027, 1, 10),
        [{"code": "TT_NEWS", "minimum": 4}],
    )


def test_a_deadline_that_is_not_a_date_is_named_beside_its_field(plan, daklak, focal_officer):
    page = client_for(focal_officer).post(
        reverse("reporting:request_open"), request_data(plan, daklak, deadline="20/13/2026")
    )
    assert page.status_code == 200 and "Nhập một ngày hợp lệ." in page.text
    assert not Period.objects.filter(kind=PeriodKind.AD_HOC).exists()
