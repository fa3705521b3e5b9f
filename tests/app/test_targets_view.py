"""The plan-year view with progress that staff have entered (a fixture copy of the data, via KPI_DATA_DIR)."""

from __future__ import annotations

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.texts import status_words
from tests.helpers.apptest import html_tables, html_text, open_page, texts
from tests.helpers.yaml_edit import append_to_item

DATASET = load_dataset(REPO_ROOT)
# What a staff member would add under a target or milestone (see README).
PROGRESS = {
    "safety.new_safety_posts_2024": """  progress:
  - date: 2024-03-31
    value: 10
  - date: 2024-06-30
    value: 20
    note: {zh: 第二季度新建10座, en: 10 built in the second quarter}
""",
    "housing.community_gardens_2024": """  progress:
  - date: 2024-05-31
    value: 5
""",
    "housing.lingzhao_service_complex": """  progress:
  - date: 2024-04-15
    status: in_progress
    note: {zh: 已完成设计招标, en: Design tender completed}
""",
}


def add_progress(directory):
    """Paste the staff-style progress entries above into a copy of the data."""
    path = directory / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    for item_id, block in PROGRESS.items():
        text = append_to_item(text, item_id, block)
    path.write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def with_progress(shipped_dir, monkeypatch):
    monkeypatch.setenv("KPI_DATA_DIR", str(add_progress(shipped_dir)))
    return shipped_dir


def rows(at, name: str) -> list[dict]:
    return [row for table in html_tables(at) for row in table if name in row.values()]


def test_statuses_on_a_what_if_date(with_progress):
    at = open_page("targets", as_of="2024-06-30")
    [peace] = rows(at, "新建社区平安屋")
    assert (peace["完成情况"], peace["状态"]) == ("20座（2024-06-30）", "⚠ 需加快")
    assert peace["完成率"] == f"{20 / 49 * 100:.0f}%"
    [gardens] = rows(at, "✔ 已达成")
    assert gardens["目标"] == "不少于5座" and gardens["上年实绩"] == "5座"
    [lingzhao] = rows(at, "启动凌兆生活服务综合体建设")
    assert (lingzhao["状态"], lingzhao["完成情况"]) == ("◐ 推进中", "2024-04-15 · 已完成设计招标")


def test_the_explanation_gives_the_numbers(with_progress):
    at = open_page("targets", as_of="2024-06-30", target="safety.new_safety_posts_2024")
    page = texts(at)
    assert "截至 2024-06-30 的最新记录：20（2024-06-30）。" in page
    assert "完成率 = 20 ÷ 49 = 40.8%。" in page
    assert "序时进度（计划年度已过去的比例）= 49.7%。" in page
    assert "进度比 = 完成率 ÷ 序时进度 = 82%" in page
    assert "计算所得状态：⚠ 需加快。" in page


def test_entries_after_the_as_of_date_are_not_counted(with_progress):
    at = open_page("targets", as_of="2024-04-30", target="safety.new_safety_posts_2024", lang="en")
    [peace] = rows(at, "New community safety posts")
    unit = next(x.unit.en for x in DATASET.content.targets if x.id == "safety.new_safety_posts_2024")
    assert peace["Reached"] == f"10 {unit} (2024-03-31)"
    assert "1 later entr(y/ies) after the as-of date not counted." in texts(at)


def test_after_the_plan_year_without_an_outcome_it_awaits_the_next_report(with_progress):
    at = open_page("targets", as_of="2025-01-15")
    [peace] = rows(at, "新建社区平安屋")
    assert peace["状态"] == status_words("outcome_missing", "zh", 2024)
    [gardens] = rows(at, "打造中型社区花园")  # reached during the year: stays reached
    assert gardens["状态"] == "✔ 已达成"
    [lingzhao] = rows(at, "启动凌兆生活服务综合体建设")
    assert lingzhao["状态"] == status_words("outcome_missing", "zh", 2024)


def test_overview_counts_each_status_of_the_plan_year(with_progress):
    at = open_page(as_of="2024-06-30")
    line = html_text(at)
    for words in ("⚠ 需加快 1", "✔ 已达成 1", "◐ 推进中 1"):
        assert words in line
    assert not at.error  # the plan year is still running: nothing is missing yet


def test_filter_by_status(with_progress):
    at = open_page("targets", as_of="2024-06-30", status="needs_acceleration")
    shown = [row["名称"] for table in html_tables(at) for row in table]
    assert shown == ["新建社区平安屋"]


@pytest.mark.parametrize(
    ("as_of", "zh", "en"),
    [("2024-05-31", "◷ 未到期", "◷ Not due yet"), ("2024-09-30", "… 尚无进展报告", "… No progress reported yet")],
)
def test_a_summer_programme_is_not_due_before_july_in_the_app(with_progress, as_of, zh, en):
    """?as_of= pins the date: in May the summer classes wait for their season; in September nothing reported is said."""
    [summer] = rows(open_page("targets", as_of=as_of), "爱心暑托班期数")
    assert (summer["状态"], summer["评定时间"]) == (zh, "7—8月")
    [summer] = rows(open_page("targets", as_of=as_of, lang="en"), "Summer care class sessions")
    assert (summer["Status"], summer["Judged"]) == (en, "Jul–Aug")
