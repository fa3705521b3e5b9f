"""Chinese numerals as the reports write them: chapter numbers (五), counts (两期) and section labels (十二).

Why one module: the section labels, the check that a quote holds its number and the new report's draft all
read these characters; one digit table means 两 or 十二 cannot be read one way in one place and another way
in the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_RUN = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}]+")
# A count in numerals, as the completeness check reads part one (kpi/report/statements.py): not an ordinal (第三届),
# not a rank (全区前三: the rank rule reads it), not one of the Lingzhao estates, which are named by number (凌五,
# 凌十二), not a chapter or section label (一、 (二)).
_COUNT_RUN = re.compile(
    f"(?<![第凌前{''.join(DIGITS)}{''.join(UNITS)}])[{''.join(DIGITS)}{''.join(UNITS)}]+(?![、)）{''.join(DIGITS)}{''.join(UNITS)}])"
)


def chinese_number(word: str) -> int | None:
    """两 → 2, 十二 → 12, 二十 → 20, 三百 → 300; None for runs that are not one number (十四五) or empty."""
    total, digit, last_unit = 0, None, None
    for char in word.replace("零", ""):  # 一百零五: 零 only holds a place
        if char in DIGITS:
            if digit is not None:
                return None
            digit = DIGITS[char]
        elif char in UNITS:
            if last_unit is not None and UNITS[char] >= last_unit:
                return None  # 十十, 十百: units only come in falling order
            total += (1 if digit is None else digit) * UNITS[char]
            digit, last_unit = None, UNITS[char]
        else:
            return None
    return total + (digit or 0) if word else None


def numerals_in(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, value) of every count written in numerals: 两级 → 2, 十二景 → 12, 百个 → 100. Not 一 alone, which
    is everywhere (一批, 进一步, 一体化), and not a run that is no one number (十四五)."""
    for m in _COUNT_RUN.finditer(text):
        value = chinese_number(m.group())
        if value is not None and value >= 2:
            yield m.start(), m.end(), value
