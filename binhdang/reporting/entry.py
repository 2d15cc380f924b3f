"""The report entry page's fields: from the form catalog to template rows, and from POST data back
to values. Field names: ``v__<CODE>`` or ``v__<CODE>__<COC>`` (e.g. ``v__TT_PARTICIPANTS__FEMALE``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from binhdang.core.numbers import is_huge, vn_number
from binhdang.reporting.forms_catalog import (
    CATEGORY_OPTION_LABELS,
    DEFAULT_COC,
    NARRATIVE_FIELDS,
    DataElement,
    FormDefinition,
    ValueType,
)
from binhdang.reporting.validation import Issue

PREFIX = "v__"


def format_number(value: Decimal) -> str:
    """A figure as officers write it, grouped by thousands: "15.000.000", "72,5" in Vietnamese (every
    decimal kept); 10¹⁵ or more in scientific form (see :mod:`binhdang.core.numbers`)."""
    if is_huge(value):
        return vn_number(value)
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def field_name(code: str, coc: str = DEFAULT_COC) -> str:
    return f"{PREFIX}{code}__{coc}" if coc else f"{PREFIX}{code}"


def field_id(code: str, coc: str = DEFAULT_COC) -> str:
    return "f-" + (f"{code}-{coc}" if coc else code).replace(".", "_")


def display_value(value_type: str, text: str, options=()) -> str:
    """A stored value as people read it: figures grouped, Có/Không, option labels; "" when empty."""
    if text == "":
        return ""
    try:
        if value_type in (ValueType.INTEGER, ValueType.NUMBER, ValueType.PERCENT):
            return format_number(Decimal(text))
    except ArithmeticError:
        return text
    if value_type == ValueType.BOOLEAN:
        return str(_("Yes")) if text == "true" else str(_("No"))
    if value_type == ValueType.OPTION:
        return str(dict(options).get(text, text))
    return text


@dataclass
class Input:
    name: str
    id: str
    coc: str
    coc_label: str
    value: str
    value_type: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    options: tuple = ()
    minimum: float | None = None
    maximum: float | None = None

    @property
    def display(self) -> str:
        """The value as shown read-only: "1.500.000", "Có", "Áp dụng chính thức"; "—" when empty."""
        return display_value(self.value_type, self.value, self.options) or "—"

    @property
    def input_mode(self) -> str:
        return "numeric" if self.value_type == ValueType.INTEGER else "decimal"

    @property
    def step(self) -> str:
        return "1" if self.value_type == ValueType.INTEGER else "any"


@dataclass
class Row:
    element: DataElement
    inputs: list[Input]
    #: Messages about the element as a whole (disaggregated elements).
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def value_type(self) -> str:
        return self.element.value_type

    @property
    def label(self) -> str:
        return str(self.element.label)

    @property
    def side_by_side(self) -> bool:
        return self.element.disaggregated


def build_sections(
    form: FormDefinition,
    unit,
    focal_unit,
    values: Mapping[tuple[str, str], str],
    issues: Iterable[Issue] = (),
    warnings: Iterable[Issue] = (),
) -> list[dict]:
    """``[{"section": Section, "rows": [Row]}]`` for the unit, with values, errors and warnings."""
    errors_by_key: dict[tuple[str, str], list[str]] = {}
    for issue in issues:
        errors_by_key.setdefault((issue.code, issue.coc), []).append(issue.message)
    warnings_by_key: dict[tuple[str, str], list[str]] = {}
    for warning in warnings:
        warnings_by_key.setdefault((warning.code, warning.coc), []).append(warning.message)
    sections = []
    for section, elements in form.sections_for(unit, focal_unit):
        rows = []
        for element in elements:
            inputs = []
            for coc in element.category_options:
                key = (element.code, coc)
                inputs.append(
                    Input(
                        name=field_name(element.code, coc),
                        id=field_id(element.code, coc),
                        coc=coc,
                        coc_label=str(CATEGORY_OPTION_LABELS.get(coc, "")),
                        value=values.get(key, ""),
                        value_type=element.type_for(coc),
                        errors=errors_by_key.get(key, []),
                        warnings=warnings_by_key.get(key, []),
                    )
                )
            row = Row(element, inputs)
            if element.disaggregated:
                row.errors = errors_by_key.get((element.code, DEFAULT_COC), [])
                row.warnings = warnings_by_key.get((element.code, DEFAULT_COC), [])
            rows.append(row)
        sections.append({"section": section, "rows": rows})
    return sections


def parse_post(data: Mapping[str, str], elements: Iterable[DataElement]) -> tuple[dict, dict]:
    """Values and narrative from POST data; only the fields of ``elements`` are read."""
    values: dict[tuple[str, str], str] = {}
    for element in elements:
        for coc in element.category_options:
            name = field_name(element.code, coc)
            if name in data:
                values[(element.code, coc)] = data.get(name, "")
    narrative = {f.name: data[f.name] for f in NARRATIVE_FIELDS if f.name in data}
    return values, narrative
