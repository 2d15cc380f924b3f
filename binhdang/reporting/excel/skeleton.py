"""A unit's template written from the skeleton of its form's layout, without openpyxl per unit.

Every unit of a period whose report has the same rows (same form, same sections for its kind of unit)
gets the same workbook but for a few cells: the unit's code and name, its values, its notes (the
activity log's figures, numbers too large for a number cell), its narrative, and the ``_meta`` sheet's
unit code, content digest, time and signature. The workbook is made once by openpyxl
(:func:`reporting.excel.workbook.make_workbook`) with those cells empty: the *skeleton*, kept in this
process while the layout is the same (:func:`_signature`: the period's header fields and every row,
label, element type, option and narrative field, so a change of any is a new skeleton). The workbook
openpyxl made for it is also kept on disk (``core.filecache``, kind ``xlsx-skeleton``, with the code's
version), for the other processes: gunicorn's workers each need it, and a worker recycled every few
thousand requests would otherwise make it again (40-80 ms a layout) at its first download. Each unit's
file is then the skeleton's parts, their compressed bytes reused as they are, with the two sheets'
XML written again with its own cells in the places openpyxl left for them.

A skeleton is made twice: without notes and with one (openpyxl then adds the comment parts, the
sheet's relationship and its ``legacyDrawing``); a unit's notes are written by openpyxl's own comment
writer. The result is the file openpyxl would have written for that unit (the tests compare them
part by part). :func:`render` returns None when a unit's text needs what the skeleton has no place
for (a text starting like a formula gets a "quote prefix" style; a character XML cannot hold makes
openpyxl refuse the text): the caller then builds the whole workbook with openpyxl.
"""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments.comment_sheet import CommentRecord, CommentSheet
from openpyxl.compat import safe_string
from openpyxl.xml.functions import tostring

from binhdang.core import filecache, formatting
from binhdang.core.numbers import too_large_note
from binhdang.core.spreadsheets import fits_excel, looks_like_formula, number_as_text
from binhdang.reporting.excel import layout as L
from binhdang.reporting.excel.meta import KEYS, Meta
from binhdang.reporting.excel.workbook import NUMBER_FORMATS, make_workbook, typed

SHEET_PART = "xl/worksheets/sheet1.xml"
META_PART = "xl/worksheets/sheet2.xml"
COMMENTS_PART = "xl/comments/comment1.xml"
VML_PART = "xl/drawings/commentsDrawing1.vml"
CORE_PART = "docProps/core.xml"
#: The ``_meta`` cells of each unit (column B of their keys' rows).
META_CELLS = {key: f"B{KEYS.index(key) + 1}" for key in ("unit_code", "content", "generated_at", "signature")}
KEEP = 64  # skeletons kept per process (one per layout of a period: a few per period)
#: The kept skeleton workbooks (``core.filecache``) and the code they depend on.
KIND = "xlsx-skeleton"
CODE = ("reporting", "core", "plans")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


class Unsupported(Exception):
    """A unit's text the skeleton cannot carry as openpyxl would write it."""


class _Sheet:
    """A sheet's XML cut at its unit's cells: ``pieces[i]`` comes before the cell ``refs[i]``."""

    def __init__(self, xml: str, refs: list[str]):
        self.pieces: list[str] = []
        self.refs: list[str] = []
        self.empty: list[str] = []  # each cell as the skeleton has it (empty)
        self.style: list[str] = []  # its attributes after r="..." (style)
        found = []
        for ref in refs:
            match = re.search(rf'<c r="{ref}"( s="\d+")?( t="[a-zA-Z]+")?(/>|></c>)', xml)
            if match is None:
                raise Unsupported(ref)
            found.append((match.start(), match.end(), ref, match.group(1) or ""))
        found.sort()
        position = 0
        for start, end, ref, style in found:
            self.pieces.append(xml[position:start])
            self.refs.append(ref)
            self.empty.append(xml[start:end])
            self.style.append(style)
            position = end
        self.tail = xml[position:]

    def write(self, cells: Mapping[str, object]) -> bytes:
        out = []
        for piece, ref, empty, style in zip(self.pieces, self.refs, self.empty, self.style, strict=True):
            out.append(piece)
            value = cells.get(ref)
            if value is None or value == "":
                out.append(empty)
            elif isinstance(value, str):
                text = value.translate(_ESCAPES)
                space = ' xml:space="preserve"' if value != value.strip() else ""
                out.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            else:
                out.append(f'<c r="{ref}"{style} t="n"><v>{safe_string(value)}</v></c>')
        out.append(self.tail)
        return "".join(out).encode("ascii", "xmlcharrefreplace")  # as lxml writes it


@dataclass
class _Part:
    name: str
    crc: int
    size: int
    data: bytes  # deflated


def _deflate(name: str, data: bytes) -> _Part:
    packer = zlib.compressobj(
        1, zlib.DEFLATED, -15
    )  # fastest: the sheets of repeated rows shrink ~10x anyway
    return _Part(name, zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


@dataclass
class _Variant:
    """One skeleton workbook: its parts in order (None: written per unit) and its two sheets."""

    parts: list[tuple[str, _Part | None]]
    sheet: _Sheet
    meta: _Sheet
    core: bytes


def _blank_workbook(period, layout: L.Layout, logged: dict) -> bytes:
    """The workbook openpyxl makes for ``layout`` with the unit's cells empty (the skeleton's source)."""
    blank_unit = SimpleNamespace(code="", name="")
    meta = Meta(
        template=L.TEMPLATE_ID,
        version=str(L.TEMPLATE_VERSION),
        form=layout.form.code,
        period_id=str(period.pk),
        year=str(period.year),
        unit_code="",
        structure=layout.checksum(),
        content="",
    )
    workbook = make_workbook(period, blank_unit, layout, {}, {}, logged, meta)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _variant(period, layout: L.Layout, logged: dict, signature: str) -> _Variant:
    """The skeleton of ``layout`` (with the notes' parts when ``logged`` has a figure), from the
    workbook kept on disk for its ``signature`` or made by openpyxl."""
    source = filecache.cached_file(
        KIND,
        (signature, bool(logged)),
        filecache.code_version(*CODE),
        lambda: _blank_workbook(period, layout, logged),
    )
    buffer = io.BytesIO(source)
    unit_refs = [L.CELL_UNIT_CODE, L.CELL_UNIT_NAME] + [c.ref for c in layout.value_cells]
    unit_refs += [n.ref for n in layout.narrative]
    parts: list[tuple[str, _Part | None]] = []
    texts: dict[str, bytes] = {}
    with zipfile.ZipFile(buffer) as archive:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename in (SHEET_PART, META_PART, CORE_PART, COMMENTS_PART, VML_PART):
                texts[info.filename] = data
                parts.append((info.filename, None))
            else:
                parts.append((info.filename, _deflate(info.filename, data)))
    return _Variant(
        parts,
        _Sheet(texts[SHEET_PART].decode(), unit_refs),
        _Sheet(texts[META_PART].decode(), list(META_CELLS.values())),
        texts[CORE_PART],
    )


@dataclass
class _Skeleton:
    plain: _Variant
    noted: _Variant | None  # with the comment parts (None: the layout has no input cell)


_kept: OrderedDict[str, _Skeleton] = OrderedDict()


def _signature(period, layout: L.Layout) -> str:
    """Everything the skeleton of ``layout`` shows: the header's fields, every row with its label,
    unit of measure, code and input cells (type, limit, options), the narrative fields, the language."""
    rows = []
    for row in layout.rows:
        element = row.element
        kind = None
        if element is not None:
            options = tuple((code, str(label)) for code, label in element.options)
            kind = (element.code, element.value_type, element.limit, element.category_options, options)
        cells = tuple((c.coc, c.ref, c.element.type_for(c.coc)) for c in row.inputs)
        rows.append((row.row, row.kind, row.number, row.label, row.unit, row.code_text, kind, cells))
    narrative = [(n.field.name, str(n.field.label), n.row) for n in layout.narrative]
    header = (
        translation.get_language(),
        period.pk,
        period.year,
        str(period.plan),
        period.deadline,
        period.cutoff_start,
        period.cutoff_end,
        layout.form.code,
        str(layout.form.title),
        layout.form.plan_id,
        layout.checksum(),
    )
    return repr((header, rows, narrative))


def _skeleton(period, layout: L.Layout) -> _Skeleton:
    key = _signature(period, layout)
    found = _kept.get(key)
    if found is not None:
        _kept.move_to_end(key)
        return found
    cells = layout.value_cells
    noted = _variant(period, layout, {cells[0].key: 0}, key) if cells else None
    found = _Skeleton(_variant(period, layout, {}, key), noted)
    _kept[key] = found
    while len(_kept) > KEEP:
        _kept.popitem(last=False)
    return found


def _text(value: str) -> str:
    if looks_like_formula(value) or ILLEGAL_CHARACTERS_RE.search(value):
        raise Unsupported(value)
    return value


def _unit_cells(unit, layout: L.Layout, values: dict, narrative: dict, logged: dict):
    """The unit's cells of the main sheet (ref -> value) and its notes (ref -> text), as
    :mod:`.workbook` writes them."""
    cells: dict[str, object] = {L.CELL_UNIT_CODE: _text(unit.code), L.CELL_UNIT_NAME: _text(unit.name)}
    notes: dict[str, str] = {}
    for cell in layout.value_cells:
        value_type = cell.element.type_for(cell.coc)
        value = typed(cell.element, cell.coc, values.get(cell.key, ""))
        if isinstance(value, str):
            value = _text(value)
        elif value is not None and not fits_excel(value):
            value = number_as_text(value)
        cells[cell.ref] = value
        if isinstance(value, str) and value_type in NUMBER_FORMATS:
            notes[cell.ref] = too_large_note()
        elif value in (None, "") and cell.key in logged:
            notes[cell.ref] = f"{_('From the activity log')}: {formatting.number(logged[cell.key])}"
    for item in layout.narrative:
        cells[item.ref] = _text(narrative.get(item.field.name) or "") or None
    return cells, notes


def _comment_parts(notes: dict[str, str]) -> tuple[bytes, bytes]:
    """The comment and VML parts of ``notes`` as openpyxl writes them."""
    records = []
    for ref, text in notes.items():
        record = CommentRecord(ref=ref, author="binhdang")
        record.text.t = text
        record.height, record.width = 79, 144
        records.append(record)
    comments = CommentSheet.from_comments(records)
    vml = comments.write_shapes(None)
    return tostring(comments.to_tree()), vml.encode() if isinstance(vml, str) else vml


def render(period, unit, layout: L.Layout, values: dict, narrative: dict, logged: dict, meta: Meta):
    """``unit``'s template (bytes) from its layout's skeleton, or None when openpyxl must make it.
    Call it in the template's language."""
    try:
        cells, notes = _unit_cells(unit, layout, values, narrative, logged)
        meta_cells = {ref: _text(str(getattr(meta, key))) for key, ref in META_CELLS.items()}
    except Unsupported:
        return None
    skeleton = _skeleton(period, layout)
    variant = skeleton.noted if notes else skeleton.plain
    if variant is None:
        return None
    now = datetime.now(tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    dynamic = {
        SHEET_PART: variant.sheet.write(cells),
        META_PART: variant.meta.write(meta_cells),
        CORE_PART: _W3CDTF.sub(rb"\g<1>" + now + rb"\g<2>", variant.core),
    }
    if notes:
        # openpyxl writes the notes in the order of the sheet's rows and columns
        ordered = dict(sorted(notes.items(), key=lambda item: _row_column(item[0])))
        dynamic[COMMENTS_PART], dynamic[VML_PART] = _comment_parts(ordered)
    return _zip([part or _deflate(name, dynamic[name]) for name, part in variant.parts])


def _row_column(ref: str) -> tuple[int, str]:
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters) :]), letters.rjust(3)


def _zip(parts: list[_Part]) -> bytes:
    """A zip of deflated ``parts`` (as :mod:`zipfile` writes them, without compressing again)."""
    year, month, day, hour, minute, second = time.localtime()[:6]
    stamp = (hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day)
    out, directory, offset = [], [], 0
    for part in parts:
        name = part.name.encode()
        fields = (20, 0, zipfile.ZIP_DEFLATED, *stamp, part.crc, len(part.data), part.size, len(name))
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name
        out += [local, part.data]
        directory.append(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 3 << 8 | 20, *fields, 0, 0, 0, 0, 0o600 << 16, offset)
            + name
        )
        offset += len(local) + len(part.data)
    central = b"".join(directory)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), offset, 0)
    return b"".join([*out, central, end])
