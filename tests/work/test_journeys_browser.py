"""Browser journeys of the year's work: a commune reporter records an activity on a phone in under a
minute (a date outside the plan refused, corrected, saved, listed); the health department's reporter
adds a progress update to the task it leads; the focal officer sees the late task and the activity
totals; the leader sees the task completion on the home page. No page logs a console error."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.urls import reverse

from binhdang.work import activities
from tests.browser import login
from tests.factories import PASSWORD

PHONE = {"width": 390, "height": 844}


def watch_console(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


@pytest.mark.browser
def test_a_commune_reporter_records_an_activity_on_a_phone_in_under_a_minute(
    browser_page, live_server, plan, commune_a_reporter
):
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(PHONE)
    started = time.monotonic()
    login(page, live_server, "reporter_a", PASSWORD)
    page.get_by_role("link", name="Ghi nhận hoạt động").first.click()
    page.wait_for_url("**/activities/new/")
    page.get_by_label("Loại hoạt động").select_option("action_month")
    page.locator("#id_date").fill("2025-11-20")
    page.get_by_label("Địa điểm").fill("Nhà văn hoá buôn Ea Kar")
    page.get_by_label("Đợt cao điểm").select_option(label="Tháng hành động vì bình đẳng giới")
    page.get_by_label("Số người tham gia là nam").fill("18")
    page.get_by_label("Số người tham gia là nữ").fill("42")
    page.get_by_label("Ngân sách nhà nước (đồng)").fill("1500000")
    page.get_by_label("Ảnh hoặc tài liệu").set_input_files(
        [{"name": "hoi-nghi.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff anh hoi nghi"}]
    )
    page.get_by_role("button", name="Lưu hoạt động").click()
    refused = page.get_by_role("alert").first
    assert (
        "Ngày 20/11/2025 nằm ngoài thời gian của kế hoạch (từ 01/01/2026 đến 31/12/2030)."
        in refused.inner_text()
    )
    assert page.get_by_label("Địa điểm").input_value() == "Nhà văn hoá buôn Ea Kar"  # nothing typed is lost
    assert "Các tệp đã chọn chưa được lưu: hãy chọn lại." in page.content()
    page.locator("#id_date").fill("2026-11-20")
    page.get_by_label("Ảnh hoặc tài liệu").set_input_files(
        [{"name": "hoi-nghi.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff anh hoi nghi"}]
    )
    page.get_by_role("button", name="Lưu hoạt động").click()
    page.wait_for_url(f"**{reverse('work:activities', args=[plan.slug])}")
    assert "Đã ghi nhận hoạt động." in page.content()
    row = page.locator("#activities tbody tr").first
    assert "20/11/2026" in row.inner_text() and "Nhà văn hoá buôn Ea Kar" in row.inner_text()
    assert time.monotonic() - started < 60
    row.get_by_role("link").click()
    assert "hoi-nghi.jpg" in page.locator("#activity-files").inner_text()
    # the inputs are phone-sized: the place field spans the screen, the button is large
    page.goto(live_server.url + reverse("work:activity_new", args=[plan.slug]))
    assert page.get_by_label("Địa điểm").bounding_box()["width"] > 300
    assert page.get_by_role("button", name="Lưu hoạt động").bounding_box()["height"] >= 44
    assert not errors, errors


@pytest.mark.browser
def test_the_department_reporter_adds_a_progress_update_to_its_task(
    browser_page, live_server, plan, department_reporter
):
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_health", PASSWORD)
    page.get_by_role("link", name="1.a. Tuyên truyền trên báo chí").click()
    page.wait_for_url("**/work/tasks/*/")
    page.locator("#id_status").select_option("in_progress")
    page.get_by_label("Nội dung tiến độ").fill("Đã đăng 4 tin bài trên trang thông tin điện tử của Sở.")
    page.get_by_role("button", name="Lưu cập nhật").click()
    page.wait_for_load_state()
    assert "Đã lưu cập nhật tiến độ." in page.content()
    assert "Đã đăng 4 tin bài" in page.locator("#updates").inner_text()
    assert page.locator("#task-status").inner_text() == "đang thực hiện"
    assert not errors, errors


@pytest.mark.browser
def test_the_focal_officer_sees_the_late_task_and_the_activity_totals(
    browser_page, live_server, plan, daklak, focal_officer, commune_a_reporter, commune_b_reporter
):
    day = dt.date(2026, 11, 20)
    activities.record(plan, daklak.commune_a, commune_a_reporter,
                      {"type": "communication", "date": day, "place": "Thôn 1", "male": 10, "female": 20})  # fmt: skip
    activities.record(plan, daklak.commune_b, commune_b_reporter,
                      {"type": "training", "date": day, "place": "Phường", "male": 5, "female": 7,
                       "budget_state": 2_000_000})  # fmt: skip
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "focal", PASSWORD)
    attention = page.locator(f"#attention-{plan.pk}")
    assert "1.b. Xây dựng kế hoạch triển khai" in attention.inner_text() and "chậm" in attention.inner_text()
    page.get_by_role("link", name="Sổ hoạt động").first.click()
    assert page.locator("#total-count").inner_text() == "2"
    assert page.locator("#total-people").inner_text() == "42 (nam 15, nữ 27)"
    page.get_by_label("Loại").select_option("training")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state()
    assert page.locator("#total-count").inner_text() == "1"
    assert "2.000.000" in page.locator("#total-budget").inner_text()
    page.goto(live_server.url + reverse("work:tasks", args=[plan.slug]) + "?late=1")
    assert page.locator("#tasks tbody tr").count() == 1
    assert not errors, errors


@pytest.mark.browser
def test_the_leader_sees_task_completion_on_the_home_page(browser_page, live_server, plan, leader):
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "leader", PASSWORD)
    assert page.locator(f"#task-completion-{plan.pk}").inner_text() == "0 / 3"
    assert not errors, errors
