"""The new report's glossary (kpi/draft/terms.py): each line read as a term and its definition."""

from __future__ import annotations

import pytest

from kpi.draft.terms import glossary_entries


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("1. 平安屋:社区治安值守点。", ("平安屋", "社区治安值守点。")),
        (
            "2．两免提交：两个免于提交,指凡是本市政府部门核发的材料。",
            ("两免提交", "两个免于提交,指凡是本市政府部门核发的材料。"),
        ),
        ("12. 一网通办: 政务服务:线上办理。", ("一网通办", "政务服务:线上办理。")),
    ],
)
def test_glossary_lines_are_read_as_term_and_definition(line, entry):
    assert glossary_entries(f"示例报告\n第一部分 2024年工作回顾\n正文。\n《示例》名词解释\n{line}\n")[0] == [entry]
