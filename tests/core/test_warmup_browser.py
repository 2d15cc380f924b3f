"""In headless Chromium, in Vietnamese: every kind of user's pages are served from what the warm-up
made before the first request (``core.warmup``), as a gunicorn worker forked from the warmed master
serves them, and nothing is made again at a request.

The template cache is emptied and the warm-up run before the walk; while it lasts, a binhdang template
compiled at a request, or a namespace's URL tables built at one, is recorded, and the walk fails if
anything was. Each reporter (commune, department, mass organisation, media agency, focal agency)
opens the year's report, types a bad value and gets its message beside the field, the report still
"not started" on the home page; the focal officer sees the board and downloads the templates zip, the
leader the dashboard's annual report, the ministry its board of the provinces.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.urls import URLResolver, clear_url_caches, reverse
from playwright.sync_api import expect

from binhdang.core import warmup
from binhdang.reporting.entry import field_id
from binhdang.reporting.models import Submission
from tests.browser import login
from tests.factories import PASSWORD, Role, make_user, tt1790_year
from tests.reporting.test_journeys_units_browser import BAD, BAD_COUNT, KINDS

SLOW = 15_000


@pytest.fixture
def made_at_a_request(monkeypatch):
    """The warm-up run on an empty template cache; what is made afterwards, at a request, is listed."""
    engines["django"].engine.template_loaders[0].reset()
    clear_url_caches()
    warmed = set(warmup.warm_templates())
    warmup.warm_up()
    made: list[str] = []
    compile_template = CachedLoader.get_template

    def get_template(self, template_name, skip=None):
        if template_name in warmed and template_name not in self.get_template_cache:
            made.append(f"template {template_name}")
        return compile_template(self, template_name, skip)

    populate = URLResolver._populate

    def record_populate(self):
        made.append(f"URL tables of {self!r}")
        return populate(self)

    monkeypatch.setattr(CachedLoader, "get_template", get_template)
    monkeypatch.setattr(URLResolver, "_populate", record_populate)
    yield made
    engines["django"].engine.template_loaders[0].reset()


def _switch_user(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


@pytest.mark.browser
def test_every_kind_of_user_is_served_from_the_warm_up(
    browser_page, live_server, daklak, focal_officer, leader, ministry_viewer, made_at_a_request
):
    period = tt1790_year(daklak.root, daklak.noi_vu, user=focal_officer)
    page = browser_page
    for kind, (attribute, unit_name, code) in KINDS.items():
        unit = getattr(daklak, attribute)
        make_user(f"rep_{kind}", Role.REPORTER, unit)
        _switch_user(page, live_server, f"rep_{kind}")
        row = page.locator("tr", has_text=unit_name).filter(has_text=str(period.year))
        expect(row).to_contain_text("Chưa bắt đầu")
        row.get_by_role("link", name="Nhập báo cáo").click()
        expect(page.locator("#report-state")).to_have_text("Chưa bắt đầu")
        page.wait_for_load_state("load")  # the autosave script is bound once the page has loaded
        bad, reason = BAD.get(code, BAD_COUNT)
        field = page.locator("#" + field_id(code))
        field.fill(bad)
        field.blur()
        expect(page.locator("#msg-" + field_id(code))).to_contain_text(reason, timeout=SLOW)
        expect(field).to_have_value(bad)  # what was typed stays in the field
        report = Submission.objects.filter(unit=unit).first()  # the bad value is refused, not stored
        assert report is None or report.value_map().get((code, "")) != bad

    _switch_user(page, live_server, "focal")
    page.goto(live_server.url + reverse("reporting:board", args=[period.pk]))
    expect(page.locator("body")).to_contain_text("Xã Ea Kar")
    with page.expect_download(timeout=120_000) as caught:
        page.get_by_role("link", name="Biểu mẫu Excel của tất cả đơn vị (zip)").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(caught.value.path()).read_bytes()))
    assert archive.testzip() is None and len(archive.namelist()) == period.expected_reporters.count()

    _switch_user(page, live_server, "leader")
    page.goto(live_server.url + reverse("results:dashboard", args=[period.plan_id, period.year]))
    with page.expect_download(timeout=120_000) as caught:
        page.locator("#download-report-docx").click()
    assert Path(caught.value.path()).read_bytes().startswith(b"PK")

    _switch_user(page, live_server, "ministry")
    page.goto(live_server.url + reverse("ministry:board") + f"?year={period.year}")
    expect(page.locator("body")).to_contain_text("Đắk Lắk")

    assert made_at_a_request == []
