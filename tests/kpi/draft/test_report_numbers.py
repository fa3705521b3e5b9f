"""Every number of a report's text read and classified (kpi/draft/report_numbers.py), on sample reports and the real one."""

from __future__ import annotations

import pytest

from kpi.draft.draft import comparison_of
from kpi.draft.report_numbers import REASONS, find_figures, report_years
from kpi.report.numbers import numbers_in
from tests.helpers.sample_reports import SAMPLE, SECTIONS_ONLY
from tests.helpers.text_spans import spans

REPORT_2023 = "report_2023"


@pytest.mark.parametrize(
    ("written", "kind", "reason", "value", "unit", "qualifier", "period", "section"),
    [
        ("139家", "result", "", 139, "家", "exact", "2024-01..2024-11", "第一部分 一(一)"),
        ("4000余家", "result", "", 4000, "家", "more_than", "2024", "第一部分 一(一)"),
        ("4万余件", "result", "", 4, "万件", "more_than", "2024", "第一部分 一(一)"),
        ("近450客", "result", "", 450, "客", "nearly", "2024", "第一部分 一(一)"),
        ("约700平方米", "result", "", 700, "平方米", "about", "2024", "第一部分 一(一)"),
        ("40台", "result", "", 40, "台", "exact", "2024", "第一部分 一(一)"),  # 签约 is "signed", not 约
        ("超100人", "result", "", 100, "人", "over", "2024", "第一部分 一(一)"),
        ("两期", "result", "", 2, "期", "exact", "2024", "第一部分 一(一)"),
        ("13座", "result", "", 13, "座", "exact", "2023", "第一部分 一(一)"),  # a restated earlier year
        ("100%", "result", "", 100, "%", "exact", "2024", "第一部分 一(一)"),
        ("五次", "skipped", "ordinal", 5, "次", "exact", "2024", "第一部分 一(一)"),
        ("1+3+X", "skipped", "name", 1, "", "exact", "2024", "第一部分 一(一)"),
        ("(2024-2026)", "skipped", "plan_period", 2024, "", "exact", "2024", "第一部分 一(一)"),
        ("24小时", "skipped", "not_a_measurement", 24, "小时", "exact", "2024", "第一部分 一(一)"),
        ("49座", "target", "", 49, "座", "exact", "2024", "第二部分 一(一)"),
        ("四项", "skipped", "not_a_measurement", 4, "项", "exact", "2024", "第二部分 一(一)"),  # targets are in digits
        ("300万元", "target", "", 300, "万元", "exact", "2024", "第二部分 一(一)"),
        ("2000名以上", "skipped", "glossary", 2000, "名", "exact", "2024", ""),
    ],
)
def test_each_number_is_read_and_classified(written, kind, reason, value, unit, qualifier, period, section):
    [figure] = [f for f in find_figures(SAMPLE, 2024) if f.written == written]
    assert (figure.kind, figure.reason, figure.value, figure.unit, figure.qualifier, figure.period, figure.section) == (
        kind,
        reason,
        value,
        unit,
        qualifier,
        period,
        section,
    )
    assert figure.quote in SAMPLE


@pytest.mark.parametrize(
    ("written", "notes", "comparison"),
    [
        ("近450客", ("日均",), "at_least"),
        ("49座", (), "at_least"),
        ("300万元", (), "at_most"),
    ],
)
def test_notes_and_comparisons(written, notes, comparison):
    [figure] = [f for f in find_figures(SAMPLE, 2024) if f.written == written]
    assert (figure.notes, comparison_of(figure)) == (notes, comparison)


def test_report_years_come_from_the_part_headings():
    assert report_years(SAMPLE) == (2024, 2025)


@pytest.mark.parametrize(
    ("written", "section", "near", "units"),
    [
        (
            "12个",
            "第一部分 一(一)",
            "完成雨污混接改造小区",
            ("个小区", "个"),
        ),  # 小区 before the number counts estates too
        ("300个", "第二部分 (一)", "新增就业岗位", ("个",)),  # a section without a chapter: not the part's heading
        ("40台", "第二部分 (二)", "完成加梯签约", ("台",)),  # the list number (二) is not part of the name
    ],
)
def test_sections_list_numbers_and_word_order(written, section, near, units):
    [figure] = [f for f in find_figures(SECTIONS_ONLY, 2024) if f.written == written]
    assert (figure.section, figure.near, figure.units) == (section, near, units)


# ── The 2023 report ──────────────────────────────────────────────────────────────────────────────────


def test_numbers_the_completeness_test_excludes_are_skipped_with_the_same_reason(dataset, text_2023):
    figures = find_figures(text_2023, 2023, {v.source.section for i in dataset.content.indicators for v in i.values})
    reasons: dict[int, set[str]] = {}  # a number inside several excluded contexts may have any of their reasons
    for exclusion in (e for e in dataset.exclusions.numbers if e.report == REPORT_2023):
        for start, end in spans(text_2023, exclusion.text):
            for number_start, _, _ in numbers_in(text_2023[start:end]):
                reasons.setdefault(start + number_start, set()).add(exclusion.reason)
    covering = {at: next(f for f in figures if f.start <= at < f.end) for at in reasons}
    assert [(f.written, f.reason, reasons[at]) for at, f in covering.items() if f.reason not in reasons[at]] == []
    assert {f.reason for f in figures if f.reason} <= set(REASONS)
