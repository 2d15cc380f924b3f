"""Where each value of a unit's report lives in the ``Biểu1`` sheet.

The layout is computed from the period's form and the unit (the elements it fills), never read from
the uploaded file: the importer rebuilds it and compares its checksum with the one in ``_meta``.
Keep it stable: any change here must raise :data:`TEMPLATE_VERSION`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

from binhdang.reporting.forms_catalog import (
    CATEGORY_OPTION_LABELS,
    DEFAULT_COC,
    FEMALE,
    MALE,
    NARRATIVE_FIELDS,
    SEX_OPTIONS,
    DataElement,
    FormDefinition,
    NarrativeField,
    ValueType,
    form_for_period,
)

TEMPLATE_ID = "binhdang-report"
TEMPLATE_VERSION = 1
SHEET = "Biểu1"
META_SHEET = "_meta"

# Columns of the sheet.
COL_NUMBER, COL_LABEL, COL_VALUE, COL_MALE, COL_FEMALE, COL_UNIT, COL_CODE = "ABCDEFG"
#: Header cells (column C of the header block).
CELL_FORM, CELL_PLAN, CELL_YEAR, CELL_UNIT_CODE, CELL_UNIT_NAME, CELL_DEADLINE, CELL_CUTOFF = (
    "C3",
    "C4",
    "C5",
    "C6",
    "C7",
    "C8",
    "C9",
)
HEADER_ROW = 12
FIRST_ROW = 14

#: Unit of measure shown next to each TT1790 element (domain §6).
UNITS_OF_MEASURE = {
    "TT_SESSIONS": pgettext_lazy("unit of measure", "sessions"),
    "TT_PARTICIPANTS": pgettext_lazy("unit of measure", "attendances"),
    "TT_AM_PLAN": pgettext_lazy("unit of measure", "Yes/No"),
    "TT_AM_ACTIVITIES": pgettext_lazy("unit of measure", "activities"),
    "TT_NEWS": pgettext_lazy("unit of measure", "news items, articles"),
    "TT_TRAININGS": pgettext_lazy("unit of measure", "courses"),
    "TT_TRAINEES": pgettext_lazy("unit of measure", "attendances"),
    "TT_DIGITAL_MODELS": pgettext_lazy("unit of measure", "models"),
    "TT_CONVENTIONS": pgettext_lazy("unit of measure", "conventions"),
    "TT_CONVENTIONS_OK": pgettext_lazy("unit of measure", "conventions"),
    "TT_GSIM_STATUS": pgettext_lazy("unit of measure", "level"),
    "TT_BUDGET_STATE": pgettext_lazy("unit of measure", "VND"),
    "TT_BUDGET_OTHER": pgettext_lazy("unit of measure", "VND"),
    "TT_AWARENESS": "%",
}


def unit_of_measure(element: DataElement) -> str:
    if element.code in UNITS_OF_MEASURE:
        return str(UNITS_OF_MEASURE[element.code])
    if element.value_type == ValueType.BOOLEAN:
        return str(pgettext_lazy("unit of measure", "Yes/No"))
    if element.value_type == ValueType.PERCENT:
        return "%"
    return ""


@dataclass(frozen=True)
class ValueCell:
    """One input cell: the value ``(code, coc)`` of ``element`` at ``column``/``row``."""

    element: DataElement
    coc: str
    column: str
    row: int

    @property
    def ref(self) -> str:
        return f"{self.column}{self.row}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.element.code, self.coc)


@dataclass(frozen=True)
class SheetRow:
    """A row of the table: a section title, an element, or a strategy element's option.

    ``code_text`` is what the hidden code column holds (checked on upload); ``inputs`` its input cells.
    """

    row: int
    kind: str  # "section", "element", "group" (element title over its option rows), "option"
    number: str
    label: str
    unit: str = ""
    element: DataElement | None = None
    code_text: str = ""
    inputs: tuple[ValueCell, ...] = ()


@dataclass(frozen=True)
class NarrativeCell:
    field: NarrativeField
    row: int

    @property
    def ref(self) -> str:
        return f"{COL_VALUE}{self.row}"


@dataclass
class Layout:
    form: FormDefinition
    elements: list[DataElement]
    rows: list[SheetRow] = field(default_factory=list)
    narrative: list[NarrativeCell] = field(default_factory=list)

    @property
    def value_cells(self) -> list[ValueCell]:
        return [cell for row in self.rows for cell in row.inputs]

    def cell_of(self, code: str, coc: str) -> ValueCell | None:
        for cell in self.value_cells:
            if cell.key == (code, coc):
                return cell
        return None

    @property
    def narrative_title_row(self) -> int:
        return self.narrative[0].row - 1 if self.narrative else self.last_table_row + 2

    @property
    def last_table_row(self) -> int:
        return self.rows[-1].row if self.rows else FIRST_ROW - 1

    def structure(self) -> dict:
        """What the checksum covers: template version, form, and every cell's meaning."""
        return {
            "template": TEMPLATE_ID,
            "version": TEMPLATE_VERSION,
            "form": self.form.code,
            "plan": self.form.plan_id,
            "rows": [[r.row, r.kind, r.code_text] for r in self.rows],
            "cells": [[c.element.code, c.coc, c.ref] for c in self.value_cells],
            "narrative": [[n.field.name, n.ref] for n in self.narrative],
        }

    def checksum(self) -> str:
        text = json.dumps(self.structure(), sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(text.encode()).hexdigest()

    def content_digest(self, values: Mapping[tuple[str, str], str], narrative: Mapping[str, str]) -> str:
        """A digest of a report's content restricted to this layout (empty values left out)."""
        keys = {c.key for c in self.value_cells}
        items = sorted([f"{k[0]}/{k[1]}", v] for k, v in values.items() if k in keys and v not in ("", None))
        texts = [[n.field.name, (narrative.get(n.field.name) or "").strip()] for n in self.narrative]
        text = json.dumps({"values": items, "narrative": texts}, sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(text.encode()).hexdigest()


def _roman(number: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    text = ""
    for value, letters in numerals:
        while number >= value:
            text += letters
            number -= value
    return text


def build_layout(period, unit) -> Layout:
    """The layout of ``unit``'s report in ``period``: its sections and elements, then the narrative."""
    form = form_for_period(period)
    layout = Layout(form=form, elements=form.elements_for(unit, period.focal_unit))
    row, number = FIRST_ROW, 0
    for index, (section, elements) in enumerate(form.sections_for(unit, period.focal_unit), start=1):
        layout.rows.append(SheetRow(row, "section", _roman(index), str(section.title)))
        row += 1
        for element in elements:
            number += 1
            uom = unit_of_measure(element)
            if element.category_options == (DEFAULT_COC,):
                cell = ValueCell(element, DEFAULT_COC, COL_VALUE, row)
                layout.rows.append(
                    SheetRow(
                        row, "element", str(number), str(element.label), uom, element, element.code, (cell,)
                    )
                )
                row += 1
            elif element.category_options == SEX_OPTIONS:
                cells = (ValueCell(element, MALE, COL_MALE, row), ValueCell(element, FEMALE, COL_FEMALE, row))
                layout.rows.append(
                    SheetRow(
                        row, "element", str(number), str(element.label), uom, element, element.code, cells
                    )
                )
                row += 1
            else:
                layout.rows.append(
                    SheetRow(row, "group", str(number), str(element.label), uom, element, element.code)
                )
                row += 1
                for coc in element.category_options:
                    cell = ValueCell(element, coc, COL_VALUE, row)
                    label = f"– {CATEGORY_OPTION_LABELS.get(coc, coc)}"
                    layout.rows.append(
                        SheetRow(row, "option", "", label, "", element, f"{element.code}/{coc}", (cell,))
                    )
                    row += 1
    row += 2  # a blank row, then the narrative title
    for narrative_field in NARRATIVE_FIELDS:
        layout.narrative.append(NarrativeCell(narrative_field, row))
        row += 1
    return layout
