"""The annual report (DOCX) built once and kept until its data changes (``core.filecache``).

Building the report takes a second or more of a core (python-docx's tables); officers and the ministry
download it again and again, many at once on deadline day. :func:`annual_report` answers the same
bytes as ``services.annual_report`` from a file kept under ``<var>/cache/annual-report/``.

The file is the plan's, for one year, one kind of reader (with or without the units' narratives) and
one day (the report is dated): each of these has its own file. It is built again as soon as anything it
shows changes (:func:`data_version`): the plan, its indicators, targets and roadmap, a period of the
province (the awareness rate of the baseline year comes from any of its programme-1790 periods), the
units expected, a report of the province that changes state or is changed out of the draft state (a
draft's autosaves change nothing the report shows: it counts only submitted and accepted reports and
names the others' states), the officer's edits of the report, the names of the province's units, the
plan's tasks and their progress notes and its inspections and their follow-up items (the report's work
sections), the province's gender statistics (a strategy indicator's figure may come from them); or the
code that builds it (an upgrade).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Q

from binhdang.core.exports import DOCX
from binhdang.core.filecache import cached_file, code_version
from binhdang.core.filecache import data_version as rows_version
from binhdang.documents import services
from binhdang.documents.models import ReportDraft, ReportSection
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Indicator, Milestone, Plan, Target, Task
from binhdang.reporting.models import ExpectedReporter, Period, Submission
from binhdang.reporting.models.submissions import State
from binhdang.results.models import GenderStatistic
from binhdang.work.inspection_models import FollowUp, Inspection
from binhdang.work.models import TaskUpdate

KIND = "annual-report"
#: The application's folders whose code shapes the report.
CODE = ("documents", "results", "reporting", "core", "plans", "work")


def data_version(plan: Plan, year: int) -> list:
    """The state of everything the plan's annual report of ``year`` reads (module docstring)."""
    province = plan.province_id
    indicators = Indicator.objects.filter(plan_id=plan.pk).values("pk")
    periods = Period.objects.filter(province_id=province).values("pk")
    drafts = ReportDraft.objects.filter(plan_id=plan.pk, year=year).values("pk")
    history = [
        Plan.history.filter(id=plan.pk),
        Indicator.history.filter(plan_id=plan.pk),
        Target.history.filter(indicator_id__in=indicators),
        Milestone.history.filter(indicator_id__in=indicators),
        Period.history.filter(province_id=province),
        # A draft's saves change nothing the report shows (only counted reports' figures and texts, and
        # each unit's state); every step to or from another state leaves a record that is not a draft.
        Submission.history.filter(period_id__in=periods).exclude(state=State.DRAFT),
        ReportSection.history.filter(draft_id__in=drafts),
        OrgUnit.history.filter(Q(province_id=province) | Q(id=province)),
        Task.history.filter(plan_id=plan.pk),
        TaskUpdate.history.filter(task__plan_id=plan.pk),
        Inspection.history.filter(plan_id=plan.pk),
        FollowUp.history.filter(inspection__plan_id=plan.pk),
        GenderStatistic.history.filter(province_id=province),
    ]
    # Rows written without a history record (a period's expected units are created in bulk).
    plain = [
        ExpectedReporter.objects.filter(period_id__in=periods),
        ReportDraft.objects.filter(pk__in=drafts),
    ]
    # The reports as they stand: how many in each state (a new draft, a report sent back, one deleted).
    states = list(
        Submission.objects.filter(period_id__in=periods)
        .values_list("state")
        .annotate(rows=Count("pk"), last=Max("pk"))
        .order_by("state")
    )
    return [*rows_version([*history, *plain]), states]


def annual_report(
    plan: Plan, year: int, *, with_narratives: bool = True, day: dt.date | None = None
) -> services.GeneratedFile:
    """``services.annual_report``, from the kept file while the data is as when it was built."""
    today = services._today(day)
    scope = (plan.pk, plan.province_id, year, bool(with_narratives), today.isoformat())
    version = (code_version(*CODE), data_version(plan, year))

    def build() -> bytes:
        return services.annual_report(plan, year, with_narratives=with_narratives, day=today).content

    content = cached_file(KIND, scope, version, build)
    return services.GeneratedFile(services.annual_report_filename(plan, year), DOCX, content)
