"""Plan models, one module per concern; import them from here."""

from binhdang.plans.models.catalog import CatalogIndicator
from binhdang.plans.models.choices import (
    DIRECTION_OF_KIND,
    ROADMAP_YEARS,
    TARGET_YEAR,
    Direction,
    ImportStatus,
    Level,
    PlanStatus,
    Program,
    Recurrence,
    TargetKind,
)
from binhdang.plans.models.feeds import CalendarFeedToken
from binhdang.plans.models.imports import PlanImport
from binhdang.plans.models.indicators import Expectation, Indicator, Milestone, Target
from binhdang.plans.models.plan import Goal, Plan
from binhdang.plans.models.work import (
    AgencyDuty,
    Campaign,
    CampaignOrigin,
    ReportingObligation,
    Task,
    TaskGroup,
)

__all__ = [
    "DIRECTION_OF_KIND",
    "ROADMAP_YEARS",
    "TARGET_YEAR",
    "AgencyDuty",
    "CalendarFeedToken",
    "Campaign",
    "CampaignOrigin",
    "CatalogIndicator",
    "Direction",
    "Expectation",
    "Goal",
    "ImportStatus",
    "Indicator",
    "Level",
    "Milestone",
    "Plan",
    "PlanImport",
    "PlanStatus",
    "Program",
    "Recurrence",
    "ReportingObligation",
    "Target",
    "TargetKind",
    "Task",
    "TaskGroup",
]
