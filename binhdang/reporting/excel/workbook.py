"""The openpyxl workbook of a unit's template: styles, header, rows, validations, notes, narrative and
the ``_meta`` sheet (:func:`make_workbook`). ``reporting.excel.template`` saves it; the skeletons of
``reporting.excel.skeleton`` are made by it too, so both ways give the same workbook.

Every cell is written with :func:`binhdang.core.spreadsheets.set_cell`: what users typed (narratives,
text values, unit names, plan titles) stays text, never a formula.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection

from binhdang.core import formatting
from binhdang.core.numbers import spreadsheet_number, too_large_note
from binhdang.core.spreadsheets import set_cell
from binhdang.reporting import limits
from binhdang.reporting.excel import layout as L
from binhdang.reporting.excel.cells import no_label, yes_label
from binhdang.reporting.excel.meta import Meta, write_meta
from binhdang.reporting.forms_catalog import SEX_OPTIONS, DataElement, ValueType
from binhdang.reporting.models import Period

FONT = "Times New Roman"
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SECTION_FILL = PatternFill("solid", fgColor="EDEDED")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
NUMBER_FORMATS = {ValueType.INTEGER: "#,##0", ValueType.NUMBER: "#,##0.##", ValueType.PERCENT: "0.0"}


def _styles() -> list[NamedStyle]:
    """The cell styles of the sheet, registered once per workbook: setting one named style per cell
    is many times faster with openpyxl than setting font, fill, border... one by one."""

    def style(name, *, bold=False, fill=None, wrap=False, locked=True, number_format="General", **align):
        named = NamedStyle(name=f"bd_{name}")
        named.font = Font(name=FONT, bold=bold)
        named.border = BOX
        if fill is not None:
            named.fill = fill
        named.alignment = Alignment(wrap_text=wrap, vertical=align.pop("vertical", "top"), **align)
        named.protection = Protection(locked=locked)
        named.number_format = number_format
        return named

    return [
        style("cell"),
        style("label", wrap=True),
        style("section", bold=True, fill=SECTION_FILL, wrap=True),
        style("na", fill=SECTION_FILL),
        style("total", fill=SECTION_FILL, number_format=NUMBER_FORMATS[ValueType.INTEGER]),
        style("header", bold=True, fill=HEADER_FILL, wrap=True, horizontal="center", vertical="center"),
        style("input_text", fill=INPUT_FILL, wrap=True, locked=False),
        *(
            style(f"input_{value_type}", fill=INPUT_FILL, locked=False, number_format=number_format)
            for value_type, number_format in NUMBER_FORMATS.items()
        ),
    ]


def _input_style(value_type: str) -> str:
    return f"bd_input_{value_type}" if value_type in NUMBER_FORMATS else "bd_input_text"


def typed(element: DataElement, coc: str, text: str):
    """The stored text as the cell shows it: a number, "Có"/"Không", an option's label, text."""
    if text in ("", None):
        return None
    value_type = element.type_for(coc)
    if value_type in (ValueType.INTEGER, ValueType.NUMBER, ValueType.PERCENT):
        number = spreadsheet_number(text)
        return text if number is None else number  # too large for a number cell: its digits (noted)
    if value_type == ValueType.BOOLEAN:
        return yes_label() if text == "true" else no_label()
    if value_type == ValueType.OPTION:
        return str(dict(element.options).get(text, text))
    return text


class _Validations:
    """One data validation per kind of input, each covering all its cells."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.by_kind: dict[str, DataValidation] = {}

    def _make(self, kind: str, element: DataElement) -> DataValidation:
        common = {"allow_blank": True, "showErrorMessage": True, "showInputMessage": True}
        limit = limits.hard_limit(element.limit) if kind.startswith("integer:") else None
        if limit is not None:  # the hard limit of the element's kind (reporting.limits)
            rule = DataValidation(
                type="whole", operator="between", formula1="0", formula2=str(limit), **common
            )
            rule.error = _("Enter a whole number from 0 to %(limit)s.") % {
                "limit": limits.limit_text(element.limit)
            }
        elif kind.startswith("integer"):
            rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", **common)
            rule.error = _("Enter a whole number of zero or more.")
        elif kind == "number":
            rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", **common)
            rule.error = _("Enter a number of zero or more.")
        elif kind == "percent":
            rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", **common)
            rule.error = _("Enter a percentage between 0 and 100.")
        elif kind == "boolean":
            rule = DataValidation(type="list", formula1=f'"{yes_label()},{no_label()}"', **common)
            rule.error = _("Choose Yes or No.")
        elif kind.startswith("option:"):
            labels = ",".join(str(label).replace(",", " ") for _code, label in element.options)
            rule = DataValidation(type="list", formula1=f'"{labels}"', **common)
            rule.error = _("Choose a value from the list.")
        else:
            rule = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="2000", **common)
            rule.error = _("At most 2000 characters.")
        rule.errorTitle = _("Invalid value")
        rule.prompt = rule.error  # shown when the cell is selected
        self.sheet.add_data_validation(rule)
        return rule

    def add(self, element: DataElement, coc: str, ref: str) -> None:
        value_type = element.type_for(coc)
        kind = {
            ValueType.INTEGER: "integer",
            ValueType.NUMBER: "number",
            ValueType.PERCENT: "percent",
            ValueType.BOOLEAN: "boolean",
            ValueType.OPTION: f"option:{element.code}",
        }.get(value_type, "text")
        if kind == "integer" and element.limit:
            kind = f"integer:{element.limit}"
        if kind not in self.by_kind:
            self.by_kind[kind] = self._make(kind, element)
        self.by_kind[kind].add(ref)


def _header(sheet, period: Period, unit, layout: L.Layout) -> None:
    """Title, the form's identity and the instructions (few merged cells: merging is slow in openpyxl)."""
    title = (_("%(title)s for %(year)s") % {"title": layout.form.title, "year": period.year}).upper()
    subtitle = _("(Form %(code)s: enter the figures in the yellow cells only)") % {"code": layout.form.code}
    for row, text, font in (
        (1, title, Font(name=FONT, bold=True, size=13)),
        (2, subtitle, Font(name=FONT, italic=True)),
    ):
        for column in "ABCDEF":  # "centre across selection" over A:F
            sheet[f"{column}{row}"].alignment = Alignment(horizontal="centerContinuous", vertical="center")
        set_cell(sheet[f"A{row}"], text).font = font
    sheet.row_dimensions[1].height = 30
    cutoff = f"{formatting.date(period.cutoff_start)} – {formatting.date(period.cutoff_end)}"
    fields = [
        (L.CELL_FORM, _("Form code"), layout.form.code),
        (L.CELL_PLAN, _("Plan"), str(period.plan)),
        (L.CELL_YEAR, _("Reporting year"), period.year),
        (L.CELL_UNIT_CODE, _("Unit code"), unit.code),
        (L.CELL_UNIT_NAME, _("Reporting unit"), unit.name),
        (L.CELL_DEADLINE, _("Deadline"), period.deadline),
        (L.CELL_CUTOFF, _("Data cutoff"), cutoff),
    ]
    for ref, label, value in fields:
        row = int(ref[1:])
        set_cell(sheet.cell(row=row, column=2), str(label)).font = Font(name=FONT, bold=True)
        cell = set_cell(sheet[ref], value)
        cell.font = Font(name=FONT)
        cell.alignment = Alignment(horizontal="left")
    sheet[L.CELL_DEADLINE].number_format = "dd/mm/yyyy"
    sheet.merge_cells("A10:F10")
    instructions = _(
        "Enter figures only in the yellow cells; do not add, delete or move rows or columns. When done, "
        "upload this file on the Reports page (Upload Excel files). The file is checked as a whole: if a "
        "cell is wrong nothing is saved and the message names the cell."
    )
    set_cell(sheet["A10"], instructions)
    sheet["A10"].font = Font(name=FONT, italic=True, size=10)
    sheet["A10"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[10].height = 42


def _table_header(sheet) -> None:
    top, sub = L.HEADER_ROW, L.HEADER_ROW + 1
    titles = {
        L.COL_NUMBER: pgettext("row number", "No."),
        L.COL_LABEL: _("Indicator"),
        L.COL_VALUE: _("Figure"),
        L.COL_UNIT: _("Unit of measure"),
        L.COL_CODE: _("Code"),
    }
    for column, title in titles.items():
        set_cell(sheet[f"{column}{top}"], str(title))
        if column != L.COL_VALUE:
            sheet.merge_cells(f"{column}{top}:{column}{sub}")
    sheet.merge_cells(f"{L.COL_VALUE}{top}:{L.COL_FEMALE}{top}")
    set_cell(sheet[f"{L.COL_VALUE}{sub}"], _("Value / total"))
    set_cell(sheet[f"{L.COL_MALE}{sub}"], _("Male"))
    set_cell(sheet[f"{L.COL_FEMALE}{sub}"], _("Female"))
    for row in (top, sub):
        for column in "ABCDEFG":
            sheet[f"{column}{row}"].style = "bd_header"


def _rows(
    sheet, layout: L.Layout, values: dict, validations: _Validations, logged: dict | None = None
) -> None:
    """The form's rows; an empty input cell for which the activity log has a figure gets it as a note
    ("Theo sổ hoạt động: 12", ``reporting.log_figures``): the unit types it if it agrees."""
    value_columns = (L.COL_VALUE, L.COL_MALE, L.COL_FEMALE)
    for spec in layout.rows:
        r = spec.row
        heading = spec.kind in ("section", "group")
        for column in "ABCDEFG":
            name = "bd_section" if heading else ("bd_label" if column == L.COL_LABEL else "bd_cell")
            if not heading and column in value_columns:
                name = "bd_na"
            sheet[f"{column}{r}"].style = name
        set_cell(sheet[f"{L.COL_NUMBER}{r}"], spec.number)
        set_cell(sheet[f"{L.COL_LABEL}{r}"], spec.label)
        set_cell(sheet[f"{L.COL_UNIT}{r}"], spec.unit)
        set_cell(sheet[f"{L.COL_CODE}{r}"], spec.code_text or None)
        for cell in spec.inputs:
            element = cell.element
            target = sheet[cell.ref]
            target.style = _input_style(element.type_for(cell.coc))
            set_cell(target, typed(element, cell.coc, values.get(cell.key, "")))
            if isinstance(target.value, str) and element.type_for(cell.coc) in NUMBER_FORMATS:
                target.comment = Comment(too_large_note(), "binhdang")
            elif target.value in (None, "") and cell.key in (logged or {}):
                figure = formatting.number((logged or {})[cell.key])
                target.comment = Comment(f"{_('From the activity log')}: {figure}", "binhdang")
            validations.add(element, cell.coc, cell.ref)
        if spec.element is not None and spec.element.category_options == SEX_OPTIONS:
            total = sheet[f"{L.COL_VALUE}{r}"]
            pair = f"{L.COL_MALE}{r}:{L.COL_FEMALE}{r}"
            total.style = "bd_total"
            total.value = f'=IF(COUNT({pair})=0,"",SUM({pair}))'  # our own formula, no user text


def _narrative(sheet, layout: L.Layout, narrative: dict) -> None:
    title = layout.narrative_title_row
    set_cell(sheet[f"A{title}"], _("NARRATIVE REPORT")).font = Font(name=FONT, bold=True)
    for item in layout.narrative:
        r = item.row
        label = set_cell(sheet[f"{L.COL_LABEL}{r}"], str(item.field.label))
        label.font = Font(name=FONT, bold=True)
        label.alignment = WRAP
        sheet.merge_cells(f"{L.COL_VALUE}{r}:{L.COL_UNIT}{r}")
        sheet[item.ref].style = "bd_input_text"
        set_cell(sheet[item.ref], narrative.get(item.field.name) or None)
        set_cell(sheet[f"{L.COL_CODE}{r}"], f"narrative:{item.field.name}")
        sheet.row_dimensions[r].height = 110


def _sheet_setup(sheet) -> None:
    for column, width in zip("ABCDEFG", (6, 62, 16, 12, 12, 16, 22), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.column_dimensions[L.COL_CODE].hidden = True
    sheet.protection = SheetProtection(
        sheet=True, formatColumns=False, formatRows=False, selectLockedCells=False, selectUnlockedCells=False
    )
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{L.HEADER_ROW}:{L.HEADER_ROW + 1}"


def make_workbook(
    period: Period, unit, layout: L.Layout, values: dict, narrative: dict, logged: dict, meta: Meta
) -> Workbook:
    """The workbook of ``unit``'s template (``unit``: anything with ``code`` and ``name``), with
    ``values`` and ``narrative`` in its cells, ``logged`` (the activity log's figures) as notes of its
    empty cells and ``meta`` in the hidden ``_meta`` sheet. Call it in the template's language."""
    workbook = Workbook()
    for style in _styles():
        workbook.add_named_style(style)
    sheet = workbook.active
    sheet.title = L.SHEET
    _header(sheet, period, unit, layout)
    _table_header(sheet)
    _rows(sheet, layout, values, _Validations(sheet), logged)
    _narrative(sheet, layout, narrative)
    _sheet_setup(sheet)
    meta_sheet = workbook.create_sheet(L.META_SHEET)
    write_meta(meta_sheet, meta, layout)
    meta_sheet.sheet_state = "hidden"
    meta_sheet.protection = SheetProtection(sheet=True)
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.active = 0
    return workbook
