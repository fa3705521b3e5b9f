"""A new report arrives: the README's steps with the fictional next report, then what every page shows.

The fixture (tests/data/report_2024_fictional) is clearly marked test data and never loaded by the shipped
app: it restates two 2023 figures (one revised), gives 2024 values and one new figure, closes 2024 targets
(achieved, missed, an approximate target met) and milestones, and sets 2025 targets. The steps are the
README's, each a new process: draft → review (tests/helpers/fixture_report.py REVIEW, one row per edit) → apply →
validate; then the pages. Dates are explicit: every page judging the 2024 targets is opened as of 2025-03-01.
"""

from __future__ import annotations

import itertools
import re
import statistics
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from components.views.page import Viewer
from components.views.routes import view_for
from components.views.theme import figures_csv
from kpi.data.file_checks import DECIDE_MARK, review_marks
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.model import TargetOutcome
from kpi.draft.draft import ReportFacts, draft_report
from kpi.draft.report_numbers import report_years
from kpi.format import section_label
from kpi.progress import assess_all
from kpi.report.statements import check_all
from kpi.texts import status_words, t
from tests.conftest import copy_data_dir
from tests.content.test_report_data import closing_note
from tests.helpers.apptest import html_headings, html_tables, html_text, open_page, plain, texts, tile_parts, vintage
from tests.helpers.fixture_report import (
    DRAFT,
    FIRST,
    FIXTURE,
    REPORT_FILE,
    REPORT_ID,
    REVIEW,
    SECOND,
    add_both_reports,
    add_fixture_report,
    kpi,
    review,
)

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
    result = kpi(
        "draft",
        str(directory / REPORT_FILE),
        "--report",
        REPORT_ID,
        "--out",
        str(directory / DRAFT),
        "--data",
        str(directory),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return (directory / DRAFT).read_text(encoding="utf-8")


MARK = re.compile(r"(: null\b|待译 to translate:|待定 to decide:|\bid: [a-z_.]*TODO)")


def marks_resolved(draft: str, edits: list) -> int:
    """How many review marks the edits deal with: each mark an edit replaces, and every mark of a deleted entry."""
    resolved = 0
    for old, new in edits:
        if new is None:
            lines = draft[draft.index(old) :].split("\n")
            entry = [lines[0], *itertools.takewhile(lambda line: line.startswith("  "), lines[1:])]
            resolved += len(MARK.findall("\n".join(entry)))
        else:
            resolved += bool(MARK.search(old))
    return resolved


def test_the_review_is_a_short_counted_list_of_edits(unreviewed, capsys):
    marks = list(review_marks(yaml.safe_load(unreviewed)))
    deleted = sum(new is None for _, new in REVIEW)
    decided = sum(DECIDE_MARK in old for old, _ in REVIEW)
    with capsys.disabled():
        print(
            f"\nfictional report: {len(marks)} review marks in the draft; {len(REVIEW)} edits after it "
            f"({deleted} entries deleted, {decided} outcomes decided, {len(REVIEW) - deleted - decided} marks filled or "
            "words changed)"
        )
    assert marks_resolved(unreviewed, REVIEW) == len(marks)  # every mark dealt with by exactly one edit
    assert list(review_marks(yaml.safe_load(review(unreviewed)))) == []


def draft_and_apply(directory: Path, fixture) -> float:
    """Seconds that draft plus apply take as new processes (the review between them, done by the test, not counted)."""
    (directory / fixture.report_file).write_bytes((fixture.folder / "report.txt").read_bytes())
    draft = directory / fixture.draft
    started = time.perf_counter()
    drafted = kpi(
        "draft",
        str(directory / fixture.report_file),
        "--report",
        fixture.report_id,
        "--out",
        str(draft),
        "--data",
        str(directory),
    )
    assert drafted.returncode == 0, drafted.stdout + drafted.stderr
    middle = time.perf_counter()
    draft.write_text(review(draft.read_text(encoding="utf-8"), fixture.review, fixture.report_id), encoding="utf-8")
    resumed = time.perf_counter()
    applied = kpi("apply", str(draft), "--data", str(directory))
    assert applied.returncode == 0, applied.stdout + applied.stderr
    return middle - started + time.perf_counter() - resumed


def test_draft_and_apply_take_seconds_as_new_processes(tmp_path, capsys):
    seconds: dict[str, list[float]] = {FIRST.report_id: [], SECOND.report_id: []}
    for run in range(3):
        (tmp_path / str(run)).mkdir()
        directory = copy_data_dir(REPO_ROOT, tmp_path / str(run))
        for fixture in (FIRST, SECOND):  # the second drafted on the data the first was applied to, as staff would
            seconds[fixture.report_id].append(draft_and_apply(directory, fixture))
    with capsys.disabled():
        for report_id, times in seconds.items():
            print(
                f"\n{report_id}: draft + apply, as new processes: median {statistics.median(times):.2f} s of "
                f"{[round(x, 2) for x in times]}"
            )
    assert max(statistics.median(times) for times in seconds.values()) < 30


def test_no_item_of_the_closed_year_is_left_without_an_outcome(next_report, capsys):
    assessed = assess_all(next_report.content, date.fromisoformat(AS_OF))
    targets, milestones = next_report.planned(CLOSED)
    counts = Counter(assessed[item.id].status for item in (*targets, *milestones))
    with capsys.disabled():
        print(f"\n{CLOSED} outcomes after draft → review → apply: {dict(sorted(counts.items()))}")
    assert counts["outcome_missing"] == 0
    assert sum(counts.values()) == len(targets) + len(milestones)
    assert counts == expected_statuses(FIRST, len(targets) + len(milestones), counts)


def expected_statuses(fixture, items: int, counts: Counter) -> Counter:
    """The statuses the closed year must show, from the fixture's additions.yaml (the yardstick written by hand):
    each milestone's status, a target's achieved or missed (as many as it closes by a figure), and "not mentioned"
    for every item it names no outcome for."""
    outcomes = [yaml.safe_load(block)["outcome"] for block in fixture.additions["outcomes"].values()]
    expected = Counter(o.get("status", "not_mentioned" if "not_mentioned_in" in o else "target") for o in outcomes)
    figures = expected.pop("target", 0)
    assert counts["achieved"] + counts["missed"] == figures
    expected["not_mentioned"] += items - len(outcomes)
    return expected + Counter({"achieved": counts["achieved"], "missed": counts["missed"]})


def tile(at, name: str) -> tuple[str, str]:
    """(value, change) of the tile with that label."""
    return next((value, change) for label, value, change in tile_parts(at) if label == name)


def test_tiles_show_the_new_period_and_the_change(next_report):
    at = open_page("economy")
    assert tile(at, "引进企业") == ("152家", "↑ +13家 较截至2023年11月")  # a full year now: no period in the label
    assert "截至2023年11月 → 2024（两期长度不同：11个月与12个月）: 139家 → 152家" in texts(at)  # a tap on the tile
    assert tile(at, "财政总收入") == ("3.02亿元", "↑ +0.12亿元 较2023")  # against the restated (revised) 2023 figure
    assert tile(open_page("economy", lang="en"), "Enterprises attracted") == (
        "152 enterprises",
        "↑ +13 enterprises vs Jan–Nov 2023",
    )


def test_the_header_names_the_newest_report(next_report):
    captions = vintage(open_page())
    assert (
        "《东明路街道办事处2024年工作报告（虚构测试数据）》（2025-01-22 发布），数据期间：2024，其中2项为2023"
        in captions
    )


def test_detail_page_shows_every_period_and_every_statement(next_report):
    at = open_page("indicator", id="economy.total_fiscal_revenue")
    assert "各期数值是多少？" in html_text(at)
    [history] = html_tables(at)
    assert [(row["期间"], row["数值"], row["说明"]) for row in history] == [
        ("2023", "2.9亿元", "当前显示"),
        ("2023", "2.88亿元", "已由2024年工作报告修订"),
        ("2024", "3.02亿元", ""),  # "shown" only where a newer report restated a period
    ]
    assert "经核定,2023年实现财政总收入2.90亿元。" in texts(at)


def test_csv_has_one_row_per_figure_and_period_with_its_report(next_report):
    TITLE = next_report.reports[REPORT_ID].title.en  # a report by its title, never its id
    data = figures_csv(next_report, "economy", "en")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Figure,Value,Period,Number (base unit),Unit,Qualifier,Report,Section,Quote,Id,Former ids"
    assert [line for line in lines if line.endswith(",economy.total_fiscal_revenue,")] == [
        f"Total fiscal revenue,290 million yuan,2023,290000000.0,yuan,,{TITLE},Part 1 · 1(1),"
        '"经核定,2023年实现财政总收入2.90亿元。",economy.total_fiscal_revenue,',
        f"Total fiscal revenue,302 million yuan,2024,302000000.0,yuan,,{TITLE},Part 1 · 1(1),"
        "实现财政总收入3.02亿元。,economy.total_fiscal_revenue,",
    ]


def test_a_figures_periods_are_a_csv_and_its_chart_an_image(next_report):
    """A figure the second report continues: its page offers both periods as CSV and its bars as an SVG image."""
    viewer = Viewer("en", date.fromisoformat(AS_OF))
    page = view_for(next_report, "indicator").render(next_report, viewer, {"id": "economy.total_fiscal_revenue"})
    table, image = page.downloads
    assert [row.split(",")[:2] for row in table.build().decode("utf-8-sig").splitlines()[1:]] == [
        ["2023", "290 million yuan"],
        ["2023", "288 million yuan"],  # the earlier report's statement of 2023, as the page's table lists it
        ["2024", "302 million yuan"],
    ]
    svg = image.build().decode("utf-8")
    assert image.mime == "image/svg+xml" and image.file_name == "dongming-figure-economy.total_fiscal_revenue-en.svg"
    assert all(words in svg for words in ("Total fiscal revenue", ">2023<", ">2024<", "290 million", "302 million"))


def test_the_theme_page_charts_what_went_up_and_down(next_report):
    at = open_page("economy")
    assert "与上一期相比，哪些重点指标上升、哪些下降？" in html_text(at)
    [change] = [table for table in html_tables(at) if "变化" in table[0]]
    assert {row["指标"]: row["变化"] for row in change} == {
        "引进企业": "+9.4%",
        "吸引内资": "+10.1%",
        "实到外资": "+5.0%",
        "财政总收入": "+4.1%",
    }
    assert "* 两期长度不同" in html_text(at)


def test_targets_default_to_the_newest_plan_year(next_report):
    at = open_page("targets", as_of=AS_OF)
    assert html_headings(at, 2)[0] == "2025年目标与事项"
    [table] = html_tables(at)
    planned = [*yaml.safe_load(FIRST.additions["targets"]), *yaml.safe_load(FIRST.additions["milestones"])]
    assert {row["名称"] for row in table} == {item["name"]["zh"] for item in planned}


@pytest.mark.parametrize(
    ("name", "status", "reached"),
    [
        ("新建社区平安屋", "✔ 已达成", "52座（2024年工作报告）"),
        ("打造中型社区花园", "✖ 未达成", "3座（2024年工作报告）"),
    ],
)
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
    assert (statuses["启动凌兆生活服务综合体建设"], statuses["街角口袋公园建设"]) == ("✔ 已完成", "✔ 已完成")
    # Issue 23: what the report plainly says was done shows as done, not as "not done" or "not mentioned".
    assert {
        statuses[name]
        for name in (
            "推进街区微型消防站",
            "合力推动既有多层住宅加装电梯",
            "用好重点企业“服务包”等资源分层分类服务",
            "持续开展企业走访",
        )
    } == {"✔ 已完成"}
    silent = status_words("not_mentioned", "zh", CLOSED)
    assert silent == "– 2024年报告未提及"
    named = len(FIRST.additions["outcomes"])  # every item the report names has its outcome in additions.yaml
    assert list(statuses.values()).count(silent) == len(statuses) - named
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
    assert revision.iloc[0].tolist() == [
        "财政总收入",
        "2023",
        "2.9亿元",
        "report_2024_fictional",
        "2.88亿元",
        "report_2023",
        "economy.total_fiscal_revenue",
        next_report.lines["economy.total_fiscal_revenue"],
    ]


@pytest.fixture(scope="module")
def applied_dir(tmp_path_factory):
    """The data after draft, review, apply and validate, before the check's exclusions (README step 5)."""
    return add_fixture_report(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("applied")), check=False)


def test_after_apply_the_check_finds_what_the_new_report_states_and_the_data_lacks(applied_dir):
    # The reviewed draft curates every figure, target and milestone of the new report; left are the numbers that
    # are no figure (its years, the glossary's list number, a name holding a numeral), which the reviewer then excludes (EXCLUSIONS).
    checks = {c.report: c for c in check_all(load_dataset(applied_dir))}
    assert [s for report, c in checks.items() if report != REPORT_ID for s in c.missing] == []
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8")
    assert [(s.kind, text[s.start : s.end], s.section) for s in checks[REPORT_ID].missing] == [
        ("number", "2024", ""),
        ("number", "2024", "第一部分 2024年工作回顾"),
        ("number", "2024", "第一部分 一(一)"),
        ("number", "2023", "第一部分 一(一)"),
        ("number", "三", "第一部分 一(二)"),
        ("number", "2023", "第一部分 四(一)"),
        ("number", "2025", "第二部分 2025年主要任务"),
        ("number", "1", ""),
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_after_apply_the_data_check_page_lists_the_new_reports_statements(applied_dir, monkeypatch, lang):
    monkeypatch.setenv("KPI_DATA_DIR", str(applied_dir))
    at = open_page("check", as_of=AS_OF, **({} if lang == "zh" else {"lang": lang}))
    missing = {c.report: c for c in check_all(load_dataset(applied_dir))}[REPORT_ID].missing
    assert t("check_uncurated", lang, n=len(missing)) in [plain(h.value) for h in at.subheader]
    captions = [plain(c.value) for c in at.caption]
    assert t("check_uncurated_none", lang, reports="report_2023", file="exclusions.yaml") in captions
    [table] = [df.value for df in at.dataframe if t("col_kind", lang) in df.value.columns]
    columns = [t(key, lang) for key in ("col_report", "col_section", "col_kind", "col_quote", "col_file", "col_line")]
    front, part_one = t("section_front", lang), section_label("第一部分 一(一)", lang)
    rows = [tuple(row) for row in table[columns].itertuples(index=False)]
    assert rows[:3] == [
        (
            REPORT_ID,
            front,
            t("kind_number", lang),
            "东明路街道办事处2024年工作报告（虚构测试数据）",
            REPORT_FILE,
            1,
        ),
        (
            REPORT_ID,
            section_label("第一部分 2024年工作回顾", lang),
            t("kind_number", lang),
            "第一部分 2024年工作回顾",
            REPORT_FILE,
            4,
        ),
        (REPORT_ID, part_one, t("kind_number", lang), "2024年", REPORT_FILE, 6),
    ]
    glossary_line = (FIXTURE / "report.txt").read_text(encoding="utf-8").split("\n").index(
        "1. 平安屋:社区治安值守点。"
    ) + 1
    assert len(rows) == len(missing) and rows[-1] == (
        REPORT_ID,
        t("glossary", lang),
        t("kind_number", lang),
        "1. 平安屋:社区治安值守点",
        REPORT_FILE,
        glossary_line,
    )


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


# ── Both fictional reports: three reports, two closed plan years ───────────────────────────────────

SAID_BOTH: dict[str, dict[str, str]] = {}  # what each README step printed, per report


@pytest.fixture(scope="module")
def three_reports_dir(tmp_path_factory):
    """The shipped report and both fictional ones, each added by the README's steps (draft → review → apply →
    validate → exclusions), the second on the data the first was added to."""
    return add_both_reports(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("three_reports")), SAID_BOTH)


def test_the_readme_steps_twice_give_three_reports(three_reports_dir):
    assert (
        "3 份报告（report_2023, report_2024_fictional, report_2025_fictional）"
        in SAID_BOTH[SECOND.report_id]["validate"]
    )
    assert load_dataset(three_reports_dir).latest_report.id == SECOND.report_id


@pytest.mark.parametrize(("fixture", "as_of"), [(FIRST, "2025-03-01"), (SECOND, "2026-03-01")], ids=["2024", "2025"])
def test_each_closed_plan_year_has_every_outcome_the_reports_support(three_reports_dir, fixture, as_of, capsys):
    data = load_dataset(three_reports_dir)
    year = data.reports[fixture.report_id].reviews
    targets, milestones = data.planned(year)
    assessed = assess_all(data.content, date.fromisoformat(as_of))
    counts = Counter(assessed[item.id].status for item in (*targets, *milestones))
    with capsys.disabled():
        print(f"\n{year} outcomes with three reports: {dict(sorted(counts.items()))}")
    assert counts["outcome_missing"] == 0 and sum(counts.values()) == len(targets) + len(milestones) > 0
    assert counts == expected_statuses(fixture, len(targets) + len(milestones), counts)


def test_every_statement_of_the_three_reports_is_curated_or_excluded(three_reports_dir):
    checks = check_all(load_dataset(three_reports_dir))
    assert [c.report for c in checks] == ["report_2023", FIRST.report_id, SECOND.report_id]
    assert [(c.report, s.kind, s.text) for c in checks for s in c.missing] == []
    assert [(c.report, stale) for c in checks for stale in c.stale] == []


def test_after_two_reports_the_data_check_page_has_no_outcome_to_enter(three_reports_dir, monkeypatch):
    monkeypatch.setenv("KPI_DATA_DIR", str(three_reports_dir))
    at = open_page("check", as_of="2026-03-01")
    assert "结果未录入：0 项" in [plain(h.value) for h in at.subheader]


def outcome_states(draft, content) -> Counter:
    """The draft's outcome proposals by state: a figure's achieved or missed (as kpi.progress judges it), a
    milestone's done, not_done or unclear (the review mark), a named target's figure to fill, not mentioned."""
    items = {x.id: x for x in (*content.targets, *content.milestones)}
    judged = Counter()
    for match in draft.outcomes:
        target = items[match.item_id]
        outcome = TargetOutcome(value=match.figure.value, qualifier=match.figure.qualifier, source=target.source)
        closed = content.model_copy(
            update={
                "targets": [
                    target.model_copy(update={"outcome": outcome}) if t is target else t for t in content.targets
                ]
            }
        )
        judged[assess_all(closed, date(draft.report.plans, 3, 1))[target.id].status] += 1
    judged.update(m.status for m in draft.milestone_outcomes)
    judged["target_value_to_fill"] += len(draft.closing.targets_named)
    judged["not_mentioned"] += len(draft.closing.silent)
    return +judged


@pytest.mark.parametrize("fixture", [FIRST, SECOND], ids=lambda f: f.report_id)
def test_the_outcome_proposals_and_how_many_the_reviewer_changed(tmp_path, fixture, capsys):
    # The closing note's figures: what the draft proposes for each open item of the closed year, by state, and how
    # many of those the reviewer changed (each `待定 to decide:` mark, decided; no proposal overruled).
    directory = copy_data_dir(REPO_ROOT, tmp_path)
    if fixture is SECOND:
        add_fixture_report(directory)
    data = load_dataset(directory)
    text = (fixture.folder / "report.txt").read_text(encoding="utf-8")
    draft = draft_report(
        data.content,
        ReportFacts(fixture.report_id, text, *report_years(text)),
        kept_terms=[term.term.zh for term in data.glossary.terms],
    )
    states = outcome_states(draft, data.content)
    changed = [old for old, _ in fixture.review if "status:" in old or "outcome:" in old or "value: null" in old]
    with capsys.disabled():
        print(
            f"\n{fixture.report_id}: outcome proposals {dict(sorted(states.items()))}; "
            f"{len(changed)} of {sum(states.values())} changed by the reviewer"
        )
    assert states["unclear"] == len(changed) == sum(DECIDE_MARK in old for old in changed)
