"""The pages of inspections (``work/inspection_views.py``), the unit's page and the home pages' share."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.work import inspections
from binhdang.work.inspection_models import FollowUp, FollowUpStatus, Inspection


def form(daklak, **extra) -> dict:
    return {
        "kind": "inspection",
        "title": "Kiểm tra xã Ea Kar năm 2026",
        "units": [daklak.commune_a.pk],
        "planned_date": "2026-10-15",
        "done_date": "2026-10-20",
        "lead_agency": daklak.noi_vu.pk,
        "team": "Sở Nội vụ, Hội LHPN tỉnh",
        "findings": "Hương ước thôn 3 chưa sửa đổi.",
        "recommendations": "Sửa hương ước.",
    } | extra


@pytest.fixture
def inspection(plan, daklak, focal_officer):
    return inspections.record(
        plan,
        focal_officer,
        {
            "kind": "supervision",
            "title": "Giám sát xã Ea Kar",
            "units": [daklak.commune_a],
            "planned_date": dt.date(2026, 9, 1),
            "done_date": dt.date(2026, 9, 3),
            "findings": "Chưa có mô hình.",
        },
        [
            {"text": "Xây dựng mô hình", "unit": daklak.commune_a, "deadline": dt.date(2026, 11, 1)},
            {"text": "Báo cáo Sở", "unit": daklak.health, "deadline": dt.date(2026, 12, 31)},
        ],
    )


def test_the_focal_officer_records_an_inspection_from_the_form(client, plan, daklak, focal_officer):
    client.force_login(focal_officer)
    response = client.post(reverse("work:inspection_new", args=[plan.slug]), form(daklak))
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and response.url == reverse("work:inspection", args=[inspection.pk])
    page = client.get(response.url).content.decode()
    assert "Kiểm tra xã Ea Kar năm 2026" in page and "Hương ước thôn 3 chưa sửa đổi." in page


def test_a_done_date_before_the_planned_date_is_refused_on_the_form_and_the_typing_kept(
    client, plan, daklak, focal_officer
):
    client.force_login(focal_officer)
    response = client.post(
        reverse("work:inspection_new", args=[plan.slug]), form(daklak, done_date="2026-10-01")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ngày thực hiện 01/10/2026 trước ngày dự kiến 15/10/2026" in page
    assert "Hương ước thôn 3 chưa sửa đổi." in page
    assert not Inspection.objects.exists()


def test_a_deadline_before_the_inspection_is_refused_on_the_inspection_page(
    client, inspection, daklak, focal_officer
):
    client.force_login(focal_officer)
    response = client.post(
        reverse("work:follow_up_new", args=[inspection.pk]),
        {"text": "Sửa hương ước", "unit": daklak.commune_a.pk, "deadline": "2026-08-01"},
    )
    assert response.status_code == 200
    assert "Hạn hoàn thành 01/08/2026 trước ngày kiểm tra 03/09/2026" in response.content.decode()
    assert inspection.follow_ups.count() == 2


def test_the_list_filters_by_year_and_status(client, plan, inspection, daklak, focal_officer):
    inspections.record(
        plan,
        focal_officer,
        {"kind": "inspection", "title": "Kiểm tra năm 2027", "units": [daklak.commune_b],
         "planned_date": dt.date(2027, 4, 1)},
    )  # fmt: skip
    client.force_login(focal_officer)
    url = reverse("work:inspections", args=[plan.slug])
    page = client.get(url, {"year": "2027"}).content.decode()
    assert "Kiểm tra năm 2027" in page and "Giám sát xã Ea Kar" not in page
    page = client.get(url, {"status": "open"}).content.decode()
    assert "Giám sát xã Ea Kar" in page and "Kiểm tra năm 2027" not in page


def test_the_commune_reporter_marks_its_follow_up_done_but_cannot_change_its_deadline(
    client, inspection, commune_a_reporter
):
    item = inspection.follow_ups.get(unit__name="Xã Ea Kar")
    client.force_login(commune_a_reporter)
    page = client.get(reverse("work:follow_up", args=[item.pk])).content.decode()
    assert 'name="status"' in page and 'name="deadline"' not in page
    response = client.post(
        reverse("work:follow_up", args=[item.pk]),
        {"status": "done", "note": "Đã xây dựng mô hình", "deadline": "2027-06-01"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == FollowUpStatus.DONE and item.deadline == dt.date(2026, 11, 1)


def test_the_unit_page_lists_the_units_inspections_and_only_its_follow_ups(
    client, inspection, daklak, commune_a_reporter
):
    client.force_login(commune_a_reporter)
    page = client.get(reverse("orgunits:unit", args=[daklak.commune_a.code])).content.decode()
    assert "Giám sát xã Ea Kar" in page and "Xây dựng mô hình" in page and "Báo cáo Sở" not in page


def test_the_officers_home_shows_overdue_follow_ups_and_the_units_home_its_open_ones(
    client, inspection, focal_officer, commune_a_reporter, department_reporter
):
    client.force_login(focal_officer)
    page = client.get(reverse("core:home")).content.decode()
    assert "1 việc khắc phục sau kiểm tra đã quá hạn" in page and "Xây dựng mô hình" in page
    client.force_login(department_reporter)
    page = client.get(reverse("core:home")).content.decode()
    assert "Việc khắc phục sau kiểm tra giao cho đơn vị" in page and "Báo cáo Sở" in page
    assert "Xây dựng mô hình" not in page


def test_the_officer_withdraws_a_follow_up(client, inspection, focal_officer):
    item = inspection.follow_ups.first()
    client.force_login(focal_officer)
    response = client.post(reverse("work:follow_up_remove", args=[item.pk]))
    assert response.status_code == 302
    assert not FollowUp.objects.filter(pk=item.pk).exists()


def test_removing_an_inspection_with_follow_ups_sends_the_officer_back_with_the_reason(
    client, inspection, focal_officer
):
    client.force_login(focal_officer)
    response = client.post(reverse("work:inspection_remove", args=[inspection.pk]), follow=True)
    assert "hãy rút các việc này trước khi xóa" in response.content.decode()
    assert Inspection.objects.filter(pk=inspection.pk).exists()
