"""The report entry page's fields: from the form catalog to template rows, and from POST data back
to values. Field names: ``v__<CODE>`` or ``v__<CODE>__<COC>`` (e.g. ``v__TT_PARTICIPANTS__FEMALE``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from binhdang.core import formatting
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
            return formatting.number(Decimal(text))
    except ArithmeticError:
        return text
    if value_type == ValueType.DATE:
        try:
            return formatting.date(dt.date.fromisoformat(text))
        except ValueError:
            return text
    if value_type == ValueType.BOOLEAN:
        return str(_("Yes")) if text == "true" else str(_("No"))
    if value_type == ValueType.OPTION:
        return str(dict(options).get(text, text))
    return text


@dataclass
class Input:
    """One value's field: every property comes from its data element (option set, bounds, type,
    unit, whether a complete report needs it), so the web form cannot drop one of them. What the
    template asks of each field several times (name, id, type...) is computed once."""

    element: DataElement
    coc: str
    value: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The activity log's figure for this value (``reporting.log_figures``), None without one.
    logged: int | None = None
    #: A figure consolidated from other reports (the quarters of the year): shown, not typed.
    readonly: bool = False
    #: Where a read-only figure comes from ("Quý 1/2026: 5 · ...").
    note: str = ""

    @cached_property
    def name(self) -> str:
        return field_name(self.element.code, self.coc)

    @cached_property
    def id(self) -> str:
        return field_id(self.element.code, self.coc)

    @cached_property
    def coc_label(self) -> str:
        return str(CATEGORY_OPTION_LABELS.get(self.coc, ""))

    @cached_property
    def value_type(self) -> str:
        return self.element.type_for(self.coc)

    @property
    def options(self) -> tuple:
        return self.element.options

    @property
    def minimum(self) -> float | None:
        return self.element.minimum

    @property
    def maximum(self) -> float | None:
        return self.element.maximum

    @property
    def unit(self) -> str:
        return self.element.unit

    @property
    def is_money(self) -> bool:
        return self.element.is_money

    @cached_property
    def required(self) -> bool:
        return self.element.requires(self.coc)

    @property
    def help_text(self) -> str:
        return str(self.element.help_text)

    @property
    def shown_value(self) -> str:
        """The value in the field: money grouped by thousands as typed ("15.000.000"), else as stored."""
        if self.is_money and not self.errors:
            return display_value(self.value_type, self.value)
        return self.value

    @property
    def display(self) -> str:
        """The value as shown read-only: "1.500.000", "Có", "Áp dụng chính thức"; "—" when empty."""
        return display_value(self.value_type, self.value, self.options) or "—"

    @property
    def proposed(self) -> bool:
        """The field is empty and the activity log has a figure for it."""
        return self.logged is not None and self.value == ""

    @property
    def differs_from_log(self) -> bool:
        """A value is entered and it is not the activity log's figure."""
        if self.logged is None or self.value == "":
            return False
        try:
            return Decimal(self.value) != self.logged
        except ArithmeticError:
            return True

    @property
    def logged_display(self) -> str:
        return formatting.number(self.logged) if self.logged is not None else ""

    @property
    def input_mode(self) -> str:
        return "numeric" if self.value_type == ValueType.INTEGER or self.is_money else "decimal"

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

    @property
    def id(self) -> str:
        """The id of the row's group of fields (its messages are in ``msg-<id>``)."""
        return field_id(self.element.code, DEFAULT_COC)


@dataclass(frozen=True)
class LinkedIssue:
    """A problem as listed above the form, linking to its field (``target``: an element id)."""

    text: str
    target: str


def linked_issues(issues: Iterable[Issue]) -> list[LinkedIssue]:
    return [LinkedIssue(str(i), field_id(i.code, i.coc) if i.code else "") for i in issues]


def build_sections(
    form: FormDefinition,
    unit,
    focal_unit,
    values: Mapping[tuple[str, str], str],
    issues: Iterable[Issue] = (),
    warnings: Iterable[Issue] = (),
    logged: Mapping[tuple[str, str], int] | None = None,
    fixed: Mapping[str, str] | None = None,
) -> list[dict]:
    """``[{"section": Section, "rows": [Row]}]`` for the unit, with values, errors and warnings (and
    the activity log's figures, ``logged``); ``fixed`` maps the codes of read-only figures to where
    they come from."""
    fixed = fixed or {}
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
                        element,
                        coc,
                        values.get(key, ""),
                        errors=errors_by_key.get(key, []),
                        warnings=warnings_by_key.get(key, []),
                        logged=(logged or {}).get(key),
                        readonly=element.code in fixed,
                        note=fixed.get(element.code, ""),
                    )
                )
            row = Row(element, inputs)
            if element.disaggregated:
                row.errors = errors_by_key.get((element.code, DEFAULT_COC), [])
                row.warnings = warnings_by_key.get((element.code, DEFAULT_COC), [])
            rows.append(row)
        sections.append({"section": section, "rows": rows})
    return sections


def ungroup(text: str) -> str:
    """An amount as typed in a money field, grouped by thousands ("1.234.567" or "1.234.567,5" in
    Vietnamese, "1,234,567.5" in English), in plain digits ("1234567.5"); other text unchanged."""
    group, decimal = get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR")
    pattern = rf"\d{{1,3}}({re.escape(group)}\d{{3}})+({re.escape(decimal)}\d+)?"
    stripped = text.strip()
    if not re.fullmatch(pattern, stripped):
        return text
    return stripped.replace(group, "").replace(decimal, ".")


def parse_post(data: Mapping[str, str], elements: Iterable[DataElement]) -> tuple[dict, dict]:
    """Values and narrative from POST data; only the fields of ``elements`` are read. Money fields
    may be grouped by thousands as the form shows them."""
    values: dict[tuple[str, str], str] = {}
    for element in elements:
        for coc in element.category_options:
            name = field_name(element.code, coc)
            if name in data:
                text = data.get(name, "")
                values[(element.code, coc)] = ungroup(text) if element.is_money else text
    narrative = {f.name: data[f.name] for f in NARRATIVE_FIELDS if f.name in data}
    return values, narrative
