"""Changes to plans made by people: upload -> review -> confirm, status, roadmap, catalog bindings, and
the review page's edits of a plan's items (indicators, targets, responsible agencies, agency duties,
task leads).

Each workflow checks that ``user`` may do it (``PermissionDenied`` otherwise), validates its input
(messages in Vietnamese, nothing changed on error: ``EditError`` names each refused field), runs in one
transaction and leaves history rows attributed to ``user``. The import itself is
``importing.import_plan`` (also used by the CLI); the upload flow lives in ``plans.uploads``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.core.text import nfc
from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit, OrgUnitType
from binhdang.plans import access, duplicates
from binhdang.plans.catalog import bind_indicator, ensure_catalog
from binhdang.plans.errors import EditError
from binhdang.plans.importing import PlanImportError, archive_previous_versions, import_plan
from binhdang.plans.models import (
    DIRECTION_OF_KIND,
    AgencyDuty,
    CatalogIndicator,
    Goal,
    ImportStatus,
    Indicator,
    Milestone,
    Plan,
    PlanStatus,
    ReportingObligation,
    Target,
    TargetKind,
    Task,
)
from binhdang.plans.plan_builder import indicator_text
from binhdang.plans.roadmap import parse_roadmap
from binhdang.plans.uploads import (
    ALLOWED_EXTENSIONS,
    DuplicatePlanError,
    UploadError,
    check_upload,
    confirm_upload,
    create_upload,
    discard_upload,
    find_duplicate,
    max_upload_bytes,
    review_as_new_version,
    upload_duplicate,
)

__all__ = [
    "ALLOWED_EXTENSIONS",
    "DuplicatePlanError",
    "EditError",
    "PlanImportError",
    "TargetData",
    "UploadError",
    "add_indicator",
    "check_upload",
    "confirm_upload",
    "create_upload",
    "discard_upload",
    "edit_duty",
    "edit_indicator",
    "edit_obligation",
    "edit_plan_header",
    "find_duplicate",
    "import_plan",
    "max_upload_bytes",
    "remove_indicator",
    "remove_target",
    "review_as_new_version",
    "save_roadmap",
    "save_target",
    "set_indicator_binding",
    "set_indicator_responsible",
    "set_plan_status",
    "set_task_lead",
    "upload_duplicate",
]


def _manage(plan: Plan, user) -> None:
    if not access.can_manage_plan(user, plan):
        raise PermissionDenied


@transaction.atomic
def set_plan_status(plan: Plan, status: str, user) -> Plan:
    """Put a plan in force, archive it, or back to draft. A plan put in force archives its earlier versions."""
    _manage(plan, user)
    if status not in PlanStatus.values:
        raise PlanImportError(_("Unknown plan status “%(status)s”.") % {"status": status})
    plan.status = status
    if status == PlanStatus.ACTIVE:  # the earlier versions leave force before this one enters it
        archive_previous_versions(plan, user)
        duplicates.check_single_active(plan)
    audit.by(plan, user, reason=_("status changed")).save()
    if status != PlanStatus.DRAFT:  # the review of its upload is over
        plan.imports.filter(status=ImportStatus.PENDING).update(
            status=ImportStatus.CONFIRMED, decided_by=user, decided_at=timezone.now()
        )
    return plan


@transaction.atomic
def save_roadmap(plan: Plan, data, user) -> int:
    """Save the roadmap table from a POST (cells ``m-<indicator>-<year>``); returns the cells changed.

    Raises ``roadmap.RoadmapError`` naming every bad cell; then nothing is saved.
    """
    _manage(plan, user)
    indicators = list(plan.indicators.prefetch_related("milestones"))
    values = parse_roadmap(indicators, plan.roadmap_years, data)
    by_id = {i.pk: i for i in indicators}
    changed = 0
    for (indicator_id, year), cell in values.items():
        milestone = by_id[indicator_id].milestone_for(year)
        if cell is None:
            if milestone is not None:
                audit.by(milestone, user).delete()
                changed += 1
            continue
        if milestone is None:
            milestone = Milestone(indicator_id=indicator_id, year=year)
        elif (milestone.value, milestone.min, milestone.max) == (cell.value, cell.min, cell.max):
            continue
        milestone.value, milestone.min, milestone.max = cell.value, cell.min, cell.max
        audit.by(milestone, user).save()
        changed += 1
    return changed


@transaction.atomic
def set_indicator_binding(indicator: Indicator, code: str | None, user) -> Indicator:
    """Bind an indicator to a catalog entry (or to none: direct entry), as the officer decides."""
    _manage(indicator.plan, user)
    catalog = None
    if code:
        ensure_catalog()
        catalog = CatalogIndicator.objects.filter(code=code, is_active=True).first()
        if catalog is None:
            raise PlanImportError(
                _("There is no catalog indicator with the code “%(code)s”.") % {"code": code}
            )
    indicator.catalog = catalog
    indicator.binding_manual = True
    indicator.binding_confidence = 1.0
    indicator.binding_reason = (
        _("chosen by the officer") if catalog else _("direct entry, chosen by the officer")
    )
    audit.by(indicator, user, reason=_("catalog binding changed")).save()
    return indicator


#: Unit types that can be named responsible for an indicator (communes are named as a group in text).
RESPONSIBLE_TYPES = (OrgUnitType.DEPARTMENT, OrgUnitType.MASS_ORG, OrgUnitType.MEDIA)


def responsible_choices(plan: Plan) -> QuerySet[OrgUnit]:
    """The agencies of the plan's province that can be made responsible for one of its indicators."""
    return OrgUnit.objects.filter(
        province=plan.province, type__in=RESPONSIBLE_TYPES, is_active=True
    ).order_by("type", "name")


@transaction.atomic
def set_indicator_responsible(
    indicator: Indicator, units: Iterable[OrgUnit], others: Iterable[str], user
) -> Indicator:
    """Name the agencies responsible for an indicator: units of the plan's province (they enter the
    indicator's value where it is entered directly) and group phrases kept as text ("UBND các xã").
    Refuses a unit outside the province; recorded in the indicator's history."""
    _manage(indicator.plan, user)
    chosen = list(units)
    allowed = set(responsible_choices(indicator.plan).values_list("pk", flat=True))
    for unit in chosen:
        if unit.pk not in allowed:
            raise PlanImportError(
                _("“%(unit)s” is not an agency of %(province)s: it cannot be responsible for this indicator.")
                % {"unit": unit.name, "province": indicator.plan.province.name}
            )
    texts: list[str] = []
    for line in others:
        text = nfc(" ".join(str(line).split()))[:500]
        if text and text not in texts:
            texts.append(text)
    indicator.responsible.set(chosen)
    indicator.responsible_text = texts
    audit.by(indicator, user, reason=_("responsible agencies changed")).save()
    return indicator


# ------------------------------------------------------------------------------ review page edits


def _clean_text(text) -> str:
    return nfc(" ".join(str(text or "").split()))


def _code_error(plan: Plan, code: str, indicator: Indicator | None) -> str | None:
    if not code:
        return _("Enter the indicator's code (e.g. 4.1).")
    if len(code) > 16:
        return _("The code has at most 16 characters.")
    others = plan.indicators.filter(code=code)
    if indicator is not None:
        others = others.exclude(pk=indicator.pk)
    if others.exists():
        return _("The plan already has an indicator %(code)s.") % {"code": code}
    return None


@transaction.atomic
def edit_indicator(indicator: Indicator, *, code: str, text: str, user) -> Indicator:
    """Correct an indicator's code and words. The "- Chỉ tiêu N:" label typed before the words is
    dropped (the code is kept apart). Refused: an empty text, an empty or duplicate code."""
    _manage(indicator.plan, user)
    code, words = _clean_text(code), indicator_text(_clean_text(text))
    errors = {}
    if not words:
        errors["text"] = _("The indicator's text cannot be empty.")
    problem = _code_error(indicator.plan, code, indicator)
    if problem:
        errors["code"] = problem
    if errors:
        raise EditError(errors)
    if (indicator.code, indicator.text) != (code, words):
        indicator.code, indicator.text = code, words
        audit.by(indicator, user, reason=_("corrected on the review page")).save()
    return indicator


@transaction.atomic
def add_indicator(plan: Plan, *, goal: Goal | None, code: str, text: str, user) -> Indicator:
    """Add an indicator the extraction missed, at the end of ``goal`` (bound to the catalog entry its
    words match, as imported ones are). Refused like :func:`edit_indicator`."""
    _manage(plan, user)
    if goal is not None and goal.plan_id != plan.pk:
        raise PermissionDenied
    code, words = _clean_text(code), indicator_text(_clean_text(text))
    errors = {}
    if not words:
        errors["text"] = _("The indicator's text cannot be empty.")
    problem = _code_error(plan, code, None)
    if problem:
        errors["code"] = problem
    if errors:
        raise EditError(errors)
    ensure_catalog()
    catalog_code, confidence, reason = bind_indicator(words, plan.program)
    catalog = CatalogIndicator.objects.filter(code=catalog_code).first() if catalog_code else None
    last = plan.indicators.aggregate(last=Max("order"))["last"] or 0
    indicator = Indicator(
        plan=plan,
        goal=goal,
        code=code,
        text=words,
        catalog=catalog,
        binding_confidence=confidence if catalog else 0.0,
        binding_reason=reason[:500],
        unit=catalog.unit if catalog else "",
        direction=catalog.direction if catalog else DIRECTION_OF_KIND[TargetKind.BOOLEAN],
        order=last + 1,
    )
    audit.by(indicator, user, reason=_("added on the review page")).save()
    return indicator


def _has_reports(plan: Plan) -> bool:
    return plan.reporting_periods.exists()  # type: ignore[attr-defined]  # reporting's Period, above plans


@transaction.atomic
def remove_indicator(indicator: Indicator, user) -> None:
    """Remove an indicator (and its targets and milestones) read by mistake. Refused once the plan
    has a reporting year open: reports already refer to its indicators."""
    _manage(indicator.plan, user)
    if _has_reports(indicator.plan):
        raise EditError(
            {"indicator": _("Reporting has started for this plan: its indicators can no longer be removed.")}
        )
    for target in indicator.targets.all():
        audit.by(target, user, reason=_("indicator removed")).delete()
    for milestone in indicator.milestones.all():
        audit.by(milestone, user, reason=_("indicator removed")).delete()
    audit.by(indicator, user, reason=_("removed on the review page")).delete()


@dataclass(frozen=True)
class TargetData:
    """A target as the officer typed it (numbers already read: ``review.TargetForm``)."""

    kind: str
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    unit: str = ""
    year: int | None = None
    annual: bool = False


def _target_errors(plan: Plan, data: TargetData) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.kind not in TargetKind.values:
        errors["kind"] = _("Choose the kind of target.")
    elif data.kind in (TargetKind.MIN, TargetKind.MAX) and data.value is None:
        errors["value"] = _("Enter the value of this target.")
    elif data.kind in (TargetKind.RANGE, TargetKind.INCREASE):
        if data.min is None and data.max is None:
            errors["min"] = _("Enter the bounds of this target.")
        elif data.min is not None and data.max is not None and data.min > data.max:
            errors["max"] = _("The upper bound is below the lower bound.")
    start, end = plan.period_start, plan.period_end
    if data.year is not None and ((start and data.year < start) or (end and data.year > end)):
        errors["year"] = _("The year %(year)s is outside the plan's period (%(period)s).") % {
            "year": data.year,
            "period": plan.period_label,
        }
    return errors


@transaction.atomic
def save_target(indicator: Indicator, target: Target | None, data: TargetData, user) -> Target:
    """Correct a target of ``indicator`` (``target``), or add one (``target`` None). Refused: a value
    missing for its kind, bounds upside down, a year outside the plan's period."""
    _manage(indicator.plan, user)
    if target is not None and target.indicator_id != indicator.pk:
        raise PermissionDenied
    errors = _target_errors(indicator.plan, data)
    if errors:
        raise EditError(errors)
    if target is None:
        last = indicator.targets.aggregate(last=Max("order"))["last"] or 0
        target = Target(indicator=indicator, order=last + 1)
    target.kind = data.kind
    target.value = data.value if data.kind not in (TargetKind.RANGE, TargetKind.INCREASE) else None
    target.min = data.min if data.kind in (TargetKind.RANGE, TargetKind.INCREASE) else None
    target.max = data.max if data.kind in (TargetKind.RANGE, TargetKind.INCREASE) else None
    if data.kind == TargetKind.BOOLEAN:
        target.value = None
    target.unit = _clean_text(data.unit)[:64]
    target.year = data.year
    target.annual = data.annual
    if not data.annual:
        target.from_year = None
    audit.by(target, user, reason=_("corrected on the review page")).save()
    if target.unit and not indicator.unit:
        indicator.unit = target.unit
        audit.by(indicator, user, reason=_("unit of its target")).save()
    return target


@transaction.atomic
def remove_target(target: Target, user) -> None:
    """Remove a target read by mistake (kept in the target's history)."""
    _manage(target.indicator.plan, user)
    audit.by(target, user, reason=_("removed on the review page")).delete()


def duty_agency_choices(plan: Plan) -> QuerySet[OrgUnit]:
    """The units of the plan's province an agency's duties can be given to."""
    return (
        OrgUnit.objects.filter(province=plan.province, is_active=True)
        .exclude(type=OrgUnitType.PROVINCE)
        .order_by("type", "name")
    )


@transaction.atomic
def edit_duty(
    duty: AgencyDuty, *, agency: OrgUnit | None, name: str, duties: Iterable[str], user
) -> AgencyDuty:
    """Correct who an agency's duties are given to (a unit of the province and/or the name as the plan
    writes it, e.g. a group of agencies) and the duties, one per item. Refused: no name and no unit,
    a unit outside the province."""
    _manage(duty.plan, user)
    name = _clean_text(name)[:500]
    if agency is not None and not duty_agency_choices(duty.plan).filter(pk=agency.pk).exists():
        raise EditError(
            {
                "agency": _("“%(unit)s” is not a unit of %(province)s.")
                % {"unit": agency.name, "province": duty.plan.province.name}
            }
        )
    if not name and agency is None:
        raise EditError({"name": _("Name the agency these duties are given to.")})
    items = [text for text in (_clean_text(line) for line in duties) if text]
    duty.agency, duty.agency_name, duty.duties = agency, name or (agency.name if agency else ""), items
    audit.by(duty, user, reason=_("corrected on the review page")).save()
    return duty


def lead_choices(plan: Plan) -> QuerySet[OrgUnit]:
    """The agencies of the plan's province that can lead one of its tasks."""
    return responsible_choices(plan)


@transaction.atomic
def set_task_lead(task: Task, lead: OrgUnit | None, user) -> Task:
    """Name the agency that leads a task (None: not named). Refused: a unit outside the province's
    agencies. Cooperating agencies are kept as they are."""
    _manage(task.plan, user)
    if lead is not None and not lead_choices(task.plan).filter(pk=lead.pk).exists():
        raise EditError(
            {
                "lead": _("“%(unit)s” is not an agency of %(province)s.")
                % {"unit": lead.name, "province": task.plan.province.name}
            }
        )
    if task.lead_id != (lead.pk if lead else None):
        task.lead = lead
        audit.by(task, user, reason=_("lead agency set on the review page")).save()
    return task


@transaction.atomic
def edit_plan_header(
    plan: Plan,
    *,
    title: str,
    number: str,
    date,
    period_start: int | None,
    period_end: int | None,
    user,
) -> Plan:
    """Correct the plan's title, number, date of issue and period. Refused: an empty title, a period
    ending before it starts."""
    _manage(plan, user)
    title = _clean_text(title)[:500]
    errors = {}
    if not title:
        errors["title"] = _("The plan's title cannot be empty.")
    if period_start and period_end and period_start > period_end:
        errors["period_end"] = _("The period ends before it starts.")
    if errors:
        raise EditError(errors)
    plan.title, plan.number, plan.date = title, _clean_text(number)[:64], date
    plan.period_start, plan.period_end = period_start, period_end
    audit.by(plan, user, reason=_("corrected on the review page")).save()
    return plan


@transaction.atomic
def edit_obligation(
    obligation: ReportingObligation,
    *,
    kinds: Iterable[str],
    unit: OrgUnit | None,
    deadline_day: int,
    deadline_month: int,
    user,
) -> ReportingObligation:
    """Correct who must report under a reporting obligation (kinds of units, or one unit of the
    province) and its deadline (day and month). Refused: neither kinds nor a unit, both, a unit
    outside the province, a day the month does not have."""
    _manage(obligation.plan, user)
    known = [str(t) for t in REPORTING_TYPES]
    chosen = [k for k in known if k in set(kinds)]
    if unit is not None and unit.province_id != obligation.plan.province_id:
        raise EditError(
            {
                "unit": _("“%(unit)s” is not a unit of %(province)s.")
                % {"unit": unit.name, "province": obligation.plan.province.name}
            }
        )
    if unit is None and not chosen:
        raise EditError({"kinds": _("Choose the kinds of units that report, or one unit.")})
    if unit is not None and chosen:
        raise EditError({"unit": _("Choose either kinds of units or one unit, not both.")})
    try:
        dt.date(2024, deadline_month, deadline_day)  # a leap year: 29/02 is a valid yearly deadline
    except ValueError:
        raise EditError(
            {
                "deadline_day": _("%(day)s/%(month)s is not a day of the year.")
                % {"day": deadline_day, "month": deadline_month}
            }
        ) from None
    obligation.reporter_kinds, obligation.reporter_unit = chosen, unit
    obligation.deadline_day, obligation.deadline_month = deadline_day, deadline_month
    audit.by(obligation, user, reason=_("corrected on the review page")).save()
    return obligation
