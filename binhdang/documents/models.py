"""The officer's edits of a plan's annual report (issue 16).

A :class:`ReportDraft` per plan and year holds a :class:`ReportSection` per edited block of the body
(``key``: :attr:`binhdang.documents.synthesis.Section.key`); a block without a row shows the text
generated from the results. Only the prose is stored: the figures stay locked to the results. Every
save and every reset is kept in the section's history (django-simple-history: who, when, old and
new text); "Khôi phục bản sinh tự động" deletes the row, so the block follows the results again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from binhdang.core.audit import HistoricalRecords

#: The longest prose of one block (characters).
MAX_TEXT = 20000


class ReportDraft(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="report_drafts")
    year = models.PositiveSmallIntegerField(_("year"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="one_report_draft_per_plan_year")
        ]

    def __str__(self) -> str:
        return f"{self.plan} · {self.year}"

    def edits(self) -> dict[str, str]:
        return dict(self.sections.values_list("key", "text"))


class ReportSection(models.Model):
    draft = models.ForeignKey(ReportDraft, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=40)
    text = models.TextField(_("text"), max_length=MAX_TEXT, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["draft", "key"], name="one_report_section_per_key")]

    def __str__(self) -> str:
        return f"{self.draft} · {self.key}"
