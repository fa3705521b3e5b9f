"""Chinese numerals: one table read the same way by section labels, quote checks and the draft."""

from __future__ import annotations

import pytest

from kpi.format import section_label
from kpi.report.numbers import number_in_text
from kpi.report.numerals import COUNT_WORDS, chinese_number


@pytest.mark.parametrize(("word", "value"), [
    ("两", 2), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("三百", 300), ("一百零五", 105),
    ("十四五", None), ("", None), ("十甲", None),
])
def test_chinese_numbers(word, value):
    assert chinese_number(word) == value


def test_count_words_read_back_as_their_number():
    assert COUNT_WORDS == {2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
    assert all(chinese_number(word) == value for value, word in COUNT_WORDS.items())


@pytest.mark.parametrize(("value", "quote", "found"), [
    (2, "成功举办两期暑托班", True), (2, "第二轮改造", False), (1, "一个小区", False), (45, "245个", False), (10, "十个", True),
])
def test_a_count_in_words_stands_for_its_number(value, quote, found):
    assert number_in_text(value, quote) is found


@pytest.mark.parametrize(("section", "en"), [
    ("第一部分 十二(二十三)", "Part 1 · 12(23)"), ("第二部分 (二)", "Part 2 · (2)"), ("第一部分 政府自身建设", "Part 1 · 政府自身建设"),
])
def test_section_labels_use_the_same_table(section, en):
    assert section_label(section, "en") == en
