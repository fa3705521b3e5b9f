"""What a report says in words of the plan year it closes (kpi/draft/mentions.py): a milestone's outcome from its clause."""

from __future__ import annotations

import pytest

from kpi.data.model import Milestone, Source, Text
from kpi.draft.mentions import milestone_match


def milestone(quote: str) -> Milestone:
    return Milestone(id="housing.x", theme="housing", name=Text(zh="某事项", en="An item"),
                     source=Source(report="report_2023", section="第二部分 一(一)", quote=quote))


@pytest.mark.parametrize(("promise", "clause", "status"), [
    ("启动凌兆片区社区生活服务综合体建设", "凌兆片区社区生活服务综合体建设已经启动", "done"),  # the clause says so
    ("深化街角口袋公园建设", "街角口袋公园建设稳步推进", "done"),  # a promise to carry on, and the work goes on
    ("持续开展“四百”大走访", "“四百”大走访持续开展", "done"),
    ("建成凌兆片区社区生活服务综合体", "凌兆片区社区生活服务综合体建设稳步推进", "not_done"),  # under way is not built
    ("举办东明嘉年华", "东明嘉年华筹备工作稳步推进", "not_done"),
    ("深化街角口袋公园建设", "街角口袋公园", "not_done"),  # named, and nothing said of the work
])
def test_a_named_milestone_gets_the_outcome_its_clause_supports(promise, clause, status):
    assert milestone_match(milestone(promise), clause, "第一部分 二(一)", 1.0).status == status
