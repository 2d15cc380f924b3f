"""A plan's own indicators, their targets and the yearly roadmap (milestones)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from binhdang.core import formatting
from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models.catalog import CatalogIndicator
from binhdang.plans.models.choices import DIRECTION_OF_KIND, Direction, TargetKind
from binhdang.plans.models.plan import Goal, Plan


def number_field(verbose_name) -> models.DecimalField:
    """An optional plan number (baseline, target, milestone): up to 12 digits and 4 decimals."""
    return models.DecimalField(verbose_name, max_digits=16, decimal_places=4, null=True, blank=True)


#: Plan numbers must stay below this (the 12 digits before the decimal point of ``number_field``).
NUMBER_LIMIT = Decimal(10) ** 12


def storable_number(value: Decimal) -> bool:
    """True when ``value`` fits a ``number_field``: finite (not NaN or infinite) and below 10^12."""
    return value.is_finite() and abs(value) < NUMBER_LIMIT


_QUANTUM = Decimal("0.0001")

Bounds = tuple[Decimal, Decimal]


@dataclass(frozen=True)
class Expectation:
    """What an indicator should reach in a year, and where that comes from.

    ``basis`` is ``milestone`` (the roadmap has the year), ``target`` (a target is due that year),
    ``annual`` (a target due every year) or ``path`` (the straight line between the nearest known
    points before and after the year: the baseline, milestones, targets; domain §8).
    """

    year: int
    kind: str
    value: Decimal | None
    min: Decimal | None
    max: Decimal | None
    basis: str
    strict: bool = False

    @property
    def low(self) -> Decimal | None:
        return self.min if self.min is not None else self.value

    @property
    def high(self) -> Decimal | None:
        return self.max if self.max is not None else self.value


class Indicator(models.Model):
    """An indicator as the plan numbers and words it, bound (or not) to a catalog entry."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=16)
    text = models.TextField(_("text"))
    catalog = models.ForeignKey(
        CatalogIndicator,
        verbose_name=_("catalog indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_indicators",
    )
    binding_confidence = models.FloatField(_("binding confidence"), default=0.0)
    binding_reason = models.CharField(_("binding reason"), max_length=500, blank=True)
    binding_manual = models.BooleanField(_("bound by an officer"), default=False)
    unit = models.CharField(pgettext_lazy("unit of measure", "unit"), max_length=64, blank=True)
    direction = models.CharField(
        _("direction"), max_length=16, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = number_field(_("baseline value"))
    responsible = models.ManyToManyField(
        OrgUnit, verbose_name=_("responsible agencies"), blank=True, related_name="responsible_for_indicators"
    )
    #: Responsible agencies named in the plan that are not single units (group phrases).
    responsible_text = models.JSONField(_("other responsible agencies"), default=list, blank=True)
    source = models.TextField(_("source sentence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords(m2m_fields=[responsible])

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="unique_indicator_code_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text}"

    def get_absolute_url(self) -> str:
        return reverse("plans:indicator", args=[self.plan.slug, self.pk])

    @property
    def is_boolean(self) -> bool:
        return self.direction == Direction.BOOLEAN

    def _targets(self) -> list[Target]:
        return list(self.targets.all())

    def _milestones(self) -> list[Milestone]:
        return list(self.milestones.all())

    @property
    def final_target(self) -> Target | None:
        """The target with the latest year (the 2030 commitment), else the first target."""
        targets = self._targets()
        dated = [t for t in targets if t.year and not t.annual]
        if dated:
            return max(dated, key=lambda t: (t.year, -t.order))
        return targets[0] if targets else None

    @property
    def main_kind(self) -> str:
        final = self.final_target
        if final is not None:
            return final.kind
        kind_of_direction: dict[str, str] = {
            Direction.DECREASE: TargetKind.MAX,
            Direction.RANGE: TargetKind.RANGE,
            Direction.BOOLEAN: TargetKind.BOOLEAN,
        }
        return kind_of_direction.get(self.direction, TargetKind.MIN)

    def separate_measures(self) -> list[int]:
        """The positions (0-based) of the targets that measure something other than the indicator's
        own value, e.g. "lower secondary 90%" beside "primary 99%" (each is reported on its own line).

        Targets that are steps of one measure share the value: both dated in different years, of the
        same kind and unit ("70% by 2027, 90% by 2030"). The first target is the indicator's own.
        """
        targets = self._targets()
        if len(targets) < 2:
            return []
        first = targets[0]

        def step_of_first(other: Target) -> bool:
            return bool(
                first.year
                and other.year
                and first.year != other.year
                and not (first.annual or other.annual)
                and first.kind == other.kind
                and (first.unit or "") == (other.unit or "")
            )

        return [i for i, target in enumerate(targets[1:], start=1) if not step_of_first(target)]

    def milestone_for(self, year: int) -> Milestone | None:
        return next((m for m in self._milestones() if m.year == year), None)

    def _known_points(self) -> list[tuple[int, Bounds, str, bool]]:
        """(year, bounds, kind, strict) for the baseline, each milestone and each dated target."""
        points: dict[int, tuple[int, Bounds, str, bool]] = {}
        targets = self._targets()
        for target in targets:
            bounds = target.bounds()
            if target.year and not target.annual and bounds is not None:
                points.setdefault(target.year, (target.year, bounds, target.kind, target.strict))
        for milestone in self._milestones():
            bounds = milestone.bounds()
            if bounds is not None:
                points[milestone.year] = (milestone.year, bounds, self.main_kind, False)
        if self.baseline_year is not None:
            if self.baseline_value is not None:
                base = (self.baseline_value, self.baseline_value)
            elif self.main_kind == TargetKind.INCREASE:
                base = (Decimal(0), Decimal(0))  # an increase is measured from the baseline year
            else:
                base = None
            if base is not None:
                points.setdefault(self.baseline_year, (self.baseline_year, base, self.main_kind, False))
        return sorted(points.values())

    def target_for(self, year: int) -> Expectation | None:
        """What the indicator should reach in ``year`` (domain §8).

        The roadmap's milestone for the year when there is one; else a target due that year (or every
        year); else the straight path between the nearest known points before and after the year
        (baseline, milestones, targets), e.g. from the baseline to the 2030 target. None when nothing
        frames the year (no baseline before it, or after the last target).
        """
        milestone = self.milestone_for(year)
        if milestone is not None:
            return _expectation(year, self.main_kind, milestone.bounds(), "milestone")
        targets = self._targets()
        for target in targets:
            if target.year == year and not target.annual:
                return _expectation(year, target.kind, target.bounds(), "target", target.strict)
        for target in targets:
            if target.is_due_every_year(year):
                return _expectation(year, target.kind, target.bounds(), "annual", target.strict)
        points = self._known_points()
        before = [p for p in points if p[0] < year]
        after = [p for p in points if p[0] > year]
        if not before or not after:
            return None
        (y0, (lo0, hi0), _k0, _s0), (y1, (lo1, hi1), kind, strict) = before[-1], after[0]
        share = Decimal(year - y0) / Decimal(y1 - y0)
        low = (lo0 + (lo1 - lo0) * share).quantize(_QUANTUM)
        high = (hi0 + (hi1 - hi0) * share).quantize(_QUANTUM)
        return _expectation(year, kind, (low, high), "path", strict)


def _expectation(
    year: int, kind: str, bounds: Bounds | tuple[None, None] | None, basis: str, strict: bool = False
) -> Expectation:
    if bounds is None or bounds[0] is None:
        return Expectation(year, kind, None, None, None, basis, strict)
    low, high = bounds
    if low == high and kind not in (TargetKind.RANGE, TargetKind.INCREASE):
        return Expectation(year, kind, low, None, None, basis, strict)
    return Expectation(year, kind, None, low, high, basis, strict)


class Target(models.Model):
    """One quantified commitment of an indicator (schema ``targets`` item)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("kind"), max_length=16, choices=TargetKind.choices)
    value = number_field(_("value"))
    min = number_field(_("minimum"))
    max = number_field(_("maximum"))
    unit = models.CharField(pgettext_lazy("unit of measure", "unit"), max_length=64, blank=True)
    year = models.PositiveSmallIntegerField(_("due year"), null=True, blank=True)
    from_year = models.PositiveSmallIntegerField(_("every year from"), null=True, blank=True)
    annual = models.BooleanField(_("every year"), default=False)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    approx = models.BooleanField(_("approximately"), default=False)
    strict = models.BooleanField(_("strict bound"), default=False)
    source = models.TextField(_("source sentence"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "order"]

    def __str__(self) -> str:
        return formatting.target_text(self)

    def bounds(self) -> Bounds | None:
        """(low, high) of the commitment; None for a qualitative one or one without numbers."""
        if self.kind in (TargetKind.RANGE, TargetKind.INCREASE):
            low = self.min if self.min is not None else self.value
            high = self.max if self.max is not None else low
            return (low, high) if low is not None and high is not None else None
        if self.value is None:
            return None
        return (self.value, self.value)

    def is_due_every_year(self, year: int) -> bool:
        """True for "hằng năm" / "từ năm 2026 trở đi" targets that apply to ``year``."""
        if not (self.annual or self.from_year):
            return False
        if self.from_year and year < self.from_year:
            return False
        return not (self.year and year > self.year)

    @property
    def direction(self) -> str:
        return DIRECTION_OF_KIND[self.kind]


class Milestone(models.Model):
    """The roadmap value of an indicator for one year (a single value or a range)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField(_("year"))
    value = number_field(_("value"))
    min = number_field(_("minimum"))
    max = number_field(_("maximum"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="unique_milestone_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {formatting.bounds_text(self.bounds())}"

    def bounds(self) -> Bounds | None:
        if self.value is not None:
            return (self.value, self.value)
        if self.min is None and self.max is None:
            return None
        low = self.min if self.min is not None else self.max
        high = self.max if self.max is not None else self.min
        return (low, high)
