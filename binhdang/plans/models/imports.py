"""An uploaded plan waiting for the focal officer's review (kept server-side until confirmed)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models.choices import ImportStatus
from binhdang.plans.models.plan import Plan


class PlanImport(models.Model):
    """One upload: the file, what the extractor read from it (edited by the officer), and the outcome."""

    province = models.ForeignKey(
        OrgUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("uploaded file"), upload_to="plans/imports/%Y/%m/", max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, db_index=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    #: The extraction (schema plan-extract), as edited on the review screen.
    extraction = models.JSONField(_("extracted content"), default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imports",
    )

    class Meta:
        verbose_name = _("plan upload")
        verbose_name_plural = _("plan uploads")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("plans:review", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == ImportStatus.PENDING

    @property
    def title(self) -> str:
        return str(self.extraction.get("title") or self.original_name)
