"""Template filters for plan pages: status and confidence badges, expectations, extraction warnings
(numbers, dates and targets: ``{% load vn_format %}``, :mod:`binhdang.core.formatting`)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from binhdang.core import formatting

register = template.Library()

_STATUS_BADGE = {"draft": "badge-warn", "active": "badge-ok", "archived": "badge-muted"}


@register.filter
def status_badge(status: str) -> str:
    return _STATUS_BADGE.get(status, "badge-info")


@register.filter
def percent(value) -> str:
    """0.85 -> "85%"."""
    try:
        return f"{round(float(value) * 100)}%"
    except (TypeError, ValueError):
        return ""


@register.filter
def confidence_badge(value) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "badge-muted"
    return "badge-ok" if number >= 0.75 else "badge-warn" if number >= 0.5 else "badge-bad"


@register.filter
def expectation_text(expectation, unit: str = "") -> str:
    """An ``Expectation`` in words: "≥ 90%", "104 - 107", "—"."""
    if expectation is None:
        return "—"
    if expectation.low is None:
        return _("qualitative")
    text = formatting.bounds_text((expectation.low, expectation.high), unit)
    if expectation.kind == "min" and expectation.value is not None:
        return f"≥ {text}"
    if expectation.kind == "max" and expectation.value is not None:
        return f"{'<' if expectation.strict else '≤'} {text}"
    if expectation.kind == "increase":
        return _("up %(amount)s") % {"amount": text}
    return text


@register.filter
def expectation_basis(expectation) -> str:
    if expectation is None:
        return ""
    return {
        "milestone": _("roadmap milestone"),
        "target": _("target due that year"),
        "annual": _("yearly target"),
        "path": _("straight path from the baseline to the target"),
    }.get(expectation.basis, "")


@register.filter
def warning_text(warning) -> str:
    """Extraction warnings are strings or objects with a message."""
    if isinstance(warning, dict):
        message = warning.get("message") or warning.get("text") or ""
        where = warning.get("where") or warning.get("section") or warning.get("source") or ""
        return f"{message} ({where})" if where and message else str(message or where or warning)
    return str(warning)


@register.filter
def highlight(text) -> str:
    """An indicator's words with their numbers, percentages, ranges and years in <mark>."""
    from binhdang.plans.review import highlight as mark

    return mark(str(text or ""))


@register.filter
def dom_id(item) -> str:
    """The element id of a review page item: ``indicator-12``, ``goal-3``, ``duty-4``, ``task-9``."""
    from binhdang.plans.review import scope_kind

    return f"{scope_kind(item)}-{item.pk}"


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template (an empty list when absent)."""
    return (mapping or {}).get(key, [])
