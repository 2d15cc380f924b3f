"""The bars of an indicator in a year: what its value is compared with (``engine.plan`` uses them).

- :func:`ratio_scale`: the factor of a numerator/denominator entry for an indicator's unit;
- :func:`catalog_code`: the catalog code an indicator is bound to;
- the bar for the year, the final bar, where the bar comes from, and N of a ``1790.1`` indicator
  (:func:`year_bars`: worked out once per indicator object and year), from ``Indicator.target_for`` and the
  final target; in the baseline year the baseline itself;
- :func:`sessions_threshold` and :func:`baseline_year`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from binhdang.plans.models import Indicator
from binhdang.results import catalog_rules as rules
from binhdang.results.status import BOOLEAN, INCREASE, MAX, MIN, RANGE, Bar

_SCALE = re.compile(r"/\s*(\d{1,3}(?:[.\s]\d{3})+|\d+)")


def ratio_scale(unit: str) -> Decimal:
    """The factor of a numerator/denominator entry for an indicator's unit ("%" -> 100,
    "/100.000 trẻ sinh sống" -> 100 000, "bé trai/100 bé gái" -> 100, anything else -> 1)."""
    if "%" in (unit or ""):
        return Decimal(100)
    match = _SCALE.search(unit or "")
    if match:
        return Decimal(re.sub(r"[.\s]", "", match.group(1)))
    return Decimal(1)


def catalog_code(indicator: Indicator) -> str | None:
    """The catalog code an indicator is bound to, None for direct entry without a binding."""
    catalog = indicator.catalog if indicator.catalog_id is not None else None
    return catalog.code if catalog is not None else None


def is_percent(unit: str) -> bool:
    return "%" in (unit or "")


def _final_bar(indicator: Indicator) -> Bar | None:
    return Bar.from_target(indicator.final_target)


def _sessions_target_is_count(indicator: Indicator) -> bool:
    """True when a ``1790.1`` target counts sessions per unit rather than a percentage of units."""
    final = indicator.final_target
    unit = final.unit if final is not None and final.unit else indicator.unit
    return not is_percent(unit)


Bars = tuple[Bar | None, Bar | None, str, int | None]


def year_bars(indicator: Indicator, year: int) -> Bars:
    """(bar for the year, final bar, basis, sessions threshold N or None) of ``indicator``, worked
    out once per indicator object and year (the object lives for one computation)."""
    memo: dict[int, Bars] = indicator.__dict__.setdefault("_results_bars", {})
    if year not in memo:
        memo[year] = _compute_bars(indicator, year)
    return memo[year]


def _compute_bars(indicator: Indicator, year: int) -> Bars:
    expectation = indicator.target_for(year)
    basis = expectation.basis if expectation is not None else "final"
    if catalog_code(indicator) == "1790.1":
        if _sessions_target_is_count(indicator):
            count = Bar.from_expectation(expectation) or _final_bar(indicator)
            sessions = (
                int(count.reference) if count is not None and count.reference else rules.DEFAULT_SESSIONS
            )
            everyone = Bar(MIN, rules.HUNDRED, rules.HUNDRED)
            return everyone, everyone, basis, sessions
        percent_final = _final_bar(indicator) or Bar(MIN, rules.HUNDRED, rules.HUNDRED)
        return (
            Bar.from_expectation(expectation) or percent_final,
            percent_final,
            basis,
            rules.DEFAULT_SESSIONS,
        )
    final = _final_bar(indicator)
    same_kind = final is not None and expectation is not None and expectation.kind == final.kind
    bar = Bar.from_expectation(expectation, strict=same_kind and final is not None and final.strict)
    if bar is None:
        baseline = _baseline_bar(indicator, final, year)
        if baseline is not None:
            return baseline, final, "baseline", None
        return final, final, "final", None
    return bar, final, basis, None


def _baseline_bar(indicator: Indicator, final: Bar | None, year: int) -> Bar | None:
    """In the baseline year (or before it) no progress is required yet: the bar is the baseline
    itself (0 for an increase over the baseline). None when the plan gives no baseline."""
    if final is None or final.kind == BOOLEAN:
        return None
    base_year = baseline_year(indicator) if final.kind == INCREASE else indicator.baseline_year
    base = Decimal(0) if final.kind == INCREASE else indicator.baseline_value
    if base_year is None or year > base_year or base is None:
        return None
    if final.kind == RANGE:
        kind = MAX if final.high is not None and base > final.high else MIN
    else:
        kind = MAX if final.kind == MAX else MIN
    return Bar(kind, base, base)


def sessions_threshold(indicator: Indicator, year: int) -> int:
    """N of a ``1790.1`` indicator in ``year`` (sessions a unit must hold)."""
    return year_bars(indicator, year)[3] or rules.DEFAULT_SESSIONS


def baseline_year(indicator: Indicator) -> int | None:
    """The baseline year of an indicator: its own, else its targets', else the plan's first year."""
    if indicator.baseline_year:
        return indicator.baseline_year
    for target in indicator._targets():
        if target.baseline_year:
            return target.baseline_year
    return indicator.plan.period_start
