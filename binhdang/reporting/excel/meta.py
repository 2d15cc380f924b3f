"""The hidden ``_meta`` sheet: what a template is for, and a signature so that nobody can point a file
at another unit or period by editing it.

Rows ``key | value`` from A1 down (see :data:`KEYS`), a blank row, then the cell map
(``code | category option | cell``, for people reading the file; the importer recomputes it).
The signature is an HMAC of the signed keys with the site's ``SECRET_KEY``
(:func:`django.utils.crypto.salted_hmac`): templates downloaded before a change of secret key must
be downloaded again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.crypto import constant_time_compare, salted_hmac

from binhdang.core.spreadsheets import set_cell
from binhdang.reporting.excel.layout import TEMPLATE_ID, TEMPLATE_VERSION, Layout

_SALT = "binhdang.reporting.excel.template"
#: Keys of the ``_meta`` sheet, in order; all but ``generated_at`` and ``signature`` are signed.
KEYS = (
    "template",
    "version",
    "form",
    "period_id",
    "year",
    "unit_code",
    "structure",
    "content",
    "generated_at",
    "signature",
)
SIGNED = KEYS[:8]


@dataclass
class Meta:
    template: str
    version: str
    form: str
    period_id: str
    year: str
    unit_code: str
    structure: str
    content: str
    generated_at: str = ""
    signature: str = ""

    def _payload(self) -> str:
        return "|".join(str(getattr(self, key)) for key in SIGNED)

    def sign(self) -> Meta:
        self.signature = salted_hmac(_SALT, self._payload(), algorithm="sha256").hexdigest()
        return self

    def signature_ok(self) -> bool:
        expected = salted_hmac(_SALT, self._payload(), algorithm="sha256").hexdigest()
        return constant_time_compare(expected, self.signature or "")

    def row_of(self, key: str) -> int:
        """The row of ``key`` in the sheet (for messages such as "_meta!B6")."""
        return KEYS.index(key) + 1


def make_meta(period, unit, layout: Layout, content: str, generated_at: str) -> Meta:
    return Meta(
        template=TEMPLATE_ID,
        version=str(TEMPLATE_VERSION),
        form=layout.form.code,
        period_id=str(period.pk),
        year=str(period.year),
        unit_code=unit.code,
        structure=layout.checksum(),
        content=content,
        generated_at=generated_at,
    ).sign()


def write_meta(sheet, meta: Meta, layout: Layout) -> None:
    for row, key in enumerate(KEYS, start=1):
        set_cell(sheet.cell(row=row, column=1), key)
        set_cell(sheet.cell(row=row, column=2), str(getattr(meta, key)))
    row = len(KEYS) + 2
    set_cell(sheet.cell(row=row, column=1), "code")
    set_cell(sheet.cell(row=row, column=2), "category_option")
    set_cell(sheet.cell(row=row, column=3), "cell")
    for cell in layout.value_cells:
        row += 1
        set_cell(sheet.cell(row=row, column=1), cell.element.code)
        set_cell(sheet.cell(row=row, column=2), cell.coc)
        set_cell(sheet.cell(row=row, column=3), cell.ref)
    for narrative in layout.narrative:
        row += 1
        set_cell(sheet.cell(row=row, column=1), f"narrative:{narrative.field.name}")
        set_cell(sheet.cell(row=row, column=3), narrative.ref)


def read_meta(sheet) -> dict[str, str]:
    """The ``key -> value`` pairs of the sheet's first rows (values as text; numbers without ".0")."""
    found: dict[str, str] = {}
    for row in sheet.iter_rows(min_row=1, max_row=len(KEYS) + 1, max_col=2, values_only=True):
        key, value = (*row, None, None)[:2]
        if key is None:
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        found[str(key).strip()] = "" if value is None else str(value).strip()
    return found
