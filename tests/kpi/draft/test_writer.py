"""The draft file (kpi/draft/writer.py): YAML in the sections apply reads, its texts quoted safely, only the three marks."""

from __future__ import annotations

import pytest
import yaml

from kpi.data.file_checks import DECIDE_MARK, review_marks
from kpi.draft.writer import yaml_text
from tests.helpers.fixture_report import REPORT_ID


@pytest.mark.parametrize(
    "text", ["引进企业139家,吸引内资3.45亿元", "说明: 值", "it's", "# 不是注释", "“两免提交”利用率"]
)
def test_yaml_text_round_trips(text):
    assert yaml.safe_load(f"quote: {yaml_text(text)}") == {"quote": text}


def test_the_draft_is_yaml_in_the_sections_apply_reads(fixture_draft, fixture_yaml):
    draft, content = fixture_draft
    loaded = yaml.safe_load(fixture_yaml)
    assert list(loaded) == ["reports", "values", "indicators", "outcomes", "targets", "milestones", "terms"]
    assert [group["indicator"] for group in loaded["values"]] == list(dict.fromkeys(m.item_id for m in draft.values))
    outcomes = {entry["id"]: entry["outcome"] for entry in loaded["outcomes"]}
    assert outcomes["housing.pocket_parks"]["status"] == "done"  # a promise to carry on, and the work goes on
    assert (
        outcomes["livelihood.healthy_living_festival_2024"]["status"] == f"{DECIDE_MARK} done / not_done"
    )  # named, no more
    assert outcomes["housing.model_sorting_estates_2024"] == {"not_mentioned_in": REPORT_ID}
    closing = [x for x in (*content.targets, *content.milestones) if content.plan_year(x) == 2024]
    assert len(outcomes) == len(loaded["outcomes"]) == len(closing)  # one outcome for every item of the closed year


def test_every_mark_of_the_draft_is_one_of_the_four(fixture_yaml):
    text = fixture_yaml
    marks = {(finding.code, finding.loc[0]) for finding in review_marks(yaml.safe_load(text))}
    assert marks == {
        ("review_null", "reports"),
        ("review_translate", "reports"),
        ("review_todo_id", "indicators"),
        ("review_translate", "indicators"),
        ("review_null", "indicators"),
        ("review_decide", "outcomes"),
        ("review_todo_id", "targets"),
        ("review_translate", "targets"),
        ("review_todo_id", "terms"),
        ("review_translate", "terms"),
    }
    header = text.split("\n\n", 1)[0]
    assert all(mark in header for mark in ("null", "待译 to translate:", "TODO", DECIDE_MARK))
