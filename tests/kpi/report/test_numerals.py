"""Chinese numerals: one table read the same way by section labels, quote checks and the draft."""

from __future__ import annotations

import pytest

from kpi.report.numerals import chinese_number, numerals_in


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("两", 2),
        ("三", 3),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("三百", 300),
        ("一百零五", 105),
        ("十四五", None),
        ("", None),
        ("十甲", None),
    ],
)
def test_chinese_numbers(word, value):
    assert chinese_number(word) == value


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("灵岩“十二景”", [("十二", 12)]),
        ("五级组织架构", [("五", 5)]),
        ("两级应急物资", [("两", 2)]),
        ("入选百个培育项目", [("百", 100)]),
        ("获评十佳项目", [("十", 10)]),
        ("一百零五人", [("一百零五", 105)]),
        ("二十大和二十届", [("二十", 20), ("二十", 20)]),
        # not counts: 一 alone, an ordinal, a rank, an estate named by number, a label, a run that is no one number
        ("进一步做好一批项目", []),
        ("第三届花园节", []),
        ("排名全区前三", []),
        ("凌十二、凌五小区", []),
        ("一、经济 (二)民生", []),
        ("“十四五”期间", []),
    ],
)
def test_counts_written_in_numerals(text, counts):
    assert [(text[s:e], value) for s, e, value in numerals_in(text)] == counts
