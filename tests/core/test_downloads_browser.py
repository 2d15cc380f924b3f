"""Every download of the site in a real browser, as the province's focal officer: each link of the
results dashboard, the status board and a unit's report page gives a file with the exporter's name,
and the file opens (Word, Excel, zip, CSV, JSON)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from binhdang.core import exports
from binhdang.documents import services as documents_services
from binhdang.reporting import services
from binhdang.reporting.models import Submission
from tests.browser import login
from tests.factories import PASSWORD
from tests.results.conftest import file_report, seed_000_plan


def _download(page, link) -> tuple[str, bytes]:
    with page.expect_download(timeout=120_000) as caught:
        link.click()
    download = caught.value
    with open(download.path(), "rb") as handle:
        return download.suggested_filename, handle.read()


def _opens(name: str, content: bytes) -> None:
    if name.endswith(".docx"):
        assert Document(io.BytesIO(content)).paragraphs
    elif name.endswith(".xlsx"):
        assert load_workbook(io.BytesIO(content)).sheetnames
    elif name.endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(content))
        assert archive.testzip() is None and archive.namelist()
        for member in archive.namelist():
            load_workbook(io.BytesIO(archive.read(member)))
    elif name.endswith(".json"):
        assert json.loads(content.decode("utf-8"))
    elif name.endswith(".xml"):
        assert ElementTree.fromstring(content) is not None
    else:
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert len(rows) > 1


@pytest.mark.browser
def test_the_focal_officer_downloads_every_file_and_each_opens(
    browser_page, live_server, daklak, focal_officer
):
    plan = seed_000_plan(daklak)
    period = services.open_period(plan, 2026, None)
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    submission = Submission.objects.get(period=period, unit=daklak.commune_a)
    page = browser_page
    login(page, live_server, "focal", PASSWORD)
    got: dict[str, str] = {}

    page.goto(live_server.url + reverse("results:dashboard", args=[plan.pk, 2026]))
    for link in (
        page.locator("#download-report-docx"),
        page.locator("#download-annex-xlsx"),
        page.locator("#open-data a").nth(0),
        page.locator("#open-data a").nth(1),
        page.locator("#open-data a").nth(2),
    ):
        name, content = _download(page, link)
        _opens(name, content)
        got[name] = name
    if documents_services.pdf_available():  # the PDF of the annual report, from its editor
        page.goto(live_server.url + reverse("documents:report_editor", args=[plan.pk, 2026]))
        name, content = _download(page, page.locator("#editor-download-pdf"))
        assert content.startswith(b"%PDF")
        got[name] = name
    page.goto(live_server.url + reverse("documents:review", args=[plan.pk]) + "?start=2026&end=2028")
    for link in (page.locator("#download-review-docx"), page.locator("#download-review-xlsx")):
        name, content = _download(page, link)
        _opens(name, content)
        got[name] = name
    page.goto(live_server.url + reverse("reporting:board", args=[period.pk]))
    for link in (
        page.get_by_role("link", name="Tải dữ liệu (JSON)"),
        page.get_by_role("link", name="Cho DHIS2 (JSON)"),
        page.get_by_role("link", name="Cho DHIS2 (ADX)"),
        page.locator("#xlsx-zip"),
    ):
        name, content = _download(page, link)
        _opens(name, content)
        got[name] = name
    page.goto(live_server.url + reverse("reporting:submission", args=[submission.pk]))
    for link in (page.locator("#xlsx-download"), page.locator("#download-unit-report")):
        name, content = _download(page, link)
        _opens(name, content)
        got[name] = name

    scopes = {
        "documents": exports.Scope(
            plan=plan, year=2026, submission=submission, filters={"start": 2026, "end": 2028}
        ),
        "results": exports.Scope(plan=plan, year=2026),
        "reporting": exports.Scope(period=period, unit=daklak.commune_a),
    }
    # served inline, not as downloads, and walked in their own browser tests: the SDMX structure
    # (tests/results/test_sdmx.py reads it) and the calendar feed (tests/plans/test_feeds_browser.py)
    inline = {"results.sdmx_structure", "plans.calendar_feed"}
    expected = {
        exporter().filename(scopes[identifier.split(".")[0]])
        for identifier, exporter in exports.exporters().items()
        if identifier not in inline
        # the ministry's files: walked in its journeys (tests/ministry, tests/documents/test_review_browser.py)
        and not identifier.startswith(("ministry.", "documents.national_review"))
        and not identifier.startswith("results.gender_statistics")  # results/genderstats/test_journey_browser
    }
    if not documents_services.pdf_available():  # without LibreOffice the editor says so instead
        expected.discard(exports.exporters()["documents.annual_report_pdf"]().filename(scopes["documents"]))
    assert set(got) == expected
    assert "bao-cao-kh-1790-daklak-2026.docx" in got and "bieu-mau-2026-xa-ea-kar.xlsx" in got
