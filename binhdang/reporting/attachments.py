"""Evidence files of a report: allowed kinds, size limit, upload and removal.

Allowed: PDF, Word (.docx), Excel (.xlsx), JPEG, PNG, at most :data:`MAX_ATTACHMENT_BYTES` (10 MB)
each. The content must match the extension (the first bytes are checked), so a renamed executable
is refused.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.reporting import access
from binhdang.reporting.errors import AccessDenied, ReportingError, TransitionError
from binhdang.reporting.models import Attachment, Submission

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS_PER_REPORT = 20
#: extension -> (content type, accepted leading bytes)
ALLOWED_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}


def check_file(uploaded) -> str:
    """Check an uploaded file; return its content type or raise :class:`ReportingError` (Vietnamese)."""
    name = getattr(uploaded, "name", "") or ""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise ReportingError(
            _("%(name)s: only PDF, Word (.docx), Excel (.xlsx), JPG and PNG files are accepted.")
            % {"name": name}
        )
    if uploaded.size > MAX_ATTACHMENT_BYTES:
        raise ReportingError(
            _("%(name)s: the file is %(size)s MB; the limit is %(limit)d MB.")
            % {
                "name": name,
                "size": number_format(uploaded.size / 1024 / 1024, decimal_pos=1),
                "limit": MAX_ATTACHMENT_BYTES // 1024 // 1024,
            }
        )
    if uploaded.size == 0:
        raise ReportingError(_("%(name)s: the file is empty.") % {"name": name})
    content_type, signatures = ALLOWED_TYPES[suffix]
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if not any(head.startswith(sig) for sig in signatures):
        raise ReportingError(
            _("%(name)s: the content is not a valid %(kind)s file.")
            % {"name": name, "kind": suffix.lstrip(".").upper()}
        )
    return content_type


def _check_can_edit(submission: Submission, user) -> None:
    if not submission.is_editable_state:
        raise TransitionError(
            _("This report is %(state)s and can no longer be changed.")
            % {"state": submission.get_state_display().lower()}
        )
    if user is not None and not access.can_edit_submission(user, submission):
        raise AccessDenied(_("You cannot change this report."))


@transaction.atomic
def add_attachment(submission: Submission, uploaded, user, description: str = "") -> Attachment:
    """Attach an evidence file to an editable report."""
    _check_can_edit(submission, user)
    if submission.attachments.count() >= MAX_ATTACHMENTS_PER_REPORT:
        raise ReportingError(
            _("A report can have at most %(n)d evidence files.") % {"n": MAX_ATTACHMENTS_PER_REPORT}
        )
    content_type = check_file(uploaded)
    attachment = Attachment(
        submission=submission,
        original_name=Path(uploaded.name).name[:255],
        content_type=content_type,
        size=uploaded.size,
        description=(description or "").strip()[:255],
        uploaded_by=user,
    )
    attachment.file.save(Path(uploaded.name).name, uploaded, save=False)
    audit.by(attachment, user)
    attachment.save()
    return attachment


@transaction.atomic
def delete_attachment(attachment: Attachment, user) -> None:
    """Remove an evidence file from an editable report. The stored file is kept, and the history keeps
    the record, so the audit trail can still show what was attached."""
    _check_can_edit(attachment.submission, user)
    audit.by(attachment, user)
    attachment.delete()
