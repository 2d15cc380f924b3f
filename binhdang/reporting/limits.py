"""Hard limits of reported figures: values no real unit can reach, refused wherever a value comes in.

Every number of a report belongs to one *kind* (the ``limit`` of its :class:`DataElement` in
``forms_catalog``), and each kind has one upper limit, defined here and nowhere else. The limits are
checked in ``validation.normalize``, the one path of the web form, the Excel template, data value sets
and the API, so a value over the limit is refused everywhere with the same message, which names the
limit ("Số lượt người tham dự (Nữ): vượt giới hạn 10.000.000 người ...").

Why these numbers (generous, but no real unit can exceed them in a year):

- **people** (participants, trainees; counted as attendances, "lượt người"): 10,000,000. The most
  populous province has about 14 million inhabitants and a commune a few hundred thousand; ten million
  attendances from one unit's sessions in a year would be 27,000 people every single day.
- **items** (sessions, news items, courses, activities, models, conventions): 100,000 a year, i.e.
  about 270 every day, every day of the year, from one unit.
- **percent**: 0 to 100.
- **money** (đồng, whole numbers): 1,000 tỷ đồng (10^12 đồng). A province's whole yearly budget for
  every purpose is a few tens of thousands of tỷ; a unit's gender-equality funding is a few hundred
  million đồng, so a thousand tỷ is out of reach for any unit. Every amount up to the limit (13
  digits) is also exact where a program reads it as a floating-point number (Excel, JavaScript, JSON
  readers: exact up to 2^53, about 9 * 10^15); the values are stored as text, exactly as normalized.
- **figure** (a strategy indicator's value, numerator or denominator: rates, ratios, counts of a
  province's people): 10^15, below 2^53 for the same reason.

A typed number is first checked for length (:data:`MAX_NUMBER_CHARS`): a 5000-digit "count" is refused
with the limit's message before any conversion is attempted (Python refuses to convert integers of more
than 4300 digits, and decimal arithmetic would silently round past 28 digits).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PEOPLE = "people"
ITEMS = "items"
PERCENT = "percent"
MONEY = "money"
FIGURE = "figure"

#: Kind -> the largest value any unit may report for a year.
HARD_LIMITS: dict[str, int] = {
    PEOPLE: 10_000_000,
    ITEMS: 100_000,
    PERCENT: 100,
    MONEY: 1_000 * 10**9,  # 1.000 tỷ đồng
    FIGURE: 10**15,
}

#: The measure named after the limit in messages ("10.000.000 người", "1.000.000.000.000.000 đồng").
UNITS = {
    PEOPLE: gettext_lazy("people"),
    ITEMS: "",
    PERCENT: "%",
    MONEY: gettext_lazy("đồng"),
    FIGURE: "",
}

#: A typed number longer than this (signs, digits, separators and decimals) is refused unread.
MAX_NUMBER_CHARS = 32


def hard_limit(kind: str | None) -> int | None:
    """The upper limit of a kind of value; None for a kind without one (text, yes/no, options)."""
    return HARD_LIMITS.get(kind or "")


def exceeds(kind: str | None, number: Decimal | int) -> bool:
    limit = hard_limit(kind)
    return limit is not None and number > limit


def _grouped(number: int) -> str:
    """``10000000`` -> "10.000.000" in Vietnamese (the active language's separators)."""
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def limit_text(kind: str | None) -> str:
    """The limit as people say it: "10.000.000 người", "1.000 tỷ đồng", "100%", "100.000"."""
    limit = hard_limit(kind) or 0
    if kind == MONEY and limit % 10**9 == 0:
        return _("%(amount)s billion đồng") % {"amount": _grouped(limit // 10**9)}
    measure = str(UNITS.get(kind or "", ""))
    if measure == "%":
        return f"{_grouped(limit)}%"
    return f"{_grouped(limit)} {measure}".strip()


def limit_message(kind: str | None) -> str:
    """ "exceeds the limit of 10.000.000 people ...": the reason, without the field's label."""
    return _("exceeds the limit of %(limit)s that no unit can reach in a year; check the figure typed") % {
        "limit": limit_text(kind)
    }
