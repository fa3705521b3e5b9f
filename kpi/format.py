"""Figures as people read them: "300余家" in Chinese, "over 300 enterprises" in English.

Why here and not in the UI: the same words appear in tiles, tables, charts and CSV files, and a pure
function can be tested against the report's own spelling.
"""

from __future__ import annotations

from decimal import Context, Decimal

from kpi.data.model import Qualifier, Text, Value
from kpi.report.numbers import plain
from kpi.report.numerals import NUMERAL_RUN, chinese_number
from kpi.texts import text

_MAGNITUDES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_PREFIX_ZH = {"nearly": "近", "about": "约", "over": "超"}
# 余 and 超 both say "more than the number": English reads "over 50 million yuan", never "50 million+".
_PREFIX_EN = {"more_than": "over ", "nearly": "nearly ", "about": "about ", "over": "over "}
_QUALIFIER_WORDS = {
    "exact": ("", ""),
    "more_than": ("余", "more than"),
    "nearly": ("近", "nearly"),
    "about": ("约", "about"),
    "over": ("超", "over"),
}


def split_magnitude(unit_zh: str) -> tuple[str, str]:
    """ "万件" → ("万", "件"): the report's multiplier and the counted thing."""
    if len(unit_zh) > 1 and unit_zh[0] in _MAGNITUDES:
        return unit_zh[0], unit_zh[1:]
    return "", unit_zh


def english_number(amount: Decimal) -> str:
    """40000 → "40,000"; 345000000 → "345 million"; 16190000 → "16.19 million"."""
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if amount >= size:
            return f"{_trim(amount / size)} {word}"
    return _trim(amount, grouped=True)


def _trim(amount: Decimal, grouped: bool = False) -> str:
    # Enough digits for any finite number: with the default 28, a figure like 1e30 (a typo in a progress entry,
    # which no quote checks) made quantize raise and stopped the page.
    context = Context(prec=max(28, amount.adjusted() + 4))
    return f"{amount.quantize(Decimal('0.01'), context=context).normalize(context):{',' if grouped else ''}f}"


def format_value(value: float, qualifier: Qualifier, unit: Text, lang: str) -> str:
    """A figure with its qualifier and unit, in the reader's language."""
    if lang == "zh":
        magnitude, counted = split_magnitude(unit.zh)
        if qualifier == "more_than":
            # The report's own spelling: 3300余万元 and 5000余万元, but 4万余件 and 11.5万余人次.
            before = float(value).is_integer() and value >= 10
            return f"{plain(value)}余{unit.zh}" if before else f"{plain(value)}{magnitude}余{counted}"
        return f"{_PREFIX_ZH.get(qualifier, '')}{plain(value)}{unit.zh}"
    number = english_number(base_amount(value, unit))
    space = "" if unit.en == "%" else " "
    return f"{_PREFIX_EN.get(qualifier, '')}{number}{space}{unit.en}"


def stated(value: Value, unit: Text, lang: str) -> str:
    """A figure as the report states it: its words when it is a rank or a zero (全区第一), else number and unit."""
    return text(value.words, lang) if value.words else format_value(value.value, value.qualifier, unit, lang)


def base_amount(value: float, unit: Text) -> Decimal:
    """The value in the unit's base (3.45 亿元 → 345000000 元): what English and the CSV show."""
    return Decimal(plain(value)) * _MAGNITUDES.get(split_magnitude(unit.zh)[0], Decimal(1))


def base_unit(unit: Text, lang: str) -> str:
    """The counted thing without 万/亿 ("元" / "yuan"): the unit of `base_amount`."""
    return split_magnitude(unit.zh)[1] if lang == "zh" else unit.en


def format_change(latest: float, previous: float, unit: Text, lang: str) -> str | int:
    """ "+11家" / "-0.35亿元" / "+35 million yuan"; 0 (a number) when nothing changed, so no arrow shows."""
    difference = round(latest - previous, 6)
    if difference == 0:
        return 0
    sign = "-" if difference < 0 else "+"
    return sign + format_value(abs(difference), "exact", unit, lang)


def qualifier_word(qualifier: Qualifier, lang: str) -> str:
    """The qualifier as a word for the CSV ("余" / "more than"); empty when exact."""
    zh, en = _QUALIFIER_WORDS[qualifier]
    return zh if lang == "zh" else en


def section_label(section: str, lang: str) -> str:
    """ "第一部分 五(二)" as the report cites it; in English "Part 1 · 5(2)" (chapter 5, section 2)."""
    if lang == "zh":
        return section
    part, _, place = section.partition(" ")
    numbers = NUMERAL_RUN.sub(lambda m: _number(m[0]), place)
    return f"Part {_number(part[1:-2])} · {numbers}"


def _number(numeral: str) -> str:
    """一 → "1", 十二 → "12"; anything that is not one number (一一) stays as written: a section is free text after
    第一部分, and must never stop a page."""
    value = chinese_number(numeral)
    return numeral if value is None else str(value)
