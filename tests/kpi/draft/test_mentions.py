"""What a report says in words of the plan year it closes (kpi/draft/mentions.py): a milestone's outcome from its clause."""

from __future__ import annotations

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.model import Milestone, Source, Text
from kpi.draft.mentions import close_year, completion_after, milestone_match
from tests.helpers.sample_reports import COUNTED_COMPLETIONS


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


@pytest.fixture(scope="module")
def closing_2024():
    """What the sample review of 2024 says of each milestone the real 2023 report set for 2024."""
    content = load_dataset(REPO_ROOT).content
    closing = close_year(content, COUNTED_COMPLETIONS, 2024, set(), [])
    return {m.milestone_id: (m.status, m.quote) for m in closing.milestones}


@pytest.mark.parametrize(
    ("milestone_id", "quote"),
    [
        # Before: unclear (the naming clause says nothing of the outcome): a person had to decide.
        ("livelihood.parenting_guidance_stations", "增设科学育儿指导站,建成3处"),
        # Before: not_done (a promise to finish, and its clause says only that work goes on).
        ("elderly.elderly_service_centre_upgrade", "为老服务中心升级改造稳步推进,完成1个"),
        # Before: done, but quoting only "稳步推进": the count is the evidence a reviewer wants to see.
        ("housing.estate_renewal_new_round", "翠竹苑等部分小区新一轮综合整新工程稳步推进,完成5个"),
        ("grassroots.dongming_72_proposals_2024", "“东明72变”美好社区提案征集稳步推进,办结72件"),
    ],
)
def test_a_count_of_what_was_finished_completes_the_item_named_just_before_it(closing_2024, milestone_id, quote):
    assert closing_2024[milestone_id] == ("done", quote)


def test_a_count_of_something_else_completes_nothing():
    """完成专家聘任12名 counts experts appointed, not the think tank: the count must stand alone."""
    assert completion_after("建立明心东明智库,完成专家聘任12名。", len("建立明心东明智库")) == ""
    assert completion_after("增设科学育儿指导站,建成3处。", len("增设科学育儿指导站")) == "建成3处"
    assert completion_after("增设科学育儿指导站。建成3处。", len("增设科学育儿指导站")) == ""  # another sentence
