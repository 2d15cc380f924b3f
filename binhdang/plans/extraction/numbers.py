"""Vietnamese numbers, ranges and dates as plans write them.

- Numbers: "." groups thousands ("100.000"), "," is the decimal mark ("1,4"); leading zeros are
  common ("02 cuộc"). A dot followed by one or two digits ("1.5") is read as a decimal mark, as
  some documents typed with an English keyboard do.
- Ranges: "10 - 15", "10 – 15", "10-15", "từ 10 đến 15".
- Dates: "30/11", "30/11/2026", "15 tháng 12", "ngày 05 tháng 12 năm 2026"; dates are checked
  against the calendar (no 31/4).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+"
_NUMBER_RE = re.compile(rf"^(?:{NUMBER})$")
DASH = r"[-–—‐‑]"
RANGE_RE = re.compile(
    rf"(?:từ\s+)?(?P<a>{NUMBER})\s*(?:%\s*)?(?:{DASH}|đến|tới)\s*(?P<b>{NUMBER})", re.IGNORECASE
)

WORD_NUMBERS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}


def parse_number(text: str) -> int | float:
    """Read a Vietnamese number: "1,4" -> 1.4, "100.000" -> 100000, "02" -> 2.

    Raises ``ValueError`` for anything else.
    """
    text = text.strip()
    if not _NUMBER_RE.match(text):
        raise ValueError(f"not a number: {text!r}")
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        value = float(text)
    else:
        value = float(text.replace(".", "").replace(",", "."))
    return int(value) if value.is_integer() else value


def json_number(value: float) -> int | float:
    """An int when the value is whole (2 rather than 2.0), for tidy JSON."""
    return int(value) if float(value).is_integer() else value


def parse_range(text: str) -> tuple[int | float, int | float] | None:
    """Read "a - b", "a – b", "từ a đến b" into ``(a, b)``; None when ``text`` is not a range."""
    match = RANGE_RE.fullmatch(text.strip().rstrip("%").strip())
    if not match:
        return None
    return parse_number(match["a"]), parse_number(match["b"])


@dataclass(frozen=True)
class DayMonth:
    """A day in the year, with the year when the document gives one."""

    day: int
    month: int
    year: int | None = None

    @property
    def mmdd(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"

    @property
    def iso(self) -> str | None:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else None


def valid_day(day: int, month: int, year: int | None = None) -> bool:
    """True when day/month (and year) exist; 29/02 is accepted when no year is given."""
    if not 1 <= month <= 12 or day < 1:
        return False
    last = calendar.monthrange(year if year else 2024, month)[1]
    return day <= last


_YEAR = r"(?:19|20)\d{2}"
_SLASH_DATE = re.compile(
    rf"(?<![\d/])(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>{_YEAR}))?(?![\d/])"
)
_WORD_DATE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?:\s*(?:năm|,)?\s*(?P<y>{_YEAR}))?(?!\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    date: DayMonth


def find_dates(text: str) -> list[DateMatch]:
    """Every calendar date in ``text`` ("30/11", "20/6/2026", "15 tháng 12 năm 2026"), in order."""
    found: list[DateMatch] = []
    for pattern in (_SLASH_DATE, _WORD_DATE):
        for m in pattern.finditer(text):
            day, month = int(m["d"]), int(m["m"])
            year = int(m["y"]) if m["y"] else None
            if valid_day(day, month, year):
                found.append(DateMatch(m.start(), m.end(), DayMonth(day, month, year)))
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str) -> DayMonth | None:
    """The date written in ``text`` ("30/11", "15 tháng 12", "ngày 20/6/2026"), or None."""
    dates = find_dates(text)
    return dates[0].date if dates else None


_FULL_DATE = re.compile(
    rf"ngày\s+(?P<d>\d{{1,2}})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{{1,2}})\s*(?:năm|/|-|\.)\s*(?P<y>{_YEAR})",
    re.IGNORECASE,
)


def parse_full_date(text: str) -> dt.date | None:
    """The first complete date "ngày 05 tháng 12 năm 2026" / "ngày 23/10/2021" in ``text``."""
    for m in _FULL_DATE.finditer(text):
        day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
        if valid_day(day, month, year):
            return dt.date(year, month, day)
    return None


def format_day_month(day: int, month: int, style: str = "slash") -> str:
    """Write a day the way plans do: "30/11" (slash) or "30 tháng 11" (words)."""
    if style == "words":
        return f"{day:02d} tháng {month}"
    return f"{day:02d}/{month}"
