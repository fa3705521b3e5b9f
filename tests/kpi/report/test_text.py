"""A report's text (kpi/report/text.py): read from its file, and navigated as readers do."""

from __future__ import annotations

import pytest

from kpi.report.text import (
    ReportTextError,
    decode_report,
    paragraph_around,
    report_parts,
    section_titles,
    sentence_span,
)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("第一部分\n引进企业139家。\n".encode(), "第一部分\n引进企业139家。\n"),
        ("\ufeff第一部分\r\n引进企业139家。\r\n".encode(), "第一部分\n引进企业139家。\n"),  # Notepad: BOM and CRLF
    ],
)
def test_utf8_with_or_without_bom_lf_or_crlf(raw, text):
    assert decode_report(raw) == text


@pytest.mark.parametrize(
    ("raw", "line", "column", "fragment"),
    [
        ("标题\n引进企业139家。\n".encode("gbk"), 1, 1, "不是 UTF-8"),
        ("标题\n".encode() + "引进企业139家。".encode("gbk"), 2, 1, "GBK"),
        ("标题\n引进".encode() + "企业".encode("gbk"), 2, 3, "0xc6"),
        ("标题".encode("utf-16"), 1, 1, "UTF-16"),
        ("标题\r引进企业".encode(), 1, 3, "CR"),
        ("标题\n引进\x00企业".encode(), 2, 3, "不是文本文件"),
    ],
)
def test_other_encodings_get_a_located_error(raw, line, column, fragment):
    with pytest.raises(ReportTextError) as error:
        decode_report(raw)
    assert (error.value.line, error.value.column) == (line, column)
    assert fragment in error.value.format("r.txt")


REPORT = (
    "示例报告\n第一部分 2023年工作回顾\n一、经济发展\n(二)经济发展稳中有进。引进企业139家,吸引内资3.45亿元。走访300余家！\n"
    "第二部分 2024年主要任务\n新建49座社区平安屋。\n《东明路街道办事处工作报告》名词解释\n1. 平安屋:社区治安值守点。\n"
)


def test_a_report_splits_into_front_matter_parts_chapters_and_the_glossary():
    parts = report_parts(REPORT)
    assert [(p.heading, [(c.heading, len(c.paragraphs)) for c in p.chapters]) for p in parts] == [
        ("", [("", 1)]),
        ("第一部分 2023年工作回顾", [("一、经济发展", 1)]),
        ("第二部分 2024年主要任务", [("", 1)]),
        ("《东明路街道办事处工作报告》名词解释", [("", 1)]),
    ]


@pytest.mark.parametrize(
    ("quote", "around"),
    [
        ("引进企业139家", ("(二)经济发展稳中有进。", "引进企业139家", ",吸引内资3.45亿元。走访300余家！")),
        ("新建49座", ("", "新建49座", "社区平安屋。")),
        ("不在报告中", ("", "", "")),
    ],
)
def test_the_paragraph_around_a_quote(quote, around):
    assert paragraph_around(REPORT, quote) == around


@pytest.mark.parametrize(
    ("quote", "sentence"),
    [
        ("引进企业139家", "引进企业139家,吸引内资3.45亿元。"),
        (
            "吸引内资3.45亿元。走访",
            "引进企业139家,吸引内资3.45亿元。走访300余家！",
        ),  # a quote across two sentences: both
        ("社区平安屋", "新建49座社区平安屋。"),
    ],
)
def test_the_sentence_around_a_quote(quote, sentence):
    start, end = sentence_span(REPORT, quote)
    assert REPORT[start:end] == sentence and sentence_span(REPORT, "不在报告中") is None


def test_section_titles_are_the_reports_own_words():
    assert section_titles(REPORT) == {"第一部分 一(二)": "经济发展稳中有进"}
