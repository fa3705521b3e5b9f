"""Reports are data: each source names its report, each quote is checked against that report's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.data.errors import DataErrors
from kpi.data.files import report_path
from kpi.data.loading import load_dataset
from tests.kpi.data.test_loading import errors_after_edit

I, G = "indicators.yaml", "glossary.yaml"
SECOND = """  plans: 2024
- id: report_2024
  title: {zh: 示例报告二, en: Sample report two}
  publisher: {zh: 示例街道, en: Sample subdistrict}
  published: 2025-01-22
  url: https://example.org/report-2
  file: source/report_2024.txt
  reviews: 2024
  plans: 2025
"""
SECOND_TEXT = "示例报告二\n第一部分 2024年工作回顾\n2024年,引进企业150家。\n第二部分 2025年主要任务\n新建20座社区平安屋。\n"
FIRST_SOURCE = "      report: report_2023\n      section: 第一部分 一(二)\n      quote: 截至2023年11月"
BREAKDOWN = ("breakdowns:\n- id: economy.by_kind\n  theme: economy\n  question: {{zh: 各有多少, en: 'How many of each?'}}\n"
             "  parts: [{}]\ntargets:\n")
OUTCOME = "    quote: 新建49座社区平安屋\n  outcome:\n    value: 50\n    source: {report: report_2023, section: 第一部分 一(二), quote: 新建49座社区平安屋}\n"


def add_second_report(directory: Path) -> Path:
    """The minimal data with a second (fictional) report listed and its text in source/."""
    (directory / "source" / "report_2024.txt").write_text(SECOND_TEXT, encoding="utf-8")
    path = directory / I
    path.write_text(path.read_text(encoding="utf-8").replace("  plans: 2024\n", SECOND, 1), encoding="utf-8")
    return directory


# (case, file, text to replace, replacement, expected line, fragment of the Chinese message)
CASES = [
    ("unknown_report", I, FIRST_SOURCE, FIRST_SOURCE.replace("report_2023", "report_2099"), 37,
     "报告编号 'report_2099' 不存在；可用报告：report_2023, report_2024"),
    ("quote_not_in_named_report", I, FIRST_SOURCE, FIRST_SOURCE.replace("report_2023", "report_2024"), 39,
     "引文在报告 'report_2024' 的原文中找不到"),
    ("same_report_id_twice", I, "- id: report_2024", "- id: report_2023", 11, "编号 'report_2023' 重复（第 3 行已用过）"),
    ("same_report_file_twice", I, "  file: source/report_2024.txt", "  file: source/report.txt", 16,
     "报告文件 source/report.txt 已被报告 'report_2023' 使用（第 8 行）"),
    ("period_after_its_report", I, "  - period: 2023\n    value: 13\n", "  - period: 2024\n    value: 13\n", 68,
     "期间 2024 晚于报告 'report_2023' 回顾的年份 2023"),
    ("outcome_from_the_planning_report", I, "    quote: 新建49座社区平安屋\n", OUTCOME, 117, "结果须出自回顾 2024 年的报告；报告 'report_2023' 回顾的是 2023 年"),
    ("not_mentioned_by_the_planning_report", I, "    quote: 启动凌兆片区社区生活服务综合体建设\n",
     "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {not_mentioned_in: report_2023}\n", 124,
     "结果须出自回顾 2024 年的报告；报告 'report_2023' 回顾的是 2023 年"),
    ("not_mentioned_by_an_unknown_report", I, "    quote: 启动凌兆片区社区生活服务综合体建设\n",
     "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {not_mentioned_in: report_2099}\n", 124,
     "报告编号 'report_2099' 不存在"),
    ("outcome_both_stated_and_not_mentioned", I, "    quote: 启动凌兆片区社区生活服务综合体建设\n",
     "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {status: done, note: {zh: 甲, en: A}, not_mentioned_in: report_2024}\n",
     124, "不能两者都写"),
    ("outcome_without_source_or_note", I, "    quote: 启动凌兆片区社区生活服务综合体建设\n",
     "    quote: 启动凌兆片区社区生活服务综合体建设\n  outcome: {status: done}\n", 124, "结果须写出处（source）或说明（note）"),
    ("programme_from_unrelated_counts", I, "indicator: economy.tasks_done", "indicator: economy.enterprise_visits", 102,
     "指标 'economy.enterprise_visits' 与其他部分不在报告的同一句话中"),
    ("breakdown_in_two_units", I, "targets:\n", BREAKDOWN.format("economy.enterprises_attracted, economy.domestic_investment"),
     107, "分项的单位须相同：'亿元' 与 '家' 不同"),
    ("breakdown_of_unknown_figure", I, "targets:\n", BREAKDOWN.format("economy.tasks_listed, economy.nope"), 107,
     "指标编号 'economy.nope' 不存在"),
    ("plan_year_is_not_a_year", I, "  plans: 2025\n", "  plans: 二〇二五\n", 18, "'plans' 应为整数"),
    ("glossary_unknown_report", G, "  report: report_2023\n", "  report: report_2022\n", 3, "报告编号 'report_2022' 不存在"),
    ("glossary_definition_not_in_report", G, "{zh: 社区治安值守点。,", "{zh: 社区值守点。,", 5, "引文在报告 'report_2023' 的原文中找不到"),
    ("glossary_same_id_twice", G, "  forms: [平安屋]\n", "  forms: [平安屋]\n- id: peace_house\n  report: report_2023\n"
     "  term: {zh: 平安屋二, en: Peace house two}\n  definition: {zh: 社区治安值守点。, en: A post.}\n", 7, "编号 'peace_house' 重复（第 2 行已用过）"),
    ("glossary_same_term_twice", G, "  forms: [平安屋]\n", "  forms: [平安屋]\n- id: peace_house_again\n  report: report_2023\n"
     "  term: {zh: 平安屋, en: Peace house}\n  definition: {zh: 社区治安值守点。, en: A post.}\n", 9, "名词 '平安屋' 重复（第 4 行已有）"),
]


@pytest.mark.parametrize(("file", "old", "new", "line", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_report_problems_are_located_and_explained(minimal_dir, file, old, new, line, fragment):
    errors = errors_after_edit(add_second_report(minimal_dir), file, old, new)
    found = [(e.file, e.line, e.zh) for e in errors]
    assert any(f == file and ln == line and fragment in msg for f, ln, msg in found), found


def test_two_reports_load_and_each_quote_is_checked_against_its_own(minimal_dir):
    path = add_second_report(minimal_dir) / I
    new_value = ("  - period: 2024\n    value: 150\n    source:\n      report: report_2024\n"
                 "      section: 第一部分 一(二)\n      quote: 2024年,引进企业150家。\n")
    text = path.read_text(encoding="utf-8")
    anchor = "- id: economy.domestic_investment\n"
    path.write_text(text.replace(anchor, new_value + anchor, 1), encoding="utf-8")
    dataset = load_dataset(minimal_dir)
    assert list(dataset.reports) == ["report_2023", "report_2024"]
    indicator = dataset.indicators["economy.enterprises_attracted"]
    assert [(o.period, o.value.value, o.current.report.id) for o in dataset.series(indicator)] == [
        ("2023-01..2023-11", 139, "report_2023"), ("2024", 150, "report_2024")]
    assert dataset.plan_years == [2024]


def test_a_breakdown_of_one_sentence_in_one_unit_loads(minimal_dir):
    path = minimal_dir / I
    path.write_text(path.read_text(encoding="utf-8").replace("targets:\n", BREAKDOWN.format(
        "economy.tasks_listed, economy.tasks_done"), 1), encoding="utf-8")
    [breakdown] = load_dataset(minimal_dir).content.breakdowns
    assert breakdown.parts == ["economy.tasks_listed", "economy.tasks_done"]


@pytest.mark.parametrize("file", ["../glossary.yaml", "/etc/passwd", "source/../indicators.yaml", "glossary.yaml",
                                  "source\\report.txt", "source", "source/link.txt"])
def test_a_report_file_never_reaches_outside_source(minimal_dir, file):
    (minimal_dir / "source" / "link.txt").symlink_to(minimal_dir / I)  # a link out of source/ is refused too
    errors = errors_after_edit(minimal_dir, I, "file: source/report.txt", f"file: '{file}'")
    outside = [e for e in errors if e.code == "report_outside_source"]
    assert [(e.file, e.line) for e in outside] == [(I, 8)]
    assert "须放在 source/ 目录下" in outside[0].zh and report_path(minimal_dir, file) is None


def _errors(directory: Path) -> list:
    with pytest.raises(DataErrors) as caught:
        load_dataset(directory)
    return caught.value.errors


def test_report_text_with_bom_and_windows_line_endings(minimal_dir):
    report = minimal_dir / "source" / "report.txt"
    report.write_bytes(b"\xef\xbb\xbf" + report.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert load_dataset(minimal_dir).report_texts["report_2023"].startswith("示例报告\n")


def test_report_text_not_utf8(minimal_dir):
    report = minimal_dir / "source" / "report.txt"
    report.write_bytes(report.read_text(encoding="utf-8").encode("gbk"))
    assert [(e.line, e.code) for e in _errors(minimal_dir)] == [(8, "report_not_utf8")]
