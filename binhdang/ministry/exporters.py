"""Downloads of a report sent to the ministry (:mod:`binhdang.core.exports`): the annual report as it
was when sent, and the signed file (``scope.filters["report"]``: the :class:`ProvinceReport`); the
national results of a year as CSV, SDMX-CSV and Excel, and the national report (Word)."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import CSV, DOCX, XLSX, Exporter, Scope, register
from binhdang.documents import national_report
from binhdang.results import national_export
from binhdang.results.national import national_results
from binhdang.results.opendata import SDMX_CONTENT_TYPE


@register
class SentReport(Exporter):
    identifier = "ministry.sent_report"
    verbose_name = _("Annual report as sent to the ministry (Word)")
    content_type = DOCX

    def filename(self, scope: Scope) -> str:
        report = scope.filters["report"]
        return f"{Path(report.report_file.name).stem.split('-', 1)[-1]}-v{report.version}.docx"

    def render(self, scope: Scope) -> bytes:
        with scope.filters["report"].report_file.open("rb") as stored:
            return stored.read()


@register
class SignedReport(Exporter):
    identifier = "ministry.signed_report"
    verbose_name = _("Signed report sent to the ministry")
    content_type = "application/octet-stream"

    def filename(self, scope: Scope) -> str:
        return scope.filters["report"].signed_name

    def render(self, scope: Scope) -> bytes:
        with scope.filters["report"].signed_file.open("rb") as stored:
            return stored.read()


# ------------------------------------------------------------------------ the national results (issue 18)
# ``scope.year``: the year; the view checked that the user is the ministry (``access.sees_board``).


@register
class NationalCsv(Exporter):
    identifier = "ministry.national_csv"
    verbose_name = _("National results (CSV)")
    content_type = CSV

    def filename(self, scope: Scope) -> str:
        return national_export.filename(scope.year, "csv")

    def render(self, scope: Scope) -> bytes:
        return national_export.as_csv(national_results(scope.year)).encode("utf-8")


@register
class NationalSdmx(Exporter):
    identifier = "ministry.national_sdmx"
    verbose_name = _("National results (SDMX-CSV)")
    content_type = SDMX_CONTENT_TYPE

    def filename(self, scope: Scope) -> str:
        return national_export.filename(scope.year, "sdmx.csv")

    def render(self, scope: Scope) -> bytes:
        return national_export.as_sdmx_csv(national_results(scope.year)).encode("utf-8")


@register
class NationalXlsx(Exporter):
    identifier = "ministry.national_xlsx"
    verbose_name = _("National results (Excel)")
    content_type = XLSX

    def filename(self, scope: Scope) -> str:
        return national_report.national_annex_filename(scope.year)

    def render(self, scope: Scope) -> bytes:
        return national_report.national_annex(scope.year).content


@register
class NationalReport(Exporter):
    identifier = "ministry.national_report"
    verbose_name = _("National report (Word)")
    content_type = DOCX

    def filename(self, scope: Scope) -> str:
        return national_report.national_report_filename(scope.year)

    def render(self, scope: Scope) -> bytes:
        return national_report.national_report(scope.year).content
