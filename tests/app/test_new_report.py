"""A new report arrives: the README's steps with the fictional next report, then what every page shows.

The fixture (tests/data/report_2024_fictional) is clearly marked test data and never loaded by the shipped
app: it restates two 2023 figures (one revised), gives 2024 values and one new figure, closes 2024 targets
(achieved, missed, an approximate target met) and milestones, and sets 2025 targets. The steps are the
README's, each a new process: draft → review (tests/helpers/fixture_report.py REVIEW, one row per edit) → apply →
validate; then the pages. Dates are explicit: every page judging the 2024 targets is opened as of 2025-03-01.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter
from datetime import date

import pytest
import yaml

from components.tables import figures_csv
from kpi.data.file_checks import review_marks
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.format import section_label
from kpi.progress import assess_all
from kpi.report.statements import check_all
from kpi.texts import status_words, t
from tests.conftest import copy_data_dir
from tests.content.test_report_data import closing_note
from tests.helpers.apptest import html_headings, html_tables, html_text, open_page, plain, texts, tile_parts, vintage
from tests.helpers.fixture_report import DRAFT, FIXTURE, REPORT_FILE, REPORT_ID, REVIEW, add_fixture_report, kpi, review

AS_OF = "2025-03-01"  # after the 2024 plan year, before the 2025 one ends
CLOSED = 2024


SAID: dict[str, str] = {}  # what each README step printed

AS_OF = "2025-03-01"  # the fixture report is out (2025-01-22): the 2024 plan year is judged on its outcomes


@pytest.fixture(scope="module")
def next_report_dir(tmp_path_factory):
    return add_fixture_report(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("next_report")), SAID)


@pytest.fixture
def next_report(next_report_dir, monkeypatch):
    monkeypatch.setenv("KPI_DATA_DIR", str(next_report_dir))
    return load_dataset(next_report_dir)


def test_the_readme_steps_validate(next_report_dir):
    assert "2 份报告（report_2023, report_2024_fictional）" in SAID["validate"]


def test_apply_says_what_the_readme_shows(next_report_dir):
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    [shown] = [line.strip() for line in readme.splitlines() if line.strip().startswith("report_2024：")]
    # The counts follow the data; the README shows the wording.
    assert re.sub(r"\d+", "N", SAID["apply"]) == re.sub(r"\d+", "N", shown.replace("report_2024", REPORT_ID)) + "\n"


@pytest.fixture(scope="module")
def unreviewed(tmp_path_factory) -> str:
    """The draft as `python -m kpi draft` writes it for the fictional report, before anyone reviews it."""
    directory = copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("unreviewed"))
    (directory / REPORT_FILE).write_bytes((FIXTURE / "report.txt").read_bytes())
    result = kpi("draft", str(directory / REPORT_FILE), "--report", REPORT_ID, "--out", str(directory / DRAFT), "--data", str(directory))
    assert result.returncode == 0, result.stdout + result.stderr
    return (directory / DRAFT).read_text(encoding="utf-8")


def test_the_review_is_a_short_counted_list_of_edits(unreviewed, capsys):
    marks = list(review_marks(yaml.safe_load(unreviewed)))
    deleted = sum(new is None for _, new in REVIEW)
    with capsys.disabled():
        print(f"\nfictional report: {len(marks)} review marks in the draft; {len(REVIEW)} edits after it "
              f"({deleted} entries deleted, {len(REVIEW) - deleted} marks filled or words changed)")
    assert (len(marks), len(REVIEW)) == (18, 14)
    assert list(review_marks(yaml.safe_load(review(unreviewed)))) == []


def test_draft_and_apply_take_seconds_as_new_processes(tmp_path, capsys):
    seconds = []
    for run in range(3):
        (tmp_path / str(run)).mkdir()
        directory = copy_data_dir(REPO_ROOT, tmp_path / str(run))
        (directory / REPORT_FILE).write_bytes((FIXTURE / "report.txt").read_bytes())
        started = time.perf_counter()
        assert kpi("draft", str(directory / REPORT_FILE), "--report", REPORT_ID, "--out", str(directory / DRAFT),
                   "--data", str(directory)).returncode == 0
        drafted = time.perf_counter()
        (directory / DRAFT).write_text(review((directory / DRAFT).read_text(encoding="utf-8")), encoding="utf-8")
        reviewed = time.perf_counter()
        applied = kpi("apply", str(directory / DRAFT), "--data", str(directory))
        assert applied.returncode == 0, applied.stdout + applied.stderr
        seconds.append(drafted - started + time.perf_counter() - reviewed)
    with capsys.disabled():
        print(f"\ndraft + apply, as new processes: median {statistics.median(seconds):.2f} s of {[round(s, 2) for s in seconds]}")
    assert statistics.median(seconds) < 30


def test_no_item_of_the_closed_year_is_left_without_an_outcome(next_report, capsys):
    assessed = assess_all(next_report.content, date.fromisoformat(AS_OF))
    targets, milestones = next_report.planned(CLOSED)
    counts = Counter(assessed[item.id].status for item in (*targets, *milestones))
    with capsys.disabled():
        print(f"\n{CLOSED} outcomes after draft → review → apply: {dict(sorted(counts.items()))}")
    assert counts["outcome_missing"] == 0
    assert sum(counts.values()) == len(targets) + len(milestones)
    assert counts == Counter({"not_mentioned": counts["not_mentioned"], "achieved": 3, "missed": 1, "done": 2})


def tile(at, name: str) -> tuple[str, str]:
    """(value, change) of the tile with that label."""
    return next((value, change) for label, value, change in tile_parts(at) if label == name)


def test_tiles_show_the_new_period_and_the_change(next_report):
    at = open_page("economy")
    assert tile(at, "引进企业") == ("152家", "↑ +13家 较截至2023年11月")  # a full year now: no period in the label
    assert "截至2023年11月 → 2024（两期长度不同：11个月与12个月）: 139家 → 152家" in texts(at)  # a tap on the tile
    assert tile(at, "财政总收入") == ("3.02亿元", "↑ +0.12亿元 较2023")  # against the restated (revised) 2023 figure
    assert tile(open_page("economy", lang="en"), "Enterprises attracted") == ("152 enterprises", "↑ +13 enterprises vs Jan–Nov 2023")


def test_the_header_names_the_newest_report(next_report):
    captions = vintage(open_page())
    assert "《东明路街道办事处2024年工作报告（虚构测试数据）》（2025-01-22 发布），数据期间：2024，其中2项为2023" in captions


def test_detail_page_shows_every_period_and_every_statement(next_report):
    at = open_page("indicator", id="economy.total_fiscal_revenue")
    assert "各期数值是多少？" in html_text(at)
    [history] = html_tables(at)
    assert [(row["期间"], row["数值"], row["说明"]) for row in history] == [
        ("2023", "2.9亿元", "当前显示"), ("2023", "2.88亿元", "已由 report_2024_fictional 修订"), ("2024", "3.02亿元", "当前显示")]
    assert "经核定,2023年实现财政总收入2.90亿元。" in texts(at)


def test_csv_has_one_row_per_figure_and_period_with_its_report(next_report):
    data = figures_csv(next_report, "economy", "en")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Figure,Value,Period,Number (base unit),Unit,Qualifier,Report,Section,Quote,Id"
    assert [line for line in lines if line.endswith(",economy.total_fiscal_revenue")] == [
        "Total fiscal revenue,290 million yuan,2023,290000000.0,yuan,,report_2024_fictional,Part 1 · 1(1),"
        "\"经核定,2023年实现财政总收入2.90亿元。\",economy.total_fiscal_revenue",
        "Total fiscal revenue,302 million yuan,2024,302000000.0,yuan,,report_2024_fictional,Part 1 · 1(1),"
        "实现财政总收入3.02亿元。,economy.total_fiscal_revenue"]


def test_the_theme_page_charts_what_went_up_and_down(next_report):
    at = open_page("economy")
    assert "与上一期相比，哪些重点指标上升、哪些下降？" in html_text(at)
    [change] = [table for table in html_tables(at) if "变化" in table[0]]
    assert {row["指标"]: row["变化"] for row in change} == {"引进企业": "+9.4%", "吸引内资": "+10.1%", "实到外资": "+5.0%",
                                                       "财政总收入": "+4.1%"}
    assert "* 两期长度不同" in html_text(at)


def test_targets_default_to_the_newest_plan_year(next_report):
    at = open_page("targets", as_of=AS_OF)
    assert html_headings(at, 2)[0] == "2025年目标与事项"
    [table] = html_tables(at)
    assert {row["名称"] for row in table} == {"新建社区平安屋", "打造中型社区花园", "建成凌兆生活服务综合体"}


@pytest.mark.parametrize(("name", "status", "reached"), [
    ("新建社区平安屋", "✔ 已达成", "52座（report_2024_fictional）"),
    ("打造中型社区花园", "✖ 未达成", "3座（report_2024_fictional）"),
])
def test_last_years_targets_are_closed_by_the_new_report(next_report, name, status, reached):
    at = open_page("targets", year="2024", as_of=AS_OF)
    [row] = [r for table in html_tables(at) for r in table if r["名称"] == name]
    assert (row["状态"], row["完成情况"]) == (status, reached)


def test_an_approximate_target_is_met_within_its_tolerance(next_report):
    target = next(x for x in next_report.content.targets if x.id == "housing.construction_waste_points_2024")
    at = open_page("targets", year="2024", target=target.id, as_of=AS_OF)
    assert "“约”表示大约：达到目标值的 10% 以内（9）即视为达成。" in texts(at)
    assert "计算所得状态：✔ 已达成。" in texts(at)


def test_the_closed_year_shows_every_outcome_and_no_staff_backlog(next_report):
    at = open_page("targets", year=str(CLOSED), as_of=AS_OF)
    statuses = {r["名称"]: r["状态"] for table in html_tables(at) for r in table}
    assert (statuses["凌兆生活服务综合体"], statuses["街角口袋公园建设"]) == ("✔ 已完成", "✔ 已完成")
    silent = status_words("not_mentioned", "zh", CLOSED)
    assert silent == "– 2024年报告未提及"
    assert list(statuses.values()).count(silent) == len(statuses) - 6  # all but the six the report names
    assert status_words("outcome_missing", "zh", CLOSED) not in statuses.values()
    assert not at.error


def test_the_data_check_page_has_no_outcome_to_enter(next_report):
    at = open_page("check", as_of=AS_OF)
    assert "结果未录入：0 项" in [plain(h.value) for h in at.subheader]
    english = open_page("check", as_of=AS_OF, lang="en")
    assert "Outcomes not entered: 0" in [plain(h.value) for h in english.subheader]


def test_the_data_check_page_lists_the_revision(next_report):
    at = open_page("check", as_of=AS_OF)
    assert "报告之间数值不一致：1 处" in [plain(h.value) for h in at.subheader]
    [revision] = [df.value for df in at.dataframe if "较早报告" in df.value]
    assert revision.iloc[0].tolist() == ["财政总收入", "2023", "2.9亿元 (report_2024_fictional)", "2.88亿元 (report_2023)",
                                         "economy.total_fiscal_revenue", f"indicators.yaml:{next_report.lines['economy.total_fiscal_revenue']}"]


@pytest.fixture(scope="module")
def applied_dir(tmp_path_factory):
    """The data after draft, review, apply and validate, before the check's exclusions (README step 5)."""
    return add_fixture_report(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("applied")), check=False)


def test_after_apply_the_check_finds_what_the_new_report_states_and_the_data_lacks(applied_dir):
    # The reviewed draft curates every figure, target and milestone of the new report; left are the numbers that
    # are no figure (its years, the glossary's list number), which the reviewer then excludes (EXCLUSIONS).
    checks = {c.report: c for c in check_all(load_dataset(applied_dir))}
    assert [s for report, c in checks.items() if report != REPORT_ID for s in c.missing] == []
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8")
    assert [(s.kind, text[s.start:s.end], s.section) for s in checks[REPORT_ID].missing] == [
        ("number", "2024", ""), ("number", "2024", "第一部分 2024年工作回顾"), ("number", "2024", "第一部分 一(一)"),
        ("number", "2023", "第一部分 一(一)"), ("number", "2023", "第一部分 四(一)"), ("number", "2025", "第二部分 2025年主要任务"),
        ("number", "1", "")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_after_apply_the_data_check_page_lists_the_new_reports_statements(applied_dir, monkeypatch, lang):
    monkeypatch.setenv("KPI_DATA_DIR", str(applied_dir))
    at = open_page("check", as_of=AS_OF, **({} if lang == "zh" else {"lang": lang}))
    missing = {c.report: c for c in check_all(load_dataset(applied_dir))}[REPORT_ID].missing
    assert t("check_uncurated", lang, n=len(missing)) in [plain(h.value) for h in at.subheader]
    captions = [plain(c.value) for c in at.caption]
    assert t("check_uncurated_none", lang, reports="report_2023", file="exclusions.yaml") in captions
    [table] = [df.value for df in at.dataframe if t("col_kind", lang) in df.value.columns]
    columns = [t(key, lang) for key in ("col_report", "col_section", "col_kind", "col_quote", "col_line")]
    front, part_one = t("section_front", lang), section_label("第一部分 一(一)", lang)
    rows = [tuple(row) for row in table[columns].itertuples(index=False)]
    assert rows[:3] == [
        (REPORT_ID, front, t("kind_number", lang), "东明路街道办事处2024年工作报告（虚构测试数据）", f"{REPORT_FILE}:1"),
        (REPORT_ID, section_label("第一部分 2024年工作回顾", lang), t("kind_number", lang), "第一部分 2024年工作回顾", f"{REPORT_FILE}:4"),
        (REPORT_ID, part_one, t("kind_number", lang), "2024年", f"{REPORT_FILE}:6")]
    assert len(rows) == len(missing) and rows[-1] == (REPORT_ID, t("glossary", lang), t("kind_number", lang), "1. 平安屋:社区治安值守点",
                                                      f"{REPORT_FILE}:20")


def test_every_statement_of_both_reports_is_curated_or_excluded(next_report, capsys):
    # The completeness check of tests/content/test_report_data.py, on the data with the fictional report added.
    checks = check_all(next_report)
    with capsys.disabled():
        print("\n" + closing_note(next_report, checks[-1]))
    assert [c.report for c in checks] == ["report_2023", REPORT_ID]
    assert [(c.report, s.kind, s.text) for c in checks for s in c.missing] == []
    assert [(c.report, stale) for c in checks for stale in c.stale] == []


def test_the_fictional_report_stays_out_of_the_shipped_data():
    shipped = load_dataset(REPO_ROOT)
    assert REPORT_ID not in shipped.reports
    assert not (REPO_ROOT / "source" / "report_2024_fictional.txt").exists()
    assert REPORT_ID not in (REPO_ROOT / "indicators.yaml").read_text(encoding="utf-8")
