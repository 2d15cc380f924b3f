"""What the results pages show beyond the engine's figures: each unit measured against a rule, the
units below the bar, breakdowns by unit type and by sex, completeness by unit and year, chart data.

The per-unit readings follow the same rules as the aggregate SQL of ``catalog_rules`` (a unit whose
report does not count is "not reported"; an element of another type of unit is ignored).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from binhdang.core.formatting import machine_number
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit, OrgUnitType
from binhdang.reporting.models import DataValue, ExpectedReporter, Period, State
from binhdang.results import catalog_rules as rules
from binhdang.results.engine import IndicatorResult, direct_codes, sessions_threshold
from binhdang.results.status import STATUSES

#: The unit types each 1790 rule measures (None: every expected unit).
POPULATION = {
    "1790.1": None,
    "1790.2": None,
    "1790.4": (OrgUnitType.MEDIA,),
    "1790.5": (OrgUnitType.COMMUNE,),
}
TYPE_LABELS = dict(OrgUnitType.choices)


@dataclass(frozen=True)
class Verdict:
    """One unit against a rule: ``meets`` True/False, None when its report does not count."""

    row: rules.UnitRow
    meets: bool | None
    reason: str


def unit_verdict(code: str, row: rules.UnitRow, sessions: int = rules.DEFAULT_SESSIONS) -> Verdict | None:
    """How ``row``'s unit fares on rule ``code``; None when the rule does not measure its type."""
    population = POPULATION.get(code, ())
    if population == () or (population is not None and row.type not in population):
        return None
    if not row.counts:
        return Verdict(row, None if code == "1790.5" else False, _("No report counted"))
    if code == "1790.1":
        held = row.number(rules.SESSIONS) or Decimal(0)
        text = ngettext("%(n)s session", "%(n)s sessions", int(held)) % {"n": int(held)}
        if held >= sessions:
            return Verdict(row, True, text)
        return Verdict(row, False, _("%(held)s, fewer than %(min)s") % {"held": text, "min": sessions})
    if code == "1790.2":
        if row.text(rules.AM_PLAN) == "true":
            return Verdict(row, True, _("Action Month plan issued"))
        return Verdict(row, False, _("No Action Month plan"))
    if code == "1790.4":
        level = row.text(rules.GSIM) or ""
        if level == "OFFICIAL":
            return Verdict(row, True, _("Applied officially"))
        return Verdict(row, False, _("Piloted only") if level == "PILOT" else _("Not applied"))
    total, fine = row.number(rules.CONVENTIONS), row.number(rules.CONVENTIONS_OK)
    if total is None:
        return Verdict(row, None, _("No conventions reported"))
    reason = _("%(ok)s of %(total)s conventions free of discrimination") % {"ok": fine or 0, "total": total}
    return Verdict(row, (fine or 0) >= total, reason)


def verdicts(code: str, rows: Iterable[rules.UnitRow], sessions: int) -> list[Verdict]:
    return [v for v in (unit_verdict(code, row, sessions) for row in rows) if v is not None]


def below_bar(found: list[Verdict]) -> list[Verdict]:
    """Units that do not meet the rule (not reported first, then by name)."""
    return sorted((v for v in found if v.meets is not True), key=lambda v: (v.row.counts, v.row.name))


@dataclass(frozen=True)
class TypeBreakdown:
    type: str
    label: str
    units: int
    meeting: int
    value: Decimal | None


def by_type(code: str, found: list[Verdict]) -> list[TypeBreakdown]:
    """The rule's value per unit type (1790.5: conventions of the communes that reported)."""
    groups: dict[str, list[Verdict]] = {}
    for verdict in found:
        groups.setdefault(verdict.row.type, []).append(verdict)
    result = []
    for kind in (t for t in OrgUnitType.values if t in groups):
        items = groups[kind]
        meeting = sum(1 for v in items if v.meets)
        if code == "1790.5":
            total = sum((v.row.number(rules.CONVENTIONS) or 0) for v in items if v.row.counts)
            fine = sum((v.row.number(rules.CONVENTIONS_OK) or 0) for v in items if v.row.counts)
            value = rules.percent(fine, total)
        else:
            value = rules.percent(meeting, len(items))
        result.append(TypeBreakdown(kind, str(TYPE_LABELS[kind]), len(items), meeting, value))
    return result


@dataclass(frozen=True)
class SexBreakdown:
    label: str
    male: int
    female: int

    @property
    def total(self) -> int:
        return self.male + self.female

    @property
    def female_share(self) -> Decimal | None:
        return rules.percent(self.female, self.total)


def by_sex(rows: Iterable[rules.UnitRow]) -> list[SexBreakdown]:
    """Participants and trainees by sex, over the counted reports."""
    rows = [r for r in rows if r.counts]
    result = []
    for code, label in ((rules.PARTICIPANTS, _("Participants")), (rules.TRAINEES, _("Trainees"))):
        male = sum(int(r.number(code, "MALE") or 0) for r in rows)
        female = sum(int(r.number(code, "FEMALE") or 0) for r in rows)
        result.append(SexBreakdown(label, male, female))
    return result


# ------------------------------------------------------------------------------------- completeness

ON_TIME, LATE, MISSING, NOT_EXPECTED = "on_time", "late", "missing", "not_expected"
CELL_LABELS = {
    ON_TIME: (gettext_lazy("On time"), "badge-ok"),
    LATE: (gettext_lazy("Late"), "badge-warn"),
    State.DRAFT.value: (gettext_lazy("Draft"), "badge-muted"),
    State.RETURNED.value: (gettext_lazy("Returned"), "badge-bad"),
    MISSING: (gettext_lazy("Not reported"), "badge-bad"),
    NOT_EXPECTED: ("—", ""),
}


def cell_state(state: str | None, first_submitted_at, period) -> str:
    """A unit's report in a period, in one word: on time, late, draft, returned or not reported."""
    if state in (State.SUBMITTED, State.ACCEPTED):
        return ON_TIME if period.is_on_time(first_submitted_at) else LATE
    if state in (State.DRAFT, State.RETURNED):
        return state
    return MISSING


# --------------------------------------------------------------------------------------------- charts


def _float(number):
    return machine_number(number)


def chart_data(history: list[IndicatorResult]) -> dict:
    """One indicator's trend for ECharts: values, the target path (low and high), statuses per year."""
    return {
        "years": [r.year for r in history],
        "values": [_float(r.value) for r in history],
        "low": [
            _float(r.bar.low if r.bar and r.bar.low is not None else r.bar.reference) if r.bar else None
            for r in history
        ],
        "high": [
            _float(r.bar.high if r.bar and r.bar.high is not None else r.bar.reference) if r.bar else None
            for r in history
        ],
        "statuses": [r.status for r in history],
        "unit": history[0].unit if history else "",
    }


def chart_labels() -> dict:
    """The words the chart script shows (translated here: the script has no catalogue)."""
    return {
        "value": _("Value"),
        "target": _("Target for the year"),
        "target_high": _("Upper bound of the target"),
        "statuses": {key: str(label) for key, (label, _css) in STATUSES.items()},
        "decimal": get_format("DECIMAL_SEPARATOR"),
    }


# -------------------------------------------------------------------------------------- page helpers

TYPE_CHOICES = [(kind, label) for kind, label in OrgUnitType.choices if kind not in ("province", "district")]


def missing_by_type(rows: Iterable[rules.UnitRow]) -> list[tuple[str, int]]:
    """How many units of each type have no counted report."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.type] = counts.get(row.type, 0) + 1
    return [(str(TYPE_LABELS[kind]), counts[kind]) for kind in OrgUnitType.values if kind in counts]


@dataclass
class CompletenessRow:
    unit_id: int
    name: str
    type: str
    cells: list[str]


@dataclass
class CompletenessColumn:
    year: int
    period: Period | None
    expected: int = 0
    submitted: int = 0
    on_time: int = 0

    @property
    def completeness(self):
        return rules.percent(self.submitted, self.expected)

    @property
    def timeliness(self):
        return rules.percent(self.on_time, self.expected)


@dataclass
class CompletenessTable:
    columns: list[CompletenessColumn]
    rows: list[CompletenessRow]


def completeness_table(plan, years: list[int], year: int, unit_type: str) -> CompletenessTable:
    """Every expected unit of ``unit_type`` ("" or "all": every type) by year: on time, late, draft,
    returned or not reported; with the completeness of each year. Three queries."""

    periods = {p.year: p for p in Period.objects.filter(plan=plan, year__in=years, kind="annual")}
    expected: dict[int, set[int]] = {p.pk: set() for p in periods.values()}
    for period_id, unit_id in ExpectedReporter.objects.filter(period__in=periods.values()).values_list(
        "period_id", "unit_id"
    ):
        expected[period_id].add(unit_id)
    queryset = OrgUnit.objects.filter(province_id=plan.province_id, type__in=REPORTING_TYPES)
    if unit_type not in ("", "all"):
        queryset = queryset.filter(type=unit_type)
    units: list[tuple[int, str, str, bool]] = list(
        queryset.order_by("name").values_list("pk", "name", "type", "is_active")
    )
    for period in periods.values():
        if not expected[period.pk]:  # the engine's fallback: the active reporting units
            expected[period.pk] = {pk for pk, _name, _type, active in units if active}
    matrix = rules.completeness_matrix([p.pk for p in periods.values()])
    columns = [CompletenessColumn(y, periods.get(y)) for y in years]
    column: CompletenessColumn
    rows = []
    for pk, name, kind, _active in units:
        cells = []
        for column in columns:
            year_period = column.period
            if year_period is None or pk not in expected[year_period.pk]:
                cells.append(NOT_EXPECTED)
                continue
            state, first = matrix.get(pk, {}).get(year_period.pk, (None, None))
            cell = cell_state(state, first, year_period)
            column.expected += 1
            column.submitted += cell in (ON_TIME, LATE)
            column.on_time += cell == ON_TIME
            cells.append(cell)
        if any(c != NOT_EXPECTED for c in cells):
            rows.append(CompletenessRow(pk, name, kind, cells))
    return CompletenessTable(columns, rows)


def indicator_detail(result: IndicatorResult) -> dict:
    """What the indicator page shows under the history: per-unit figures of the year's reports."""

    indicator = result.indicator
    code = result.catalog_code
    period = Period.objects.filter(plan_id=indicator.plan_id, year=result.year, kind="annual").first()
    if period is None:
        return {"kind": "none"}
    if code in POPULATION:
        sessions = sessions_threshold(indicator, result.year)
        rows = rules.unit_rows(period)
        found = verdicts(code, rows, sessions)
        return {
            "kind": "rule",
            "period": period,
            "sessions": sessions,
            "below": below_bar(found),
            "by_type": by_type(code, found),
            "by_sex": by_sex(rows),
            "measured": len(found),
        }
    if code == "1790.3":
        return {"kind": "awareness", "period": period}

    element = direct_codes(indicator.plan.indicators.select_related("catalog")).get(indicator.pk)
    entries: dict[int, dict] = {}
    for submission_id, unit_name, coc, value, state in DataValue.objects.filter(
        submission__period=period, data_element=element
    ).values_list(
        "submission_id", "submission__unit__name", "category_option_combo", "value", "submission__state"
    ):
        entry = entries.setdefault(submission_id, {"unit": unit_name, "state": state})
        entry[coc.lower()] = value
    return {"kind": "direct", "period": period, "entries": list(entries.values())}


def unit_verdicts(plan, period, unit) -> list[tuple]:
    """(indicator, verdict) for each 1790 rule of ``plan`` that measures ``unit``'s type."""

    row = next((r for r in rules.unit_rows(period) if r.unit_id == unit.pk), None)
    if row is None:
        return []
    result = []
    for indicator in plan.indicators.select_related("catalog").prefetch_related("targets", "milestones"):
        code = indicator.catalog.code if indicator.catalog_id else None
        if code not in POPULATION:
            continue
        verdict = unit_verdict(code, row, sessions_threshold(indicator, period.year))
        if verdict is not None:
            result.append((indicator, verdict))
    return result
