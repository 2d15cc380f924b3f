"""In headless Chromium: the focal officer uploads the national strategy plan (seed 003, 20 indicators)
as Word, reviews it on one short page editing items in place, and puts it in force."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from binhdang.plans.models import Plan
from tests.browser import login
from tests.factories import PASSWORD
from tests.plans.docx_render import render_docx
from tests.plans.samples import seed_path

#: The review page of seed 003 was about 19,600 px tall with 512 form fields before it was rebuilt.
MAX_HEIGHT = 8000


def _indicator(page, plan: Plan, code: str):
    return page.locator(f"#indicator-{plan.indicators.get(code=code).pk}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_focal_officer_reviews_the_strategy_plan_in_place_and_puts_it_in_force(
    browser_page, live_server, focal_officer, daklak, tmp_path
):
    from playwright.sync_api import expect

    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    document = tmp_path / "chien-luoc-binh-dang-gioi.docx"
    document.write_bytes(render_docx(seed_path("003").read_text(encoding="utf-8")))
    login(page, live_server, "focal", PASSWORD)

    page.goto(live_server.url + reverse("plans:upload"))
    page.get_by_label("Văn bản kế hoạch").set_input_files(str(document))
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc kế hoạch").click()

    plan = Plan.objects.get()
    expect(page.get_by_role("heading", name="Kiểm tra nội dung kế hoạch đã đọc")).to_be_visible()
    assert page.locator(".review-indicator").count() == 20
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_HEIGHT, height
    fields = page.locator("main input:not([type=hidden]), main select, main textarea").count()
    assert fields == 0, fields

    # A warning beside the indicator it concerns.
    expect(_indicator(page, plan, "5.1").locator(".item-warning")).to_contain_text(
        "không đọc được số liệu của chỉ tiêu 5.1"
    )

    # The text of an indicator, in place.
    sex_ratio = _indicator(page, plan, "4.1")
    sex_ratio.get_by_role("link", name="Sửa 4.1").click()
    sex_ratio.get_by_label("Chỉ tiêu", exact=True).fill(
        "- Chỉ tiêu 1: Tỷ số giới tính khi sinh ở mức 104 - 107"
    )
    sex_ratio.get_by_role("button", name="Lưu").click()
    expect(sex_ratio.locator(".indicator-text")).to_contain_text("Tỷ số giới tính khi sinh ở mức 104 - 107")
    expect(sex_ratio.locator(".indicator-text mark").first).to_have_text("104 - 107")

    # A target's value, refused first (not a number), then saved.
    wage = _indicator(page, plan, "2.1")
    wage.get_by_role("link", name=re.compile(r"^Sửa .*45")).click()
    wage.get_by_label("Giá trị").fill("bốn mươi")
    wage.get_by_role("button", name="Lưu").click()
    expect(wage.get_by_role("alert")).to_contain_text("“bốn mươi” không phải là số")
    wage.get_by_label("Giá trị").fill("47,5")
    wage.get_by_role("button", name="Lưu").click()
    expect(wage.locator(".target-value")).to_contain_text("47,5%")

    # A target added, another removed.
    degrees = _indicator(page, plan, "5.4")
    degrees.get_by_role("link", name="Thêm mức cần đạt 5.4").click()
    degrees.get_by_label("Giá trị").fill("40")
    degrees.get_by_label("Năm", exact=True).fill("2028")
    degrees.get_by_role("button", name="Lưu").click()
    expect(degrees.locator(".target-value")).to_have_count(3)
    violence = _indicator(page, plan, "3.2")
    violence.get_by_role("link", name=re.compile(r"^Xóa .*70")).click()
    violence.get_by_role("button", name="Xóa").click()
    expect(violence.locator(".target-value")).to_have_count(1)

    # Responsible agencies of an indicator.
    mortality = _indicator(page, plan, "4.2")
    mortality.get_by_role("link", name="Thay đổi 4.2").click()
    mortality.get_by_label("Hội Liên hiệp Phụ nữ tỉnh").check()
    mortality.get_by_role("button", name="Lưu").click()
    expect(mortality.locator(".responsible")).to_contain_text("Hội Liên hiệp Phụ nữ tỉnh")

    # An agency's duties.
    page.locator("#duties > summary").click()
    duty = page.locator(".review-duty").first
    duty.get_by_role("link", name=re.compile("^Sửa")).click()
    duty.get_by_label("Nhiệm vụ, mỗi dòng một nhiệm vụ").fill("Tổng hợp báo cáo trước ngày 10/12 hằng năm")
    duty.get_by_role("button", name="Lưu").click()
    expect(duty).to_contain_text("Tổng hợp báo cáo trước ngày 10/12 hằng năm")

    # A task's lead agency.
    page.locator("#tasks > summary").click()
    task = page.locator(".review-task").nth(1)
    task.get_by_role("link", name=re.compile("^Giao cơ quan chủ trì")).click()
    task.get_by_label("Cơ quan chủ trì", exact=True).select_option(label="Sở Y tế")
    task.get_by_role("button", name="Lưu").click()
    expect(task).to_contain_text("Sở Y tế")

    with page.expect_navigation():
        page.get_by_role("button", name="Đưa kế hoạch vào thực hiện").click()

    plan.refresh_from_db()
    assert page.url == live_server.url + plan.get_absolute_url()
    assert plan.status == "active"
    assert plan.indicators.get(code="4.1").text == "Tỷ số giới tính khi sinh ở mức 104 - 107"
    assert [str(t.value) for t in plan.indicators.get(code="2.1").targets.all()] == ["47.5000"]
    assert plan.indicators.get(code="5.4").targets.count() == 3
    assert plan.indicators.get(code="3.2").targets.count() == 1
    assert plan.tasks.filter(lead__name="Sở Y tế").count() == 1
    assert errors == []
