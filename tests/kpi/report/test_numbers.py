"""Numbers as the report writes them (kpi/report/numbers.py): the digits it prints, and whether a text holds a number."""

from __future__ import annotations

import pytest

from kpi.report.numbers import number_in_text, plain, value_of


@pytest.mark.parametrize(("value", "expected"), [(139.0, "139"), (3.45, "3.45"), (99.23, "99.23"), (1.02, "1.02")])
def test_plain_numbers_read_like_the_report(value, expected):
    assert plain(value) == expected


@pytest.mark.parametrize(
    ("value", "text", "found"),
    [
        (45, "价格巡查245户次,特种设备巡查45户次", True),
        (45, "价格巡查245户次", False),
        (3.45, "吸引内资3.45亿元", True),
        (3, "吸引内资3.45亿元", False),
        (2, "成功举办两期小学生爱心暑托班", True),
        (1, "新建1个营商服务中心", True),
    ],
)
def test_number_in_text_matches_whole_numbers(value, text, found):
    assert number_in_text(value, text) is found


@pytest.mark.parametrize(
    ("value", "quote", "found"),
    [
        (2, "成功举办两期暑托班", True),
        (2, "第二轮改造", False),
        (1, "一个小区", False),
        (45, "245个", False),
        (10, "十个", True),
    ],
)
def test_a_count_in_words_stands_for_its_number(value, quote, found):
    assert number_in_text(value, quote) is found


def test_a_number_is_read_as_the_text_writes_it():
    assert [value_of(word) for word in ("139", "3.45", "两", "十二", "百")] == [139.0, 3.45, 2.0, 12.0, 100.0]
