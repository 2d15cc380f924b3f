"""Template filters of the results pages: status badges and labels (numbers and targets in words:
``{% load vn_format %}``, :mod:`binhdang.core.formatting`)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from binhdang.results import status
from binhdang.results.presenters import CELL_LABELS, TYPE_LABELS

register = template.Library()


@register.filter
def status_label(key: str) -> str:
    return status.label(key)


@register.filter
def status_class(key: str) -> str:
    return status.css_class(key)


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
