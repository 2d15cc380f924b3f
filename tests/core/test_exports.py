"""One exporter interface and one download helper (binhdang.core.exports)."""

from __future__ import annotations

import pytest

from binhdang.core import exports
from binhdang.core.exports import Exporter, Scope, ascii_filename, content_disposition, download

EXPECTED = {
    "documents.annual_report",
    "documents.annual_report_pdf",
    "documents.annual_annex",
    "documents.unit_report",
    "documents.review_report",
    "documents.review_annex",
    "documents.national_review_report",
    "documents.national_review_annex",
    "results.csv",
    "results.json",
    "results.sdmx",
    "results.sdmx_structure",
    "plans.calendar_feed",
    "reporting.datavaluesets",
    "reporting.dhis2_json",
    "reporting.adx",
    "reporting.unit_template",
    "reporting.templates_zip",
    "ministry.sent_report",
    "ministry.signed_report",
    "ministry.national_csv",
    "ministry.national_sdmx",
    "ministry.national_xlsx",
    "ministry.national_report",
    "results.gender_statistics_csv",
    "results.gender_statistics_xlsx",
    "results.gender_statistics_sdmx",
}


def test_every_download_of_the_site_is_a_registered_exporter_with_a_name_and_a_type():
    registered = exports.exporters()
    assert set(registered) == EXPECTED
    for identifier, exporter in registered.items():
        assert exporter.identifier == identifier
        assert str(exporter.verbose_name) and "/" in exporter.content_type
        assert exports.get(identifier).__class__ is exporter


def test_two_exporters_cannot_share_an_identifier():
    class Clash(Exporter):
        identifier = "results.csv"

    with pytest.raises(ValueError, match=r"results\.csv"):
        exports.register(Clash)


def test_vietnamese_file_names_have_an_ascii_fallback_and_an_rfc_5987_name():
    assert ascii_filename("báo-cáo-Đắk Lắk 2026.docx") == "bao-cao-Dak_Lak_2026.docx"
    assert ascii_filename('"; evil=1') == "evil_1"
    assert content_disposition("bao-cao-2026.docx") == 'attachment; filename="bao-cao-2026.docx"'
    assert content_disposition("báo cáo.docx") == (
        "attachment; filename=\"bao_cao.docx\"; filename*=UTF-8''b%C3%A1o%20c%C3%A1o.docx"
    )


class Text(Exporter):
    identifier = "tests.text"
    verbose_name = "text"
    content_type = "text/plain; charset=utf-8"

    def filename(self, scope):
        return f"danh-sách-{scope.year}.txt"

    def render(self, scope):
        return "Đắk Lắk".encode()


class Chunks(Text):
    identifier = "tests.chunks"
    streaming = True

    def render(self, scope):
        yield b"a"
        yield b"b"


def test_download_answers_the_file_as_a_private_attachment():
    response = download(Text(), Scope(year=2026))
    assert response.content == "Đắk Lắk".encode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="danh-sach-2026.txt"; filename*=')
    assert response["Cache-Control"] == "no-store" and response["X-Content-Type-Options"] == "nosniff"


def test_download_streams_what_an_exporter_gives_in_chunks():
    response = download(Chunks(), Scope(year=2026))
    assert response.streaming and b"".join(response.streaming_content) == b"ab"
