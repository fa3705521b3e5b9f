"""Periods: the span of time a figure covers, written as "2023" or "2023-01..2023-11".

Why: the report mixes full-year figures with "截至2023年11月" (Jan–Nov) ones. Keeping the exact span
lets the app say so and lets a later report add "2024" beside "2023" without restructuring.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_YEAR = re.compile(r"^(\d{4})$")
_SPAN = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")
_EN_MONTHS = [m[:3] for m in calendar.month_name[1:]]


def parse_period(text: str) -> tuple[date, date]:
    """First and last day of a period; ValueError names the expected form."""
    if m := _YEAR.match(text):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31)
    if m := _SPAN.match(text):
        y1, m1, y2, m2 = map(int, m.groups())
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y1, m1) > (y2, m2):
            raise ValueError(text)
        return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])
    raise ValueError(text)


def months(text: str) -> int:
    """How many months a period covers: 12 for "2023", 11 for "2023-01..2023-11"."""
    start, end = parse_period(text)
    return (end.year - start.year) * 12 + end.month - start.month + 1


def is_full_year(text: str) -> bool:
    start, end = parse_period(text)
    return start.year == end.year and (start.month, end.month) == (1, 12) and start.day == 1


def period_label(text: str, lang: str) -> str:
    """How a period reads in a tile: "2023", "截至2023年11月" (the report's words) / "Jan–Nov 2023"."""
    start, end = parse_period(text)
    if is_full_year(text):
        return str(start.year)
    if start.year == end.year and start.month == 1:
        return f"截至{end.year}年{end.month}月" if lang == "zh" else f"Jan–{_EN_MONTHS[end.month - 1]} {end.year}"
    if lang == "zh":
        return f"{start.year}年{start.month}月—{end.year}年{end.month}月"
    return f"{_EN_MONTHS[start.month - 1]} {start.year}–{_EN_MONTHS[end.month - 1]} {end.year}"
