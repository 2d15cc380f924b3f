"""Template filters of the formats of :mod:`binhdang.core.formatting` (``{% load vn_format %}``):
``{{ value|vn_number }}``, ``{{ value|vn_number:2 }}``, ``{{ rate|vn_percent }}``,
``{{ amount|vn_money }}``, ``{{ value|with_unit:unit }}``, ``{{ day|vn_date }}``,
``{{ month|day_month:day }}``, ``{{ target|target_text }}``, ``{{ bar|bar_text:unit }}``."""

from __future__ import annotations

from django import template

from binhdang.core import formatting

register = template.Library()


@register.filter
def vn_number(value, decimals=None) -> str:
    return formatting.number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_percent(value) -> str:
    return formatting.percent(value)


@register.filter
def vn_money(value) -> str:
    return formatting.money(value)


@register.filter
def with_unit(value, unit: str) -> str:
    return formatting.with_unit(value, unit or "")


@register.filter
def vn_date(value) -> str:
    return formatting.date(value)


@register.filter
def day_month(month, day=None) -> str:
    return formatting.day_month(month, day)


@register.filter
def target_text(target) -> str:
    return formatting.target_text(target)


@register.filter
def bar_text(bar, unit: str = "") -> str:
    return formatting.bar_text(bar, unit or "")
