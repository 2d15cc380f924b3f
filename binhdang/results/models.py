"""The province's gender statistics: sex-disaggregated figures by year, each with its source.

The statistics office (Thống kê tỉnh) and the agencies responsible for the strategy's indicators
record, year after year, the figures the strategy (NQ 28) measures: "tỷ lệ lao động nữ làm công hưởng
lương" for women and men and in total, with where the figure comes from ("Cục Thống kê tỉnh, niên
giám 2026"). One row is one figure: a series (a catalog indicator, ``NQ28.2.1``), a year, a sex
(``_T`` total, ``F``, ``M``: SDMX's codes), a value and its unit, source and note. Every change is
in the history (who, when, old and new value).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit

#: The largest figure a statistic may hold (a population count of the largest province fits).
MAX_VALUE = 10**12
MIN_YEAR, MAX_YEAR = 2000, 2100


class Sex(models.TextChoices):
    TOTAL = "_T", _("Total")
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")


class GenderStatistic(models.Model):
    province = models.ForeignKey(
        OrgUnit, verbose_name=_("province"), on_delete=models.PROTECT, related_name="gender_statistics"
    )
    series = models.CharField(_("indicator"), max_length=16)
    year = models.PositiveSmallIntegerField(_("year"))
    sex = models.CharField(_("sex"), max_length=2, choices=Sex.choices)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    unit = models.CharField(pgettext_lazy("unit of measure", "unit"), max_length=64, blank=True)
    source = models.CharField(_("source"), max_length=500)
    note = models.TextField(_("note"), blank=True)
    recorded_by_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("recorded by (agency)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_gender_statistics",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gender statistic")
        verbose_name_plural = _("gender statistics")
        ordering = ["province", "series", "year", "sex"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "series", "year", "sex"], name="genderstat_one_figure_per_key"
            )
        ]
        indexes = [models.Index(fields=["province", "year"])]

    def __str__(self) -> str:
        return f"{self.series} {self.year} {self.sex}: {self.value}"
