"""Chinese numerals as the reports write them: chapter numbers (五), counts (两期) and section labels (十二).

Why one module: the section labels, the check that a quote holds its number and the new report's draft all
read these characters; one digit table means 两 or 十二 cannot be read one way in one place and another way
in the next.
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_RUN = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}]+")
# The words a report writes for a small count (两期 = 2 sessions): 两, not 二; never 一, which is everywhere.
COUNT_WORDS = {value: word for word, value in DIGITS.items() if value >= 2 and word != "二"} | {10: "十"}


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
