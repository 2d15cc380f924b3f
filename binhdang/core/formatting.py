"""How binhdang writes numbers, money, percentages, dates and targets for people, and the few
machine forms of the open data files. The one place for these formats: templates use the filters of
``core/templatetags/vn_format.py``, which call these functions; documents and exports call them
directly. It imports no other app of the project (it is at the bottom of the layers).

People (the active language; Vietnamese unless the user chose English)
    - :func:`number`: ``1234567`` -> ``"1.234.567"``, ``12.5`` -> ``"12,5"`` (English: ``"1,234,567"``,
      ``"12.5"``); at most ``decimals`` decimals when given, never trailing zeros;
    - :func:`percent`: ``87.5`` -> ``"87,5%"``; :func:`money`: ``15000000`` -> ``"15.000.000 đồng"``;
    - :func:`with_unit`: ``"87,5%"``, ``"4,2 điểm %"``, ``"38,5 /100.000 trẻ sinh sống"``;
    - :func:`date`: ``"30/11/2026"``; :func:`day_month`: ``"30/11"``; :func:`long_date`:
      ``"ngày 05 tháng 12 năm 2026"`` (the date line of an official document);
    - targets in words: :func:`bounds_text` and :func:`target_text` (a plan's target, "≥ 90% (2030)"),
      :func:`bar_text` (the bar an indicator's result is judged against, "≥ 90%", "104 – 107").

Reading what officers type
    :func:`parse_number` (``"1.234,5"`` -> 1234.5) and :func:`parse_day_month` (``"30/11"`` -> (11, 30)).

Machines (open data, JSON)
    :func:`machine_number` (int when whole, else a float with at most two decimals),
    :func:`bar_machine_text` (``"104-107"``, ``"true"``) and :func:`bar_json`.

No formatter raises on a stored value, however large: a number with more than
:data:`MAX_FULL_DIGITS` digits before the decimal mark is written in powers of ten
(``"9,99 × 10^399"``), NaN and infinities as ``"—"`` for people (None for machines).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

#: Numbers with more integer digits than this are written as a power of ten (no real figure of a
#: plan or a report comes near: a budget of a billion billion đồng has 19 digits).
MAX_FULL_DIGITS = 30
#: What a number that is not a number (NaN, infinity) shows.
NOT_A_NUMBER = "—"
#: Target kinds (the values of ``plans.models.choices.TargetKind`` and ``results.status``).
MIN, MAX, RANGE, INCREASE, BOOLEAN = "min", "max", "range", "increase", "boolean"

Number = Decimal | int | float

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+([.,]\d+)?$")


class NumberFormatError(ValueError):
    """The text is not a number written the Vietnamese way."""


# ---------------------------------------------------------------------------------------- numbers


def _separators() -> tuple[str, str]:
    """(decimal mark, thousands separator) of the active language: Vietnamese unless English."""
    language = translation.get_language() or "vi"
    return (".", ",") if language.startswith("en") else (",", ".")


def _decimal(value: Any) -> Decimal | None:
    """``value`` as a Decimal (None for None, "" and what is not a number)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(value) if isinstance(value, int) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def _round(number: Decimal, decimals: int | None) -> Decimal:
    """``number`` rounded half up to ``decimals`` places (None: unchanged), without trailing zeros."""
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + (decimals or 0) + 3, len(number.as_tuple().digits) + 1)
        context.Emax, context.Emin = MAX_EMAX, MIN_EMIN
        if decimals is not None:
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if number == number.to_integral_value():
            return number.quantize(Decimal(1))
        return number.normalize()


def _grouped(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def _power_of_ten(number: Decimal, mark: str) -> str:
    sign, digits, _exponent = number.as_tuple()
    mantissa = str(digits[0]) + (mark + "".join(map(str, digits[1:3])) if len(digits) > 1 else "")
    mantissa = mantissa.rstrip("0").rstrip(mark) if mark in mantissa else mantissa
    return f"{'-' if sign else ''}{mantissa} × 10^{number.adjusted()}"


def number(value: Any, decimals: int | None = None) -> str:
    """A number as people of the active language read it; ``""`` for None.

    ``Decimal("1.4000")`` -> ``"1,4"``, ``1234567`` -> ``"1.234.567"``, ``-1234.5`` -> ``"-1.234,5"``.
    ``decimals``: round half up to at most that many decimals (trailing zeros dropped); None keeps
    every decimal of the value. Huge values are written as powers of ten, NaN as ``"—"``.
    """
    found = _decimal(value)
    if found is None:
        return "" if value is None or value == "" else NOT_A_NUMBER
    if not found.is_finite():
        return NOT_A_NUMBER
    mark, separator = _separators()
    tiny = decimals is None and found and found.adjusted() < -MAX_FULL_DIGITS
    if found.adjusted() >= MAX_FULL_DIGITS or tiny:
        return _power_of_ten(found, mark)
    found = _round(found, decimals)
    text = format(found, "f")
    negative = text.startswith("-")
    whole, _dot, fraction = text.lstrip("-").partition(".")
    if negative and set(whole + fraction) <= {"0"}:
        negative = False  # -0,001 rounded to two decimals is 0, not -0
    grouped = _grouped(whole, separator)
    return ("-" if negative else "") + grouped + (f"{mark}{fraction}" if fraction else "")


def percent(value: Any, decimals: int = 1) -> str:
    """``Decimal("87.50")`` -> ``"87,5%"`` (at most one decimal by default); ``""`` for None."""
    text = number(value, decimals)
    return f"{text}%" if text and text != NOT_A_NUMBER else text


def money(value: Any) -> str:
    """An amount in Vietnamese đồng, to the đồng: ``15000000`` -> ``"15.000.000 đồng"``."""
    text = number(value, 0)
    return f"{text} đồng" if text and text != NOT_A_NUMBER else text


def with_unit(value: Any, unit: str, decimals: int | None = 2) -> str:
    """A value with its unit: ``"87,5%"``, ``"4,2 điểm %"``, ``"38,5 /100.000 trẻ sinh sống"``."""
    text = number(value, decimals)
    if not text:
        return ""
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit or ''}".strip()


def parse_number(text: str) -> Decimal:
    """A number as Vietnamese officers write it: decimal comma, dot for thousands.

    ``"1,4"`` -> 1.4, ``"1.234,5"`` -> 1234.5, ``"42"`` -> 42, ``"1.000"`` -> 1000. A single dot followed
    by one, two or four or more digits is read as a decimal point (``"1.4"`` -> 1.4), as people also
    type that. A trailing ``%`` is ignored. Raises NumberFormatError otherwise.
    """
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not cleaned:
        raise NumberFormatError(text)
    if _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _PLAIN.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    else:
        raise NumberFormatError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above only let numbers through
        raise NumberFormatError(text) from exc


# ------------------------------------------------------------------------------------------ dates


def date(value: dt.date | None) -> str:
    """``date(2026, 11, 30)`` -> ``"30/11/2026"``; ``""`` for None."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""


def day_month(month: int | None, day: int | None) -> str:
    """(11, 30) -> ``"30/11"``; ``""`` when either is missing."""
    if not month or not day:
        return ""
    return f"{day:02d}/{month:02d}"


def long_date(value: dt.date) -> str:
    """``date(2026, 12, 5)`` -> ``"ngày 05 tháng 12 năm 2026"``, the date line of an official document
    (Nghị định 30/2020: day 1-9 and months 1-2 with a leading zero)."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def parse_day_month(text: str) -> tuple[int, int]:
    """``"30/11"``, ``"30-11"`` or ``"11-30"`` (ISO month-day) -> (11, 30). Raises ValueError."""
    cleaned = (text or "").strip()
    match = re.fullmatch(r"(\d{1,2})\s*[/.]\s*(\d{1,2})", cleaned)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
    else:
        match = re.fullmatch(r"(\d{2})-(\d{2})", cleaned)
        if not match:
            raise ValueError(text)
        month, day = int(match.group(1)), int(match.group(2))
        if month > 12 and day <= 12:
            day, month = month, day
    dt.date(2024, month, day)  # raises ValueError for 31/02 and the like (2024: 29/02 is valid)
    return month, day


# ---------------------------------------------------------------------------------------- targets


def _with_unit_glued(text: str, unit: str) -> str:
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" or unit.startswith("/") else f"{text} {unit}"


def bounds_text(bounds: tuple[Decimal, Decimal] | None, unit: str = "") -> str:
    """A plan's bounds: (104, 107) -> ``"104 - 107"``; (90, 90) -> ``"90"``; None -> ``"—"``."""
    if bounds is None:
        return "—"
    low, high = bounds
    if low == high:
        return _with_unit_glued(number(low), unit)
    return _with_unit_glued(f"{number(low)} - {number(high)}", unit)


def target_text(target: Any) -> str:
    """A plan's target (``plans.models.Target``) in words: ``"≥ 90% (2030)"``,
    ``"< 42/100.000 trẻ sinh sống (2030)"``, ``"up 10 - 15 over 2025"``, ``"about ≥ 50 (every year)"``."""
    unit = target.unit or ""
    if target.kind == BOOLEAN:
        text = _("qualitative commitment")
    elif target.kind == RANGE:
        text = bounds_text(target.bounds(), unit)
    elif target.kind == INCREASE:
        text = _("up %(amount)s") % {"amount": bounds_text(target.bounds(), unit)}
        if target.baseline_year:
            text += " " + _("over %(year)s") % {"year": target.baseline_year}
    elif target.value is None:
        text = "—"
    else:
        signs = {MIN: ("≥", ">"), MAX: ("≤", "<")}[target.kind]
        sign = signs[bool(target.strict)]
        text = f"{sign} {_with_unit_glued(number(target.value), unit)}"
    if target.approx:
        text = _("about %(target)s") % {"target": text}
    if target.annual or target.from_year:
        when = (
            _("every year from %(year)s") % {"year": target.from_year}
            if target.from_year
            else _("every year")
        )
        text += f" ({when})"
    elif target.year:
        text += f" ({target.year})"
    return text


def bar_text(bar: Any, unit: str = "") -> str:
    """The bar of a result (``results.status.Bar``) in words: ``"≥ 90%"``, ``"< 42 /100.000 trẻ sinh
    sống"``, ``"104 – 107"``, ``"+10 – 15 điểm %"``, ``"Yes"`` (in the active language); ``""`` for None."""
    if bar is None:
        return ""
    if bar.kind == BOOLEAN:
        return _("Yes")
    suffix = "%" if unit == "%" else (f" {unit}" if unit else "")
    low, high = number(bar.low, 2), number(bar.high, 2)
    if bar.kind == RANGE and bar.low != bar.high:
        return f"{low} – {high}{suffix}"
    if bar.kind == INCREASE:
        return f"+{low}{suffix}" if bar.low == bar.high else f"+{low} – {high}{suffix}"
    if bar.kind == MAX:
        return f"{'<' if bar.strict else '≤'} {number(bar.reference, 2)}{suffix}"
    return f"{'>' if bar.strict else '≥'} {number(bar.reference, 2)}{suffix}"


# --------------------------------------------------------------------------------------- machines


def machine_number(value: Any) -> int | float | None:
    """A number for JSON and CSV: an int when whole, else a float rounded half up to two decimals;
    None for None, NaN and infinities. (A whole number of more than 4000 digits, beyond what Python
    writes as text, is given as a float.)"""
    found = _decimal(value)
    if found is None or not found.is_finite():
        return None
    if found.adjusted() >= 4000:
        return float(found)
    rounded = _round(found, 2)
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)


def bar_machine_text(bar: Any) -> str | int | float:
    """A bar for a CSV cell: the number (``75``, a number, not text), ``"104-107"`` for a range,
    ``"true"`` for a yes/no target, ``""`` without a bar."""
    if bar is None:
        return ""
    if bar.kind == BOOLEAN:
        return "true"
    if bar.kind == RANGE and bar.low is not None and bar.high is not None and bar.low != bar.high:
        return f"{machine_number(bar.low)}-{machine_number(bar.high)}"
    found = machine_number(bar.reference)
    return "" if found is None else found


def bar_json(bar: Any) -> Any:
    """A bar in JSON: a number; ``{"min", "max"}`` for a range; ``true`` for a yes/no target."""
    if bar is None:
        return None
    if bar.kind == BOOLEAN:
        return True
    if bar.kind == RANGE and bar.low is not None and bar.high is not None and bar.low != bar.high:
        return {"min": machine_number(bar.low), "max": machine_number(bar.high)}
    return machine_number(bar.reference)
