"""The 2024 view with progress that staff have entered (a fixture copy of the data, via KPI_DATA_DIR)."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import open_page, texts

# What a staff member would add under a target or milestone (see README).
PEACE_HOUSES = """    quote: 新建49座社区平安屋,建立屋长负责、24小时人员固守制度。
  progress:
  - date: 2024-03-31
    value: 10
  - date: 2024-06-30
    value: 20
    note: {zh: 第二季度新建10座, en: 10 built in the second quarter}
"""
GARDENS = """  baseline: housing.community_gardens_built
  progress:
  - date: 2024-05-31
    value: 5
"""
LINGZHAO = """  name: {zh: 凌兆生活服务综合体, en: Lingzhao service complex}
  period: '2024'
  source:
    section: 第二部分 一(一)
    quote: 持续推动01-07地块开发建设,优化功能设计,启动凌兆片区社区生活服务综合体建设。
  progress:
  - date: 2024-04-15
    status: in_progress
    note: {zh: 已完成设计招标, en: Design tender completed}
"""


def add_progress(directory):
    """Write the staff-style progress entries above into a copy of the data."""
    path = directory / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    replacements = [
        ("    quote: 新建49座社区平安屋,建立屋长负责、24小时人员固守制度。\n", PEACE_HOUSES),
        ("  baseline: housing.community_gardens_built\n", GARDENS),
        (LINGZHAO[:LINGZHAO.index("  progress:")], LINGZHAO),
    ]
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def with_progress(shipped_dir, monkeypatch):
    monkeypatch.setenv("KPI_DATA_DIR", str(add_progress(shipped_dir)))
    return shipped_dir


def rows(at, column_value: str) -> list[dict]:
    return [row for df in at.dataframe for row in df.value.to_dict("records") if column_value in row.values()]


def test_statuses_on_a_what_if_date(with_progress):
    at = open_page("targets", as_of="2024-06-30")
    [peace] = rows(at, "新建社区平安屋")
    assert (peace["最新进展"], peace["日期"], peace["状态"]) == ("20座", "2024-06-30", "⚠ 需加快")
    assert peace["完成率"] == pytest.approx(20 / 49 * 100)
    [gardens] = [r for r in rows(at, "✔ 已实现")]
    assert gardens["目标"] == "不少于5座" and gardens["2023年基数"] == "5座"
    [lingzhao] = rows(at, "凌兆生活服务综合体")
    assert (lingzhao["状态"], lingzhao["说明"]) == ("◐ 推进中", "已完成设计招标")


def test_the_explanation_gives_the_numbers(with_progress):
    at = open_page("targets", as_of="2024-06-30", target="safety.new_peace_houses_2024")
    page = texts(at)
    assert "截至 2024-06-30 的最新记录：20（2024-06-30）。" in page
    assert "完成率 = 20 ÷ 49 = 40.8%。" in page
    assert "序时进度（目标期间已过去的比例）= 49.7%。" in page
    assert "进度比 = 完成率 ÷ 序时进度 = 82%" in page
    assert "计算所得状态：⚠ 需加快。" in page


def test_entries_after_the_as_of_date_are_not_counted(with_progress):
    at = open_page("targets", as_of="2024-04-30", target="safety.new_peace_houses_2024", lang="en")
    [peace] = rows(at, "New community safety posts")
    assert (peace["Latest progress"], peace["Date"]) == ("10 posts", "2024-03-31")
    assert "1 later entr(y/ies) after the as-of date not counted." in texts(at)


def test_after_the_period_an_unmet_target_is_overdue(with_progress):
    at = open_page("targets", as_of="2025-01-15")
    [peace] = rows(at, "新建社区平安屋")
    assert peace["状态"] == "✖ 逾期未完成"
    [lingzhao] = rows(at, "凌兆生活服务综合体")
    assert lingzhao["状态"] == "✖ 逾期未完成"


def test_overview_roll_up_counts_reported_items(with_progress):
    at = open_page(as_of="2024-06-30")
    assert [(m.label, m.value) for m in at.metric][:3] == [("数值目标", "10"), ("事项", "96"), ("已报告进展", "3 / 106")]
    page = texts(at)
    assert "需加快 1" in page and "已实现 1" in page and "推进中 1" in page and "尚无进展报告 103" in page
    assert "2024年目标尚无任何进展报告" not in page


def test_filter_by_status(with_progress):
    at = open_page("targets", as_of="2024-06-30", status="needs_acceleration")
    shown = [row["指标"] for df in at.dataframe for row in df.value.to_dict("records") if "状态" in row]
    assert shown == ["新建社区平安屋"]
