"""In headless Chromium: on the review page of the strategy plan, the focal officer reads who must
report ("Sở, ban, ngành, ..., Xã, phường, đặc khu" by 10/12) and corrects it in place (htmx)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from binhdang.plans.models import Plan
from tests.browser import login
from tests.factories import PASSWORD
from tests.plans.samples import seed_path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_focal_officer_corrects_who_must_report_in_place(
    browser_page, live_server, client, focal_officer, daklak
):
    from playwright.sync_api import expect

    client.force_login(focal_officer)
    text = seed_path("003").read_text(encoding="utf-8")
    client.post(
        reverse("plans:upload"),
        {"province": daklak.root.pk, "file": SimpleUploadedFile("003.txt", text.encode())},
    )
    plan = Plan.objects.get()
    obligation = plan.obligations.get(recurrence="annual")
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("plans:review_plan", args=[plan.slug]))
    page.locator("#deadlines summary").click()
    item = page.locator(f"#obligation-{obligation.pk}")
    expect(item).to_contain_text("10/12")
    expect(item).to_contain_text("Xã, phường, đặc khu")
    item.get_by_role("link", name="Sửa").click()
    form = page.locator(f"#obligation-{obligation.pk} form")
    form.get_by_label("Tổ chức chính trị - xã hội").uncheck()
    form.get_by_label("Cơ quan báo chí").check()
    form.get_by_role("button", name="Lưu").click()
    expect(page.locator(f"#obligation-{obligation.pk} form")).to_have_count(0)
    obligation.refresh_from_db()
    assert obligation.reporter_kinds == ["department", "media", "commune"]
    expect(page.locator(f"#obligation-{obligation.pk}")).to_contain_text("Cơ quan báo chí")
