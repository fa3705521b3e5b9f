"""What a report says in words of the plan year it closes (kpi/draft/mentions.py): a milestone's outcome from its clause."""

from __future__ import annotations

import pytest

from kpi.data.model import Milestone, Source, Text
from kpi.draft.mentions import milestone_match


def milestone(quote: str) -> Milestone:
    return Milestone(
        id="housing.x",
        theme="housing",
        name=Text(zh="某事项", en="An item"),
        source=Source(report="report_2023", section="第二部分 一(一)", quote=quote),
    )


@pytest.mark.parametrize(
    ("promise", "clause", "counts", "status"),
    [
        (
            "启动凌兆片区社区生活服务综合体建设",
            "凌兆片区社区生活服务综合体建设已经启动",
            0,
            "done",
        ),  # starting is what it promised
        ("深化街角口袋公园建设", "街角口袋公园建设稳步推进", 0, "done"),  # a promise to carry on, and the work goes on
        ("持续开展“四百”大走访", "“四百”大走访持续开展", 0, "done"),
        (
            "推进街区微型消防站",
            "新建街区微型消防站3个",
            1,
            "done",
        ),  # a count of what was built (issue 23: was not_done)
        ("持续开展企业走访", "走访联系企业350余家次", 1, "done"),
        ("举办首届“健康生活节”", "首届“健康生活节”圆满举办", 0, "done"),  # a completion verb
        ("建成凌兆片区社区生活服务综合体", "凌兆片区社区生活服务综合体建成投用", 0, "done"),
        (
            "建成凌兆片区社区生活服务综合体",
            "凌兆片区社区生活服务综合体建设稳步推进",
            0,
            "not_done",
        ),  # under way is not built
        (
            "建成凌兆片区社区生活服务综合体",
            "凌兆片区社区生活服务综合体建设已经启动",
            0,
            "not_done",
        ),  # started is not built
        ("举办东明嘉年华", "东明嘉年华筹备工作稳步推进", 0, "not_done"),
        ("启动东明博物馆", "东明博物馆项目推迟启动", 0, "not_done"),  # the clause says it was put off
        ("深化街角口袋公园建设", "街角口袋公园", 0, "unclear"),  # named, and nothing said of the work: a person decides
        ("举办首届“健康生活节”", "首届“健康生活节”反响热烈", 0, "unclear"),
        ("加快建设全域数字孪生地图", "依托全域数字孪生地图研判风险隐患", 0, "unclear"),
        (
            "建成凌兆片区社区生活服务综合体",
            "凌兆片区社区生活服务综合体完成投资60%",
            0,
            "done",
        ),  # a completion verb: the
        # reviewer reads the quote (a share is never counted as things done: counts is 0 for 60%)
    ],
)
def test_a_named_milestone_gets_the_outcome_its_clause_supports(promise, clause, counts, status):
    assert milestone_match(milestone(promise), clause, "第一部分 二(一)", 1.0, counts).status == status
