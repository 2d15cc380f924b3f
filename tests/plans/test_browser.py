"""In headless Chromium: the focal officer uploads a plan, corrects its title on the review page, puts it
in force, and sees the plan."""

from __future__ import annotations

import pytest
from django.urls import reverse

from binhdang.plans.models import Plan
from tests.browser import login
from tests.factories import PASSWORD
from tests.plans.docx_render import render_docx
from tests.plans.samples import seed_path

NEW_TITLE = "Kế hoạch truyền thông về bình đẳng giới tỉnh Đắk Lắk 2026 - 2030 (đã rà soát)"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_upload_review_edit_put_in_force_then_the_plan_page_shows_it(
    browser_page, live_server, focal_officer, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    document = tmp_path / "ke-hoach-truyen-thong.docx"
    document.write_bytes(render_docx(seed_path("000").read_text(encoding="utf-8")))
    login(page, live_server, "focal", PASSWORD)

    page.goto(live_server.url + reverse("plans:list"))
    with page.expect_navigation():
        page.get_by_role("link", name="Tải lên kế hoạch").click()
    page.get_by_label("Văn bản kế hoạch").set_input_files(str(document))
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc kế hoạch").click()

    expect(page.get_by_role("heading", name="Kiểm tra nội dung kế hoạch đã đọc")).to_be_visible()
    expect(page.get_by_text("Hằng năm, 100% sở, ban, ngành, đơn vị, địa phương").first).to_be_visible()
    expect(page.locator(".item-warning").first).to_contain_text("Số kế hoạch để trống")
    page.get_by_role("link", name="Sửa trích yếu, số, ngày hoặc thời gian").click()
    page.get_by_label("Trích yếu").fill(NEW_TITLE)
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".facts")).to_contain_text(NEW_TITLE)
    with page.expect_navigation():
        page.get_by_role("button", name="Đưa kế hoạch vào thực hiện").click()

    plan = Plan.objects.get()
    assert page.url == live_server.url + plan.get_absolute_url()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    expect(page.locator(".badge-ok").first).to_have_text("Đang thực hiện")
    with page.expect_navigation():
        page.get_by_role("link", name="Chỉ tiêu và lộ trình").click()
    expect(page.get_by_role("cell", name="1790.4")).to_be_visible()
    assert plan.status == "active" and plan.indicators.count() == 5


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_plan_uploaded_twice_is_recognised_and_linked(
    browser_page, live_server, focal_officer, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    document = tmp_path / "ke-hoach-truyen-thong.docx"
    document.write_bytes(render_docx(seed_path("000").read_text(encoding="utf-8")))
    login(page, live_server, "focal", PASSWORD)

    def upload() -> None:
        page.goto(live_server.url + reverse("plans:upload"))
        page.get_by_label("Văn bản kế hoạch").set_input_files(str(document))
        with page.expect_navigation():
            page.get_by_role("button", name="Đọc kế hoạch").click()

    upload()  # a draft plan, reviewed on its page
    expect(page.locator("#duplicate-notice")).to_have_count(0)
    plan = Plan.objects.get()

    upload()  # the same file again: recognised, linked, no identical copy offered
    notice = page.locator("#duplicate-notice")
    expect(notice).to_contain_text("Tệp này đã được nhập cho Tỉnh Đắk Lắk thành kế hoạch")
    expect(notice).to_contain_text("không khác gì kế hoạch đó")
    expect(page.get_by_role("button", name="Nhập thành phiên bản mới của kế hoạch đã nhập")).to_have_count(0)
    assert Plan.objects.count() == 1
    with page.expect_navigation():
        page.locator("#duplicate-link").click()
    assert page.url == live_server.url + plan.get_absolute_url()
    assert errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_decompression_bomb_uploaded_as_a_plan_is_refused_in_vietnamese(
    browser_page, live_server, focal_officer, tmp_path
):
    from playwright.sync_api import expect

    from binhdang.plans.models import PlanImport
    from tests.hostile import docx_bomb

    page = browser_page
    document = tmp_path / "ke-hoach-bom.docx"
    document.write_bytes(docx_bomb())
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("plans:upload"))
    page.get_by_label("Văn bản kế hoạch").set_input_files(str(document))
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc kế hoạch").click()

    refusal = page.get_by_text("Tệp “ke-hoach-bom.docx” bị từ chối: phần word/document.xml khi giải nén")
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("156,0")
    assert not PlanImport.objects.exists()
