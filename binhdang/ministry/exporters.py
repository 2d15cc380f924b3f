"""Downloads of a report sent to the ministry (:mod:`binhdang.core.exports`): the annual report as it
was when sent, and the signed file. ``scope.filters["report"]``: the :class:`ProvinceReport`."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import DOCX, Exporter, Scope, register


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
