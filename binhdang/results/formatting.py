"""Numbers as Vietnamese readers write them: "87,5%", "1.250", "4,25" (in the active language)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import numberformat
from django.utils.formats import get_format


def vn_number(value, decimals: int = 2) -> str:
    """``Decimal("87.50")`` -> ``"87,5"``, ``1250`` -> ``"1.250"``; at most ``decimals`` decimals,
    no trailing zeros; ``""`` for None."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
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


def vn_percent(value, decimals: int = 1) -> str:
    """``Decimal("87.50")`` -> ``"87,5%"``; ``""`` for None."""
    text = vn_number(value, decimals)
    return f"{text}%" if text else ""


def with_unit(value, unit: str) -> str:
    """A value with its unit: ``"87,5%"``, ``"4,2 điểm %"``, ``"38,5 /100.000 trẻ sinh sống"``."""
    text = vn_number(value)
    if not text:
        return ""
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}".strip()
