"""The content of a plan's annual report, collected once for the DOCX and the XLSX annex.

Figures come from the results engine (``results.engine.plan_results``) and its per-unit rows
(``results.catalog_rules.unit_rows``); only counted reports (submitted or accepted) contribute, as in
the engine. Narratives (results, difficulties, proposals) are split into sentences:

- results are grouped by **theme** (keyword rules over the programme's activities: communication
  sessions, the Action Month, news and media, training, village conventions, funding, other) and,
  within a theme, by **agency** (unit type, then unit);
- difficulties and proposals are grouped by near-duplicate text (:mod:`binhdang.documents.grouping`),
  each with the units that raised it, the most frequent first.

The previous year's results and totals come along when that year had a reporting period (for "tăng
12% so với năm 2025").

Narratives are collected only when asked (``with_narratives``): they may name people (domain §10).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation

from binhdang.documents import grouping, work_sections
from binhdang.orgunits.models import OrgUnitType
from binhdang.plans.models import Plan
from binhdang.reporting.forms_catalog import DEFAULT_COC, FEMALE, MALE
from binhdang.reporting.models import DataValue, Period, Submission
from binhdang.reporting.models.submissions import COMPLETE_STATES
from binhdang.results import catalog_rules as rules
from binhdang.results.engine import PlanResults, plan_results
from binhdang.results.status import label as status_text

#: Unit types in report order, with how the report names each group.
AGENCY_GROUPS: tuple[tuple[str, str], ...] = (
    (OrgUnitType.DEPARTMENT, "Các sở, ban, ngành"),
    (OrgUnitType.MASS_ORG, "Các tổ chức chính trị - xã hội"),
    (OrgUnitType.MEDIA, "Cơ quan báo chí"),
    (OrgUnitType.COMMUNE, "UBND các xã, phường"),
)
GROUP_LABELS: dict[str, str] = dict(AGENCY_GROUPS)

#: Themes, matched in this order on a lower-cased sentence; the last one takes the rest.
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Tháng hành động vì bình đẳng giới", ("tháng hành động",)),
    ("Hương ước, quy ước", ("hương ước", "quy ước")),
    ("Tập huấn, bồi dưỡng", ("tập huấn", "bồi dưỡng")),
    (
        "Thông tin trên báo chí, hệ thống thông tin cơ sở và nền tảng số",
        (
            "tin, bài",
            "tin bài",
            "chuyên mục",
            "chuyên trang",
            "phóng sự",
            "mạng xã hội",
            "thông tin cơ sở",
            "trang thông tin",
            "báo in",
            "báo điện tử",
            "phát thanh",
            "truyền hình",
            "truyền thanh",
        ),
    ),
    ("Kinh phí, xã hội hóa", ("kinh phí", "xã hội hóa", "ngân sách", "tài trợ")),
    (
        "Truyền thông, phổ biến pháp luật, chính sách về bình đẳng giới",
        ("truyền thông", "phổ biến", "tuyên truyền", "hội nghị", "sinh hoạt"),
    ),
)
OTHER_THEME = "Các hoạt động khác"
_SENTENCES = re.compile(r"(?<=[.;!?])\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-+•*–]|\d+[.)]|[a-zđ][.)])\s*")


def split_sentences(text: str) -> list[str]:
    """A narrative as its sentences (and ";"-separated clauses), without list markers or end marks."""
    items = []
    for piece in _SENTENCES.split(text or ""):
        cleaned = _BULLET.sub("", piece).strip().rstrip(".;").strip()
        if cleaned:
            items.append(cleaned[:1].upper() + cleaned[1:])
    return items


def theme_of(sentence: str) -> str:
    lowered = sentence.lower()
    for theme, words in THEMES:
        if any(word in lowered for word in words):
            return theme
    return OTHER_THEME


@dataclass
class UnitFigures:
    """One expected unit of the year: its report state and every value of its counted report."""

    name: str
    code: str
    type: str
    state: str  # on_time, late, not counted (draft/returned), missing
    values: dict[tuple[str, str], str] = field(default_factory=dict)

    def number(self, code: str, coc: str = DEFAULT_COC) -> Decimal | None:
        text = self.values.get((code, coc))
        try:
            return Decimal(text) if text not in (None, "") else None
        except ArithmeticError:
            return None

    def text(self, code: str, coc: str = DEFAULT_COC) -> str:
        return self.values.get((code, coc), "")


@dataclass
class Grouped:
    """A sentence raised by several units (difficulties, proposals)."""

    text: str
    units: list[str]


@dataclass
class AnnualContent:
    plan: Plan
    year: int
    results: PlanResults
    units: list[UnitFigures]
    #: theme -> agency group label -> [(unit name, [sentences])]
    overview: dict[str, dict[str, list[tuple[str, list[str]]]]]
    difficulties: list[Grouped]
    proposals: list[Grouped]
    with_narratives: bool
    #: The previous year's results and counted units, when that year had a reporting period.
    previous: AnnualContent | None = None
    #: The plan's tasks and the year's inspections (``work_sections``).
    work: work_sections.WorkSummary | None = None

    @property
    def is_1790(self) -> bool:
        return self.results.period is not None and self.results.period.form_code == rules.TT1790

    def missing_by_group(self) -> list[tuple[str, list[str]]]:
        """Units without a counted report, by agency group."""
        found: dict[str, list[str]] = defaultdict(list)
        for unit in self.units:
            if unit.state not in ("on_time", "late"):
                found[GROUP_LABELS.get(unit.type, unit.type)].append(unit.name)
        return [(label, found[label]) for _kind, label in AGENCY_GROUPS if found.get(label)]

    def counts_by_group(self) -> list[tuple[str, int, int, int]]:
        """(group label, expected, submitted, on time) per agency group."""
        rows = []
        for kind, label in AGENCY_GROUPS:
            units = [u for u in self.units if u.type == kind]
            if units:
                submitted = sum(1 for u in units if u.state in ("on_time", "late"))
                on_time = sum(1 for u in units if u.state == "on_time")
                rows.append((label, len(units), submitted, on_time))
        return rows

    def counted(self) -> list[UnitFigures]:
        return [u for u in self.units if u.state in ("on_time", "late")]

    def total(self, code: str, coc: str = DEFAULT_COC) -> Decimal:
        """The sum of an element over the counted reports."""
        return sum((u.number(code, coc) or Decimal(0) for u in self.counted()), Decimal(0))


def _state(row: rules.UnitRow, period) -> str:
    if row.state in COMPLETE_STATES:
        moment = row.first_submitted_at
        if moment is not None and moment.tzinfo is None:  # raw SQL on SQLite: naive UTC
            moment = moment.replace(tzinfo=dt.UTC)
        return "on_time" if period.is_on_time(moment) else "late"
    return row.state or "missing"


def _group(items: list[tuple[str, str]]) -> list[Grouped]:
    """(sentence, unit) pairs -> near-duplicates together, the most raised first."""
    return [Grouped(g.text, g.raisers) for g in grouping.group(items)]


def collect(
    plan: Plan, year: int, *, with_narratives: bool = True, with_previous: bool = True
) -> AnnualContent:
    """Everything the annual report of ``plan`` for ``year`` shows (a handful of queries); with the
    previous year's figures (without narratives) when that year had a reporting period."""
    results = plan_results(plan, year)
    period = results.period
    units: list[UnitFigures] = []
    overview: dict[str, dict[str, list[tuple[str, list[str]]]]] = {}
    difficulties: list[tuple[str, str]] = []
    proposals: list[tuple[str, str]] = []
    if period is not None:
        rows = rules.unit_rows(period)
        counted = [r.submission_id for r in rows if r.counts and r.submission_id]
        values: dict[int, dict[tuple[str, str], str]] = defaultdict(dict)
        for submission_id, code, coc, text in DataValue.objects.filter(submission_id__in=counted).values_list(
            "submission_id", "data_element", "category_option_combo", "value"
        ):
            values[submission_id][(code, coc)] = text
        for row in rows:
            figures = values.get(row.submission_id or 0, {}) if row.counts else {}
            units.append(UnitFigures(row.name, row.code, row.type, _state(row, period), figures))
        if with_narratives:
            by_theme: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(dict))
            order = {kind: position for position, (kind, _label) in enumerate(AGENCY_GROUPS)}
            reports = (
                Submission.objects.filter(pk__in=counted)
                .select_related("unit")
                .order_by("unit__type", "unit__name")
            )
            for report in sorted(reports, key=lambda s: (order.get(s.unit.type, 9), s.unit.name)):
                group = GROUP_LABELS.get(report.unit.type, report.unit.type)
                for sentence in split_sentences(report.results):
                    by_theme[theme_of(sentence)][group].setdefault(report.unit.name, []).append(sentence)
                for target, text in ((difficulties, report.difficulties), (proposals, report.proposals)):
                    target.extend((sentence, report.unit.name) for sentence in split_sentences(text))
            theme_order = [t for t, _words in THEMES] + [OTHER_THEME]
            for theme in theme_order:
                if theme in by_theme:
                    overview[theme] = {
                        label: list(by_theme[theme][label].items())
                        for _kind, label in AGENCY_GROUPS
                        if label in by_theme[theme]
                    }
    return AnnualContent(
        plan=plan,
        year=year,
        results=results,
        units=units,
        overview=overview,
        difficulties=_group(difficulties),
        proposals=_group(proposals),
        with_narratives=with_narratives,
        previous=(
            collect(plan, year - 1, with_narratives=False, with_previous=False)
            if with_previous and Period.objects.filter(plan=plan, year=year - 1, kind="annual").exists()
            else None
        ),
        work=work_sections.collect(plan, year),
    )


def status_label(status: str) -> str:
    """The status of an indicator in Vietnamese (documents are always in Vietnamese)."""
    with translation.override("vi"):
        return status_text(status)


__all__ = ["FEMALE", "MALE", "AnnualContent", "UnitFigures", "collect", "split_sentences", "theme_of"]
