"""Figures as people read them (kpi/format.py): values, qualifiers, changes and section labels in both languages."""

import pytest

from kpi.data.model import Source, Text, Value
from kpi.format import format_change, format_value, qualifier_word, section_label, stated


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "zh", "en"),
    [
        (139, "exact", ("家", "enterprises"), "139家", "139 enterprises"),
        (300, "more_than", ("家", "enterprises"), "300余家", "over 300 enterprises"),
        (6000, "nearly", ("件", "work orders"), "近6000件", "nearly 6,000 work orders"),
        (700, "about", ("平方米", "m²"), "约700平方米", "about 700 m²"),
        (5, "over", ("个", "items"), "超5个", "over 5 items"),
        (4, "more_than", ("万件", "work orders"), "4万余件", "over 40,000 work orders"),
        (3.45, "exact", ("亿元", "yuan"), "3.45亿元", "345 million yuan"),
        (1619, "exact", ("万美元", "USD"), "1619万美元", "16.19 million USD"),
        (1.02, "exact", ("万件", "cases"), "1.02万件", "10,200 cases"),
        (34.9, "nearly", ("万人次", "visits"), "近34.9万人次", "nearly 349,000 visits"),
        (99.23, "exact", ("%", "%"), "99.23%", "99.23%"),
        (3300, "more_than", ("万元", "yuan"), "3300余万元", "over 33 million yuan"),
        (11.5, "more_than", ("万人次", "visits"), "11.5万余人次", "over 115,000 visits"),
        (12, "exact", ("亿元", "yuan"), "12亿元", "1.2 billion yuan"),
    ],
)
def test_format_value(value, qualifier, unit, zh, en):
    text = Text(zh=unit[0], en=unit[1])
    assert (format_value(value, qualifier, text, "zh"), format_value(value, qualifier, text, "en")) == (zh, en)


def test_qualifier_words():
    assert (qualifier_word("exact", "en"), qualifier_word("nearly", "zh"), qualifier_word("more_than", "en")) == (
        "",
        "近",
        "more than",
    )


@pytest.mark.parametrize(
    ("latest", "previous", "unit", "zh", "en"),
    [
        (150, 139, ("家", "enterprises"), "+11家", "+11 enterprises"),
        (3.1, 3.45, ("亿元", "yuan"), "-0.35亿元", "-35 million yuan"),
        (2.88, 2.88, ("亿元", "yuan"), 0, 0),
        (0.1 + 0.2, 0.3, ("个", "items"), 0, 0),
    ],
)
def test_format_change_carries_sign_and_unit(latest, previous, unit, zh, en):
    text = Text(zh=unit[0], en=unit[1])
    assert (format_change(latest, previous, text, "zh"), format_change(latest, previous, text, "en")) == (zh, en)


@pytest.mark.parametrize(
    ("section", "en"),
    [
        ("第一部分 五(二)", "Part 1 · 5(2)"),
        ("第二部分 一(三)", "Part 2 · 1(3)"),
        ("第二部分 十二(十)", "Part 2 · 12(10)"),
        ("第一部分 二十一", "Part 1 · 21"),
        ("第一部分 政府自身建设", "Part 1 · 政府自身建设"),
        ("第一部分 一一(二)", "Part 1 · 一一(2)"),
        ("第一部分 十十", "Part 1 · 十十"),  # not numerals: kept as written, never a KeyError
    ],
)
def test_section_labels_read_in_english(section, en):
    assert (section_label(section, "zh"), section_label(section, "en")) == (section, en)


@pytest.mark.parametrize(("value", "end"), [(1e30, " billion yuan"), (1e300, " billion yuan"), (1e-9, "0 yuan")])
def test_any_finite_number_can_be_written(value, end):
    # A progress value is checked against no quote: with Decimal's default 28 digits, 1e30 raised and stopped the page.
    assert format_value(value, "exact", Text(zh="元", en="yuan"), "en").endswith(end)


def test_a_result_stated_in_words_reads_as_the_report_words_it():
    unit = Text(zh="名", en="rank")
    ranked = Value(
        period="2023",
        value=1,
        words=Text(zh="全区第一", en="first in the district"),
        source=Source(report="report_2023", section="第一部分 三(三)", quote="均列全区第一"),
    )
    assert (stated(ranked, unit, "zh"), stated(ranked, unit, "en")) == ("全区第一", "first in the district")
    counted = ranked.model_copy(update={"words": None, "value": 3})
    assert (stated(counted, unit, "zh"), stated(counted, unit, "en")) == ("3名", "3 rank")


@pytest.mark.parametrize(
    ("section", "en"),
    [
        ("第一部分 十二(二十三)", "Part 1 · 12(23)"),
        ("第二部分 (二)", "Part 2 · (2)"),
        ("第一部分 政府自身建设", "Part 1 · 政府自身建设"),
    ],
)
def test_section_labels_read_numerals_as_the_numeral_table_does(section, en):
    assert section_label(section, "en") == en
