"""The documents' exporters (:mod:`binhdang.core.exports`): the annual report (DOCX), its annex
(XLSX) and a unit's own report (DOCX), built by :mod:`binhdang.documents.services`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import DOCX, XLSX, Exporter, Scope, register
from binhdang.documents import kept, services


@register
class AnnualReport(Exporter):
    """``scope``: plan, year; ``filters["with_narratives"]`` (default True): False leaves out what
    the units wrote (for readers who may not see it)."""

    identifier = "documents.annual_report"
    verbose_name = _("Annual report (Word)")
    content_type = DOCX

    def filename(self, scope: Scope) -> str:
        return services.annual_report_filename(scope.plan, scope.year)

    def render(self, scope: Scope) -> bytes:
        narratives = bool(scope.filters.get("with_narratives", True))
        # Built once and kept until the data changes (documents.kept); the view checked access.
        return kept.annual_report(scope.plan, scope.year, with_narratives=narratives).content


@register
class AnnualReportPdf(Exporter):
    """The annual report as PDF (LibreOffice headless); ``scope`` as :class:`AnnualReport`."""

    identifier = "documents.annual_report_pdf"
    verbose_name = _("Annual report (PDF)")
    content_type = "application/pdf"

    def filename(self, scope: Scope) -> str:
        return services.annual_report_filename(scope.plan, scope.year).removesuffix(".docx") + ".pdf"

    def render(self, scope: Scope) -> bytes:
        narratives = bool(scope.filters.get("with_narratives", True))
        return services.annual_report_pdf(scope.plan, scope.year, with_narratives=narratives).content


@register
class AnnualAnnex(Exporter):
    """``scope``: plan, year."""

    identifier = "documents.annual_annex"
    verbose_name = _("Annual report tables (Excel)")
    content_type = XLSX

    def filename(self, scope: Scope) -> str:
        return services.annual_annex_filename(scope.plan, scope.year)

    def render(self, scope: Scope) -> bytes:
        return services.annual_annex(scope.plan, scope.year).content


@register
class UnitReport(Exporter):
    """``scope``: submission."""

    identifier = "documents.unit_report"
    verbose_name = _("Unit report (Word)")
    content_type = DOCX

    def filename(self, scope: Scope) -> str:
        return services.unit_report_filename(scope.submission)

    def render(self, scope: Scope) -> bytes:
        return services.unit_report(scope.submission).content
