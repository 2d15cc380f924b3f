"""Stored figures for people and for spreadsheets, whatever the database holds.

Values are checked when they are entered (``reporting.validation``), but a database may still hold
older or damaged figures: a count of 400 nines, a budget of 300 digits. Every renderer of figures goes
through this module, so that no stored value breaks a page or a download:

- :func:`as_decimal`: a stored value as a finite ``Decimal``, or None (never raises);
- (for people, :func:`binhdang.core.formatting.number` shows any of them, huge ones as powers of ten);
- :func:`spreadsheet_number`: the int or float to write as a number cell, or None when a spreadsheet
  cannot hold it exactly (Excel keeps 15 significant digits and overflows near 10³⁰⁸): the writer then
  writes the digits as text with :func:`too_large_note`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

#: Numbers from 10**EXACT_DIGITS on cannot be held exactly by a spreadsheet (15 significant digits).
EXACT_DIGITS = 15
_LIMIT = Decimal(10) ** EXACT_DIGITS
#: Beyond this power of ten a stored text is not taken as a number (Decimal arithmetic would overflow).
_MAX_EXPONENT = 100_000


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
