"""A new report arrives: the README's steps with the fictional next report, then what every page shows.

The fixture (tests/data/report_2024_fictional) is clearly marked test data and never loaded by the shipped
app: it restates two 2023 figures (one revised), gives 2024 values and one new figure, closes 2024 targets
(achieved, missed, an approximate target met) and a milestone, and sets 2025 targets.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from components.tables import figures_csv
from kpi.dataset import REPO_ROOT, load_dataset
from kpi.progress import assess_all
from kpi.status import status_words
from tests.apptest_helpers import open_page, plain, texts
from tests.conftest import copy_data_dir
from tests.fixture_report import REPORT_ID, add_fixture_report, lines_added

AS_OF = "2025-03-01"  # the fixture report is out (2025-01-22): the 2024 plan year is judged on its outcomes


@pytest.fixture(scope="module")
def next_report_dir(tmp_path_factory):
    return add_fixture_report(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("next_report")))


@pytest.fixture
def next_report(next_report_dir, monkeypatch):
    monkeypatch.setenv("KPI_DATA_DIR", str(next_report_dir))
    return load_dataset(next_report_dir)


def tile(at, name: str):
    return next(m for m in at.metric if plain(m.label) == name)


def test_the_readme_steps_validate(next_report_dir):
    result = subprocess.run([sys.executable, "-m", "kpi", "validate", str(next_report_dir)], cwd=REPO_ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 份报告（report_2023, report_2024_fictional）" in result.stdout
    assert 100 < lines_added() < 150  # what staff paste for this report (reported in the closing note)


def test_tiles_show_the_new_period_and_the_change(next_report):
    at = open_page("economy")
    enterprises = tile(at, "引进企业")  # a full year now: no period in the label
    assert (enterprises.value, enterprises.delta, enterprises.proto.delta_description) == ("152家", "+13家", "较截至2023年11月")
    assert "截至2023年11月 → 2024（两期长度不同：11个月与12个月）: 139家 → 152家" in plain(enterprises.help)
    revenue = tile(at, "财政总收入")  # compared with the restated (revised) 2023 figure
    assert (revenue.value, revenue.delta, revenue.proto.delta_description) == ("3.02亿元", "+0.12亿元", "较2023")
    english = open_page("economy", lang="en")
    assert tile(english, "Enterprises attracted").delta == "+13 enterprises"


def test_the_header_names_the_newest_report(next_report):
    captions = " ".join(plain(c.value) for c in open_page().caption)
    assert "《东明路街道办事处2024年工作报告（虚构测试数据）》（2025-01-22 发布），数据期间：2024，其中2项为2023" in captions


def test_detail_page_shows_every_period_and_every_statement(next_report):
    at = open_page("indicator", id="economy.total_fiscal_revenue")
    assert len(at.get("plotly_chart")) == 1
    [history] = [df.value for df in at.dataframe]
    assert [tuple(row) for row in history[["期间", "数值", "说明"]].itertuples(index=False)] == [
        ("2023", "2.9亿元", "当前显示"), ("2023", "2.88亿元", "已由 report_2024_fictional 修订"), ("2024", "3.02亿元", "当前显示")]
    assert "经核定,2023年实现财政总收入2.90亿元" in texts(at)


def test_csv_has_one_row_per_figure_and_period_with_its_report(next_report):
    data = figures_csv([next_report.indicators["economy.total_fiscal_revenue"]], next_report, "en")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Figure,Period,Value,Number (base unit),Unit,Qualifier,Report,Section,Quote,Id"
    assert lines[1:] == [
        "Total fiscal revenue,2023,290 million yuan,290000000.0,yuan,,report_2024_fictional,Part 1 · 1(1),"
        "\"经核定,2023年实现财政总收入2.90亿元\",economy.total_fiscal_revenue",
        "Total fiscal revenue,2024,302 million yuan,302000000.0,yuan,,report_2024_fictional,Part 1 · 1(1),"
        "实现财政总收入3.02亿元,economy.total_fiscal_revenue"]


def test_the_theme_page_charts_what_went_up_and_down(next_report):
    at = open_page("economy")
    assert "与上一期相比，哪些重点指标上升、哪些下降？" in texts(at)
    [change] = [df.value for df in at.dataframe if "变化" in df.value]
    assert dict(zip(change["指标"], change["变化"])) == {"引进企业": "+9.4%", "吸引内资": "+10.1%", "实到外资": "+5.0%",
                                                       "财政总收入": "+4.1%"}
    assert "* 两期长度不同" in texts(at)


def test_targets_default_to_the_newest_plan_year(next_report):
    at = open_page("targets")
    assert plain(at.header[0].value) == "2025年目标与事项"
    [table] = [df.value for df in at.dataframe]
    assert set(table["名称"]) == {"新建社区平安屋", "打造中型社区花园", "建成凌兆生活服务综合体"}


@pytest.mark.parametrize(("name", "status", "reached"), [
    ("新建社区平安屋", "✔ 已达成", "52座（report_2024_fictional）"),
    ("打造中型社区花园", "✖ 未达成", "3座（report_2024_fictional）"),
])
def test_last_years_targets_are_closed_by_the_new_report(next_report, name, status, reached):
    at = open_page("targets", year="2024", as_of=AS_OF)
    [row] = [r for df in at.dataframe for r in df.value.to_dict("records") if r["名称"] == name]
    assert (row["状态"], row["完成情况"]) == (status, reached)


def test_an_approximate_target_is_met_within_its_tolerance(next_report):
    target = next(x for x in next_report.content.targets if x.id == "housing.construction_waste_points_2024")
    at = open_page("targets", year="2024", target=target.id, as_of=AS_OF)
    assert "“约”表示大约：达到目标值的 10% 以内（9）即视为达成。" in texts(at)
    assert "计算所得状态：✔ 已达成。" in texts(at)


def test_a_milestone_is_closed_and_the_rest_wait_for_staff(next_report):
    at = open_page("targets", year="2024", as_of=AS_OF)
    statuses = {r["名称"]: r["状态"] for df in at.dataframe for r in df.value.to_dict("records")}
    assert statuses["凌兆生活服务综合体"] == "✔ 已完成"
    assessed = assess_all(next_report.content, date.fromisoformat(AS_OF))
    waiting = [x for x in [*next_report.planned(2024)[0], *next_report.planned(2024)[1]] if assessed[x.id].status == "outcome_missing"]
    assert list(statuses.values()).count(status_words("outcome_missing", "zh", 2024)) == len(waiting) > 0
    assert "2024年计划年度已结束" in at.error[0].value


def test_the_data_check_page_lists_the_revision(next_report):
    at = open_page("check")
    assert "报告之间数值不一致：1 处" in [plain(h.value) for h in at.subheader]
    [revision] = [df.value for df in at.dataframe if "较早报告" in df.value]
    assert revision.iloc[0].tolist() == ["财政总收入", "2023", "2.9亿元 (report_2024_fictional)", "2.88亿元 (report_2023)",
                                         "economy.total_fiscal_revenue", f"indicators.yaml:{next_report.lines['economy.total_fiscal_revenue']}"]


def test_the_fictional_report_stays_out_of_the_shipped_data():
    shipped = load_dataset(REPO_ROOT)
    assert REPORT_ID not in shipped.reports
    assert not (REPO_ROOT / "source" / "report_2024_fictional.txt").exists()
    assert REPORT_ID not in (REPO_ROOT / "indicators.yaml").read_text(encoding="utf-8")
