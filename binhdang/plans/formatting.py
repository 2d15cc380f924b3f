"""Vietnamese number and date formats: "1,4", "1.234,5", "30/11/2026", and target descriptions."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+([.,]\d+)?$")


class NumberFormatError(ValueError):
    """The text is not a number written the Vietnamese way."""


def parse_vn_number(text: str) -> Decimal:
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


def vn_number(value: Decimal | float | int | None) -> str:
    """``Decimal("1.4000")`` -> ``"1,4"``; ``1234.5`` -> ``"1.234,5"``; None -> ``""``."""
    if value is None:
        return ""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        integer, fraction = f"{int(number):,}", ""
    else:
        text = format(number.normalize(), "f")
        whole, _dot, fraction = text.partition(".")
        integer = f"{int(whole):,}" if whole not in ("-0", "") else whole
    integer = integer.replace(",", ".")
    return f"{integer},{fraction}" if fraction else integer


def vn_date(value: date | None) -> str:
    """``date(2026, 11, 30)`` -> ``"30/11/2026"``."""
    return value.strftime("%d/%m/%Y") if value else ""


def vn_day_month(month: int | None, day: int | None) -> str:
    """(11, 30) -> ``"30/11"``."""
    if not month or not day:
        return ""
    return f"{day:02d}/{month:02d}"


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
    date(2024, month, day)  # raises ValueError for 31/02 and the like (2024: 29/02 is valid)
    return month, day


def _with_unit(number: str, unit: str) -> str:
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" or unit.startswith("/") else f"{number} {unit}"


def describe_bounds(bounds: tuple[Decimal, Decimal] | None, unit: str = "") -> str:
    """(104, 107) -> "104 - 107"; (90, 90) -> "90"; None -> "—"."""
    if bounds is None:
        return "—"
    low, high = bounds
    if low == high:
        return _with_unit(vn_number(low), unit)
    return _with_unit(f"{vn_number(low)} - {vn_number(high)}", unit)


def describe_target(target) -> str:
    """A target in words, e.g. "≥ 90% (2030)", "< 42/100.000 trẻ sinh sống (2030)"."""
    from binhdang.plans.models.choices import TargetKind

    unit = target.unit or ""
    if target.kind == TargetKind.BOOLEAN:
        text = _("qualitative commitment")
    elif target.kind == TargetKind.RANGE:
        text = describe_bounds(target.bounds(), unit)
    elif target.kind == TargetKind.INCREASE:
        text = _("up %(amount)s") % {"amount": describe_bounds(target.bounds(), unit)}
        if target.baseline_year:
            text += " " + _("over %(year)s") % {"year": target.baseline_year}
    else:
        sign = {"min": "≥", "max": "<" if target.strict else "≤"}[target.kind]
        if target.kind == "min" and target.strict:
            sign = ">"
        text = f"{sign} {_with_unit(vn_number(target.value), unit)}" if target.value is not None else "—"
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
