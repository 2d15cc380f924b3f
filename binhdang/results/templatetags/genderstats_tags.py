"""Small lookups for the gender statistics table."""

from __future__ import annotations

from django import template

from binhdang.results import sdmx

register = template.Library()


@register.filter
def get_year(cells, year):
    return (cells or {}).get(year)


@register.filter
def get_sex(mapping, sex):
    return (mapping or {}).get(sex)


@register.filter
def sources(cells) -> list[str]:
    """The distinct sources of a year's figures, in the order total, women, men."""
    found: list[str] = []
    for sex in ("_T", "F", "M"):
        row = (cells or {}).get(sex)
        if row is not None and row.source not in found:
            found.append(row.source)
    return found


@register.filter
def sdmx_id(code: str) -> str:
    return sdmx.series_id(code)
