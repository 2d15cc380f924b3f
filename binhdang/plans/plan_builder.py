"""Builds the parts of one plan (goals, indicators, targets, milestones, tasks, duties, deadlines,
campaigns) from its extraction; used by ``importing.import_plan`` inside its transaction."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from binhdang.core.text import nfc
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.agencies import AgencyResolver, is_group, reporter_kinds
from binhdang.plans.campaigns import add_usual
from binhdang.plans.catalog import bind_indicator
from binhdang.plans.errors import InvalidExtractionError
from binhdang.plans.extraction.reporters import KINDS as REPORTING_KINDS
from binhdang.plans.models import (
    DIRECTION_OF_KIND,
    ROADMAP_YEARS,
    AgencyDuty,
    Campaign,
    CatalogIndicator,
    Direction,
    Goal,
    Indicator,
    Milestone,
    Plan,
    Recurrence,
    ReportingObligation,
    Target,
    TargetKind,
    Task,
    TaskGroup,
)
from binhdang.plans.models.indicators import storable_number


def _number(value, where: str) -> Decimal | None:
    """The number ``value`` (None when blank or not a number); InvalidExtractionError, naming ``where``,
    for NaN, infinity or a number too large to keep (a database error otherwise, on PostgreSQL)."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    if not storable_number(number):
        raise InvalidExtractionError(
            _(
                "%(where)s: “%(value)s” is not a number the plan can keep (at most 12 digits before the comma)."
            )
            % {"where": where, "value": value}
        )
    return number


def _month_day(text) -> tuple[int, int] | None:
    """ "11-30" -> (11, 30); None when not a valid MM-DD."""
    try:
        month, day = (int(part) for part in str(text).split("-"))
        date(2024, month, day)
    except (TypeError, ValueError):
        return None
    return month, day


def iso_date(text) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def as_year(value) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1900 <= year <= 2200 else None


#: "- Chỉ tiêu 1:", "Chỉ tiêu số 2.", "+ Chỉ tiêu 3 -": the label a plan types before an indicator's
#: words (the indicator's code is kept apart, in ``Indicator.code``).
_INDICATOR_LABEL = re.compile(
    r"^\s*(?:[-–—+•*]\s*)?chỉ\s+tiêu\s+(?:số\s+)?\d+(?:[.,]\d+)*\s*[:.)\-–—]\s*", re.IGNORECASE
)


def indicator_text(text: str) -> str:
    """An indicator's words without the "- Chỉ tiêu N:" label the plan typed before them (NFC, trimmed)."""
    text = nfc(str(text or "")).strip()
    stripped = _INDICATOR_LABEL.sub("", text, count=1).strip()
    return stripped or text


def save_as(obj, user):
    """Save ``obj`` with ``user`` recorded in its history (when the model keeps one)."""
    obj._history_user = user
    obj.save()
    return obj


def _unique_code(code: str, seen: set[str], length: int = 16) -> str:
    """``code`` cut to ``length``, made unique with ``#2``, ``#3``... (still within ``length``)."""
    code = nfc(str(code))[:length] or "?"
    candidate, n = code, 1
    while candidate in seen:
        n += 1
        suffix = f"#{n}"
        candidate = code[: length - len(suffix)] + suffix
    seen.add(candidate)
    return candidate


def _texts(value) -> list[str]:
    """A list of texts (agency names, duties, receivers): a list's items, a lone text, else none."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(item) for item in value if item is not None and str(item).strip()]
    return []


class PlanBuilder:
    """Creates the parts of one plan from its extraction."""

    def __init__(self, plan: Plan, extraction: dict, resolver: AgencyResolver, user):
        self.plan, self.data, self.resolver, self.user = plan, extraction, resolver, user
        self.goals: dict[str, Goal] = {}
        self.indicators: dict[str, Indicator] = {}
        self.warnings: list = list(plan.warnings)

    def build(self) -> None:
        self._goals()
        self._indicators()
        self._roadmap()
        self._tasks()
        self._duties()
        self._obligations()
        self._campaigns()
        if self.warnings != self.plan.warnings:
            self.plan.warnings = self.warnings
            Plan.objects.filter(pk=self.plan.pk).update(warnings=self.warnings)

    def _warn(self, message: str) -> None:
        self.warnings.append(message)

    def _goal(self, code: str, title: str = "") -> Goal:
        code = nfc(str(code))[:16]
        if code not in self.goals:
            self.goals[code] = Goal.objects.create(
                plan=self.plan, code=code, title=nfc(title or "")[:500], order=len(self.goals) + 1
            )
        return self.goals[code]

    def _goals(self) -> None:
        for item in self.data.get("goals") or []:
            if isinstance(item, dict) and item.get("code"):
                self._goal(item["code"], item.get("title") or "")

    def _indicators(self) -> None:
        seen: set[str] = set()
        for position, item in enumerate(self.data["indicators"], start=1):
            code = _unique_code(item["code"], seen)
            catalog, confidence, reason, manual = self._binding(item)
            targets = [t for t in item.get("targets") or [] if isinstance(t, dict)]
            first = targets[0] if targets else None
            if first is not None:
                direction = DIRECTION_OF_KIND[first["kind"]]
            else:
                direction = catalog.direction if catalog else Direction.BOOLEAN
            unit = next((str(t["unit"]) for t in targets if t.get("unit")), "") or (
                catalog.unit if catalog else ""
            )
            indicator = Indicator(
                plan=self.plan,
                goal=self._goal(item["goal"]) if item.get("goal") else None,
                code=code,
                text=indicator_text(item["text"]),
                catalog=catalog,
                binding_confidence=confidence,
                binding_reason=reason[:500],
                binding_manual=manual,
                unit=unit[:64],
                direction=direction,
                baseline_year=next(
                    (as_year(t.get("baseline_year")) for t in targets if t.get("baseline_year")), None
                ),
                source=str(item.get("source") or ""),
                order=position,
            )
            save_as(indicator, self.user)
            self.indicators[str(item["code"])] = indicator
            self._responsible(indicator, _texts(item.get("responsible")))
            for order, data in enumerate(targets, start=1):
                self._target(indicator, data, order)

    def _binding(self, item: dict) -> tuple[CatalogIndicator | None, float, str, bool]:
        if "catalog" in item:
            code = item.get("catalog") or None
            catalog = CatalogIndicator.objects.filter(code=code).first() if code else None
            reason = _("chosen by the officer") if catalog else _("direct entry, chosen by the officer")
            return catalog, 1.0, reason, True
        code, confidence, reason = bind_indicator(str(item["text"]), self.plan.program)
        catalog = CatalogIndicator.objects.filter(code=code).first() if code else None
        return catalog, confidence if catalog else 0.0, reason, False

    def _responsible(self, indicator: Indicator, names: list) -> None:
        units, texts = [], []
        for name in names:
            found = self.resolver.resolve(str(name))
            if found:
                units.extend(found)
            else:
                texts.append(nfc(str(name)))
        if units:
            indicator.responsible.set(units)
        if texts:
            indicator.responsible_text = texts
            Indicator.objects.filter(pk=indicator.pk).update(responsible_text=texts)

    def _target(self, indicator: Indicator, data: dict, order: int) -> None:
        where = _("Indicator %(code)s, target %(n)s") % {"code": indicator.code, "n": order}
        target = Target(
            indicator=indicator,
            kind=data["kind"],
            value=_number(data.get("value"), where),
            min=_number(data.get("min"), where),
            max=_number(data.get("max"), where),
            unit=str(data.get("unit") or "")[:64],
            year=as_year(data.get("year")),
            from_year=as_year(data.get("from_year")),
            annual=bool(data.get("annual")),
            baseline_year=as_year(data.get("baseline_year")),
            approx=bool(data.get("approx")),
            strict=bool(data.get("strict")),
            source=str(data.get("source") or ""),
            order=order,
        )
        save_as(target, self.user)

    def _roadmap_years(self) -> list[int]:
        start, end = self.plan.period_start, self.plan.period_end
        return [y for y in ROADMAP_YEARS if (start is None or y >= start) and (end is None or y <= end)]

    def _roadmap(self) -> None:
        """Milestones: the extraction's roadmap table first, then each dated or yearly target."""
        done: set[tuple[int, int]] = set()
        for indicator, cell in self._roadmap_cells():
            year = as_year(cell.get("year"))
            if year is None or (indicator.pk, year) in done:
                continue
            where = _("Indicator %(code)s, year %(year)s") % {"code": indicator.code, "year": year}
            low, high = _number(cell.get("min"), where), _number(cell.get("max"), where)
            value = _number(cell.get("value"), where) if low is None and high is None else None
            self._milestone(indicator, year, value, low, high, str(cell.get("note") or ""))
            done.add((indicator.pk, year))
        for indicator in self.indicators.values():
            for target in indicator.targets.all():
                bounds = target.bounds()
                if bounds is None:
                    continue
                if target.annual or target.from_year:
                    years = [y for y in self._roadmap_years() if target.is_due_every_year(y)]
                elif target.year:
                    years = [target.year]
                else:
                    years = []
                for year in years:
                    if (indicator.pk, year) in done:
                        continue
                    done.add((indicator.pk, year))
                    if target.kind in (TargetKind.RANGE, TargetKind.INCREASE):
                        self._milestone(indicator, year, None, bounds[0], bounds[1], "")
                    else:
                        self._milestone(indicator, year, bounds[0], None, None, "")

    def _roadmap_cells(self):
        """(indicator, {"year", "value", "min", "max", "note"}) of the extraction's roadmap table.

        Rows are either flat (``{"indicator": "4.1", "year": 2027, "value": 110}``) or, as the extractor
        writes them, one row per indicator with ``milestones`` (each with year, value, min, max).
        """
        for row in self.data.get("roadmap") or []:
            if not isinstance(row, dict):
                continue
            indicator = self.indicators.get(str(row.get("indicator")))
            if indicator is None:
                if row.get("indicator") or row.get("label"):
                    self._warn(
                        _("A roadmap row matches no indicator: %(label)s")
                        % {"label": row.get("label") or row.get("indicator")}
                    )
                continue
            milestones = row.get("milestones")
            cells = milestones if isinstance(milestones, list) else [row]
            for cell in cells:
                if isinstance(cell, dict):
                    yield indicator, cell

    def _milestone(self, indicator, year, value, low, high, note) -> None:
        if value is None and low is None and high is None:
            return
        save_as(
            Milestone(indicator=indicator, year=year, value=value, min=low, max=high, note=note[:500]),
            self.user,
        )

    def _tasks(self) -> None:
        """Numbered items with sub-tasks become task groups; lettered or dotted items, and numbered
        items that stand alone with their own agencies or time frame, become tasks (with their lead
        and cooperating agencies: units where they name one, text where they name a group)."""
        items = [i for i in self.data.get("tasks") or [] if isinstance(i, dict) and i.get("code")]
        codes = [nfc(str(i["code"]))[:16] for i in items]
        groups: dict[str, TaskGroup] = {}
        for position, (code, item) in enumerate(zip(codes, items, strict=True), start=1):
            title = nfc(str(item.get("title") or ""))
            source = str(item.get("source") or "")
            has_children = any(other.startswith(f"{code}.") for other in codes)
            assigned = item.get("lead") or _texts(item.get("cooperating")) or item.get("timeframe")
            if "." not in code and (has_children or not assigned):
                groups[code] = TaskGroup.objects.create(
                    plan=self.plan, code=code, title=title, source=source, order=position
                )
                continue
            group = groups.get(code.split(".", 1)[0]) if "." in code else None
            task = Task.objects.create(
                plan=self.plan,
                group=group,
                code=code,
                title=title,
                source=source,
                order=position,
                timeframe=nfc(str(item.get("timeframe") or ""))[:200],
            )
            self._task_agencies(task, item)

    def _task_agencies(self, task: Task, item: dict) -> None:
        lead_name = nfc(str(item.get("lead") or "")).strip()
        if lead_name:
            units = self.resolver.resolve(lead_name)
            task.lead = units[0] if units else None
            if len(units) != 1:  # a group ("Các sở, ngành"), or several agencies leading together
                task.lead_text = lead_name[:500]
        cooperating: list[OrgUnit] = []
        texts: list[str] = []
        for name in _texts(item.get("cooperating")):
            found = self.resolver.resolve(nfc(name))
            if found:
                cooperating.extend(found)
            else:
                texts.append(nfc(name))
        if cooperating:
            task.cooperating.add(*cooperating)
        task.cooperating_text = texts
        task.save(update_fields=["lead", "lead_text", "cooperating_text"])

    def _duties(self) -> None:
        order = 0
        for item in self.data.get("agencies") or []:
            if not isinstance(item, dict) or not item.get("name"):
                continue
            name = nfc(str(item["name"]))
            duties = [nfc(d) for d in _texts(item.get("duties"))]
            source = str(item.get("source") or "")
            units = self.resolver.resolve(name)
            candidates: list[OrgUnit | None] = list(units) if units else [None]
            for unit in candidates:
                order += 1
                AgencyDuty.objects.create(
                    plan=self.plan,
                    agency=unit,
                    agency_name=(unit.name if unit is not None and len(units) > 1 else name)[:500],
                    is_group=unit is None,
                    duties=duties,
                    source=source,
                    order=order,
                )

    def _obligations(self) -> None:
        for position, item in enumerate(self.data.get("reporting") or [], start=1):
            deadline = _month_day(item.get("deadline")) if isinstance(item, dict) else None
            if deadline is None:
                self._warn(
                    _("A reporting deadline could not be read: %(value)s")
                    % {"value": item.get("deadline") if isinstance(item, dict) else item}
                )
                continue
            recurrence = item.get("recurrence") or Recurrence.ANNUAL
            if recurrence not in Recurrence.values:
                raise InvalidExtractionError(
                    _("Reporting deadline no. %(n)s: unknown recurrence “%(value)s” (expected %(known)s).")
                    % {"n": position, "value": recurrence, "known": ", ".join(Recurrence.values)}
                )
            reporter = nfc(str(item.get("from") or ""))
            kinds = item.get("reporter_kinds")
            if kinds is not None and (
                not isinstance(kinds, list) or any(kind not in REPORTING_KINDS for kind in kinds)
            ):
                raise InvalidExtractionError(
                    _(
                        "Reporting deadline no. %(n)s: unknown kinds of units “%(value)s” (expected %(known)s)."
                    )
                    % {"n": position, "value": kinds, "known": ", ".join(REPORTING_KINDS)}
                )
            unit = None
            if reporter and not kinds and not is_group(reporter):
                unit = self.resolver.resolve_one(reporter)
            ReportingObligation.objects.create(
                plan=self.plan,
                reporter_text=reporter[:500],
                reporter_unit=unit,
                reporter_kinds=[]
                if unit
                else [k for k in REPORTING_KINDS if k in (kinds or reporter_kinds(reporter))],
                receivers=[nfc(r) for r in _texts(item.get("to"))],
                deadline_month=deadline[0],
                deadline_day=deadline[1],
                recurrence=recurrence,
                year=as_year(item.get("year")),
                source=str(item.get("source") or ""),
                order=position,
            )

    def _campaigns(self) -> None:
        for position, item in enumerate(self.data.get("campaigns") or [], start=1):
            start = _month_day(item.get("start")) if isinstance(item, dict) else None
            if start is None or not item.get("name"):
                self._warn(_("A campaign could not be read: %(value)s") % {"value": item})
                continue
            end = _month_day(item.get("end")) if item.get("end") else None
            campaign = Campaign(
                plan=self.plan,
                name=nfc(str(item["name"]))[:500],
                start_month=start[0],
                start_day=start[1],
                end_month=end[0] if end else None,
                end_day=end[1] if end else None,
                source=str(item.get("source") or ""),
                order=position,
            )
            save_as(campaign, self.user)
        add_usual(self.plan, self.user)
