"""Changes to plans made by people: upload -> review -> confirm, status, roadmap, catalog bindings.

Each workflow checks that ``user`` may do it (``PermissionDenied`` otherwise), validates its input
(messages in Vietnamese, nothing changed on error), runs in one transaction and leaves history rows
attributed to ``user``. The import itself is ``importing.import_plan`` (also used by the CLI).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.core.text import nfc
from binhdang.orgunits.models import OrgUnit, OrgUnitType
from binhdang.plans import access, duplicates
from binhdang.plans.catalog import ensure_catalog
from binhdang.plans.extraction import ExtractionError, extract_file
from binhdang.plans.extraction.records import PlanExtraction
from binhdang.plans.importing import (
    DuplicatePlanError,
    PlanImportError,
    archive_previous_versions,
    file_sha256,
    import_plan,
)
from binhdang.plans.models import (
    CatalogIndicator,
    ImportStatus,
    Indicator,
    Milestone,
    Plan,
    PlanImport,
    PlanStatus,
)
from binhdang.plans.plan_builder import iso_date
from binhdang.plans.roadmap import parse_roadmap

__all__ = [
    "ALLOWED_EXTENSIONS",
    "DuplicatePlanError",
    "PlanImportError",
    "UploadError",
    "confirm_upload",
    "create_upload",
    "discard_upload",
    "find_duplicate",
    "import_plan",
    "max_upload_bytes",
    "save_review",
    "save_roadmap",
    "set_indicator_binding",
    "set_plan_status",
]

ALLOWED_EXTENSIONS = (".docx", ".txt", ".md")


class UploadError(Exception):
    """An uploaded file cannot become a plan; the message (Vietnamese by default) says why."""


def max_upload_bytes() -> int:
    """Largest plan file accepted (``PLANS_UPLOAD_MAX_BYTES``, default 10 MB)."""
    return int(getattr(settings, "PLANS_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))


def _extract(name: str, content: bytes) -> PlanExtraction:
    """Run the extractor on an uploaded file; raises UploadError with the extractor's message.

    The extractor recognises the file by its content (a PDF or an image renamed .docx is named as
    such), and names the file in its message.
    """
    with tempfile.TemporaryDirectory(prefix="binhdang-upload-") as folder:
        path = Path(folder) / (os.path.basename(name) or "plan")
        path.write_bytes(content)
        try:
            return extract_file(path)
        except ExtractionError as exc:
            raise UploadError(str(exc)) from exc


def check_upload(name: str, size: int) -> None:
    """Raise UploadError when the file's type or size is not accepted."""
    extension = os.path.splitext(name or "")[1].lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise UploadError(
            _("The file “%(name)s” is not accepted: upload the plan as .docx, .txt or .md.") % {"name": name}
        )
    if size == 0:
        raise UploadError(_("The file “%(name)s” is empty.") % {"name": name})
    limit = max_upload_bytes()
    if size > limit:
        raise UploadError(
            _("The file “%(name)s” is too large (%(size)s; at most %(limit)s).")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def find_duplicate(province: OrgUnit, sha256: str) -> Plan | None:
    """The newest plan of ``province`` imported from the same file, if any."""
    return Plan.objects.filter(province=province, source_sha256=sha256).order_by("-version", "-pk").first()


def upload_duplicate(upload: PlanImport) -> duplicates.Duplicate | None:
    """The plan an upload's document was already imported as: the same file, or the same number and
    date of issue (as read, or as corrected on the review screen)."""
    extraction = upload.extraction if isinstance(upload.extraction, dict) else {}
    return duplicates.find_duplicate(
        upload.province, upload.sha256, str(extraction.get("number") or ""), iso_date(extraction.get("date"))
    )


def same_content(upload: PlanImport, plan: Plan) -> bool:
    """Whether ``upload`` holds nothing ``plan`` does not: the same file with the same reviewed
    content (an upload of a file already confirmed starts from that content, see
    :func:`create_upload`). A new version of it would be an identical copy."""
    imported = plan.imports.filter(status=ImportStatus.CONFIRMED).order_by("-pk").first()
    return (
        plan.source_sha256 == upload.sha256
        and imported is not None
        and imported.extraction == upload.extraction
    )


@transaction.atomic
def create_upload(province: OrgUnit, uploaded, user) -> PlanImport:
    """Keep an uploaded plan file and what the extractor read from it, pending the officer's review.

    Raises ``UploadError`` (nothing kept) for a file of the wrong type or size, or one the extractor
    cannot read (PDF, image, corrupt or empty document, not a plan).
    """
    if not access.upload_provinces(user).filter(pk=province.pk).exists():
        raise PermissionDenied
    name = os.path.basename(getattr(uploaded, "name", "") or "")
    check_upload(name, getattr(uploaded, "size", 0) or 0)
    uploaded.seek(0)
    content = uploaded.read()
    check_upload(name, len(content))
    sha256 = file_sha256(content)
    # The same file confirmed before: start from the content as the officer confirmed it (their
    # corrections kept), so that an upload nobody changes is recognised as an identical copy.
    confirmed = (
        PlanImport.objects.filter(province=province, sha256=sha256, status=ImportStatus.CONFIRMED)
        .order_by("-pk")
        .first()
    )
    extraction = confirmed.extraction if confirmed is not None else _extract(name, content)
    upload = PlanImport(
        province=province,
        original_name=name[:255],
        sha256=sha256,
        size=len(content),
        extraction=extraction,
        created_by=user,
    )
    upload.file.save(name, ContentFile(content), save=False)
    upload.save()
    return upload


def _pending(upload: PlanImport, user) -> None:
    if not access.visible_imports(user).filter(pk=upload.pk).exists():
        raise PermissionDenied
    if upload.status != ImportStatus.PENDING:
        raise PlanImportError(_("This upload was already confirmed or discarded."))


@transaction.atomic
def save_review(upload: PlanImport, extraction: dict, user) -> PlanImport:
    """Store the officer's corrections to the extracted content."""
    _pending(upload, user)
    upload.extraction = extraction
    upload.save(update_fields=["extraction", "updated_at"])
    return upload


@transaction.atomic
def confirm_upload(
    upload: PlanImport, user, *, status: str = PlanStatus.DRAFT, as_new_version: bool = False
) -> Plan:
    """Create the plan from a reviewed upload. ``DuplicatePlanError`` leaves the upload pending."""
    _pending(upload, user)
    found = upload_duplicate(upload)
    if found is not None and as_new_version and same_content(upload, found.plan):
        raise PlanImportError(
            _(
                "This file was already imported as “%(title)s” with the same content: a new version would "
                "be an identical copy. Discard this upload, or correct what differs before confirming."
            )
            % {"title": found.plan.title}
        )
    plan = import_plan(
        upload.extraction, upload.province, upload.file, user, status=status, as_new_version=as_new_version
    )
    upload.status = ImportStatus.CONFIRMED
    upload.plan = plan
    upload.decided_by = user
    upload.decided_at = timezone.now()
    upload.save()
    return plan


@transaction.atomic
def discard_upload(upload: PlanImport, user) -> PlanImport:
    """Drop an upload the officer does not want; the file is deleted, the record kept."""
    _pending(upload, user)
    upload.status = ImportStatus.DISCARDED
    upload.decided_by = user
    upload.decided_at = timezone.now()
    upload.save()
    transaction.on_commit(lambda: upload.file.delete(save=False))
    return upload


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
    audit.by(plan, user).save()
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
    audit.by(indicator, user).save()
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
