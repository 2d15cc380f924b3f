"""National results of the catalog indicators for a year: what the ministry reads (issue 18).

:func:`national_results(year) <national_results>` builds on the engine's national roll-up
(``engine.national_rollup``, one per programme: ``1790.*`` from the communication plans, ``NQ28.*``
from the strategy plans) and gives, per catalog indicator that at least one province's plan in force
carries:

- the **national value**, computed from the units' data (``engine.national``): the sum of the
  numerators over the sum of the denominators of every province (units meeting the bar over units
  expected, conventions without discrimination over conventions), never the mean of the provinces'
  percentages; a value without numerator and denominator (1790.3's change of awareness, a statistic
  entered alone) is the mean of the provinces' values, and says so (:attr:`NationalIndicator.pooled`);
- the **distribution** of the provinces with a value: each province's value, status and target
  for the year, ranked best first (the highest for "higher is better", the lowest for "lower is
  better", the nearest to the range of its target for a range), and min, first quartile, median, third quartile and max (inclusive quartiles);
- the provinces **off track**: their value, against the target their plan sets for the year (the
  national target as the province adapted it, with its roadmap), has the status "off track"
  (``results.status``); those at risk are listed beside them;
- the provinces whose plan carries the indicator but which have no value yet.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import CatalogIndicator, Direction, Plan, Program
from binhdang.results.engine import IndicatorResult, NationalRollup, national_rollup
from binhdang.results.engine.plan import CENT
from binhdang.results.status import AT_RISK, OFF_TRACK, STATUSES, Bar

#: The programmes whose catalog indicators the ministry follows, in page order.
PROGRAMS: tuple[str, ...] = (Program.COMMUNICATION.value, Program.STRATEGY.value)


@dataclass
class ProvinceValue:
    """One province's result for a catalog indicator in the year."""

    province: OrgUnit
    plan: Plan
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str
    bar: Bar | None
    unit: str = ""

    @classmethod
    def of(cls, province: OrgUnit, result: IndicatorResult) -> ProvinceValue:
        return cls(
            province,
            result.indicator.plan,
            result.value,
            result.numerator,
            result.denominator,
            result.status,
            result.bar,
            result.unit,
        )


@dataclass
class NationalIndicator:
    """A catalog indicator over the provinces (module docstring)."""

    catalog: CatalogIndicator
    program: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    unit: str
    #: Provinces with a value, best first.
    ranked: list[ProvinceValue]
    #: Provinces whose plan carries the indicator, without a value this year.
    without_value: list[ProvinceValue] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.catalog.code

    @property
    def name(self) -> str:
        return self.catalog.name

    @property
    def pooled(self) -> bool:
        """True when the national value is the units' numerators over their denominators."""
        return self.denominator is not None

    @property
    def values(self) -> list[Decimal]:
        return [p.value for p in self.ranked if p.value is not None]

    @property
    def quartiles(self) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal] | None:
        """(min, first quartile, median, third quartile, max) of the provinces' values; None without any."""
        values = sorted(self.values)
        if not values:
            return None
        if len(values) == 1:
            return (values[0],) * 5  # type: ignore[return-value]
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        exact = [Decimal(q).quantize(CENT, rounding=ROUND_HALF_UP) for q in (q1, median, q3)]
        return values[0], exact[0], exact[1], exact[2], values[-1]

    @property
    def off_track(self) -> list[ProvinceValue]:
        return [p for p in self.ranked if p.status == OFF_TRACK]

    @property
    def at_risk(self) -> list[ProvinceValue]:
        return [p for p in self.ranked if p.status == AT_RISK]

    @property
    def provinces(self) -> int:
        """Provinces whose plan in force carries the indicator."""
        return len(self.ranked) + len(self.without_value)

    def status_counts(self) -> list[tuple[str, int]]:
        counts = Counter(p.status for p in [*self.ranked, *self.without_value])
        return [(status, counts.get(status, 0)) for status in STATUSES]


@dataclass
class NationalResults:
    year: int
    #: {programme: the engine's roll-up} (completeness and timeliness of the provinces' units).
    rollups: dict[str, NationalRollup]
    indicators: list[NationalIndicator]

    @property
    def provinces(self) -> list[OrgUnit]:
        first = next(iter(self.rollups.values()))
        return [province for province, _result in first.rows]

    def for_program(self, program: str) -> list[NationalIndicator]:
        return [i for i in self.indicators if i.program == program]


def _distance(item: ProvinceValue) -> Decimal:
    """How far a value lies outside its province's bar for the year (0 inside it)."""
    value, bar = item.value or Decimal(0), item.bar
    if bar is None:
        return Decimal(0)
    low, high = bar.low, bar.high
    return max(
        low - value if low is not None else Decimal(0),
        value - high if high is not None else Decimal(0),
        Decimal(0),
    )


def _rank_key(direction: str):
    """Best first: the highest value ("higher is better"), the lowest ("lower is better"), the
    nearest to its range (a range, such as the sex ratio at birth 104-107), then the highest."""
    lower_first = direction == Direction.DECREASE
    ranged = direction == Direction.RANGE

    def key(item: ProvinceValue):
        value = item.value if item.value is not None else Decimal(0)
        if ranged:
            return (_distance(item), value, item.province.name)
        return (value if lower_first else -value, item.province.name)

    return key


def indicators_of(rollup: NationalRollup, catalog: dict[str, CatalogIndicator]) -> list[NationalIndicator]:
    """The catalog indicators of one programme's roll-up, in catalog order."""
    found = []
    by_catalog = [(province, result.by_catalog()) for province, result in rollup.rows if result is not None]
    for code in rollup.codes:
        entry = catalog.get(code)
        if entry is None:
            continue
        cells = [
            ProvinceValue.of(province, results[code]) for province, results in by_catalog if code in results
        ]
        total = rollup.totals[code]
        ranked = sorted((c for c in cells if c.value is not None), key=_rank_key(entry.direction))
        without = sorted((c for c in cells if c.value is None), key=lambda c: c.province.name)
        found.append(
            NationalIndicator(
                entry,
                rollup.program,
                total.value,
                total.numerator,
                total.denominator,
                total.unit or entry.unit,
                ranked,
                without,
            )
        )
    return found


def national_results(year: int) -> NationalResults:
    """The national results of ``year`` (module docstring): one roll-up per programme."""
    catalog = {c.code: c for c in CatalogIndicator.objects.all()}
    rollups = {program: national_rollup(year, program) for program in PROGRAMS}
    indicators = [item for rollup in rollups.values() for item in indicators_of(rollup, catalog)]
    return NationalResults(year, rollups, indicators)
