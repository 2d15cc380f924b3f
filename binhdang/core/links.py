"""Links to many objects of one kind on one page, with one URL lookup for them all."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse
from django.utils.html import escape

#: Stands for "each object's number" among the arguments of :func:`url_for_each`.
EACH = object()
#: A number no object has, put where each object's number goes and then replaced.
_PLACEHOLDER = 987654321987


def url_for_each(name: str, *args) -> Callable[[int], str]:
    """``reverse(name, args=...)`` done once, ``EACH`` marking the argument that is each object's
    number: the function returned gives an object's URL, escaped for HTML (a board's hundred rows
    would otherwise each pay a ``reverse``)."""
    marked = [_PLACEHOLDER if arg is EACH else arg for arg in args]
    before, after = reverse(name, args=marked).rsplit(str(_PLACEHOLDER), 1)
    return lambda pk: escape(f"{before}{pk}{after}")
