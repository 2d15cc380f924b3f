"""The one check of an uploaded zip archive (.docx, .xlsx) before anything parses it.

A 0.64 MB .docx whose ``document.xml`` inflates to 156 MB kept a worker busy for 68 s and 1.4 GiB:
parsers (python-docx, openpyxl) inflate and build a tree of every member they read. So every archive a
user sends is checked here first, from its central directory only (nothing is inflated but the first
bytes of the XML parts), and refused with :class:`UnsafeArchive` (a Vietnamese message naming the file
and the problem) when:

- it has more than :data:`MAX_MEMBERS` members;
- a member would inflate to more than :data:`MAX_MEMBER_BYTES`, or all of them together to more than
  :data:`MAX_TOTAL_BYTES`;
- a member of more than :data:`RATIO_FLOOR_BYTES` inflates more than :data:`MAX_RATIO` times (real
  Office files stay well under 30:1; a bomb is a thousand to one);
- an XML part declares a DTD (``<!DOCTYPE``: entity expansion; Office files never have one).

Python's ``zipfile`` never inflates a member beyond the size its directory declares (it stops there and
reports a damaged file), so checking the declared sizes bounds what the parsers read, hence their time
and memory (a template parses in well under a second, a plan at the limits in a few seconds). Archives
inside the archive (an Excel chart embedded in a Word file) are counted like any member and never
opened. An archive that cannot be read at all raises ``zipfile.BadZipFile`` for the caller's own
"damaged file" message.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

#: Most members an Office file of this system has (a plan with many images has a few hundred).
MAX_MEMBERS = 2000
#: Largest inflated member (a long plan's document.xml is a few MB; an image is stored as it is).
MAX_MEMBER_BYTES = 20 * 1024 * 1024
#: Largest inflated archive in total.
MAX_TOTAL_BYTES = 50 * 1024 * 1024
#: Largest inflation ratio of a member above RATIO_FLOOR_BYTES.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
#: How much of each XML part is read to look for a DTD (it can only come before the root element).
_PROLOGUE_BYTES = 2048


class UnsafeArchive(ValueError):
    """The archive was refused before parsing; ``str()`` names the file and the problem in Vietnamese."""


def check_archive(data: bytes, name: str, *, max_member_bytes: int | None = None) -> None:
    """Refuse the zip archive ``data`` (file ``name``) if parsing it could exhaust the server; see the
    module docstring. ``max_member_bytes``: a lower limit per part for a reader slower than python-docx
    (openpyxl reads a workbook's sheets at about 1.5 MB a second). ``zipfile.BadZipFile`` when it is
    no zip archive."""
    limit = min(MAX_MEMBER_BYTES, max_member_bytes or MAX_MEMBER_BYTES)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise UnsafeArchive(
                _(
                    "The file “%(name)s” holds %(count)d parts (at most %(limit)d): it is not an ordinary document."
                )
                % {"name": name, "count": len(members), "limit": MAX_MEMBERS}
            )
        total = 0
        for member in members:
            _check_member(member, name, limit)
            total += member.file_size
            if total > MAX_TOTAL_BYTES:
                raise UnsafeArchive(
                    _("The file “%(name)s” would inflate to more than %(limit)s when opened: it is refused.")
                    % {"name": name, "limit": filesizeformat(MAX_TOTAL_BYTES)}
                )
        for member in members:
            if member.filename.lower().endswith((".xml", ".rels")) and _declares_dtd(archive, member):
                raise UnsafeArchive(
                    _(
                        "The file “%(name)s” is refused: its part %(part)s declares a DTD, which documents never do."
                    )
                    % {"name": name, "part": member.filename[:100]}
                )


def _check_member(member: zipfile.ZipInfo, name: str, limit: int) -> None:
    if member.file_size > limit:
        raise UnsafeArchive(
            _(
                "The file “%(name)s” is refused: its part %(part)s would inflate to %(size)s (at most %(limit)s)."
            )
            % {
                "name": name,
                "part": member.filename[:100],
                "size": filesizeformat(member.file_size),
                "limit": filesizeformat(limit),
            }
        )
    if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        raise UnsafeArchive(
            _(
                "The file “%(name)s” is refused: its part %(part)s is compressed %(ratio)d times "
                "(at most %(limit)d), as in a decompression bomb."
            )
            % {
                "name": name,
                "part": member.filename[:100],
                "ratio": member.file_size // max(member.compress_size, 1),
                "limit": MAX_RATIO,
            }
        )


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(member) as part:
            start = part.read(_PROLOGUE_BYTES)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError):
        return False  # unreadable: the parser reports the damaged file
    return b"<!DOCTYPE" in start.upper() or b"<!ENTITY" in start.upper()
