"""Numbers as Vietnamese readers write them: "87,5%", "1.250", "4,25" (in the active language).

``vn_number`` is :func:`binhdang.core.numbers.vn_number` (robust to any stored value)."""

from __future__ import annotations

from binhdang.core.numbers import vn_number

__all__ = ["vn_number", "vn_percent", "with_unit"]


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
