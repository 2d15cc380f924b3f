"""Validation of report values: types and ranges, consistency rules, completeness, soft warnings.

Three levels, so that a draft can be saved as the reporter types:

- **field errors** (:func:`clean_values`): a value of the wrong type or out of range ("Số cuộc truyền
  thông: phải là số nguyên không âm"). Nothing is saved while one remains.
- **submit errors** (:func:`submit_errors`): consistency rules between fields (``TT_CONVENTIONS_OK`` <=
  ``TT_CONVENTIONS``) and missing values. A draft may hold them; submitting is refused.
- **warnings** (:func:`soft_warnings`): plausible mistakes (ten times last year's figure, participants
  without sessions). Shown to the reporter and the reviewer, never blocking.

Values are text keyed by ``(data element code, category option combo)``; :func:`normalize` gives the
canonical text stored in ``DataValue.value`` ("120", "1500000.5", "true", "OFFICIAL").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Context, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from binhdang.reporting import limits, outliers
from binhdang.reporting.forms_catalog import (
    DEFAULT_COC,
    DENOMINATOR,
    NOTE,
    NUMERATOR,
    STRATEGY_OPTIONS,
    VALUE,
    DataElement,
    ValueType,
)
from binhdang.reporting.issues import Issue

ValueKey = tuple[str, str]
MAX_TEXT_LENGTH = 2000
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_WHOLE = re.compile(r"^\+?\d+$")


class InvalidValue(ValueError):
    """A single value that cannot be accepted; ``str()`` is the Vietnamese reason (without the label)."""


def _decimal(raw: str) -> Decimal:
    if not _DECIMAL.match(raw):
        raise InvalidOperation(raw)
    return Decimal(raw)


#: Wide enough for every number :data:`limits.MAX_NUMBER_CHARS` lets through: no rounding, ever.
_EXACT = Context(prec=limits.MAX_NUMBER_CHARS + 8)


def _plain(number: Decimal) -> str:
    text = format(number.normalize(_EXACT), "f")
    return "0" if text in {"-0", ""} else text


def _check_length(element: DataElement, text: str) -> None:
    """Refuse a typed number too long to be real before converting it (never raises anything else)."""
    if len(text) <= limits.MAX_NUMBER_CHARS:
        return
    if element.limit and _WHOLE.match(text):
        raise InvalidValue(limits.limit_message(element.limit))
    if _DECIMAL.match(text.replace(",", ".")):
        raise InvalidValue(
            _("has too many digits (at most %(n)d characters)") % {"n": limits.MAX_NUMBER_CHARS}
        )


def _whole_number_reason(element: DataElement) -> str:
    if element.limit == limits.MONEY:
        return _("must be a whole number of đồng, zero or more")
    if element.minimum == 0:
        return _("must be a whole number of zero or more")
    return _("must be a whole number")


def normalize(element: DataElement, coc: str, raw: str) -> str:
    """The canonical text of ``raw`` for ``element``; raises :class:`InvalidValue` with the reason.

    Empty text means "no value" and is returned as ``""``. A number above the hard limit of the
    element's kind (:mod:`reporting.limits`) is refused with the limit named.
    """
    text = (raw or "").strip()
    if text == "":
        return ""
    value_type = element.type_for(coc)
    if value_type in (ValueType.INTEGER, ValueType.NUMBER, ValueType.PERCENT):
        _check_length(element, text)
    if value_type == ValueType.INTEGER:
        if not _INTEGER.match(text) or (element.minimum is not None and int(text) < element.minimum):
            raise InvalidValue(_whole_number_reason(element))
        number = Decimal(int(text))
    elif value_type in (ValueType.NUMBER, ValueType.PERCENT):
        parsed: Decimal | None
        try:
            parsed = _decimal(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
        except InvalidOperation:
            parsed = None
        if value_type == ValueType.PERCENT and (parsed is None or not 0 <= parsed <= 100):
            raise InvalidValue(_("must be a percentage between 0 and 100"))
        if parsed is None or (element.minimum is not None and parsed < Decimal(str(element.minimum))):
            if element.minimum == 0:
                raise InvalidValue(_("must be a number of zero or more"))
            raise InvalidValue(_("must be a number"))
        number = parsed
    elif value_type == ValueType.BOOLEAN:
        lowered = text.lower()
        if lowered not in {"true", "false"}:
            raise InvalidValue(_('must be yes or no ("true" or "false")'))
        return lowered
    elif value_type == ValueType.DATE:
        return _date(text)
    elif value_type == ValueType.OPTION:
        codes = element.option_codes()
        if text.upper() not in codes:
            raise InvalidValue(_("must be one of the codes %(codes)s") % {"codes": ", ".join(codes)})
        return text.upper()
    else:
        if len(text) > MAX_TEXT_LENGTH:
            raise InvalidValue(_("is too long (at most %(n)d characters)") % {"n": MAX_TEXT_LENGTH})
        return text
    if limits.exceeds(element.limit, number):
        raise InvalidValue(limits.limit_message(element.limit))
    if element.maximum is not None and number > element.maximum:
        raise InvalidValue(_("must not exceed %(max)s") % {"max": _plain(Decimal(str(element.maximum)))})
    return _plain(number)


def _date(text: str) -> str:
    """A day typed as dd/mm/yyyy or yyyy-mm-dd, as ISO text."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise InvalidValue(_("must be a date (dd/mm/yyyy)"))


def typed(element: DataElement, coc: str, text: str):
    """The Python value of a stored text: int, Decimal, bool, option code or text; None when empty."""
    if text in ("", None):
        return None
    value_type = element.type_for(coc)
    if value_type == ValueType.INTEGER:
        return int(text)
    if value_type in (ValueType.NUMBER, ValueType.PERCENT):
        return Decimal(text)
    if value_type == ValueType.BOOLEAN:
        return text == "true"
    return text


def clean_values(
    elements: Iterable[DataElement], values: Mapping[ValueKey, str]
) -> tuple[dict[ValueKey, str], list[Issue]]:
    """Normalize the values meant for ``elements``; return ``(clean, field errors)``.

    A key that names no element of the list, or a category option the element does not have, is an
    error too. ``clean`` holds ``""`` for cleared values.
    """
    by_code = {e.code: e for e in elements}
    clean: dict[ValueKey, str] = {}
    errors: list[Issue] = []
    for (code, coc), raw in values.items():
        element = by_code.get(code)
        if element is None:
            errors.append(
                Issue(code, coc, _("data element %(code)s is not part of this report") % {"code": code})
            )
            continue
        if coc not in element.category_options:
            errors.append(
                Issue(
                    code,
                    coc,
                    _("category option %(coc)s does not apply; expected %(expected)s")
                    % {
                        "coc": coc or "default",
                        "expected": ", ".join(c or "default" for c in element.category_options),
                    },
                    element.message_label(),
                )
            )
            continue
        try:
            clean[(code, coc)] = normalize(element, coc, raw)
        except InvalidValue as exc:
            errors.append(Issue(code, coc, str(exc), element.message_label(coc)))
    return clean, errors


def _number(values: Mapping[ValueKey, str], element: DataElement, coc: str):
    try:
        return typed(element, coc, values.get((element.code, coc), ""))
    except (InvalidOperation, ValueError):
        return None


def consistency_errors(elements: Iterable[DataElement], values: Mapping[ValueKey, str]) -> list[Issue]:
    """Rules between values: a part not above its whole, a denominator not zero, a numerator with its
    denominator."""
    elements = list(elements)
    by_code = {e.code: e for e in elements}
    errors: list[Issue] = []
    for element in elements:
        if element.not_above and element.not_above in by_code:
            whole = by_code[element.not_above]
            for coc in element.category_options:
                part_value, whole_value = _number(values, element, coc), _number(values, whole, coc)
                if part_value is not None and whole_value is not None and part_value > whole_value:
                    errors.append(
                        Issue(
                            element.code,
                            coc,
                            _("cannot exceed %(other)s (%(value)s)")
                            % {
                                "other": whole.message_label(coc),
                                "value": whole_value,
                            },
                            element.message_label(coc),
                        )
                    )
        if element.category_options == STRATEGY_OPTIONS:
            numerator = _number(values, element, NUMERATOR)
            denominator = _number(values, element, DENOMINATOR)
            if denominator == 0:
                errors.append(
                    Issue(
                        element.code,
                        DENOMINATOR,
                        _("the denominator cannot be zero"),
                        element.message_label(DENOMINATOR),
                    )
                )
            if (numerator is None) != (denominator is None):
                errors.append(
                    Issue(
                        element.code,
                        NUMERATOR,
                        _("give both the numerator and the denominator, or neither"),
                        element.message_label(),
                    )
                )
    return errors


def missing_values(elements: Iterable[DataElement], values: Mapping[ValueKey, str]) -> list[Issue]:
    """Values a complete report must have. A strategy indicator needs a value or a numerator and a
    denominator; the others need every category option."""
    errors: list[Issue] = []
    for element in elements:
        if element.category_options == STRATEGY_OPTIONS:
            has_value = values.get((element.code, VALUE), "") != ""
            has_ratio = all(values.get((element.code, c), "") != "" for c in (NUMERATOR, DENOMINATOR))
            if not (has_value or has_ratio):
                errors.append(
                    Issue(
                        element.code,
                        VALUE,
                        _("enter a value, or a numerator and a denominator"),
                        element.message_label(),
                    )
                )
            continue
        required = element.category_options if element.required_options is None else element.required_options
        for coc in required:
            if values.get((element.code, coc), "") == "":
                errors.append(Issue(element.code, coc, _("is required"), element.message_label(coc)))
    return errors


def submit_errors(elements: Iterable[DataElement], values: Mapping[ValueKey, str]) -> list[Issue]:
    """Everything that prevents submitting (values already clean)."""
    elements = list(elements)
    return consistency_errors(elements, values) + missing_values(elements, values)


#: Pairs (detail, count): a detail reported while its count is zero is suspicious.
_NEEDS = (
    ("TT_PARTICIPANTS", "TT_SESSIONS"),
    ("TT_TRAINEES", "TT_TRAININGS"),
)


def soft_warnings(
    elements: Iterable[DataElement],
    values: Mapping[ValueKey, str],
    previous: Mapping[ValueKey, str] | None = None,
    narrative: Mapping[str, str] | None = None,
    peers: Mapping[ValueKey, Sequence[Decimal]] | None = None,
) -> list[Issue]:
    """Plausible mistakes, never blocking.

    - outliers (``reporting.outliers``, ``kind="outlier"``): a count or amount at least ten times last
      year's (``previous``: the unit's values of the year before), or at most a tenth of it when last
      year's was 10 or more; or far from the other units of the same type (``peers``);
    - participants or trainees reported with no session or course;
    - Action Month activities reported while no Action Month plan was issued;
    - a strategy value without its source;
    - no results narrative (when ``narrative`` is given).
    """
    elements = list(elements)
    by_code = {e.code: e for e in elements}
    warnings: list[Issue] = outliers.flags_for(elements, values, previous, peers)
    for detail, count in _NEEDS:
        if detail in by_code and count in by_code:
            total = sum((_number(values, by_code[detail], c) or 0) for c in by_code[detail].category_options)
            if total > 0 and _number(values, by_code[count], DEFAULT_COC) == 0:
                warnings.append(
                    Issue(
                        detail,
                        "",
                        _("%(n)s reported while %(count)s is 0")
                        % {
                            "n": total,
                            "count": by_code[count].message_label(),
                        },
                        by_code[detail].message_label(),
                    )
                )
    if "TT_AM_ACTIVITIES" in by_code and "TT_AM_PLAN" in by_code:
        activities = _number(values, by_code["TT_AM_ACTIVITIES"], DEFAULT_COC)
        if activities and values.get(("TT_AM_PLAN", DEFAULT_COC)) == "false":
            warnings.append(
                Issue(
                    "TT_AM_ACTIVITIES",
                    "",
                    _("activities reported although no Action Month plan was issued"),
                    by_code["TT_AM_ACTIVITIES"].message_label(),
                )
            )
    for element in elements:
        if element.category_options == STRATEGY_OPTIONS:
            has_figure = any(values.get((element.code, c), "") != "" for c in (VALUE, NUMERATOR))
            if has_figure and values.get((element.code, NOTE), "") == "":
                warnings.append(
                    Issue(
                        element.code,
                        NOTE,
                        _("the source of the figure is not given"),
                        element.message_label(),
                    )
                )
    if narrative is not None and not (narrative.get("results") or "").strip():
        warnings.append(Issue("", "", _("The results section is empty.")))
    return warnings
