"""A plan file uploaded by a focal officer: read, kept as a draft plan for review, then put in force.

The flow (each step one transaction, re-exported by ``plans.services``):

1. :func:`create_upload` keeps the file and what the extractor read (``PlanImport``) and creates the
   plan at once as a **draft** (``importing.import_plan``), so that the officer reviews and corrects the
   plan itself on the review page (every edit is in the plan's history). A file already imported for
   the province creates no draft: the officer chooses :func:`review_as_new_version` or discards it.
2. :func:`confirm_upload` ends the review: the plan is put in the chosen status (in force by default,
   which archives its earlier versions) and the upload is marked confirmed.
3. :func:`discard_upload` drops the upload and its draft plan (the deletion is in the plan's history).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.orgunits.models import OrgUnit
from binhdang.plans import access, duplicates
from binhdang.plans.extraction import ExtractionError, extract_file
from binhdang.plans.extraction.records import PlanExtraction
from binhdang.plans.importing import (
    DuplicatePlanError,
    PlanImportError,
    archive_previous_versions,
    file_sha256,
    import_plan,
)
from binhdang.plans.models import ImportStatus, Plan, PlanImport, PlanStatus
from binhdang.plans.plan_builder import iso_date

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
    date of issue as read from it (:mod:`binhdang.plans.duplicates`)."""
    extraction = upload.extraction if isinstance(upload.extraction, dict) else {}
    return duplicates.find_duplicate(
        upload.province, upload.sha256, str(extraction.get("number") or ""), iso_date(extraction.get("date"))
    )


def _draft(upload: PlanImport, user, *, as_new_version: bool = False) -> Plan:
    plan = import_plan(
        upload.extraction,
        upload.province,
        upload.file,
        user,
        status=PlanStatus.DRAFT,
        as_new_version=as_new_version,
    )
    upload.plan = plan
    upload.save(update_fields=["plan", "updated_at"])
    return plan


@transaction.atomic
def create_upload(province: OrgUnit, uploaded, user) -> PlanImport:
    """Keep an uploaded plan file and what the extractor read from it, and create its draft plan for
    review (none when the same file was already imported: see the module docstring).

    Raises ``UploadError`` (nothing kept) for a file of the wrong type or size, or one the extractor
    cannot read (PDF, image, corrupt or empty document, not a plan), or whose content cannot be a plan.
    """
    if not access.upload_provinces(user).filter(pk=province.pk).exists():
        raise PermissionDenied
    name = os.path.basename(getattr(uploaded, "name", "") or "")
    check_upload(name, getattr(uploaded, "size", 0) or 0)
    uploaded.seek(0)
    content = uploaded.read()
    check_upload(name, len(content))
    extraction = _extract(name, content)
    upload = PlanImport(
        province=province,
        original_name=name[:255],
        sha256=file_sha256(content),
        size=len(content),
        extraction=extraction,
        created_by=user,
    )
    upload.file.save(name, ContentFile(content), save=False)
    upload.save()
    if upload_duplicate(upload) is None:
        try:
            _draft(upload, user)
        except PlanImportError as error:
            upload.file.delete(save=False)
            raise UploadError(str(error)) from error
    return upload


def _pending(upload: PlanImport, user) -> None:
    if not access.visible_imports(user).filter(pk=upload.pk).exists():
        raise PermissionDenied
    if upload.status != ImportStatus.PENDING:
        raise PlanImportError(_("This upload was already confirmed or discarded."))


@transaction.atomic
def review_as_new_version(upload: PlanImport, user) -> Plan:
    """Create the draft plan of an upload whose file was already imported, as the next version of
    that plan (the earlier version stays in force until this one is)."""
    _pending(upload, user)
    if upload.plan is not None:
        return upload.plan
    return _new_version(upload, user)


def _new_version(upload: PlanImport, user) -> Plan:
    """The draft of ``upload`` as the next version of the plan its document was imported as; refused
    for the very same file (the new version would be an identical copy)."""
    found = upload_duplicate(upload)
    if found is not None and found.same_file:
        raise PlanImportError(
            _(
                "This file was already imported as “%(title)s”: a new version of it would be an identical "
                "copy. Open that plan to correct it, or discard this upload."
            )
            % {"title": found.plan.title}
        )
    return _draft(upload, user, as_new_version=True)


@transaction.atomic
def confirm_upload(
    upload: PlanImport, user, *, status: str = PlanStatus.ACTIVE, as_new_version: bool = False
) -> Plan:
    """End the review of an upload: its plan (created now if it has none yet: ``DuplicatePlanError``
    for a file already imported, unless ``as_new_version``) is put in ``status``; a plan put in force
    archives its earlier versions."""
    _pending(upload, user)
    plan = upload.plan
    if plan is None:
        plan = _new_version(upload, user) if as_new_version else _draft(upload, user)
    if status not in PlanStatus.values:
        raise PlanImportError(_("Unknown plan status “%(status)s”.") % {"status": status})
    changed, plan.status = plan.status != status, status
    if status == PlanStatus.ACTIVE:  # the earlier versions leave force before this one enters it
        archive_previous_versions(plan, user)
        duplicates.check_single_active(plan)
    if changed:
        audit.by(plan, user, reason=_("review confirmed")).save()
    upload.status = ImportStatus.CONFIRMED
    upload.decided_by = user
    upload.decided_at = timezone.now()
    upload.save()
    return plan


@transaction.atomic
def discard_upload(upload: PlanImport, user) -> PlanImport:
    """Drop an upload the officer does not want, with its draft plan; the file is deleted, the upload
    kept as a record."""
    _pending(upload, user)
    plan = upload.plan
    upload.status = ImportStatus.DISCARDED
    upload.decided_by = user
    upload.decided_at = timezone.now()
    upload.plan = None
    upload.save()
    if plan is not None and plan.status == PlanStatus.DRAFT:
        source = plan.source_file.name if plan.source_file else ""
        audit.by(plan, user, reason=_("upload discarded")).delete()
        if source:
            storage = Plan._meta.get_field("source_file").storage
            transaction.on_commit(lambda: storage.delete(source))
    transaction.on_commit(lambda: upload.file.delete(save=False))
    return upload


__all__ = [
    "ALLOWED_EXTENSIONS",
    "DuplicatePlanError",
    "UploadError",
    "check_upload",
    "confirm_upload",
    "create_upload",
    "discard_upload",
    "find_duplicate",
    "max_upload_bytes",
    "review_as_new_version",
    "upload_duplicate",
]
