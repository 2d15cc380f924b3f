"""The indicator catalog shipped with the product (filled by a data migration from ``catalog_data``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from binhdang.plans.models.choices import Direction, Program


class CatalogIndicator(models.Model):
    """A national indicator a plan's own indicator can be bound to.

    ``1790.*`` are computed from the unit reports of form ``TT1790`` (domain §6); ``NQ28.*`` are
    entered directly by the responsible agency (domain §7). ``computation`` says how, in Vietnamese.
    """

    code = models.CharField(_("code"), max_length=16, unique=True)
    program = models.CharField(_("programme"), max_length=16, choices=Program.choices)
    goal = models.CharField(_("goal"), max_length=8, blank=True)
    name = models.CharField(_("name"), max_length=500)
    unit = models.CharField(pgettext_lazy("unit of measure", "unit"), max_length=64, blank=True)
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    computation = models.TextField(_("how the value is obtained"), blank=True)
    #: Form whose data computes the value ("TT1790"), empty for direct entry.
    form_code = models.CharField(_("form"), max_length=16, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("catalog indicator")
        verbose_name_plural = _("catalog indicators")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"

    @property
    def is_computed(self) -> bool:
        """True when the value is computed from unit reports rather than entered directly."""
        return bool(self.form_code)
