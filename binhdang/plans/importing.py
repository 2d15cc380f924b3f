"""Import an extracted plan (schema ``plan-extract``) into the database, in one transaction.

``import_plan(extraction, province, source_file, user, status=...)`` creates the plan and everything
in it: goals, indicators bound to the catalog, targets, milestones (each dated or yearly target becomes
a milestone of the roadmap; an extraction's ``roadmap`` table wins), task groups and tasks, agency
duties, reporting obligations and campaigns. Agencies are matched to the province's units and the
missing ones created (``agencies``). The same document imported twice for a province (the same file, or
the same number and date of issue: ``duplicates``) raises ``DuplicatePlanError`` unless
``as_new_version`` is set: then the plan becomes version n+1 of the previous one (which is archived
when the new one is in force). A plan is never put in force beside another plan of the province with
the same number (``duplicates.check_single_active``).

Extensions of the schema read here: ``source`` on items, top-level ``warnings``, ``number``, ``date``;
``catalog`` on an indicator (the officer's binding from the review screen: a code, or "" for direct
entry); ``roadmap``: ``[{"indicator": "4.1", "year": 2027, "value": 108, "min": null, "max": null,
"note": ""}]``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils.text import slugify
from django.utils.translation import gettext as _

from binhdang.core.text import fold, nfc, nul_place
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans.agencies import MAX_NEW_NAME, AgencyResolver, ensure_local_unit
from binhdang.plans.catalog import ensure_catalog
from binhdang.plans.duplicates import Duplicate, check_single_active, duplicate_message, find_duplicate
from binhdang.plans.errors import InvalidExtractionError, PlanImportError
from binhdang.plans.models import (
    Level,
    Plan,
    PlanStatus,
    Program,
    TargetKind,
)
from binhdang.plans.plan_builder import PlanBuilder, as_year, iso_date, save_as

__all__ = [
    "DuplicatePlanError",
    "InvalidExtractionError",
    "PlanImportError",
    "check_extraction",
    "import_plan",
]

REQUIRED_KEYS = ("level", "program", "title", "indicators")
_PROGRAM_SLUG: dict[str, str] = {
    Program.COMMUNICATION: "truyen-thong",
    Program.STRATEGY: "chien-luoc",
    Program.OTHER: "ke-hoach",
}


class DuplicatePlanError(PlanImportError):
    """The document was already imported for this province (the same file, or the same number and
    date of issue); ``plan`` is the newest such plan, ``same_file`` says which."""

    def __init__(self, plan: Plan, same_file: bool = True):
        self.plan, self.same_file = plan, same_file
        super().__init__(duplicate_message(Duplicate(plan, same_file)))


def file_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_source(source_file) -> tuple[str, bytes]:
    """(file name, content) of a path, a Django ``File``/``FieldFile``/upload, or None (no file)."""
    if source_file is None:
        return "", b""
    if isinstance(source_file, (str, os.PathLike)):
        path = Path(source_file)
        return path.name, path.read_bytes()
    if isinstance(source_file, FieldFile):
        with source_file.open("rb") as handle:
            return os.path.basename(source_file.name or ""), handle.read()
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
    place = nul_place(extraction)
    if place is not None:
        raise InvalidExtractionError(
            _("%(place)s holds a NUL character (code 0), which cannot be stored.") % {"place": place}
        )
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


def _list(value) -> list:
    return value if isinstance(value, list) else []


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
    latest = latest or same.order_by("-version", "-pk").first()
    return _newest_version(latest) if latest is not None else None


def archive_previous_versions(plan: Plan, user) -> None:
    """A plan in force replaces its earlier versions: archive them."""
    for earlier in plan.all_versions()[1:]:
        if earlier.status != PlanStatus.ARCHIVED:
            earlier.status = PlanStatus.ARCHIVED
            save_as(earlier, user)


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
    ensure_catalog()
    if status not in PlanStatus.values:
        raise PlanImportError(_("Unknown plan status “%(status)s”.") % {"status": status})
    if province is None or province.type != OrgUnitType.PROVINCE:
        raise PlanImportError(_("Choose the province the plan belongs to."))
    name, content = read_source(source_file)
    sha = file_sha256(content) if content else ""
    number = nfc(str(extraction.get("number") or ""))[:64]
    found = find_duplicate(province, sha, number, iso_date(extraction.get("date")))
    duplicate = found.plan if found is not None else None
    if found is not None and not as_new_version:
        raise DuplicatePlanError(found.plan, found.same_file)

    level = extraction["level"]
    locality = nfc(str(extraction.get("locality") or "")) or province.name
    if len(locality) > MAX_NEW_NAME:
        raise InvalidExtractionError(
            _("The locality is too long to be a place name (%(n)s characters).") % {"n": len(locality)}
        )
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
    period = extraction["period"] if isinstance(extraction.get("period"), dict) else {}
    resolver = AgencyResolver(province, parent=org_unit, user=user)

    focal_name = nfc(str(extraction.get("focal_agency") or ""))
    plan = Plan(
        province=province,
        org_unit=org_unit,
        issuer=issuer[:255],
        level=level,
        program=program,
        title=nfc(str(extraction["title"]))[:500],
        number=number,
        date=iso_date(extraction.get("date")),
        period_start=as_year(period.get("start")),
        period_end=as_year(period.get("end")),
        legal_bases=list(extraction.get("legal_bases") or []),
        focal_agency=resolver.resolve_one(focal_name) if focal_name else None,
        focal_agency_name=focal_name[:255],
        signer=extraction["signer"] if isinstance(extraction.get("signer"), dict) else {},
        status=status,
        source_name=name[:255],
        source_sha256=sha,
        version=version,
        previous=previous,
        slug=_slug(locality, program, period, version),
        warnings=[str(w) for w in _list(extraction.get("warnings"))],
        created_by=user if getattr(user, "pk", None) else None,
    )
    if content:
        plan.source_file.save(name, ContentFile(content), save=False)
    try:
        if status == PlanStatus.ACTIVE:  # the earlier versions leave force before this one enters it
            archive_previous_versions(plan, user)
            check_single_active(plan)
        save_as(plan, user)
        PlanBuilder(plan, extraction, resolver, user).build()
    except Exception:
        if plan.source_file:
            plan.source_file.delete(save=False)
        raise
    return plan
