"""Import an extracted plan (schema ``plan-extract``) into the database, in one transaction.

``import_plan(extraction, province, source_file, user, status=...)`` creates the plan and everything
in it: goals, indicators bound to the catalog, targets, milestones (each dated or yearly target becomes
a milestone of the roadmap; an extraction's ``roadmap`` table wins), task groups and tasks, agency
duties, reporting obligations and campaigns. Agencies are matched to the province's units and the
missing ones created (``agencies``). The same file imported twice for a province raises
``DuplicatePlanError`` unless ``as_new_version`` is set: then the plan becomes version n+1 of the
previous one (which is archived when the new one is in force).

Extensions of the schema read here: ``source`` on items, top-level ``warnings``, ``number``, ``date``;
``catalog`` on an indicator (the officer's binding from the review screen: a code, or "" for direct
entry); ``roadmap``: ``[{"indicator": "4.1", "year": 2027, "value": 108, "min": null, "max": null,
"note": ""}]``.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from binhdang.core.text import fold, nfc
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.agencies import AgencyResolver, ensure_local_unit, is_group, reporter_kinds
from binhdang.plans.catalog import bind_indicator
from binhdang.plans.models import (
    DIRECTION_OF_KIND,
    ROADMAP_YEARS,
    AgencyDuty,
    Campaign,
    CatalogIndicator,
    Direction,
    Goal,
    Indicator,
    Level,
    Milestone,
    Plan,
    PlanStatus,
    Program,
    ReportingObligation,
    Target,
    TargetKind,
    Task,
    TaskGroup,
)

REQUIRED_KEYS = ("level", "program", "title", "indicators")
_PROGRAM_SLUG = {
    Program.COMMUNICATION: "truyen-thong",
    Program.STRATEGY: "chien-luoc",
    Program.OTHER: "ke-hoach",
}


class PlanImportError(Exception):
    """A plan could not be imported; the message (in the active language, Vietnamese by default) says why."""


class InvalidExtractionError(PlanImportError):
    """The extraction is not a plan the importer can read (a required part is missing or malformed)."""


class DuplicatePlanError(PlanImportError):
    """The same file was already imported for this province; ``plan`` is the newest such plan."""

    def __init__(self, plan: Plan):
        self.plan = plan
        super().__init__(
            _(
                "This file was already imported for %(province)s as “%(title)s” (version %(version)s). "
                "Import it as a new version if that is what you want."
            )
            % {"province": plan.province.name, "title": plan.title, "version": plan.version}
        )


def file_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_source(source_file) -> tuple[str, bytes]:
    """(file name, content) of a path, a Django ``File``/``FieldFile``/upload, or None (no file)."""
    if source_file is None:
        return "", b""
    if isinstance(source_file, (str, os.PathLike)):
        path = Path(source_file)
        return path.name, path.read_bytes()
    if isinstance(source_file, File) or hasattr(source_file, "read"):
        if hasattr(source_file, "open") and getattr(source_file, "closed", False):
            source_file.open("rb")
        if hasattr(source_file, "seek"):
            source_file.seek(0)
        content = source_file.read()
        return os.path.basename(getattr(source_file, "name", "") or "plan"), content
    raise TypeError(f"unsupported source file: {type(source_file).__name__}")


def check_extraction(extraction) -> None:
    """Raise ``InvalidExtractionError`` (naming what is wrong) unless ``extraction`` can be imported."""
    if not isinstance(extraction, dict):
        raise InvalidExtractionError(_("The extracted content is not a plan (expected an object)."))
    missing = [key for key in REQUIRED_KEYS if key not in extraction]
    if missing:
        raise InvalidExtractionError(
            _("The extracted content lacks: %(keys)s.") % {"keys": ", ".join(missing)}
        )
    if extraction["level"] not in Level.values:
        raise InvalidExtractionError(_("Unknown plan level “%(level)s”.") % {"level": extraction["level"]})
    if extraction["program"] not in Program.values:
        raise InvalidExtractionError(
            _("Unknown programme “%(program)s”.") % {"program": extraction["program"]}
        )
    if not str(extraction.get("title") or "").strip():
        raise InvalidExtractionError(_("The plan has no title."))
    for key in ("indicators", "goals", "tasks", "agencies", "reporting", "campaigns", "legal_bases"):
        if not isinstance(extraction.get(key, []), list):
            raise InvalidExtractionError(_("“%(key)s” must be a list.") % {"key": key})
    for position, item in enumerate(extraction["indicators"], start=1):
        if not isinstance(item, dict) or not str(item.get("code") or "").strip() or not item.get("text"):
            raise InvalidExtractionError(_("Indicator no. %(n)s has no code or no text.") % {"n": position})
        for target in item.get("targets") or []:
            if not isinstance(target, dict) or target.get("kind") not in TargetKind.values:
                raise InvalidExtractionError(
                    _("Indicator %(code)s has a target of unknown kind.") % {"code": item["code"]}
                )


def _number(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _month_day(text) -> tuple[int, int] | None:
    """ "11-30" -> (11, 30); None when not a valid MM-DD."""
    try:
        month, day = (int(part) for part in str(text).split("-"))
        date(2024, month, day)
    except (TypeError, ValueError):
        return None
    return month, day


def _iso_date(text) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _year(value) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1900 <= year <= 2200 else None


def _save(obj, user):
    """Save ``obj`` with ``user`` recorded in its history (when the model keeps one)."""
    obj._history_user = user
    obj.save()
    return obj


def _unique_code(code: str, seen: set[str]) -> str:
    code = nfc(str(code))[:14] or "?"
    candidate, n = code, 1
    while candidate in seen:
        n += 1
        candidate = f"{code}#{n}"
    seen.add(candidate)
    return candidate


def _slug(locality: str, program: str, period: dict, version: int) -> str:
    years = "-".join(str(y) for y in (period.get("start"), period.get("end")) if y)
    base = slugify(fold(f"{locality} {_PROGRAM_SLUG.get(program, 'ke-hoach')} {years}"))[:180] or "ke-hoach"
    if version > 1:
        base += f"-v{version}"
    slug, n = base, 1
    while Plan.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _newest_version(plan: Plan) -> Plan:
    seen = {plan.pk}
    while True:
        later = plan.next_versions.order_by("-version", "-pk").first()
        if later is None or later.pk in seen:
            return plan
        seen.add(later.pk)
        plan = later


def _previous_version(
    province: OrgUnit, org_unit: OrgUnit, program: str, duplicate: Plan | None
) -> Plan | None:
    if duplicate is not None:
        return _newest_version(duplicate)
    same = Plan.objects.filter(province=province, org_unit=org_unit, program=program)
    latest = same.exclude(status=PlanStatus.ARCHIVED).order_by("-version", "-pk").first()
    return _newest_version(latest or same.order_by("-version", "-pk").first()) if same.exists() else None


def archive_previous_versions(plan: Plan, user) -> None:
    """A plan in force replaces its earlier versions: archive them."""
    for earlier in plan.all_versions()[1:]:
        if earlier.status != PlanStatus.ARCHIVED:
            earlier.status = PlanStatus.ARCHIVED
            _save(earlier, user)


@transaction.atomic
def import_plan(
    extraction: dict,
    province: OrgUnit,
    source_file=None,
    user=None,
    *,
    status: str = PlanStatus.DRAFT,
    as_new_version: bool = False,
    previous: Plan | None = None,
) -> Plan:
    """Create a plan from ``extraction`` for ``province``; see the module docstring."""
    check_extraction(extraction)
    if status not in PlanStatus.values:
        raise PlanImportError(_("Unknown plan status “%(status)s”.") % {"status": status})
    if province is None or province.type != OrgUnitType.PROVINCE:
        raise PlanImportError(_("Choose the province the plan belongs to."))
    name, content = read_source(source_file)
    sha = file_sha256(content) if content else ""
    duplicate = (
        Plan.objects.filter(province=province, source_sha256=sha).order_by("-version", "-pk").first()
        if sha
        else None
    )
    if duplicate is not None and not as_new_version:
        raise DuplicatePlanError(duplicate)

    level = extraction["level"]
    locality = nfc(str(extraction.get("locality") or "")) or province.name
    issuer = nfc(str(extraction.get("issuer") or ""))
    if level == Level.PROVINCE:
        org_unit = province
    else:
        unit_type = OrgUnitType.DISTRICT if level == Level.DISTRICT else OrgUnitType.COMMUNE
        org_unit = ensure_local_unit(province, issuer, locality, unit_type, user)
    program = extraction["program"]
    if as_new_version and previous is None:
        previous = _previous_version(province, org_unit, program, duplicate)
    version = previous.version + 1 if previous is not None else 1
    period = extraction.get("period") or {}
    resolver = AgencyResolver(province, parent=org_unit, user=user)

    focal_name = nfc(str(extraction.get("focal_agency") or ""))
    plan = Plan(
        province=province,
        org_unit=org_unit,
        issuer=issuer[:255],
        level=level,
        program=program,
        title=nfc(str(extraction["title"]))[:500],
        number=nfc(str(extraction.get("number") or ""))[:64],
        date=_iso_date(extraction.get("date")),
        period_start=_year(period.get("start")),
        period_end=_year(period.get("end")),
        legal_bases=list(extraction.get("legal_bases") or []),
        focal_agency=resolver.resolve_one(focal_name) if focal_name else None,
        focal_agency_name=focal_name[:255],
        signer=dict(extraction.get("signer") or {}),
        status=status,
        source_name=name[:255],
        source_sha256=sha,
        version=version,
        previous=previous,
        slug=_slug(locality, program, period, version),
        warnings=list(extraction.get("warnings") or []),
        created_by=user if getattr(user, "pk", None) else None,
    )
    if content:
        plan.source_file.save(name, ContentFile(content), save=False)
    try:
        _save(plan, user)
        _PlanBuilder(plan, extraction, resolver, user).build()
        if status == PlanStatus.ACTIVE:
            archive_previous_versions(plan, user)
    except Exception:
        if plan.source_file:
            plan.source_file.delete(save=False)
        raise
    return plan


class _PlanBuilder:
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
                text=nfc(str(item["text"])),
                catalog=catalog,
                binding_confidence=confidence,
                binding_reason=reason[:500],
                binding_manual=manual,
                unit=unit[:64],
                direction=direction,
                baseline_year=next(
                    (_year(t.get("baseline_year")) for t in targets if t.get("baseline_year")), None
                ),
                source=str(item.get("source") or ""),
                order=position,
            )
            _save(indicator, self.user)
            self.indicators[str(item["code"])] = indicator
            self._responsible(indicator, item.get("responsible") or [])
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
        target = Target(
            indicator=indicator,
            kind=data["kind"],
            value=_number(data.get("value")),
            min=_number(data.get("min")),
            max=_number(data.get("max")),
            unit=str(data.get("unit") or "")[:64],
            year=_year(data.get("year")),
            from_year=_year(data.get("from_year")),
            annual=bool(data.get("annual")),
            baseline_year=_year(data.get("baseline_year")),
            approx=bool(data.get("approx")),
            strict=bool(data.get("strict")),
            source=str(data.get("source") or ""),
            order=order,
        )
        _save(target, self.user)

    def _roadmap_years(self) -> list[int]:
        start, end = self.plan.period_start, self.plan.period_end
        return [y for y in ROADMAP_YEARS if (start is None or y >= start) and (end is None or y <= end)]

    def _roadmap(self) -> None:
        """Milestones: the extraction's roadmap table first, then each dated or yearly target."""
        done: set[tuple[int, int]] = set()
        for row in self.data.get("roadmap") or []:
            indicator = self.indicators.get(str(row.get("indicator"))) if isinstance(row, dict) else None
            year = _year(row.get("year")) if isinstance(row, dict) else None
            if indicator is None or year is None or (indicator.pk, year) in done:
                continue
            self._milestone(
                indicator,
                year,
                _number(row.get("value")),
                _number(row.get("min")),
                _number(row.get("max")),
                str(row.get("note") or ""),
            )
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

    def _milestone(self, indicator, year, value, low, high, note) -> None:
        if value is None and low is None and high is None:
            return
        _save(
            Milestone(indicator=indicator, year=year, value=value, min=low, max=high, note=note[:500]),
            self.user,
        )

    def _tasks(self) -> None:
        groups: dict[str, TaskGroup] = {}
        for position, item in enumerate(self.data.get("tasks") or [], start=1):
            if not isinstance(item, dict) or not item.get("code"):
                continue
            code, title = nfc(str(item["code"]))[:16], nfc(str(item.get("title") or ""))
            source = str(item.get("source") or "")
            if "." not in code:
                groups[code] = TaskGroup.objects.create(
                    plan=self.plan, code=code, title=title, source=source, order=position
                )
            else:
                group = groups.get(code.split(".", 1)[0])
                Task.objects.create(
                    plan=self.plan, group=group, code=code, title=title, source=source, order=position
                )

    def _duties(self) -> None:
        order = 0
        for item in self.data.get("agencies") or []:
            if not isinstance(item, dict) or not item.get("name"):
                continue
            name = nfc(str(item["name"]))
            duties = [nfc(str(d)) for d in item.get("duties") or [] if str(d).strip()]
            source = str(item.get("source") or "")
            units = self.resolver.resolve(name)
            for unit in units or [None]:
                order += 1
                AgencyDuty.objects.create(
                    plan=self.plan,
                    agency=unit,
                    agency_name=(name if len(units) <= 1 else unit.name)[:500],
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
            reporter = nfc(str(item.get("from") or ""))
            unit = None
            if reporter and not is_group(reporter):
                unit = self.resolver.resolve_one(reporter)
            ReportingObligation.objects.create(
                plan=self.plan,
                reporter_text=reporter[:500],
                reporter_unit=unit,
                reporter_kinds=[] if unit else reporter_kinds(reporter),
                receivers=[nfc(str(r)) for r in item.get("to") or []],
                deadline_month=deadline[0],
                deadline_day=deadline[1],
                recurrence=item.get("recurrence") or "annual",
                year=_year(item.get("year")),
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
            Campaign.objects.create(
                plan=self.plan,
                name=nfc(str(item["name"]))[:500],
                start_month=start[0],
                start_day=start[1],
                end_month=end[0] if end else None,
                end_day=end[1] if end else None,
                source=str(item.get("source") or ""),
                order=position,
            )
