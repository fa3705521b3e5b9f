"""kpi/draft/naming.py: whether a clause of a new report names an item, however the report refers to it.

The list of short forms (kpi/draft/abbreviations.yaml) stays truthful: each short and each long form stands in a
report text under source/ or tests/data/. The ways a clause names an item, one table each.
"""

from __future__ import annotations

import pytest
import yaml

from kpi.data.files import REPO_ROOT
from kpi.data.model import Indicator, Milestone, Source, Target, Text, Value
from kpi.draft.draft import phrase_of
from kpi.draft.naming import (
    ABBREVIATIONS,
    PHRASE_MATCH,
    ReportClause,
    abbreviations,
    canonical,
    distinctive_parts,
    indicator_of,
    link_phrases,
    namings,
    part_naming,
)

REPORT_TEXTS = sorted([*(REPO_ROOT / "source").glob("*.txt"), *(REPO_ROOT / "tests" / "data").rglob("*.txt")])


def test_every_short_and_long_form_stands_in_a_report():
    texts = [path.read_text(encoding="utf-8-sig") for path in REPORT_TEXTS]
    entries = yaml.safe_load(ABBREVIATIONS.read_text(encoding="utf-8"))
    assert entries and all(set(entry) == {"short", "long"} for entry in entries)
    missing = [form for entry in entries for form in entry.values() if not any(form in text for text in texts)]
    assert missing == []
    assert all(len(entry["short"]) < len(entry["long"]) for entry in entries)
    assert len({entry["short"] for entry in entries}) == len({entry["long"] for entry in entries}) == len(entries)


def test_the_real_report_writes_both_forms_of_its_abbreviations():
    # The list is read from the reports: most entries stand, in both forms, in the one real report.
    [real] = [path.read_text(encoding="utf-8") for path in (REPO_ROOT / "source").glob("*.txt")]
    both = [short for short, long in abbreviations() if short in real and long in real]
    assert {"加梯", "双碳", "两免提交", "城运", "违建", "社创"} <= set(both)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("既有多层住宅加装电梯", "既有多层住宅加梯"),
        ("“碳达峰碳中和”试点", "双碳试点"),
        ("第五次全国经济普查", "第五次全国经普"),
        ("业主委员会依法成立", "业委会依法成立"),
        ("加梯签约52台", "加梯签约台"),  # numbers and punctuation out, as every phrase is compared
    ],
)
def test_long_forms_are_read_as_the_reports_short_forms(text, words):
    assert canonical(text) == words


def milestone(item_id: str, name: str, quote: str) -> Milestone:
    return Milestone(
        id=item_id,
        theme="economy",
        name=Text(zh=name, en="An item"),
        source=Source(report="report_2023", section="第二部分 一(一)", quote=quote),
    )


ITEMS = [
    milestone(
        "economy.resources",
        "用好重点企业“服务包”等资源分层分类服务",
        "用好用足重点企业“服务包”、中小微企业法律服务、“三送进企业”活动等资源,分层分类提供全链条精准服务。",
    ),
    milestone("culture.pack", "“明家悦享服务包”", "不断丰富“明家悦享服务包”内容"),
    milestone("housing.lifts", "既有多层住宅加装电梯", "合力推动既有多层住宅加装电梯工作。"),
    milestone("city.lift_monitoring", "电梯监测应用场景", "电梯监测等实用新场景"),
    milestone("ecology.forest", "林长制工作制度与民间林长队伍", "健全林长制工作制度,加强民间林长队伍建设。"),
    milestone("economy.visits", "持续开展企业走访", "持续开展企业走访,不断扩大企业服务覆盖面。"),
]


def clause(text: str, start: int = 0) -> ReportClause:
    return ReportClause(text, "第一部分 一(二)", canonical(text), start, start + len(text))


@pytest.mark.parametrize(
    ("text", "item_id", "part"),
    [
        ("为31家重点企业发放服务包", "economy.resources", "服务包"),  # a quoted name of the compound name
        ("开展“三送进企业”活动40余场", "economy.resources", "三送进企业"),  # a quoted name of its quote
        ("不断丰富明家悦享服务包内容", "economy.resources", ""),  # 服务包 inside another item's longer name
        ("不断丰富明家悦享服务包内容", "culture.pack", "明家悦享服务包"),
        ("加梯签约52台、竣工23台", "housing.lifts", "加梯"),  # the short form of its long form
        ("电梯监测平台上线", "housing.lifts", ""),
        ("民间林长队伍壮大", "ecology.forest", "民间林长队伍"),  # one part of a compound name
    ],
)
def test_a_distinctive_part_names_its_item(text, item_id, part):
    assert part_naming(item_id, clause(text), distinctive_parts(ITEMS)) == part


def test_a_part_two_items_share_names_neither():
    twins = [
        milestone("a.one", "“东明艺术+”项目", "开展“东明艺术+”项目"),
        milestone("a.two", "“东明艺术+”展览", "举办“东明艺术+”展览"),
    ]
    parts = distinctive_parts(twins)
    assert [part_naming(item.id, clause("“东明艺术+”精彩纷呈"), parts) for item in twins] == ["", ""]


def indicator(item_id: str, name: str, quote: str, value: float) -> Indicator:
    return Indicator(
        id=item_id,
        theme="economy",
        name=Text(zh=name, en="A figure"),
        unit=Text(zh="家次", en="visits"),
        values=[
            Value(
                period="2023", value=value, source=Source(report="report_2023", section="第一部分 一(三)", quote=quote)
            )
        ],
    )


def test_a_milestone_is_named_by_a_figure_of_the_indicator_it_continues():
    visits = indicator("economy.enterprise_visits", "走访联系企业", "走访联系企业300余家次。", 300)
    campaign = indicator("government.community_visits", "“四百”大走访", "开展“四百”大走访298次。", 298)
    phrases = link_phrases([visits, campaign], phrase_of)
    item = ITEMS[-1]
    assert indicator_of(item, [visits, campaign], phrases) == "economy.enterprise_visits"
    found = clause("走访联系企业350余家次", 100)
    matched = {"economy.enterprise_visits": [106]}  # the figure 350 stands inside the clause
    [named] = namings(item, [found], distinctive_parts([item]), "economy.enterprise_visits", matched)
    assert (named.how, named.score < PHRASE_MATCH) == ("figure economy.enterprise_visits", True)
    assert namings(item, [found], distinctive_parts([item]), "economy.enterprise_visits", {}) == []


def test_a_target_is_named_by_a_figure_of_its_baseline():
    target = Target(
        id="safety.posts_2024",
        theme="safety",
        name=Text(zh="新建社区平安屋", en="Posts"),
        value=49,
        unit=Text(zh="座", en="posts"),
        comparison="at_least",
        baseline="safety.safety_posts_built",
        source=Source(report="report_2023", section="第二部分 五(二)", quote="新建49座社区平安屋"),
    )
    assert indicator_of(target, [], {}) == "safety.safety_posts_built"
