"""A plan (Kế hoạch) as imported from its document, and its goals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models.choices import ROADMAP_YEARS, Level, PlanStatus, Program


def plan_source_path(instance: Plan, filename: str) -> str:
    """Source documents live under ``MEDIA_ROOT/plans/<province code>/``."""
    province = instance.province.code if instance.province_id else "unknown"
    return f"plans/{province}/{instance.source_sha256[:12]}-{filename}"


class PlanQuerySet(models.QuerySet["Plan"]):
    def active(self) -> PlanQuerySet:
        return self.filter(status=PlanStatus.ACTIVE)

    def by_reference(self, reference: str) -> Plan | None:
        """The plan a command line names: by its id when ``reference`` is a number, else by its slug."""
        found = self.filter(pk=int(reference)).first() if reference.isdigit() else None
        return found or self.filter(slug=reference).first()


class Plan(models.Model):
    """An implementation plan of one province (or, for legacy plans, one district).

    ``province`` is always the province, so access checks filter on one column; ``org_unit`` is the
    unit that issued the plan: the province itself, or a legacy ``district`` unit under it.
    """

    province = models.ForeignKey(
        OrgUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="plans_of_province"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="plans"
    )
    issuer = models.CharField(_("issuer"), max_length=255)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.PROVINCE)
    program = models.CharField(_("programme"), max_length=16, choices=Program.choices)
    title = models.CharField(_("title"), max_length=500)
    number = models.CharField(_("number"), max_length=64, blank=True)
    date = models.DateField(_("date issued"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    #: [{"number": "1790/QĐ-TTg", "date": "2021-10-23", "issuer": "Thủ tướng Chính phủ"}, ...]
    legal_bases = models.JSONField(_("legal bases"), default=list, blank=True)
    focal_agency = models.ForeignKey(
        OrgUnit,
        verbose_name=_("focal agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="focal_plans",
    )
    focal_agency_name = models.CharField(_("focal agency as written"), max_length=255, blank=True)
    #: {"authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "..."}
    signer = models.JSONField(_("signer"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    source_file = models.FileField(
        _("source document"), upload_to=plan_source_path, max_length=255, blank=True
    )
    source_name = models.CharField(_("file name"), max_length=255, blank=True)
    source_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_versions",
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    #: What the extractor could not read, shown to the officer.
    warnings = models.JSONField(_("extraction warnings"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["province__name", "-period_end", "program", "-version"]
        indexes = [models.Index(fields=["province", "status"])]
        constraints = [
            # Never two plans in force under one number in a province (plans.duplicates checks it first,
            # with a message; this partial unique index holds on SQLite and PostgreSQL alike).
            models.UniqueConstraint(
                fields=["province", "number"],
                condition=models.Q(status="active") & ~models.Q(number=""),
                name="plans_one_active_plan_per_number",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.slug])

    @property
    def locality(self) -> str:
        return self.org_unit.name if self.org_unit_id else ""

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start} - {self.period_end}"
        return str(self.period_end or self.period_start or "")

    @property
    def roadmap_years(self) -> tuple[int, ...]:
        """The years of the roadmap table: 2026-2030 (the monitoring period)."""
        return ROADMAP_YEARS

    def all_versions(self) -> list[Plan]:
        """This plan and every earlier version, newest first."""
        chain: list[Plan] = []
        seen: set[int] = set()
        plan: Plan | None = self
        while plan is not None and plan.pk not in seen:
            chain.append(plan)
            seen.add(plan.pk)
            plan = plan.previous
        return chain


class Goal(models.Model):
    """A goal grouping indicators ("Mục tiêu 4: Trong lĩnh vực y tế")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField(_("code"), max_length=16)
    title = models.CharField(_("title"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="unique_goal_code_per_plan")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}" if self.title else self.code
