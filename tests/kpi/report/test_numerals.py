"""Chinese numerals: one table read the same way by section labels, quote checks and the draft."""

from __future__ import annotations

import pytest

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
