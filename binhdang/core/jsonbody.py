"""The one way JSON from outside is read: bounded in size, depth and number length.

Every path that reads JSON a user sends (the REST API's request bodies through
:class:`binhdang.api.parsers.BoundedJSONParser`, the data value set upload on the website and on the
command line through :func:`binhdang.reporting.datavaluesets.parse_data_value_sets`) calls
:func:`load_json`, which refuses with :class:`JsonInputError` (a Vietnamese message naming the problem):

- a text longer than :data:`MAX_JSON_BYTES` (checked before parsing);
- nesting deeper than :data:`MAX_JSON_DEPTH` (a body nested 100,000 levels deep would exhaust the
  parser's stack: it is refused before or while parsing, never as a RecursionError);
- text that is not JSON, or not UTF-8, and the non-standard constants ``NaN`` and ``Infinity``.

A number literal longer than :data:`MAX_NUMBER_LITERAL` characters is not converted (Python refuses
integers of more than 4300 digits, and nobody reports such a figure): it is kept as its text, a
:class:`LongNumber`, so that the value's own validation refuses it with its place named.
"""

from __future__ import annotations

import json

from django.utils.translation import gettext as _

#: Largest JSON text read (a province's whole year as a data value set is well under 1 MB).
MAX_JSON_BYTES = 5 * 1024 * 1024
#: Deepest nesting of arrays and objects accepted (a data value set file is 4 levels deep).
MAX_JSON_DEPTH = 32
#: Number literals longer than this stay text (:class:`LongNumber`).
MAX_NUMBER_LITERAL = 40


class JsonInputError(ValueError):
    """The JSON text was refused; ``str()`` is the Vietnamese reason, ``code`` a stable word
    (``too_large``, ``too_deep``, ``parse_error``)."""

    def __init__(self, message: str, code: str = "parse_error") -> None:
        super().__init__(message)
        self.code = code


class LongNumber(str):
    """A number literal too long to convert, kept as its text (see the module docstring)."""


def _number(convert):
    def parse(text: str):
        return LongNumber(text) if len(text) > MAX_NUMBER_LITERAL else convert(text)

    return parse


def _constant(name: str):
    raise ValueError(_("%(name)s is not a JSON number.") % {"name": name})


def too_large_error() -> JsonInputError:
    return JsonInputError(
        _("The JSON content is too large (at most %(mb)d MB).") % {"mb": MAX_JSON_BYTES // 1024 // 1024},
        "too_large",
    )


def _too_deep() -> JsonInputError:
    return JsonInputError(
        _("The JSON content is nested too deeply (at most %(depth)d levels of lists and objects).")
        % {"depth": MAX_JSON_DEPTH},
        "too_deep",
    )


def _nesting(value) -> int:
    """The nesting depth of a parsed value (a scalar is 0), walked without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item)
    return deepest


def load_json(content: bytes | str):
    """The value of a JSON text (bytes: UTF-8 with or without BOM), within the limits of this module;
    :class:`JsonInputError` otherwise."""
    if len(content) > MAX_JSON_BYTES:
        raise too_large_error()
    if isinstance(content, bytes | bytearray):
        try:
            text = bytes(content).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise JsonInputError(_("The content is not UTF-8 text: %(error)s") % {"error": exc}) from exc
    else:
        text = content
    try:
        value = json.loads(
            text,
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_constant,
        )
    except RecursionError as exc:  # far deeper than the limit: the parser's stack ran out first
        raise _too_deep() from exc
    except json.JSONDecodeError as exc:
        raise JsonInputError(_("The content is not valid JSON: %(error)s") % {"error": exc}) from exc
    except ValueError as exc:  # NaN / Infinity
        raise JsonInputError(_("The content is not valid JSON: %(error)s") % {"error": exc}) from exc
    if _nesting(value) > MAX_JSON_DEPTH:
        raise _too_deep()
    return value
