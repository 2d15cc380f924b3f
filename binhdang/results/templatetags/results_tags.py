"""Template filters of the results pages: Vietnamese numbers, targets in words, status badges."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from binhdang.results import formatting, status
from binhdang.results.presenters import CELL_LABELS, TYPE_LABELS

register = template.Library()


@register.filter
def vn_number(value, decimals: int = 2) -> str:
    return formatting.vn_number(value, int(decimals))


@register.filter
def vn_percent(value) -> str:
    return formatting.vn_percent(value)


@register.filter
def with_unit(value, unit: str) -> str:
    return formatting.with_unit(value, unit or "")


@register.filter
def status_label(key: str) -> str:
    return status.label(key)


@register.filter
def status_class(key: str) -> str:
    return status.css_class(key)


@register.filter
def bar_text(bar, unit: str = "") -> str:
    """A target in words: "≥ 90%", "< 42 /100.000 trẻ sinh sống", "104 – 107", "+10 – 15 điểm %", "Có"."""
    if bar is None:
        return ""
    if bar.kind == status.BOOLEAN:
        return _("Yes")
    suffix = "%" if unit == "%" else (f" {unit}" if unit else "")
    low, high = formatting.vn_number(bar.low), formatting.vn_number(bar.high)
    if bar.kind == status.RANGE and bar.low != bar.high:
        return f"{low} – {high}{suffix}"
    if bar.kind == status.INCREASE:
        return f"+{low}{suffix}" if bar.low == bar.high else f"+{low} – {high}{suffix}"
    if bar.kind == status.MAX:
        return f"{'<' if bar.strict else '≤'} {formatting.vn_number(bar.reference)}{suffix}"
    return f"{'>' if bar.strict else '≥'} {formatting.vn_number(bar.reference)}{suffix}"


@register.filter
def cell_label(key: str) -> str:
    return str(CELL_LABELS[key][0])


@register.filter
def cell_class(key: str) -> str:
    return CELL_LABELS[key][1]


@register.filter
def type_label(key: str) -> str:
    return str(TYPE_LABELS.get(key, key))


@register.filter
def basis_label(key: str) -> str:
    return {
        "milestone": _("roadmap milestone"),
        "target": _("target due this year"),
        "annual": _("yearly target"),
        "path": _("straight path from the baseline"),
        "final": _("final target"),
        "baseline": _("baseline year: no progress required yet"),
    }.get(key, "")
