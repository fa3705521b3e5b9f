"""Numbers as the report writes them, and where they stand in its text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpi.report.numerals import chinese_number, numerals_in

NUMBER = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9])")


def plain(value: float) -> str:
    """139.0 → "139", 3.45 → "3.45": the digits as the report prints them."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def numbers_in(text: str) -> Iterator[tuple[int, int, float]]:
    """(start, end, value) of every Arabic number in the text."""
    for m in NUMBER.finditer(text):
        yield m.start(), m.end(), float(m.group())


def every_number_in(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of every number, Arabic or a count in numerals (the report writes 两期 for 2), in order."""
    return sorted((*numbers_in(text), *numerals_in(text)))


def number_in_text(value: float, text: str) -> bool:
    """Whether the value stands in the text as a whole number (45 is not found in 245)."""
    return any(found == value for _, _, found in every_number_in(text))


def value_of(word: str) -> float:
    """The value of a number as the text writes it: "139" → 139.0, "十二" → 12.0."""
    if word[0].isdigit():
        return float(word)
    value = chinese_number(word)
    if value is None:
        raise ValueError(f"not a number the reports write: {word!r}")
    return float(value)
