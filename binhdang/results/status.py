"""Progress status of an indicator in a year (domain §8). The same rule is shown to users on
``/results/help/`` (template ``results/help.html``); change both together. Indicators with several
targets: each is assessed by this rule and the indicator gets the worst (``results.targets``).

Inputs
    ``value``: the indicator's value for the year (None when there is no data).
    The **bar for the year**: the roadmap's milestone for the year; else a target due that year or every
    year; else the straight path from the baseline to the 2030 target (``Indicator.target_for``). When
    nothing frames the year (no baseline before it), the bar is the final target.
    The **final target**: the 2030 commitment (``Indicator.final_target``; a yearly target for
    indicators that only have one).
    The **baseline**: the plan's baseline value, when it gives one (for an "increase over the baseline"
    target the value is already the difference, so the baseline is 0).

Meeting a bar
    at least (``min``): value >= bar (strict "above": value > bar); increase: value >= the lower bound
    of the increase (the value is in percentage points over the baseline); at most (``max``): value <=
    bar (strict "below": value < bar; "below 42" is met at 40, not at 42); range: low <= value <= high;
    yes/no: the value is yes.

Status
    1. no value, or no target at all -> ``no_data``;
    2. yes/no indicators: yes -> ``achieved``, no -> ``off_track``;
    3. the value meets the final target -> ``achieved`` (already there);
    4. the value meets the bar for the year -> ``on_track``;
    5. otherwise the progress ratio r = observed progress / required progress:
       - with a baseline b and the bar E: r = (value - b) / (E - b) when higher is better,
         (b - value) / (b - E) when lower is better; for a range, towards the bound the value is
         outside of. If the bar asks for no progress over the baseline (E - b <= 0) while the value
         misses it, the value went backwards: r = -1;
       - without a baseline: the share of the bar reached, r = value / E (higher is better) or
         E / value (lower is better);
       r >= 0.95 -> ``on_track`` (within 5% of the required progress), 0.6 <= r < 0.95 -> ``at_risk``,
       r < 0.6 -> ``off_track``. The thresholds are those of the open-sdg progress measure
       (substantial >= 0.95, moderate >= 0.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

ACHIEVED = "achieved"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
NO_DATA = "no_data"

#: Every status, best first: (label, CSS class of the badge and the chart colour).
STATUSES = {
    ACHIEVED: (_("Achieved"), "status-achieved"),
    ON_TRACK: (_("On track"), "status-on_track"),
    AT_RISK: (_("At risk"), "status-at_risk"),
    OFF_TRACK: (_("Off track"), "status-off_track"),
    NO_DATA: (_("No data"), "status-no_data"),
}

ON_TRACK_RATIO = Decimal("0.95")
AT_RISK_RATIO = Decimal("0.6")

MIN, MAX, RANGE, INCREASE, BOOLEAN = "min", "max", "range", "increase", "boolean"


def label(status: str) -> str:
    return str(STATUSES[status][0])


def css_class(status: str) -> str:
    return STATUSES[status][1]


@dataclass(frozen=True, slots=True)
class Bar:
    """What a value is compared with: a kind (``min``, ``max``, ``range``, ``increase``, ``boolean``)
    and its bounds. ``low`` is the bound of an "at least" bar, ``high`` of an "at most" bar."""

    kind: str
    low: Decimal | None = None
    high: Decimal | None = None
    strict: bool = False

    @classmethod
    def from_expectation(cls, expectation, *, strict: bool = False) -> Bar | None:
        """From ``plans.models.Expectation`` (``Indicator.target_for``); None when it has no numbers
        (except a yes/no bar, which needs none)."""
        if expectation is None:
            return None
        if expectation.kind == BOOLEAN:
            return cls(BOOLEAN)
        low, high = expectation.low, expectation.high
        if low is None and high is None:
            return None
        return cls(expectation.kind, low, high, bool(expectation.strict or strict))

    @classmethod
    def from_target(cls, target) -> Bar | None:
        """From a ``plans.models.Target``; None for a target without numbers (except yes/no)."""
        if target is None:
            return None
        if target.kind == BOOLEAN:
            return cls(BOOLEAN)
        bounds = target.bounds()
        if bounds is None:
            return None
        return cls(target.kind, bounds[0], bounds[1], bool(target.strict))

    @property
    def reference(self) -> Decimal | None:
        """The single number the bar stands for: the "at least" bound, or the "at most" bound."""
        if self.kind == MAX:
            return self.high if self.high is not None else self.low
        return self.low if self.low is not None else self.high

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """(low, high), one standing for the other when only one is known (a numeric bar has one)."""
        low = self.low if self.low is not None else self.high
        high = self.high if self.high is not None else self.low
        if low is None or high is None:
            raise ValueError(f"a {self.kind} bar without bounds")
        return low, high


def meets(value: Decimal, bar: Bar) -> bool:
    """Whether ``value`` meets ``bar`` (see the module docstring)."""
    if bar.kind == BOOLEAN:
        return value > 0
    low, high = bar.bounds
    if bar.kind == RANGE:
        return low <= value <= high
    if bar.kind == MAX:
        return value < high if bar.strict else value <= high
    return value > low if bar.strict else value >= low


def progress_ratio(value: Decimal, bar: Bar, baseline: Decimal | None) -> Decimal:
    """Observed progress over required progress towards ``bar`` (1 or more: the bar is reached)."""
    low, high = bar.bounds
    if bar.kind == RANGE:
        if value < low:
            return _ratio_up(value, low, baseline)
        if value > high:
            return _ratio_down(value, high, baseline)
        return Decimal(1)
    if bar.kind == MAX:
        return _ratio_down(value, high, baseline)
    return _ratio_up(value, low, baseline)


def _ratio_up(value: Decimal, bound: Decimal, baseline: Decimal | None) -> Decimal:
    if baseline is not None:
        needed = bound - baseline
        if needed <= 0:
            return Decimal(1) if value >= bound else Decimal(-1)
        return (value - baseline) / needed
    if bound <= 0:
        return Decimal(1) if value >= bound else Decimal(-1)
    return value / bound


def _ratio_down(value: Decimal, bound: Decimal, baseline: Decimal | None) -> Decimal:
    if baseline is not None:
        needed = baseline - bound
        if needed <= 0:
            return Decimal(1) if value <= bound else Decimal(-1)
        return (baseline - value) / needed
    if value <= 0:
        return Decimal(1)
    return bound / value


@dataclass(frozen=True, slots=True)
class Assessment:
    status: str
    #: The progress ratio when the status came from it (step 5), else None.
    ratio: Decimal | None = None

    @property
    def label(self) -> str:
        return label(self.status)

    @property
    def css_class(self) -> str:
        return css_class(self.status)


def assess(
    value: Decimal | None, bar: Bar | None, final: Bar | None, baseline: Decimal | None = None
) -> Assessment:
    """The status of ``value`` against the bar for the year and the final target (module docstring)."""
    if value is None:
        return Assessment(NO_DATA)
    bar = bar or final
    final = final or bar
    if bar is None or final is None:
        return Assessment(NO_DATA)
    if bar.kind == BOOLEAN or final.kind == BOOLEAN:
        return Assessment(ACHIEVED if value > 0 else OFF_TRACK)
    if meets(value, final):
        return Assessment(ACHIEVED)
    if meets(value, bar):
        return Assessment(ON_TRACK)
    ratio = progress_ratio(value, bar, baseline)
    if ratio >= ON_TRACK_RATIO:
        return Assessment(ON_TRACK, ratio)
    if ratio >= AT_RISK_RATIO:
        return Assessment(AT_RISK, ratio)
    return Assessment(OFF_TRACK, ratio)
