"""The ministry's path in headless Chromium (issue 18): Đắk Lắk's focal officer sends the annual
report with a signed PDF; the ministry sees it on its board, marks it received, returns it with a
comment (a blank comment is refused in Vietnamese); the officer reads the comment and sends again; the
ministry accepts. On the board, after a deadline set before the suite's day, Lai Châu shows "Chưa gửi"
and overdue; the ministry reminds it and Lai Châu's officer finds the notice. No console error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import login
from tests.core.test_journeys_readers_browser import watch_console
from tests.factories import PASSWORD

PDF = {"name": "bao-cao-da-ky.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 bao cao da ky"}


def _as(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


def _open_report(page, live_server, username: str) -> None:
    _as(page, live_server, username)
    page.get_by_role("link", name="Báo cáo gửi Bộ").first.click()
    page.get_by_role("link", name="2026", exact=True).click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_report_goes_from_the_province_to_the_ministry_and_back(
    browser_page,
    live_server,
    daklak_plan,
    laichau_plan,
    focal_officer,
    outsider,
    ministry_viewer,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = browser_page
    errors = watch_console(page)

    # the focal officer sends the annual report with the signed PDF
    _open_report(page, live_server, "focal")
    expect(page.locator("#current-state")).to_contain_text("Chưa gửi")
    page.locator("#id_signed").set_input_files(PDF)
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi báo cáo năm 2026 về Bộ (lần gửi 1)")
    expect(page.locator("#current-state")).to_contain_text("Đã gửi")

    # the ministry sees it on its board, marks it received, returns it with a comment
    _as(page, live_server, "ministry")
    page.get_by_role("link", name="Báo cáo gửi Bộ").first.click()
    row = page.locator('#board tr[data-province="66"]')
    expect(row).to_contain_text("Đã gửi")
    expect(row).to_contain_text("04/12/2026")
    row.get_by_role("link", name="Tỉnh Đắk Lắk").click()
    page.get_by_role("button", name="Đánh dấu đã tiếp nhận").click()
    expect(page.locator("#current-state")).to_contain_text("Đã tiếp nhận")
    page.get_by_role("button", name="Trả lại kèm ý kiến").click()
    expect(page.locator(".messages")).to_contain_text("Ý kiến: hãy nêu nội dung tỉnh cần sửa")
    expect(page.locator("#current-state")).to_contain_text("Đã tiếp nhận")
    page.get_by_label("Ý kiến gửi tỉnh").fill("Bổ sung chữ ký của lãnh đạo UBND tỉnh.")
    page.get_by_role("button", name="Trả lại kèm ý kiến").click()
    expect(page.locator("#current-state")).to_contain_text("Bị trả lại kèm ý kiến")

    # the officer reads the comment and sends again: version 2, version 1 kept
    _open_report(page, live_server, "focal")
    expect(page.locator("#return-comment")).to_contain_text("Bổ sung chữ ký của lãnh đạo UBND tỉnh.")
    page.locator("#id_signed").set_input_files({**PDF, "name": "bao-cao-da-ky-lan-2.pdf"})
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".messages")).to_contain_text("lần gửi 2")
    expect(page.locator("section[data-version]")).to_have_count(2)

    # the ministry accepts; sets the deadline before today; the board shows who is late
    _as(page, live_server, "ministry")
    page.get_by_role("link", name="Báo cáo gửi Bộ").first.click()
    page.locator('#board tr[data-province="66"]').get_by_role("link", name="Tỉnh Đắk Lắk").click()
    page.get_by_role("button", name="Chấp nhận báo cáo").click()
    expect(page.locator("#current-state")).to_contain_text("Đã chấp nhận")
    page.get_by_role("link", name="Báo cáo gửi Bộ").first.click()
    expect(page.locator('#board tr[data-province="66"]')).to_contain_text("Đã chấp nhận")
    page.get_by_label("Hạn gửi của năm (dd/mm/yyyy)").fill("03/12/2026")
    page.get_by_role("button", name="Đặt hạn gửi").click()
    expect(page.locator("#deadline")).to_have_text("03/12/2026")
    laichau_row = page.locator('#board tr[data-province="12"]')
    expect(laichau_row).to_contain_text("Chưa gửi")
    expect(laichau_row).to_contain_text("Quá hạn")
    page.get_by_label("Chỉ tỉnh trễ hạn").check()
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("#board tbody tr[data-late]")).to_have_count(2)  # Lai Châu; Đắk Lắk first sent 04/12
    laichau_row.get_by_role("checkbox").check()
    page.get_by_role("button", name="Nhắc các tỉnh đã chọn").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi nhắc nhở đến 1 tỉnh: Tỉnh Lai Châu")
    expect(page.locator('#board tr[data-province="12"] .reminded')).to_have_text("đã nhắc ngày 04/12/2026")

    # Lai Châu's officer finds the reminder among the notifications
    _as(page, live_server, "outsider")
    page.goto(live_server.url + "/reporting/notifications/")
    expect(page.locator("main")).to_contain_text(
        "Bộ Nội vụ đề nghị Tỉnh Lai Châu gửi báo cáo năm 2026 (hạn 03/12/2026)"
    )
    assert not errors, errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_leader_reads_the_province_sending_and_a_reporter_has_no_way_in(
    browser_page, live_server, daklak_plan, focal_officer, leader, commune_a_reporter, settings, tmp_path
):
    from binhdang.ministry import services
    from tests.ministry.conftest import signed_pdf

    settings.MEDIA_ROOT = tmp_path / "media"
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf(), "Kính gửi Bộ Nội vụ")
    page = browser_page
    errors = watch_console(page)
    _as(page, live_server, "leader")
    page.get_by_role("link", name="Báo cáo gửi Bộ").first.click()
    expect(page.locator("main")).to_contain_text("2026: Đã gửi")
    page.get_by_role("link", name="2026", exact=True).click()
    expect(page.locator("#current-state")).to_contain_text("Đã gửi")
    expect(page.locator("section[data-version='1']")).to_contain_text("Kính gửi Bộ Nội vụ")
    expect(page.get_by_role("button", name="Gửi báo cáo")).to_have_count(0)
    expect(page.get_by_role("button", name="Chấp nhận báo cáo")).to_have_count(0)
    signed = page.request.get(live_server.url + f"/ministry/reports/{report.pk}/signed/")
    assert signed.status == 200 and signed.body() == b"%PDF-1.4 bao cao da ky"

    _as(page, live_server, "reporter_a")
    expect(page.get_by_role("link", name="Báo cáo gửi Bộ")).to_have_count(0)
    assert page.goto(live_server.url + f"/ministry/plans/{daklak_plan.pk}/2026/").status == 403
    assert not errors, errors
