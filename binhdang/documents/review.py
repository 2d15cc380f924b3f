"""A review of a plan over a span of its years (sơ kết, tổng kết; issue 18): what the DOCX, the XLSX
annex and the review page show, collected once.

- :func:`parse_span` / :func:`check_span`: "2026-2028" read and checked against the plan's years (a
  span outside the plan or reversed is refused in Vietnamese, naming the years);
- :func:`collect` -> :class:`ReviewContent`:
  - every year of the span with the results engine's figures (:func:`engine.plan_history`, one set of
    queries for all years); a year without a counted report "has no data" and says so per year;
  - every indicator from its baseline through each year (:class:`TargetTrend`): value, the roadmap's
    bar and the status per year, and the trend from the first figure to the last (arrow and words);
  - the tasks' status at the end of the span (or today, if earlier) and how many were done by the end
    of each year (:class:`TaskSummary`, from the tasks' updates as in ``work.task_followup``);
  - the activity log's totals over the span by year and by type (count, participants, budget);
  - each year with data as the annual report sees it (``annual.collect``): its theme sections
    (``synthesis``) for the units' work, its difficulties and proposals; near-duplicates across years
    grouped (``grouping``) so that a difficulty raised in several years is named as recurring.

The units' narratives are collected only when asked (``with_narratives``, domain §10).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.core import formatting
from binhdang.documents import grouping
from binhdang.documents.annual import AnnualContent, Grouped
from binhdang.documents.annual import collect as collect_year
from binhdang.documents.review_work import ActivityTotals, TaskSummary, activity_totals, task_summary
from binhdang.documents.services import DocumentError
from binhdang.plans.models import Indicator, Plan
from binhdang.results import presenters
from binhdang.results.engine import IndicatorResult, PlanResults, plan_history, plan_years
from binhdang.results.status import BOOLEAN, INCREASE, MAX, RANGE, Bar

_SPAN = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")

#: Trend of an indicator over the span: better, worse, unchanged, not enough figures.
BETTER, WORSE, FLAT, UNKNOWN = "better", "worse", "flat", "unknown"
TREND_LABELS = {
    BETTER: _("improving"),
    WORSE: _("worsening"),
    FLAT: _("unchanged"),
    UNKNOWN: _("not enough figures yet"),
}


class SpanError(DocumentError):
    """A span of years that cannot be reviewed (the message says why, in Vietnamese)."""


def parse_span(text: str) -> tuple[int, int]:
    """ "2026-2028" -> (2026, 2028); "2027" -> (2027, 2027); anything else: :class:`SpanError`."""
    found = _SPAN.match(text or "")
    if found:
        return int(found.group(1)), int(found.group(2))
    single = _YEAR.match(text or "")
    if single:
        return int(single.group(1)), int(single.group(1))
    raise SpanError(f'Giai đoạn "{text}" không hợp lệ: hãy ghi năm đầu và năm cuối, ví dụ 2026-2028.')


def check_span(start: int, end: int, first: int, last: int) -> None:
    """Refuse a reversed span or one outside ``first``-``last`` (the plan's years), naming the years."""
    if start > end:
        raise SpanError(
            f"Giai đoạn {start}-{end} bị đảo ngược: năm đầu ({start}) sau năm cuối ({end}); "
            f"hãy ghi {end}-{start}."
        )
    if start < first or end > last:
        outside = [y for y in (start, end) if not first <= y <= last]
        raise SpanError(
            f"Giai đoạn {start}-{end} nằm ngoài kỳ của kế hoạch ({first}-{last}): "
            f"năm {', '.join(str(y) for y in outside)} không thuộc kế hoạch."
        )


def plan_span(plan: Plan) -> tuple[int, int]:
    years = plan_years(plan)
    return min(years), max(years)


def review_kind(end: int, last: int) -> str:
    """ "tổng kết" when the span reaches the plan's last year, else "sơ kết"."""
    return "tổng kết" if end >= last else "sơ kết"


def default_span(first: int, last: int, today: dt.date | None = None) -> tuple[int, int]:
    """From the plan's first year to the current year (within the plan)."""
    year = (today or timezone.localdate()).year
    return first, max(first, min(last, year))


def no_data_note(year: int) -> str:
    return str(_("Year %(year)s: no reported data yet") % {"year": year})


# ---------------------------------------------------------------------------------------- targets


def _number(value: Decimal | None, unit: str) -> str:
    return formatting.with_unit(value, unit) if value is not None else "—"


@dataclass
class TargetTrend:
    """One indicator from its baseline through each year of the span."""

    indicator: Indicator
    unit: str
    final: Bar | None
    #: One result per year of the span (the engine's, with the year's bar and status).
    history: list[IndicatorResult]
    #: Years of the span that have data (a counted report).
    years_with_data: set[int]

    @property
    def baseline(self) -> Decimal | None:
        return self.indicator.baseline_value

    @property
    def baseline_year(self) -> int | None:
        return self.indicator.baseline_year

    def points(self) -> list[tuple[int, Decimal]]:
        """(year, value) from the baseline (when the plan gives one before the span) through the
        years with data."""
        found: list[tuple[int, Decimal]] = []
        first = self.history[0].year if self.history else 0
        kind = self.final.kind if self.final else ""
        if (
            self.baseline is not None
            and self.baseline_year
            and self.baseline_year < first
            and kind != INCREASE
        ):
            found.append((self.baseline_year, self.baseline))
        found += [
            (r.year, r.value) for r in self.history if r.year in self.years_with_data and r.value is not None
        ]
        return found

    @property
    def trend(self) -> str:
        """Better or worse against the final target: higher is better for "at least" and "increase",
        lower for "at most"; for a range, closer to it (the distance outside the range shrinks)."""
        points = self.points()
        if len(points) < 2 or self.final is None or self.final.kind == BOOLEAN:
            return UNKNOWN
        first, last = points[0][1], points[-1][1]
        if self.final.kind == RANGE:
            change = self._distance(first) - self._distance(last)  # > 0: closer to the range
        elif self.final.kind == MAX:
            change = first - last
        else:
            change = last - first
        if change == 0:
            return FLAT
        return BETTER if change > 0 else WORSE

    def _distance(self, value: Decimal) -> Decimal:
        """How far ``value`` is outside the final target's range (0 inside)."""
        assert self.final is not None
        low, high = self.final.bounds
        if value < low:
            return low - value
        if value > high:
            return value - high
        return Decimal(0)

    def trend_text(self) -> str:
        """ "↘ 38% (2025) → 35% (2028): cải thiện": the arrow follows the value, the word the target
        (in the active language)."""
        trend = self.trend
        label = str(TREND_LABELS[trend])
        points = self.points()
        if trend == UNKNOWN:
            if len(points) == 1:
                return f"{label} ({_('only %(year)s has figures') % {'year': points[0][0]}})"
            return label
        (y0, v0), (y1, v1) = points[0], points[-1]
        arrow = "↗" if v1 > v0 else "↘" if v1 < v0 else "→"
        return f"{arrow} {_number(v0, self.unit)} ({y0}) → {_number(v1, self.unit)} ({y1}): {label}"

    def last(self) -> IndicatorResult | None:
        """The result of the last year with data."""
        found = [r for r in self.history if r.year in self.years_with_data]
        return found[-1] if found else None


# ------------------------------------------------------------------------------------ narratives


@dataclass
class Recurring:
    """A difficulty or proposal grouped across years: the text shown, the years and the units."""

    text: str
    years: list[int]
    units: list[str]


def recurring(by_year: dict[int, list[Grouped]]) -> list[Recurring]:
    """Near-duplicates across years (``grouping``), those raised in the most years first."""
    items = [
        (item.text, f"{year}\x1f{unit}")
        for year, grouped in sorted(by_year.items())
        for item in grouped
        for unit in item.units
    ]
    found = []
    for group in grouping.group(items):
        years = sorted({int(raiser.split("\x1f")[0]) for raiser in group.raisers})
        units = list(dict.fromkeys(raiser.split("\x1f")[1] for raiser in group.raisers))
        found.append(Recurring(group.text, years, units))
    return sorted(found, key=lambda r: (-len(r.years), -len(r.units), grouping.normalise(r.text)))


# ---------------------------------------------------------------------------------------- content


@dataclass
class ReviewYear:
    year: int
    results: PlanResults
    #: The year as its annual report sees it (None for a year without data).
    annual: AnnualContent | None = None

    @property
    def has_data(self) -> bool:
        return self.results.period is not None and self.results.submitted > 0

    @property
    def note(self) -> str:
        return no_data_note(self.year)


@dataclass
class ReviewContent:
    plan: Plan
    start: int
    end: int
    #: The plan's own first and last year.
    first: int
    last: int
    years: list[ReviewYear]
    targets: list[TargetTrend]
    tasks: TaskSummary
    activities: ActivityTotals
    difficulties: list[Recurring] = field(default_factory=list)
    proposals: list[Recurring] = field(default_factory=list)
    with_narratives: bool = True

    @property
    def kind(self) -> str:
        return review_kind(self.end, self.last)

    @property
    def span(self) -> str:
        return f"{self.start}-{self.end}"

    def years_with_data(self) -> list[int]:
        return [y.year for y in self.years if y.has_data]

    def year_notes(self) -> list[str]:
        """One line per year: its reporting, or that it has no data yet."""
        lines = []
        for item in self.years:
            results = item.results
            if not item.has_data:
                lines.append(no_data_note(item.year))
                continue
            lines.append(
                f"Năm {item.year}: {formatting.number(results.submitted)}/{formatting.number(results.expected)} "
                f"đơn vị đã báo cáo ({formatting.percent(results.completeness) or '0%'}), "
                f"{formatting.number(results.on_time)} đơn vị đúng hạn"
            )
        return lines

    def status_counts(self, year: int) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for target in self.targets:
            for result in target.history:
                if result.year == year:
                    counts[result.status] += 1
        return dict(counts)

    def chart_specs(self) -> list[dict]:
        """Each target's trend over the span for the results pages' chart script (value, the roadmap's
        bar and the status per year)."""
        return [
            {
                "id": f"chart-{trend.indicator.pk}",
                "title": f"{trend.indicator.code}. {trend.indicator.text[:90]}",
                **presenters.chart_data(trend.history),
            }
            for trend in self.targets
        ]

    def reported_budget(self, year: int) -> tuple[Decimal, Decimal] | None:
        """(state budget, other sources) the units reported for ``year`` (programme 1790), or None."""
        item = next((y for y in self.years if y.year == year), None)
        if item is None or item.annual is None or not item.annual.is_1790:
            return None
        return item.annual.total("TT_BUDGET_STATE"), item.annual.total("TT_BUDGET_OTHER")


def collect(
    plan: Plan, start: int, end: int, *, with_narratives: bool = True, today: dt.date | None = None
) -> ReviewContent:
    """Everything the review of ``plan`` over ``start``-``end`` shows (:class:`SpanError` for a span
    outside the plan or reversed)."""
    first, last = plan_span(plan)
    check_span(start, end, first, last)
    span = list(range(start, end + 1))
    history = plan_history(plan, span)
    years = [ReviewYear(year, history[year]) for year in span]
    difficulties: dict[int, list] = {}
    proposals: dict[int, list] = {}
    for item in years:
        if item.has_data:
            item.annual = collect_year(plan, item.year, with_narratives=with_narratives, with_previous=False)
            difficulties[item.year] = item.annual.difficulties
            proposals[item.year] = item.annual.proposals
    with_data = {y.year for y in years if y.has_data}
    targets = []
    for position, result in enumerate(history[start].indicators):
        series = [history[year].indicators[position] for year in span]
        targets.append(TargetTrend(result.indicator, result.unit, result.final, series, with_data))
    return ReviewContent(
        plan=plan,
        start=start,
        end=end,
        first=first,
        last=last,
        years=years,
        targets=targets,
        tasks=task_summary(plan, start, end, today),
        activities=activity_totals(plan, start, end),
        difficulties=recurring(difficulties) if with_narratives else [],
        proposals=recurring(proposals) if with_narratives else [],
        with_narratives=with_narratives,
    )


__all__ = ["ActivityTotals", "TaskSummary", "activity_totals", "task_summary"]
