"""Every target of an indicator assessed on its own, and the indicator's overall status from them.

An indicator may carry several targets ("đạt 90% ...; đến năm 2030 đạt 70% ..."; "tiểu học khoảng 99%;
trung học cơ sở khoảng 90%"; "100% xã, phường mỗi quý có ít nhất 04 tin, bài"). The rule:

Measures
    Targets that are steps of one measure (both dated, different years, same kind and unit: "70% by
    2027, 90% by 2030") share the indicator's value. Any other target measures something of its own
    ("primary 99%" and "lower secondary 90%" in the same year): for a directly entered indicator its
    value is entered on its own line of the strategy report (data element ``<indicator's code>-T<n>``,
    n = the target's place among the indicator's targets: :func:`measure_codes`). Indicators computed
    from the 1790 reports have one value, which every target is compared with.

When a target counts ("due") in a year
    a target due every year (``annual``, "từ năm 2026 trở đi") from its first year; a dated target in
    every year up to and including its year (before it, the value is assessed on the way to it; after
    it, a later target takes over); a target without a year and not yearly, every year.

Each target's status (``status.assess``)
    - a target of the indicator's main measure (the measure of its first target): against the
      indicator's bar for the year (roadmap milestone, target due that year, straight path from the
      baseline; ``engine.bars.year_bars``) and, as final target, the target itself;
    - a target measuring something of its own: against the target itself (bar and final), without a
      baseline.

Overall status of the indicator
    the **worst** status of its due targets, in the order off track < at risk < no data < on track <
    achieved (a target without data keeps an indicator from being "on track" or "achieved", but does
    not hide one that is off track). With one target, or none due, it is that of the main measure
    (unchanged from a single-target indicator).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from binhdang.core.formatting import bar_json
from binhdang.core.formatting import machine_number as json_number
from binhdang.plans.models import Indicator, Target
from binhdang.results.status import (
    ACHIEVED,
    AT_RISK,
    INCREASE,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    Assessment,
    Bar,
    assess,
)

#: Statuses from the worst to the best, for the overall status of an indicator.
WORST_FIRST = (OFF_TRACK, AT_RISK, NO_DATA, ON_TRACK, ACHIEVED)


@dataclass
class TargetResult:
    """One target of an indicator in one year."""

    target: Target
    #: The target's place among the indicator's targets (1, 2, ...).
    number: int
    value: Decimal | None
    bar: Bar | None
    final: Bar | None
    basis: str
    assessment: Assessment
    due: bool

    @property
    def status(self) -> str:
        return self.assessment.status

    def as_json(self) -> dict:
        return {
            "target": self.number,
            "value": json_number(self.value),
            "bar": bar_json(self.bar),
            "final": bar_json(self.final),
            "due": self.due,
            "status": self.status,
        }


def measure_codes(indicator: Indicator, code: str) -> dict[int, str]:
    """{target position (0-based): data element code} of the targets of a directly entered indicator
    that have a value of their own (``code`` is the indicator's own element code;
    ``Indicator.separate_measures``)."""
    return {i: own_measure_code(code, i) for i in indicator.separate_measures()}


def own_measure_code(code: str, position: int) -> str:
    """The data element of the target at ``position`` (0-based) measured on its own: ``IND12-T2``."""
    return f"{code}-T{position + 1}"


def is_due(target: Target, year: int) -> bool:
    if target.annual or target.from_year:
        return target.is_due_every_year(year)
    if target.year:
        return year <= target.year
    return True


def _own_basis(target: Target, year: int) -> str:
    if target.annual or target.from_year:
        return "annual"
    return "target" if target.year == year else "final"


def assess_targets(
    indicator: Indicator,
    year: int,
    main: tuple[Decimal | None, Decimal | None, Bar | None, str, Assessment],
    own_values: dict[int, Decimal | None] | None,
    baseline: Decimal | None,
) -> list[TargetResult]:
    """Each target of ``indicator`` in ``year`` (module docstring). ``main`` is the indicator's own
    (value, value compared with its bars, bar for the year, basis, assessment); ``own_values`` the values of targets with a
    measure of their own (by position), None for a computed indicator (one value for all)."""
    targets = indicator._targets()  # the loaded rows (results.loading), no query
    value, compared, bar, basis, assessment = main
    if len(targets) < 2:
        return [TargetResult(t, 1, value, bar, Bar.from_target(t), basis, assessment, True) for t in targets]
    separate = set(indicator.separate_measures()) if own_values is not None else set()
    results = []
    for position, target in enumerate(targets):
        final = Bar.from_target(target)
        due = is_due(target, year)
        if own_values is None:  # computed: one value, the indicator's own assessment
            row = TargetResult(target, position + 1, value, bar, final, basis, assessment, due)
        elif position not in separate:
            row = TargetResult(
                target, position + 1, value, bar, final, basis, assess(compared, bar, final, baseline), due
            )
        else:
            own = own_values.get(position)
            row = TargetResult(
                target,
                position + 1,
                own,
                final,
                final,
                _own_basis(target, year),
                assess(
                    own, final, final, Decimal(0) if final is not None and final.kind == INCREASE else None
                ),
                due,
            )
        results.append(row)
    return results


def overall(results: list[TargetResult], main: Assessment) -> Assessment:
    """The worst status of the due targets (module docstring); ``main`` when fewer than two targets
    or none due."""
    due = [r for r in results if r.due]
    if len(results) < 2 or not due:
        return main
    worst = min(due, key=lambda r: WORST_FIRST.index(r.status))
    return worst.assessment
