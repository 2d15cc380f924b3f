"""Stored figures for people and for spreadsheets, whatever the database holds.

Values are checked when they are entered (``reporting.validation``), but a database may still hold
older or damaged figures: a count of 400 nines, a budget of 300 digits. Every renderer of figures goes
through this module, so that no stored value breaks a page or a download:

- :func:`as_decimal`: a stored value as a finite ``Decimal``, or None (never raises);
- :func:`vn_number`: "1.250", "87,5" (Vietnamese grouping and decimal comma, in the active language);
  a number of :data:`EXACT_DIGITS` or more integer digits is shown in scientific form ("1 × 10⁴⁰⁰"),
  so that one absurd figure cannot stretch a table over pages;
- :func:`spreadsheet_number`: the int or float to write as a number cell, or None when a spreadsheet
  cannot hold it exactly (Excel keeps 15 significant digits and overflows near 10³⁰⁸): the writer then
  writes the digits as text with :func:`too_large_note`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _

#: Numbers from 10**EXACT_DIGITS on cannot be held exactly by a spreadsheet (15 significant digits).
EXACT_DIGITS = 15
_LIMIT = Decimal(10) ** EXACT_DIGITS
#: Beyond this power of ten a stored text is not taken as a number (Decimal arithmetic would overflow).
_MAX_EXPONENT = 100_000
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def as_decimal(value) -> Decimal | None:
    """``value`` (int, float, Decimal or stored text) as a finite Decimal; None when it is empty or not
    a finite number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number.adjusted()) > _MAX_EXPONENT:
        return None
    return number


def is_huge(number: Decimal) -> bool:
    return abs(number) >= _LIMIT


def _grouped(number: Decimal, decimals: int) -> str:
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + decimals + 2)
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if number == number.to_integral_value():
            number, places = number.to_integral_value(), 0
        else:
            number = number.normalize()
            places = -int(number.as_tuple().exponent)
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=places,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def _scientific(number: Decimal) -> str:
    exponent = number.adjusted()
    mantissa = number.scaleb(-exponent)
    text = _grouped(mantissa, 2)
    if text.lstrip("-") == "10":  # 9,999... rounds up to the next power of ten
        text, exponent = text.replace("10", "1"), exponent + 1
    return f"{text} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def vn_number(value, decimals: int = 2) -> str:
    """``Decimal("87.50")`` -> ``"87,5"``, ``1250`` -> ``"1.250"``; at most ``decimals`` decimals, no
    trailing zeros; ``""`` for None or empty text. A number of 10¹⁵ or more: ``"1 × 10⁴⁰⁰"``. Stored
    text that is not a number is shown as it is (cut to 40 characters)."""
    if value is None or value == "":
        return ""
    number = as_decimal(value)
    if number is None:
        from binhdang.core.text import clip

        return clip(value)
    if is_huge(number):
        return _scientific(number)
    return _grouped(number, decimals)


def spreadsheet_number(value) -> int | float | None:
    """The number to write in a spreadsheet cell for ``value``; None when it is not a finite number or
    is too large to be held exactly (10¹⁵ or more): write :func:`plain_text` with
    :func:`too_large_note` instead."""
    number = as_decimal(value)
    if number is None or is_huge(number):
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def plain_text(value) -> str:
    """The full digits of a number as text ("999...9"), or the stored text itself."""
    number = as_decimal(value)
    return str(value) if number is None else format(number, "f")


def too_large_note() -> str:
    """The note on a cell holding a number written as text."""
    return _(
        "This figure is too large for a spreadsheet number (more than 15 digits); it is written as text. "
        "Check it with the reporting unit."
    )


#: Most digits of a whole number read from a form or a query (ids and versions fit in 64 bits).
MAX_ID_DIGITS = 18


def posted_int(text: str | None) -> int | None:
    """The whole number a form or query field holds (ids, versions), or None when it holds anything
    else; never raises (``"9" * 5000`` is None: Python refuses to convert more than 4300 digits)."""
    text = (text or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > MAX_ID_DIGITS:
        return None
    return int(text)
