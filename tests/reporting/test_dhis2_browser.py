"""Browser walk of the DHIS2 pieces (issue 19), as the focal officer: give the province and a commune
their DHIS2 uids on the unit pages, download the period's reports for DHIS2 (JSON and ADX) from the
status board, import the ADX file again and read the import summary (everything ignored); and as a
commune reporter (phone-sized): import their own file twice and see the values counted as ignored."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from binhdang.reporting.datavaluesets import import_data_value_sets
from tests.browser import login
from tests.factories import PASSWORD

from .test_datavaluesets import a_set, good_file


@pytest.mark.browser
def test_the_focal_officer_maps_uids_downloads_for_dhis2_and_reimports_adx(
    browser_page, live_server, period, focal_officer, tmp_path
):
    import_data_value_sets(good_file(), focal_officer)
    page = browser_page
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("orgunits:unit", kwargs={"code": "66-C001"}))
    with page.expect_navigation():
        page.get_by_role("link", name="Sửa mã uid DHIS2").click()
    page.get_by_label("Mã uid DHIS2").fill("Ea-Kar")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu mã uid DHIS2").click()
    assert page.get_by_text("không phải là mã uid DHIS2").first.is_visible()
    page.get_by_label("Mã uid DHIS2").fill("EaKar000001")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu mã uid DHIS2").click()
    assert page.get_by_text("EaKar000001").first.is_visible()

    page.goto(live_server.url + reverse("reporting:board", kwargs={"pk": period.pk}))
    with page.expect_download() as caught:
        page.get_by_role("link", name="Cho DHIS2 (JSON)").click()
    data = json.loads(caught.value.path().read_text(encoding="utf-8"))
    assert {v["orgUnit"] for v in data["dataValues"]} == {"66-C001", "66-C002", "66-D06"}
    with page.expect_download() as caught:
        page.get_by_role("link", name="Cho DHIS2 (ADX)").click()
    adx = tmp_path / caught.value.suggested_filename
    caught.value.save_as(adx)
    assert adx.name.endswith(".adx.xml")

    page.goto(live_server.url + reverse("reporting:data_import"))
    page.locator("input[type=file]").set_input_files(str(adx))
    with page.expect_navigation():
        page.get_by_role("button", name="Nhập", exact=True).click()
    assert page.get_by_text("0 nhập mới, 0 cập nhật").is_visible()


@pytest.mark.browser
def test_the_focal_officer_imports_the_same_file_twice_on_a_phone_and_sees_the_values_ignored(
    browser_page, live_server, period, focal_officer, tmp_path
):
    # The JSON import page is the focal officer's tool (reporters use the form or the Excel template).
    path = tmp_path / "xa-ea-kar.json"
    path.write_text(json.dumps(a_set(complete=None)), encoding="utf-8")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "focal", PASSWORD)
    for expected in ("14 nhập mới", "14 bỏ qua"):
        page.goto(live_server.url + reverse("reporting:data_import"))
        page.locator("input[type=file]").set_input_files(str(path))
        with page.expect_navigation():
            page.get_by_role("button", name="Nhập", exact=True).click()
        assert page.get_by_text(expected).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
