"""Hostile inputs shared by the tests: decompression bombs in Office clothing and JSON nested too deep.

:func:`bomb` builds a zip whose one part inflates to ``size`` bytes of a single character (written in
chunks: the test process never holds it); :func:`docx_bomb` and :func:`xlsx_bomb` give it the parts a
.docx or .xlsx has, so that only the archive check can tell them from real files.
"""

from __future__ import annotations

import io
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
_CHUNK = b"a" * (1024 * 1024)


def bomb(part: str, size: int, extra: dict[str, bytes | str] | None = None) -> bytes:
    """A zip archive whose ``part`` inflates to ``size`` bytes (an XML opening tag, then one letter)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
        with archive.open(part, "w", force_zip64=True) as stream:
            stream.write(b"<?xml version='1.0'?><w:document>")
            written = 0
            while written < size:
                piece = _CHUNK[: min(len(_CHUNK), size - written)]
                stream.write(piece)
                written += len(piece)
    return buffer.getvalue()


def docx_bomb(size: int = 156 * 1024 * 1024) -> bytes:
    """A .docx (``word/document.xml``) of 156 MB inflated, as the probe of issue 14 sent."""
    return bomb("word/document.xml", size, {"_rels/.rels": "<Relationships/>"})


def xlsx_bomb(size: int = 100 * 1024 * 1024) -> bytes:
    """An .xlsx whose first sheet inflates to ``size`` bytes."""
    return bomb(
        "xl/worksheets/sheet1.xml",
        size,
        {"_rels/.rels": "<Relationships/>", "xl/workbook.xml": "<workbook/>"},
    )


def many_parts(count: int, suffix: str = ".xml") -> bytes:
    """A zip of ``count`` tiny parts (plus ``word/document.xml``, so that it looks like a .docx)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(count):
            archive.writestr(f"p/{index}{suffix}", "")
    return buffer.getvalue()


def with_dtd(part: str = "word/document.xml") -> bytes:
    """A zip whose XML ``part`` declares an entity (the start of a "billion laughs")."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            part, '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><w:document>&a;</w:document>'
        )
    return buffer.getvalue()


def nested_json(depth: int = 100_000) -> bytes:
    """A JSON text nested ``depth`` lists deep."""
    return b"[" * depth + b"]" * depth
