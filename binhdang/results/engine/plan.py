"""The results engine: every indicator of a plan for a year, against the target that applies that year.

Public API

- :func:`plan_results(plan, year) <plan_results>` -> :class:`PlanResults`: completeness and timeliness
  of the year's reports and one :class:`IndicatorResult` per indicator of the plan (value, numerator,
  denominator, the target for the year, the final target, the status);
- :func:`plan_history(plan, years) <plan_history>` -> ``{year: PlanResults}`` (same queries for all years);
- :func:`indicator_history(indicator, years) <indicator_history>` -> ``[IndicatorResult]``, one per year;
- ``engine.national_rollup(year, program)`` (``engine/national.py``): the plan in force of every province
  for a programme, side by side, from the same :func:`fetch_inputs` and :func:`results_for_plan`.

Live: everything is computed from the reports at the moment of the call (a few aggregate queries, see
``catalog_rules``), never stored, never cached; a report submitted a second ago is in the figures.

Where a value comes from

- an indicator bound to a ``1790.*`` catalog entry: computed from the year's ``TT1790`` reports of the
  plan's period (``catalog_rules``). For ``1790.1`` the plan usually words its target as a number of
  sessions per unit ("ít nhất 02 cuộc"): that number is N and the bar is 100 % of the units; a target
  worded as a percentage of units is the bar itself, with N = 2;
- any other indicator: entered directly by the responsible agencies in the year's strategy report
  (domain §7), a value or a numerator and a denominator (scaled by the unit: x100 for "%",
  x100 000 for "/100.000 ...", x1 000 for "/1.000 ...");
- no period for the year, no counted report, a zero denominator: no value (status ``no_data``).

The target for the year (``engine.bars``) is ``Indicator.target_for(year)`` (the roadmap's milestone, a target due that
year or every year, else the straight path from the baseline to the 2030 target); the status follows
``status.assess`` (the rule written on the help page). An indicator with several targets has each
assessed (``IndicatorResult.targets``) and its status is the worst of its due targets (``results.targets``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from binhdang.core import sqlrows
from binhdang.core.formatting import bar_json, machine_number
from binhdang.plans.models import TARGET_YEAR, Indicator, Plan
from binhdang.reporting.models import Period
from binhdang.results import catalog_rules as rules
from binhdang.results.engine.bars import (
    baseline_year,
    catalog_code,
    ratio_scale,
    sessions_threshold,
    year_bars,
)
from binhdang.results.figures import PeriodFigures, PeriodSpec, period_figures
from binhdang.results.loading import annual_periods, indicators_by_plan
from binhdang.results.models import GenderStatistic
from binhdang.results.period_counts import FiguresOfAPeriod
from binhdang.results.status import INCREASE, STATUSES, Assessment, Bar, assess
from binhdang.results.targets import TargetResult, assess_targets, measure_codes, overall

COMPUTED, DIRECT, NONE = "computed", "direct", "none"
#: A strategy indicator's value taken from the province's gender statistics (``genderstats``): the
#: figure the responsible agency recorded with its source, when no report of the year gives it.
STATISTIC = "statistic"
CATALOG_1790 = ("1790.1", "1790.2", "1790.3", "1790.4", "1790.5")
CENT = Decimal("0.01")  # values are rounded to the cent, half up


@dataclass
class IndicatorResult:
    """One indicator of a plan in one year."""

    indicator: Indicator
    year: int
    value: Decimal | None
    unit: str
    bar: Bar | None
    final: Bar | None
    #: Where the bar comes from: milestone, target, annual, path (``Indicator.target_for``), or final.
    basis: str
    assessment: Assessment
    source: str = NONE
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    #: Rule-specific inputs shown on the indicator page (N, awareness and its baseline...).
    detail: dict = field(default_factory=dict)
    #: Each target of the indicator with its own status (``results.targets``); ``assessment`` is the
    #: worst of the due ones.
    targets: list[TargetResult] = field(default_factory=list)

    @property
    def catalog_code(self) -> str | None:
        catalog = self.indicator.catalog
        return catalog.code if catalog is not None else None

    @property
    def status(self) -> str:
        return self.assessment.status

    @property
    def has_value(self) -> bool:
        return self.value is not None

    def as_json(self) -> dict:
        return {
            "indicator": self.indicator.code,
            "catalog": self.catalog_code,
            "value": machine_number(self.value),
            "unit": self.unit,
            "numerator": machine_number(self.numerator),
            "denominator": machine_number(self.denominator),
            "target": bar_json(self.bar),
            "final_target": bar_json(self.final),
            "target_basis": self.basis,
            "status": self.status,
            "targets": [t.as_json() for t in self.targets],
        }


@dataclass
class PlanResults(FiguresOfAPeriod):
    """A plan in a year: reporting completeness and timeliness, and every indicator's result."""

    plan: Plan
    year: int
    period: Period | None
    figures: PeriodFigures | None
    indicators: list[IndicatorResult]

    def by_catalog(self) -> dict[str, IndicatorResult]:
        """The first result bound to each catalog code."""
        found: dict[str, IndicatorResult] = {}
        for result in self.indicators:
            if result.catalog_code and result.catalog_code not in found:
                found[result.catalog_code] = result
        return found

    def status_counts(self) -> list[tuple[str, int]]:
        counts = Counter(r.status for r in self.indicators)
        return [(status, counts.get(status, 0)) for status in STATUSES]

    def as_json(self) -> dict:
        return {
            "plan": self.plan.pk,
            "year": self.year,
            "completeness": machine_number(self.completeness),
            "timeliness": machine_number(self.timeliness),
            "expected": self.expected,
            "submitted": self.submitted,
            "on_time": self.on_time,
            "indicators": [r.as_json() for r in self.indicators],
        }


# ------------------------------------------------------------------------------------------ values


@dataclass
class Inputs:
    """Everything fetched for a set of plans and years, shared by the per-indicator computations."""

    figures: dict[int, PeriodFigures]
    awareness: dict[tuple[int, int], Decimal]
    direct: dict[int, dict[str, rules.DirectFigure]]
    #: ``{(period id, catalog code): UnitShare}``: strategy indicators computed from the units' figures.
    unit_shares: dict[tuple[int, str], rules.UnitShare] = field(default_factory=dict)
    #: ``{(province id, series, year): {sex: GenderStatistic}}`` of the strategy indicators.
    statistics: dict[tuple[int, str, int], dict] = field(default_factory=dict)


def _computed_value(indicator: Indicator, plan: Plan, year: int, period, inputs: Inputs):
    """(value, numerator, denominator, detail) of a 1790 indicator."""
    code = catalog_code(indicator)
    if code == "1790.3":
        base_year = baseline_year(indicator)
        now = inputs.awareness.get((plan.province_id, year))
        base = inputs.awareness.get((plan.province_id, base_year)) if base_year else None
        detail = {"awareness": now, "baseline_awareness": base, "baseline_year": base_year}
        if now is None or base is None or base_year is None or year < base_year:
            return None, None, None, detail
        return now - base, None, None, detail
    figures = (
        inputs.figures.get(period.pk) if period is not None and period.form_code == rules.TT1790 else None
    )
    if figures is None:
        return None, None, None, {}
    if code == "1790.1":
        numerator, denominator = figures.sessions_ok, figures.expected
        detail = {"sessions": sessions_threshold(indicator, year)}
    elif code == "1790.2":
        numerator, denominator, detail = figures.am_plan, figures.expected, {}
    elif code == "1790.4":
        numerator, denominator, detail = figures.media_official, figures.media_expected, {}
    else:  # 1790.5
        numerator, denominator = figures.conventions_ok, figures.conventions
        detail = {"communes": figures.communes_reporting_conventions}
        if not figures.communes_reporting_conventions:
            return None, None, None, detail
    return rules.percent(numerator, denominator), Decimal(numerator), Decimal(denominator), detail


def direct_codes(indicators: Iterable[Indicator]) -> dict[int, str]:
    """{indicator id: data element code} of the direct-entry indicators of one plan, as the strategy
    form names them (``reporting.plan_adapter.direct_indicators``): the catalog code, else
    ``IND<id>``."""
    codes: dict[int, str] = {}
    used: set[str] = set()
    for indicator in sorted(indicators, key=lambda i: (i.order, i.pk)):
        catalog = indicator.catalog
        if catalog is not None and catalog.is_computed:
            continue
        code = catalog.code if catalog is not None and catalog.code not in used else f"IND{indicator.pk}"
        used.add(code)
        codes[indicator.pk] = code
    return codes


def _direct_value(indicator: Indicator, code: str | None, period, inputs: Inputs):
    if period is None or code is None:
        return None, None, None, {}
    figure = inputs.direct.get(period.pk, {}).get(code)
    if figure is None:
        return None, None, None, {}
    numerator, denominator = figure.numerator, figure.denominator
    value: Decimal | None
    if figure.value_count and figure.value_sum is not None:
        value = figure.value_sum / figure.value_count
    elif numerator is not None and denominator:
        value = numerator * ratio_scale(indicator.unit) / denominator
    else:
        value = None
    if value is not None:
        value = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return value, numerator, denominator, {}


def _result(indicator: Indicator, plan: Plan, year: int, period, inputs: Inputs, codes: dict[int, str]):
    bar, final, basis, _sessions = year_bars(indicator, year)
    catalog = indicator.catalog
    if catalog is not None and catalog.code in CATALOG_1790:
        value, numerator, denominator, detail = _computed_value(indicator, plan, year, period, inputs)
        source, unit = COMPUTED, catalog.unit or indicator.unit
    else:
        value, numerator, denominator, detail = _direct_value(
            indicator, codes.get(indicator.pk), period, inputs
        )
        source, unit = DIRECT, indicator.unit or (catalog.unit if catalog else "")
        share = inputs.unit_shares.get((period.pk, catalog.code)) if period and catalog else None
        if share is not None and share.answered and share.value is not None:
            value, source = share.value, COMPUTED
            numerator, denominator = Decimal(share.meeting), Decimal(share.expected)
            detail = {"answered": share.answered}
        if value is None and catalog is not None:
            recorded = inputs.statistics.get((plan.province_id, catalog.code, year), {})
            if "_T" in recorded:
                total = recorded["_T"]
                value, source = total.value.quantize(CENT, rounding=ROUND_HALF_UP), STATISTIC
                agency = total.recorded_by_unit.name if total.recorded_by_unit else ""
                detail = {
                    "statistic": {
                        "total": total.value,
                        "female": recorded["F"].value if "F" in recorded else None,
                        "male": recorded["M"].value if "M" in recorded else None,
                        "source": total.source,
                        "agency": agency,
                    }
                }
    compared, baseline = value, indicator.baseline_value
    if final is not None and final.kind == INCREASE:
        if catalog is None or catalog.code != "1790.3":
            compared = value - baseline if value is not None and baseline is not None else value
        baseline = Decimal(0)
    assessment = assess(compared, bar, final, baseline)
    own_values = None
    if source == DIRECT:
        own = measure_codes(indicator, codes.get(indicator.pk) or f"IND{indicator.pk}")
        own_values = {i: _direct_value(indicator, c, period, inputs)[0] for i, c in own.items()}
    targets = assess_targets(indicator, year, (value, compared, bar, basis, assessment), own_values, baseline)
    assessment = overall(targets, assessment)
    return IndicatorResult(
        indicator=indicator,
        year=year,
        value=value,
        unit=unit,
        bar=bar,
        final=final,
        basis=basis,
        assessment=assessment,
        source=source if value is not None else NONE,
        numerator=numerator,
        denominator=denominator,
        detail=detail,
        targets=targets,
    )


# ---------------------------------------------------------------------------------------- fetching


def _spec(period: Period, indicators: list[Indicator]) -> PeriodSpec:
    sessions = rules.DEFAULT_SESSIONS
    for indicator in indicators:
        if catalog_code(indicator) == "1790.1":
            sessions = sessions_threshold(indicator, period.year)
            break
    return PeriodSpec(period.pk, period.deadline_end, sessions)


def fetch_inputs(
    plans: list[Plan],
    indicators: dict[int, list[Indicator]],
    periods: list[Period],
    statistic_years: Iterable[int] = (),
) -> Inputs:
    """Everything the indicators of ``plans`` need for ``periods``, in a few grouped queries (one per rule
    set whatever the number of plans): the national roll-up fetches all provinces at once."""
    specs = [_spec(p, indicators[p.plan_id]) for p in periods if p.form_code == rules.TT1790]
    other = [p for p in periods if p.form_code != rules.TT1790]
    figures = period_figures(specs)
    if other:  # completeness of strategy periods: the same query (the 1790 counts stay at zero)
        figures.update(period_figures([PeriodSpec(p.pk, p.deadline_end) for p in other]))
    years = {p.year for p in periods}
    provinces = set()
    for plan in plans:
        for indicator in indicators[plan.pk]:
            if catalog_code(indicator) == "1790.3":
                provinces.add(plan.province_id)
                base = baseline_year(indicator)
                if base:
                    years.add(base)
    awareness = rules.awareness(provinces, years) if provinces else {}
    direct = rules.direct_figures([p.pk for p in other])
    stat_years = {p.year for p in periods} | set(statistic_years)
    statistics = _statistics(plans, indicators, stat_years)
    shares = rules.unit_shares([p.pk for p in other])
    return Inputs(figures, awareness, direct, unit_shares=shares, statistics=statistics)


def _statistics(plans: list[Plan], indicators: dict[int, list[Indicator]], years: set[int]) -> dict:
    """The recorded gender statistics of the plans' strategy indicators (one query)."""
    codes = {
        c for plan in plans for i in indicators[plan.pk] if (c := catalog_code(i)) and c not in CATALOG_1790
    }
    if not codes or not years:
        return {}
    found: dict[tuple[int, str, int], dict] = {}
    rows = GenderStatistic.objects.filter(
        province_id__in={p.province_id for p in plans}, series__in=codes, year__in=years
    ).select_related("recorded_by_unit")
    for row in rows:
        found.setdefault((row.province_id, row.series, row.year), {})[row.sex] = row
    return found


def results_for_plan(
    plan: Plan, year: int, period, indicators: list[Indicator], inputs: Inputs
) -> PlanResults:
    """One plan's results for ``year`` from inputs already fetched (:func:`fetch_inputs`)."""
    entered = period is not None and period.form_code != rules.TT1790
    codes = direct_codes(indicators) if entered else {}
    results = [_result(i, plan, year, period, inputs, codes) for i in indicators]
    figures = inputs.figures.get(period.pk) if period is not None else None
    return PlanResults(plan, year, period, figures, results)


def plan_history(plan: Plan, years: Iterable[int]) -> dict[int, PlanResults]:
    """``{year: PlanResults}`` for ``years`` of ``plan``: seven queries whatever the number of years."""
    years = sorted(set(years))
    indicators = indicators_by_plan([plan.pk])
    for indicator in indicators[plan.pk]:
        sqlrows.cache_related(indicator, "plan", plan)
    periods = {p.year: p for p in annual_periods([plan.pk], years)}
    inputs = fetch_inputs([plan], indicators, list(periods.values()), years)
    return {y: results_for_plan(plan, y, periods.get(y), indicators[plan.pk], inputs) for y in years}


def plan_results(plan: Plan, year: int) -> PlanResults:
    """Every indicator of ``plan`` in ``year``, with completeness and timeliness (module docstring)."""
    return plan_history(plan, [year])[year]


def indicator_history(indicator: Indicator, years: Iterable[int]) -> list[IndicatorResult]:
    """The results of one indicator for each of ``years`` (oldest first)."""
    history = plan_history(indicator.plan, years)
    return [next(r for r in history[y].indicators if r.indicator.pk == indicator.pk) for y in sorted(history)]


def plan_years(plan: Plan) -> list[int]:
    """The roadmap years of a plan (2026-2030, within the plan's period)."""
    start = plan.period_start or min(plan.roadmap_years)
    end = plan.period_end or TARGET_YEAR
    years = [y for y in plan.roadmap_years if start <= y <= end]
    return years or list(plan.roadmap_years)
