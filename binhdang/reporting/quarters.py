"""The yearly figure of elements reported by quarter or month (``reporting.requests.open_subannual``):
consolidated from the quarters' reports, and the quarters below their minimum (off track).

- :func:`consolidation(period, unit)`: for an annual period, the unit's quarterly (or monthly) values
  of each element reported that way, and their sum over the submitted or accepted reports. The yearly
  form shows them read-only and stores the sum (``editing.ReportBeingEdited``), so the results, the
  data value sets and the annual report use it.
- :func:`off_track(period)`: in a quarter or month with a minimum (e.g. 4 news items a quarter,
  NQ28 indicator 6.3), the units whose submitted value is below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from binhdang.core import formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import report_reads
from binhdang.reporting.models import DataValue, Period, PeriodKind, Submission
from binhdang.reporting.models.submissions import COMPLETE_STATES

SUBANNUAL_KINDS = (PeriodKind.QUARTERLY, PeriodKind.MONTHLY)


def _number(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text not in (None, "") else None
    except InvalidOperation:
        return None


@dataclass
class Part:
    """One quarter's (or month's) figure of a unit."""

    period: Period
    value: Decimal | None
    #: Counted in the yearly sum: the report is submitted or accepted.
    counted: bool
    minimum: int | None = None

    @property
    def off_track(self) -> bool:
        return self.counted and self.minimum is not None and (self.value or 0) < self.minimum

    def __str__(self) -> str:
        shown = formatting.number(self.value) if self.counted and self.value is not None else "—"
        flag = f" ({_('below the minimum')})" if self.off_track else ""
        return f"{self.period.label}: {shown}{flag}"


@dataclass
class Consolidated:
    """An element's yearly figure from its quarters or months."""

    code: str
    parts: list[Part] = field(default_factory=list)

    @property
    def total(self) -> Decimal | None:
        """The sum of the counted parts; None when no part is counted yet."""
        counted = [p.value or Decimal(0) for p in self.parts if p.counted]
        return sum(counted, Decimal(0)) if counted else None

    @property
    def text(self) -> str:
        """The sum as a stored value ("14"), "" when there is none."""
        total = self.total
        return "" if total is None else format(total.normalize(), "f")

    @property
    def note(self) -> str:
        """ "Quý 1/2026: 5 · Quý 2/2026: 3 (chưa đạt) · ...: tổng 14, từ các báo cáo quý"."""
        return _("%(parts)s; the yearly figure is their sum.") % {
            "parts": " · ".join(str(p) for p in self.parts)
        }


def subperiods(period: Period):
    """The quarters and months of an annual period's plan and year."""
    return Period.objects.filter(plan_id=period.plan_id, year=period.year, kind__in=SUBANNUAL_KINDS).order_by(
        "kind", "sequence"
    )


def consolidation(period: Period, unit: OrgUnit) -> dict[str, Consolidated]:
    """{element code: its quarters} for ``unit`` in the annual ``period`` (empty for other kinds)."""
    if not period.is_annual:
        return {}
    parts = report_reads.expected_parts(period.plan_id, period.year, SUBANNUAL_KINDS, unit.pk)
    if not parts:
        return {}
    reports = {
        s.period_id: s
        for s in Submission.objects.filter(period__in=parts, unit=unit).prefetch_related("values")
    }
    found: dict[str, Consolidated] = {}
    for part in parts:
        report = reports.get(part.pk)
        values = report.value_map() if report else {}
        minimums = {t["code"]: t["minimum"] for t in part.targets}
        for code in part.element_codes:
            found.setdefault(code, Consolidated(code)).parts.append(
                Part(
                    part,
                    _number(values.get((code, ""))),
                    bool(report and report.state in COMPLETE_STATES),
                    minimums.get(code),
                )
            )
    return found


@dataclass(frozen=True)
class OffTrack:
    unit: OrgUnit
    code: str
    value: Decimal
    minimum: int


def off_track(period: Period) -> list[OffTrack]:
    """The submitted or accepted reports of a quarter or month below the period's minimum."""
    if period.kind not in SUBANNUAL_KINDS or not period.targets:
        return []
    minimums = {t["code"]: t["minimum"] for t in period.targets}
    found = []
    reports = (
        Submission.objects.filter(period=period, state__in=COMPLETE_STATES)
        .select_related("unit")
        .prefetch_related("values")
        .order_by("unit__name")
    )
    for report in reports:
        values = report.value_map()
        for code, minimum in minimums.items():
            value = _number(values.get((code, ""))) or Decimal(0)
            if value < minimum:
                found.append(OffTrack(report.unit, code, value, minimum))
    return found


@dataclass(frozen=True)
class Share:
    """Of the units asked a figure each quarter (or month) of a year with a minimum, how many reached it
    in every period already due (NQ28 6.3: communes with at least 4 news items every quarter)."""

    code: str
    label: str
    minimum: int
    meeting: int
    units: int
    periods_due: int


def shares(period: Period, today=None) -> list[Share]:
    """For an annual period, per figure with a minimum in its year's quarters or months: the units that
    reached the minimum in every one whose deadline has passed (a quarter not reported counts as missed)."""
    if not period.is_annual:
        return []
    from django.utils import timezone

    today = today or timezone.localdate()
    due = [p for p in subperiods(period) if p.targets and p.deadline < today]
    found = []
    by_code: dict[str, list[Period]] = {}
    for part in due:
        for target in part.targets:
            by_code.setdefault(target["code"], []).append(part)
    for code, parts in by_code.items():
        minimum = next(t["minimum"] for t in parts[0].targets if t["code"] == code)
        units = set(parts[0].expected_reporters.values_list("unit_id", flat=True))
        meeting = set(units)
        for part in parts:
            reached = set()
            for report in Submission.objects.filter(period=part, state__in=COMPLETE_STATES).prefetch_related(
                "values"
            ):
                value = _number(report.value_map().get((code, ""))) or Decimal(0)
                if value >= minimum:
                    reached.add(report.unit_id)
            meeting &= reached
        element = next((e for e in _form_elements(parts[0]) if e.code == code), None)
        label = str(element.short_label or element.label) if element is not None else code
        found.append(Share(code, label, minimum, len(meeting), len(units), len(parts)))
    return found


def _form_elements(period: Period):
    from binhdang.reporting.forms_catalog import form_for_period

    return list(form_for_period(period).elements)


@dataclass
class QuarterlyMinimum:
    """How the units of an annual period did in the quarters (or months) of its year that ask one
    element with a minimum (NQ28 6.3: "at least 04 news items a quarter")."""

    #: The quarters asking the element with a minimum.
    parts: int = 0
    #: {unit id: the quarters whose counted report reached the minimum}.
    reached: dict[int, int] = field(default_factory=dict)
    #: The units with at least one counted quarter.
    reporting: set[int] = field(default_factory=set)

    def met(self, unit_id: int) -> bool:
        """Every quarter asked reached the minimum (a quarter not reported did not)."""
        return self.parts > 0 and self.reached.get(unit_id, 0) == self.parts


def quarterly_minimums(annual_period_ids, code: str) -> dict[int, QuarterlyMinimum]:
    """``{annual period id: QuarterlyMinimum}`` for the annual periods whose year has quarters or
    months asking ``code`` with a minimum; the others are left out. Two queries."""
    annual = {
        (plan, year): pk
        for pk, plan, year in Period.objects.filter(
            pk__in=list(annual_period_ids), kind=PeriodKind.ANNUAL
        ).values_list("pk", "plan_id", "year")
    }
    if not annual:
        return {}
    minimum: dict[int, Decimal] = {}
    owner: dict[int, int] = {}
    candidates = Period.objects.filter(
        plan_id__in={plan for plan, _ in annual},
        year__in={year for _, year in annual},
        kind__in=SUBANNUAL_KINDS,
    ).values_list("pk", "plan_id", "year", "element_codes", "targets")
    for pk, plan, year, codes, targets in candidates:
        wanted = [t.get("minimum") for t in targets or [] if t.get("code") == code]
        if (plan, year) in annual and code in (codes or []) and wanted and wanted[0] is not None:
            minimum[pk], owner[pk] = Decimal(wanted[0]), annual[(plan, year)]
    if not minimum:
        return {}
    found: dict[int, QuarterlyMinimum] = {}
    for pk in minimum:
        found.setdefault(owner[pk], QuarterlyMinimum()).parts += 1
    values = DataValue.objects.filter(
        submission__period_id__in=list(minimum),
        submission__state__in=list(COMPLETE_STATES),
        data_element=code,
        category_option_combo="",
    ).values_list("submission__period_id", "submission__unit_id", "value")
    for period_id, unit_id, text in values:
        result = found[owner[period_id]]
        result.reporting.add(unit_id)
        if (_number(text) or Decimal(0)) >= minimum[period_id]:
            result.reached[unit_id] = result.reached.get(unit_id, 0) + 1
    return found
