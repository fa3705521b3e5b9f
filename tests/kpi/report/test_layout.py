"""A report's layout line by line and its clauses (kpi/report/layout.py), on a small made-up report."""

from __future__ import annotations

import pytest

from kpi.report.layout import FRONT, GLOSSARY, REVIEW, TASKS, clauses, clauses_holding, report_structure, words_of

REPORT = """示例报告
第一部分 2023年工作回顾
一、经济发展
(一)招商引资。引进企业139家,吸引内资3.45亿元。
(二)营商环境。走访企业300余家。
政府自身建设持续加强。
第二部分 2024年主要任务
(一)平安建设。新建49座社区平安屋;启动综合体建设。
《示例报告》名词解释
1. 平安屋:社区治安值守点。
"""


def line_of(fragment: str) -> int:
    return next(n for n, line in enumerate(REPORT.split("\n")) if fragment in line)


@pytest.mark.parametrize(
    ("fragment", "part", "section", "guessed"),
    [
        ("示例报告", FRONT, "", False),
        (
            "第一部分 2023年工作回顾",
            REVIEW,
            "第一部分 2023年工作回顾",
            False,
        ),  # a part's heading takes the part's words
        ("一、经济发展", REVIEW, "第一部分 一", False),
        ("(一)招商引资", REVIEW, "第一部分 一(一)", False),
        ("(二)营商环境", REVIEW, "第一部分 一(二)", False),
        (
            "政府自身建设",
            REVIEW,
            "第一部分 建设持续加强",
            True,
        ),  # after the numbered sections: a guess, its last six words
        ("(一)平安建设", TASKS, "第二部分 (一)", False),  # a section without a chapter
        ("1. 平安屋", GLOSSARY, "", False),
    ],
)
def test_each_line_has_its_part_and_section_label(fragment, part, section, guessed):
    paragraphs = report_structure(REPORT)
    [paragraph] = [p for p in paragraphs if REPORT[p.start : p.end] == REPORT.split("\n")[line_of(fragment)]]
    assert (paragraph.part, paragraph.section, paragraph.guessed) == (part, section, guessed)


def test_a_label_the_data_names_wins_over_a_guess():
    [closing] = [
        p for p in report_structure(REPORT, {"第一部分 政府自身建设"}) if "政府自身建设" in REPORT[p.start : p.end]
    ]
    assert (closing.section, closing.guessed) == ("第一部分 政府自身建设", False)


def test_clauses_of_both_parts_without_list_numbers_and_short_scraps():
    found = [(c.text, c.part, c.heading, c.chapter) for c in clauses(REPORT)]
    assert found == [
        ("第一部分 2023年工作回顾", REVIEW, True, False),
        ("经济发展", REVIEW, True, True),
        ("招商引资", REVIEW, True, False),
        ("引进企业139家", REVIEW, False, False),
        ("吸引内资3.45亿元", REVIEW, False, False),
        ("营商环境", REVIEW, True, False),
        ("走访企业300余家", REVIEW, False, False),
        ("政府自身建设持续加强", REVIEW, False, False),
        ("第二部分 2024年主要任务", TASKS, True, False),
        ("平安建设", TASKS, True, False),
        ("新建49座社区平安屋", TASKS, False, False),
        ("启动综合体建设", TASKS, False, False),
    ]
    assert all(REPORT[c.start : c.end] == c.text for c in clauses(REPORT))


@pytest.mark.parametrize(("text", "words"), [("引进企业139家,", "引进企业家"), ("“1+3+X”模式", "X模式"), ("", "")])
def test_words_of_keeps_only_chinese_characters_and_letters(text, words):
    assert words_of(text) == words


def test_a_figures_limiting_word_is_read_in_its_own_clause_only():
    # 3台老化电梯更换、173套…探测器安装: 老化 is the lifts' word, not the detectors'; 均取得大幅增长 is no figure's clause.
    quote = "完成世博家园养老院3台老化电梯更换、心悦家园养老院173套故障电弧探测器安装"
    assert clauses_holding(quote, 3.0) == ["完成世博家园养老院3台老化电梯更换"]
    assert clauses_holding(quote, 173.0) == ["心悦家园养老院173套故障电弧探测器安装"]
    assert clauses_holding("引进企业139家,实到外资1619万美元,均取得大幅增长。", 139.0) == ["引进企业139家"]
