"""A unit's report for a period, its values, its workflow history, comments and evidence.

The state machine (see ``reporting.services``)::

    draft --submit--> submitted --accept--> accepted --reopen--> returned
                          |                                          |
                          +--return (comment)--> returned --submit---+--> submitted

``version`` grows by one on every save; a save that names an older version is refused
(optimistic concurrency: two people editing one report never overwrite each other silently).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.models.periods import Period


class State(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report state", "Submitted")
    RETURNED = "returned", pgettext_lazy("report state", "Returned for correction")
    ACCEPTED = "accepted", pgettext_lazy("report state", "Accepted")


#: States in which the report can still be changed (by its reporters or the focal officer).
EDITABLE_STATES = (State.DRAFT, State.RETURNED)
#: States that count as "submitted" for completeness and timeliness.
COMPLETE_STATES = (State.SUBMITTED, State.ACCEPTED)


class Submission(models.Model):
    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="submissions"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="submissions"
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=1)
    results = models.TextField(_("results"), blank=True)
    difficulties = models.TextField(_("difficulties and obstacles"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    #: Soft warnings of the last save: [{"code", "coc", "label", "message", "kind"}]; ``kind`` "outlier"
    #: for the values flagged by ``reporting.outliers``.
    warnings = models.JSONField(default=list, blank=True)
    #: What the reporter typed that was refused by the web form's autosave, kept so that nothing typed
    #: is lost: [{"code", "coc", "text"}]. The stored value (if any) stays until a valid one replaces
    #: it; a report cannot be submitted while one remains.
    refused_input = models.JSONField(default=list, blank=True)
    #: The reporter's answers to outlier flags, by "CODE/COC": {"value" (the value confirmed), "note"
    #: (the explanation, may be empty when the value is just confirmed), "by" (username), "at" (ISO)}.
    outlier_notes = models.JSONField(_("explanations of flagged values"), default=dict, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(_("last saved at"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["period", "unit__type", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="reporting_unique_submission"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period.year}"

    def get_absolute_url(self) -> str:
        return reverse("reporting:submission", args=[self.pk])

    @property
    def is_editable_state(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_complete(self) -> bool:
        """Submitted or accepted: counts for completeness."""
        return self.state in COMPLETE_STATES

    @property
    def on_time(self) -> bool | None:
        """Whether the first submission came by the end of the deadline day; None if never submitted.

        The first submission counts: a report returned for correction and resubmitted after the
        deadline stays on time.
        """
        return self.period.is_on_time(self.first_submitted_at)

    def value_map(self) -> dict[tuple[str, str], str]:
        """All values as ``{(data element code, category option combo): text}``."""
        return {(v.data_element, v.category_option_combo): v.value for v in self.values.all()}

    def refused_values(self) -> dict[tuple[str, str], str]:
        """The refused typed texts as ``{(data element code, category option combo): text}``."""
        return {(item["code"], item["coc"]): item["text"] for item in self.refused_input or []}

    def narrative(self) -> dict[str, str]:
        return {"results": self.results, "difficulties": self.difficulties, "proposals": self.proposals}


class DataValue(models.Model):
    """One value of a report, as text in canonical form (see ``reporting.validation.normalize``)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    data_element = models.CharField(_("data element"), max_length=64)
    category_option_combo = models.CharField(_("category option combo"), max_length=16, blank=True)
    value = models.TextField(_("value"))
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("data value")
        verbose_name_plural = _("data values")
        ordering = ["submission", "data_element", "category_option_combo"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "data_element", "category_option_combo"],
                name="reporting_unique_data_value",
            ),
        ]
        indexes = [
            # The province's awareness rate (1790.3) is one value in a few hundred thousand: the results
            # engine finds it through this small index instead of reading every report of the periods.
            models.Index(
                fields=["data_element", "submission"],
                condition=models.Q(data_element="TT_AWARENESS"),
                name="reporting_dv_awareness",
            ),
        ]

    def __str__(self) -> str:
        coc = f"/{self.category_option_combo}" if self.category_option_combo else ""
        return f"{self.data_element}{coc} = {self.value}"


class StateChange(models.Model):
    """Every workflow step: who moved the report from which state to which, when, and why."""

    class Action(models.TextChoices):
        SUBMIT = "submit", pgettext_lazy("report action", "Submitted")
        RESUBMIT = "resubmit", pgettext_lazy("report action", "Resubmitted")
        RETURN = "return", pgettext_lazy("report action", "Returned for correction")
        ACCEPT = "accept", pgettext_lazy("report action", "Accepted")
        REOPEN = "reopen", pgettext_lazy("report action", "Reopened")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="state_changes")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    from_state = models.CharField(_("from"), max_length=16, choices=State.choices)
    to_state = models.CharField(_("to"), max_length=16, choices=State.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    #: "web", "import" (data value set), "excel"...
    source = models.CharField(max_length=16, default="web")

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.submission}: {self.from_state} -> {self.to_state}"


class Comment(models.Model):
    """A remark on a report (the focal officer's return reasons, the reporter's answers)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    text = models.TextField(_("comment"))
    state_change = models.ForeignKey(
        StateChange, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


def evidence_path(instance: Attachment, filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return f"reporting/evidence/{instance.submission.period.year}/{instance.submission_id}/{timezone.now():%Y%m%d%H%M%S%f}{suffix}"


class Attachment(models.Model):
    """Evidence for a report: PDF, Word, Excel, JPEG or PNG up to ``MAX_ATTACHMENT_BYTES``
    (checked in ``reporting.attachments``)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    description = models.CharField(_("description"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
