"""Choice lists shared by the plan models, the import service and the forms."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The years of the monitoring period; the roadmap has one milestone per indicator and year.
ROADMAP_YEARS = tuple(range(2026, 2031))
#: The year national targets are due (domain §3, §7).
TARGET_YEAR = 2030


class Program(models.TextChoices):
    COMMUNICATION = "communication", _("Communication programme (QĐ 1790/QĐ-TTg)")
    STRATEGY = "strategy", _("National strategy (NQ 28/NQ-CP)")
    OTHER = "other", _("Other")


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District (legacy)")
    COMMUNE = "commune", _("Commune")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("In force")
    ARCHIVED = "archived", _("Archived")


class Direction(models.TextChoices):
    INCREASE = "increase", _("Higher is better")
    DECREASE = "decrease", _("Lower is better")
    RANGE = "range", _("Within a range")
    BOOLEAN = "boolean", _("Yes / no")


class TargetKind(models.TextChoices):
    MIN = "min", _("At least")
    MAX = "max", _("At most")
    RANGE = "range", _("Between")
    INCREASE = "increase", _("Increase over baseline")
    BOOLEAN = "boolean", _("Qualitative")


class Recurrence(models.TextChoices):
    ANNUAL = "annual", _("Every year")
    ONCE = "once", _("Once")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    DISCARDED = "discarded", _("Discarded")


#: Target kind -> the direction of the indicator it belongs to.
DIRECTION_OF_KIND: dict[str, str] = {
    TargetKind.MIN: Direction.INCREASE,
    TargetKind.INCREASE: Direction.INCREASE,
    TargetKind.MAX: Direction.DECREASE,
    TargetKind.RANGE: Direction.RANGE,
    TargetKind.BOOLEAN: Direction.BOOLEAN,
}
