"""The editable roadmap table: one cell per indicator and year (2026-2030), read the Vietnamese way.

A cell holds one number ("1,4", "90", "1.000") or a range ("104 - 107"); an empty cell has no
milestone. ``parse_roadmap`` reads the submitted cells and returns either the values or messages in
the active language (Vietnamese by default) that name the cell ("Chỉ tiêu 4.1, năm 2027: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from binhdang.core import formatting
from binhdang.core.formatting import NumberFormatError, parse_number
from binhdang.plans.models import Indicator, Milestone
from binhdang.plans.models.indicators import storable_number

_RANGE = re.compile(r"^\s*([^–—-]+?)\s*[–—-]\s*([^–—-]+?)\s*$")


def cell_name(indicator: Indicator, year: int) -> str:
    return f"m-{indicator.pk}-{year}"


def cell_text(milestone: Milestone | None) -> str:
    """How a milestone is shown in its cell ("1,4", "104 - 107", "")."""
    if milestone is None:
        return ""
    bounds = milestone.bounds()
    if bounds is None:
        return ""
    return formatting.bounds_text(bounds)


@dataclass(frozen=True)
class CellValue:
    value: Decimal | None
    min: Decimal | None
    max: Decimal | None


class RoadmapError(Exception):
    """Some cells could not be read; ``errors`` maps a cell name to its message. Nothing was saved."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(errors.values()))


def _parse_number(text: str, where: str) -> Decimal:
    try:
        number = parse_number(text)
    except NumberFormatError:
        raise ValueError(
            _("%(cell)s: “%(text)s” is not a number (write e.g. 1,4 or 90).") % {"cell": where, "text": text}
        ) from None
    if not storable_number(number):
        raise ValueError(
            _(
                "%(where)s: “%(value)s” is not a number the plan can keep (at most 12 digits before the comma)."
            )
            % {"where": where, "value": text}
        )
    return number


def parse_cell(indicator: Indicator, year: int, text: str) -> CellValue | None:
    """The milestone a cell asks for (None = no milestone); raises ValueError with a message naming it."""
    where = _("Indicator %(code)s, year %(year)s") % {"code": indicator.code, "year": year}
    text = (text or "").strip()
    if not text:
        return None
    match = _RANGE.match(text)
    if match and not text.startswith("-"):
        low, high = _parse_number(match.group(1), where), _parse_number(match.group(2), where)
        if low > high:
            raise ValueError(_("%(cell)s: the lower bound is above the upper bound.") % {"cell": where})
    else:
        low = high = _parse_number(text, where)
    if low < 0:
        raise ValueError(_("%(cell)s: the value cannot be negative.") % {"cell": where})
    if indicator.unit.strip() in ("%", "điểm %") and high > 100:
        raise ValueError(_("%(cell)s: a percentage cannot exceed 100.") % {"cell": where})
    if low == high:
        return CellValue(low, None, None)
    return CellValue(None, low, high)


def parse_roadmap(indicators: list[Indicator], years, data) -> dict[tuple[int, int], CellValue | None]:
    """Read every cell of the table from ``data`` (a POST). Raises ``RoadmapError`` listing all bad cells."""
    values: dict[tuple[int, int], CellValue | None] = {}
    errors: dict[str, str] = {}
    for indicator in indicators:
        if indicator.is_boolean:
            continue
        for year in years:
            name = cell_name(indicator, year)
            if name not in data:
                continue
            try:
                values[(indicator.pk, year)] = parse_cell(indicator, year, data.get(name, ""))
            except ValueError as exc:
                errors[name] = str(exc)
    if errors:
        raise RoadmapError(errors)
    return values
