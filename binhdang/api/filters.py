"""Query-string filters of the list endpoints, checked: a malformed value is a 400 naming the parameter,
never a server error."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from binhdang.api.serializers import MAX_INT

_NUMBER = re.compile(r"[0-9]{1,10}")


def int_param(request, name: str) -> int | None:
    """The whole number in ``?name=``, or None when absent or empty."""
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None
    if not _NUMBER.fullmatch(raw) or int(raw) > MAX_INT:
        raise ValidationError({name: [_("must be a whole number.")]})
    return int(raw)


def choice_param(request, name: str, choices) -> str | None:
    """The value of ``?name=`` if it is one of ``choices`` (a Django ``choices`` list), None when absent."""
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None
    allowed = [value for value, _label in choices]
    if raw not in allowed:
        raise ValidationError({name: [_("must be one of: %(values)s.") % {"values": ", ".join(allowed)}]})
    return raw


def text_param(request, name: str, max_length: int = 255) -> str | None:
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None
    if len(raw) > max_length or "\x00" in raw:
        raise ValidationError({name: [_("is not valid.")]})
    return raw


def bool_param(request, name: str) -> bool:
    raw = request.query_params.get(name, "").strip().lower()
    if raw in ("", "false", "0"):
        return False
    if raw in ("true", "1"):
        return True
    raise ValidationError({name: [_("must be true or false.")]})


def filter_given(queryset, **lookups):
    """``queryset`` filtered on each lookup whose value was given (None: the parameter was absent)."""
    given = {lookup: value for lookup, value in lookups.items() if value is not None}
    return queryset.filter(**given) if given else queryset
