"""The review reports' exporters (:mod:`binhdang.core.exports`), built by
:mod:`binhdang.documents.review_files`. ``scope.filters``: ``start`` and ``end`` (the span, already
checked by the view); for a plan's review ``with_narratives``; for the ministry's ``program``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import DOCX, XLSX, Exporter, Scope, register
from binhdang.documents import review_files


def _span(scope: Scope) -> tuple[int, int]:
    return int(scope.filters["start"]), int(scope.filters["end"])


@register
class ReviewReport(Exporter):
    identifier = "documents.review_report"
    verbose_name = _("Review over several years (Word)")
    content_type = DOCX

    def filename(self, scope: Scope) -> str:
        return review_files.review_filename(scope.plan, *_span(scope))

    def render(self, scope: Scope) -> bytes:
        narratives = bool(scope.filters.get("with_narratives", True))
        return review_files.review_report(scope.plan, *_span(scope), with_narratives=narratives).content


@register
class ReviewAnnex(Exporter):
    identifier = "documents.review_annex"
    verbose_name = _("Review tables over several years (Excel)")
    content_type = XLSX

    def filename(self, scope: Scope) -> str:
        return review_files.review_filename(scope.plan, *_span(scope), ".xlsx")

    def render(self, scope: Scope) -> bytes:
        return review_files.review_annex(scope.plan, *_span(scope)).content


@register
class NationalReviewReport(Exporter):
    identifier = "documents.national_review_report"
    verbose_name = _("National review over several years (Word)")
    content_type = DOCX

    def filename(self, scope: Scope) -> str:
        return review_files.national_filename(*_span(scope), scope.filters["program"])

    def render(self, scope: Scope) -> bytes:
        return review_files.national_review_report(*_span(scope), scope.filters["program"]).content


@register
class NationalReviewAnnex(Exporter):
    identifier = "documents.national_review_annex"
    verbose_name = _("National review tables over several years (Excel)")
    content_type = XLSX

    def filename(self, scope: Scope) -> str:
        return review_files.national_filename(*_span(scope), scope.filters["program"], ".xlsx")

    def render(self, scope: Scope) -> bytes:
        return review_files.national_review_annex(*_span(scope), scope.filters["program"]).content
