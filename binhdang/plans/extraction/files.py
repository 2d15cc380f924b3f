"""Reading the bytes of an uploaded or given file: what kind it is and its text.

A .docx is recognised by its content (a zip holding ``word/document.xml``), not its name; text is
UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258. PDF, images, old binary .doc,
RTF, other zips and binary data are refused with a message saying what the file is.
"""

from __future__ import annotations

import io
import zipfile

from django.utils.translation import gettext as _

from binhdang.core.archives import UnsafeArchive, check_archive
from binhdang.plans.extraction.document import Document, read_text
from binhdang.plans.extraction.errors import ExtractionError

_SIGNATURES = (
    (b"%PDF", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    (b"{\\rtf", "rtf"),
)


def sniff(data: bytes) -> str:
    """ "docx", "zip", "pdf", "image", "doc", "rtf", "binary" or "text"."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "zip"
        except zipfile.BadZipFile:
            return "corrupt-docx"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    sample = data[:4096]
    if b"\x00" in sample:
        return "binary"
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return "binary" if sample and control / len(sample) > 0.05 else "text"


def decode(data: bytes, name: str) -> str:
    """The text of a text file, or ExtractionError when it cannot be decoded as text or holds NUL
    characters (binary data past the sniffed start; PostgreSQL cannot store them either)."""
    text = _decode(data, name)
    if "\x00" in text:
        raise ExtractionError(_("The file %(name)s is binary data, not a plan document.") % {"name": name})
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ExtractionError(
                _("The file %(name)s is not text in a known encoding (UTF-8, UTF-16 or Windows-1258).")
                % {"name": name}
            ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as error:
        raise ExtractionError(
            _("The file %(name)s is not text in a known encoding (UTF-8, UTF-16 or Windows-1258).")
            % {"name": name}
        ) from error


def load(data: bytes, name: str) -> Document:
    """The document in ``data`` (.docx or text); ExtractionError for anything else."""
    if not data.strip():
        raise ExtractionError(_("The file %(name)s is empty.") % {"name": name})
    kind = sniff(data)
    if kind == "docx":
        return load_docx(data, name)
    messages = {
        "pdf": _("The file %(name)s is a PDF; PDF plans are not supported, use the .docx or a text copy."),
        "image": _("The file %(name)s is an image, not a plan document; use the .docx or a text copy."),
        "doc": _("The file %(name)s is an old Word .doc file; save it as .docx and try again."),
        "rtf": _("The file %(name)s is an RTF file; save it as .docx and try again."),
        "zip": _("The file %(name)s is a zip archive but not a Word .docx document."),
        "corrupt-docx": _("The file %(name)s is a damaged .docx (the archive cannot be read)."),
        "binary": _("The file %(name)s is binary data, not a plan document."),
    }
    if kind in messages:
        raise ExtractionError(messages[kind] % {"name": name})
    return read_text(decode(data, name))


def load_docx(data: bytes, name: str) -> Document:
    """Open a .docx with python-docx, after the archive check (:mod:`binhdang.core.archives`: member
    sizes, total, compression ratio, no DTD) so that a decompression bomb is refused before parsing;
    a refused or damaged package raises ExtractionError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    from binhdang.plans.extraction.docx_reader import read_docx

    try:
        check_archive(data, name)
    except UnsafeArchive as error:
        raise ExtractionError(str(error)) from error
    except zipfile.BadZipFile as error:
        message = _("The file %(name)s is a damaged .docx (%(error)s).")
        raise ExtractionError(message % {"name": name, "error": error}) from error
    try:
        opened = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, OSError, LxmlError) as error:
        message = _("The file %(name)s is a damaged .docx (%(error)s).")
        raise ExtractionError(message % {"name": name, "error": error}) from error
    return read_docx(opened)
