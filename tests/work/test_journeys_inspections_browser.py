"""Browser journeys of inspections and of editing tasks: the focal officer records an inspection (a done
date before the planned one refused, the typing kept), assigns a follow-up item (a deadline before the
inspection refused), corrects a task and adds one; the inspected commune's reporter, on a phone, finds the
inspection on its home and unit pages and marks its follow-up item done; the leader reads and changes
nothing. No page logs a console error."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.work import inspections
from tests.browser import login
from tests.factories import PASSWORD
from tests.work.test_journeys_browser import PHONE, watch_console


@pytest.fixture
def inspection(plan, daklak, focal_officer):
    return inspections.record(
        plan,
        focal_officer,
        {"kind": "supervision", "title": "Giám sát xã Ea Kar", "units": [daklak.commune_a],
         "planned_date": dt.date(2026, 9, 1), "done_date": dt.date(2026, 9, 3),
         "findings": "Chưa có câu lạc bộ thủ lĩnh của sự thay đổi."},
        [{"text": "Thành lập câu lạc bộ", "unit": daklak.commune_a, "deadline": dt.date(2026, 12, 31)}],
    )  # fmt: skip


@pytest.mark.browser
def test_the_focal_officer_records_an_inspection_with_a_follow_up_and_corrects_a_task(
    browser_page, live_server, plan, daklak, focal_officer
):
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "focal", PASSWORD)
    page.get_by_role("link", name="Kiểm tra, giám sát").first.click()
    page.get_by_role("link", name="Ghi nhận cuộc kiểm tra, giám sát").click()
    page.get_by_label("Loại").select_option("inspection")
    page.get_by_label("Nội dung kiểm tra").fill("Kiểm tra việc thực hiện Kế hoạch tại xã Ea Kar")
    page.get_by_label("Đơn vị được kiểm tra").select_option(str(daklak.commune_a.pk))
    page.get_by_label("Ngày dự kiến").fill("2026-10-15")
    page.get_by_label("Ngày thực hiện").fill("2026-10-10")
    page.get_by_label("Cơ quan chủ trì đoàn").select_option(str(daklak.noi_vu.pk))
    page.get_by_label("Kết quả kiểm tra").fill("Hương ước thôn 3 chưa sửa đổi.")
    page.get_by_role("button", name="Lưu cuộc kiểm tra").click()
    alert = page.get_by_role("alert").first
    assert "Ngày thực hiện 10/10/2026 trước ngày dự kiến 15/10/2026" in alert.inner_text()
    assert page.get_by_label("Kết quả kiểm tra").input_value() == "Hương ước thôn 3 chưa sửa đổi."
    page.get_by_label("Ngày thực hiện").fill("2026-10-16")
    page.get_by_role("button", name="Lưu cuộc kiểm tra").click()
    page.wait_for_url("**/work/inspections/*/")
    assert "Đã ghi nhận cuộc kiểm tra, giám sát." in page.content()
    form = page.locator("#follow-up-form")
    form.get_by_label("Việc khắc phục").fill("Sửa đổi hương ước thôn 3")
    form.get_by_label("Đơn vị thực hiện").select_option(str(daklak.commune_a.pk))
    form.get_by_label("Hạn hoàn thành").fill("2026-10-01")
    form.get_by_role("button", name="Giao việc khắc phục").click()
    assert (
        "Hạn hoàn thành 01/10/2026 trước ngày kiểm tra 16/10/2026"
        in page.get_by_role("alert").first.inner_text()
    )
    form = page.locator("#follow-up-form")
    assert form.get_by_label("Việc khắc phục").input_value() == "Sửa đổi hương ước thôn 3"
    form.get_by_label("Hạn hoàn thành").fill("2026-12-20")
    form.get_by_role("button", name="Giao việc khắc phục").click()
    page.wait_for_url("**/work/inspections/*/")
    items = page.locator("#follow-ups").inner_text()
    assert "Sửa đổi hương ước thôn 3" in items and "20/12/2026" in items and "Chưa thực hiện" in items
    # a task of the plan, corrected
    page.goto(live_server.url + reverse("work:tasks", args=[plan.slug]))
    page.get_by_role("link", name="1.a. Tuyên truyền trên báo chí").click()
    page.get_by_role("link", name="Sửa nhiệm vụ").click()
    page.locator("#id_title").fill("Tuyên truyền trên báo in và báo điện tử")
    page.get_by_label("Cơ quan phối hợp").select_option(str(daklak.womens_union.pk))
    page.get_by_label("Hạn hoàn thành nhiệm vụ").fill("2026-12-31")
    page.get_by_role("button", name="Lưu nhiệm vụ").click()
    page.wait_for_url("**/work/tasks/*/")
    assert "Đã lưu nhiệm vụ." in page.content()
    assert page.locator("#task-due").inner_text() == "31/12/2026"
    history = page.locator("#task-history").inner_text()
    assert "Tuyên truyền trên báo chí" in history and "Tuyên truyền trên báo in và báo điện tử" in history
    # and a task the plan's text did not give, added from the list
    page.goto(live_server.url + reverse("work:tasks", args=[plan.slug]))
    page.get_by_role("link", name="Thêm nhiệm vụ").click()
    page.locator("#id_code").fill("1.a")
    page.locator("#id_title").fill("Kiểm tra việc thực hiện tại các xã")
    page.get_by_role("button", name="Lưu nhiệm vụ").click()
    assert "Kế hoạch đã có nhiệm vụ 1.a." in page.get_by_role("alert").first.inner_text()
    page.locator("#id_code").fill("3.a")
    page.get_by_role("button", name="Lưu nhiệm vụ").click()
    page.wait_for_url("**/work/tasks/*/")
    assert "3.a. Kiểm tra việc thực hiện tại các xã" in page.locator("h1").inner_text()
    assert not errors, errors


@pytest.mark.browser
def test_the_inspected_commune_marks_its_follow_up_done_on_a_phone(
    browser_page, live_server, plan, daklak, inspection, commune_a_reporter
):
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_a", PASSWORD)
    assert "Thành lập câu lạc bộ" in page.locator(f"#follow-ups-{plan.pk}").inner_text()
    page.goto(live_server.url + reverse("orgunits:unit", args=[daklak.commune_a.code]))
    unit_box = page.locator("#unit-inspections")
    assert "Giám sát xã Ea Kar" in unit_box.inner_text()
    assert unit_box.bounding_box()["width"] <= 390
    unit_box.get_by_role("link", name="Thành lập câu lạc bộ").click()
    page.wait_for_url("**/work/follow-ups/*/")
    assert page.locator("#id_deadline").count() == 0  # the unit does not move its deadline
    page.locator("#id_status").select_option("done")
    page.get_by_label("Nội dung tiến độ").fill("Đã ra mắt câu lạc bộ ngày 20/11/2026.")
    save = page.get_by_role("button", name="Lưu việc khắc phục")
    assert save.bounding_box()["height"] >= 44
    save.click()
    page.wait_for_url("**/work/inspections/*/")
    assert "Đã lưu việc khắc phục." in page.content()
    assert "Hoàn thành" in page.locator("#follow-ups").inner_text()
    assert not errors, errors


@pytest.mark.browser
def test_the_leader_reads_the_inspections_and_changes_nothing(
    browser_page, live_server, plan, inspection, leader
):
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "leader", PASSWORD)
    page.get_by_role("link", name="Kiểm tra, giám sát").first.click()
    page.get_by_role("link", name="Giám sát xã Ea Kar").click()
    assert "Chưa có câu lạc bộ thủ lĩnh của sự thay đổi." in page.locator("#inspection-findings").inner_text()
    assert page.locator("#edit-inspection").count() == 0 and page.locator("#follow-up-form").count() == 0
    assert page.locator("#follow-ups").get_by_role("link", name="Cập nhật").count() == 0
    assert not errors, errors
    # the page to correct it is refused (the browser logs the 403 itself)
    response = page.goto(live_server.url + reverse("work:inspection_edit", args=[inspection.pk]))
    assert response.status == 403
