"""Every page in both languages, headless (AppTest), showing the real figures from the YAML."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import pytest

from components.charts import theme_charts
from components.check_lists import disagreements
from components.tiles import balanced_rows, per_row, tile_label
from kpi.dataset import INDICATORS, REPO_ROOT, load_dataset
from kpi.format import format_value
from kpi.progress import assess_all
from kpi.report import report_parts
from kpi.status import BY_ID, status_rank, status_words
from kpi.texts import text
from tests.apptest_helpers import open_page, plain, texts, tiles
from tests.mutations import without_outcome

DATASET = load_dataset(REPO_ROOT)
THEMES = [theme.id for theme in DATASET.content.themes]
LANGS = ["zh", "en"]
TITLE = {"zh": "东明路街道绩效看板", "en": "Dongming Road Subdistrict Performance Dashboard"}
# Statuses depend on the date they are judged on and on what staff have entered: every test that reads them names
# its date, and expects what the data as loaded gives on it (outcomes and progress may be entered any day).
AS_OF = "2025-03-01"
ASSESSED = assess_all(DATASET.content, date.fromisoformat(AS_OF))
YEAR = DATASET.plan_years[-1]  # the plan year the overview and the targets page open on
PLANNED = [*DATASET.planned(YEAR)[0], *DATASET.planned(YEAR)[1]]


def lang_params(lang: str) -> dict[str, str]:
    return {} if lang == "zh" else {"lang": lang}


def expected_tiles(indicators, lang):
    return [(tile_label(i, DATASET.latest(i), lang), format_value(DATASET.latest(i).value.value, DATASET.latest(i).value.qualifier,
                                                                  i.unit, lang)) for i in indicators]


def chart_titles(at) -> list[str]:
    """The question written as a heading above each chart."""
    return [plain(m.value)[6:] for m in at.markdown if m.value.startswith("##### ")]


def counts(items: list, assessed: dict) -> Counter[str]:
    return Counter(assessed[x.id].status for x in items)


@pytest.mark.parametrize("lang", LANGS)
def test_overview_shows_what_needs_attention_then_every_themes_key_figures(lang):
    at = open_page(as_of=AS_OF, **lang_params(lang))
    assert at.subheader[0].value == TITLE[lang]
    assert plain(at.subheader[1].value) == {"zh": f"{YEAR}年目标与事项", "en": f"Targets and milestones for {YEAR}"}[lang]
    statuses = counts(PLANNED, ASSESSED)
    missing = statuses["outcome_missing"]  # the plan year is over: an outcome not entered is an action for staff, in red
    if missing:
        assert {"zh": f"{missing}项目标或事项的结果尚未录入", "en": f"the outcome of {missing} targets or milestones has not been entered"
                }[lang] in at.error[0].value
    else:
        assert not at.error
    links = [plain(link.label) for link in at.get("page_link")]
    for status, n in statuses.items():
        assert f"{text(BY_ID[status].words, lang).format(year=YEAR)} **{n}**" in links
    key = [i for theme in THEMES for i in DATASET.theme_indicators(theme) if i.key]
    assert tiles(at) == expected_tiles(key, lang)  # no count tiles before the key figures any more
    assert len(at.get("plotly_chart")) == 1  # the programmes
    assert chart_titles(at) == [{"zh": "多年项目进展到哪一步？", "en": "How far along are the multi-year programmes?"}[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_header_says_how_old_the_figures_are(lang):
    [caption] = [plain(c.value) for c in open_page(as_of=AS_OF, **lang_params(lang)).caption if "2024-01-29" in plain(c.value)]
    expected = {"zh": ["《东明路街道办事处2023年工作报告》（2024-01-29 发布）", "数据期间：2023，其中3项为截至2023年11月",
                       f"目标进度按 {AS_OF} 判定。"],
                "en": ["2023 Work Report of the Dongming Road Subdistrict Office (published 2024-01-29)", "covering 2023",
                       "3 of them cover Jan–Nov 2023", f"Target progress judged as of {AS_OF}."]}[lang]
    assert all(part in caption for part in expected), caption


def test_economy_page_shows_139_enterprises_with_its_quote():
    at = open_page("economy")
    tile = next(m for m in at.metric if plain(m.label).startswith("引进企业"))
    assert (plain(tile.label), tile.value) == ("引进企业 (截至2023年11月)", "139家")
    help_text = plain(tile.help)
    assert "截至2023年11月,引进企业139家,吸引内资3.45亿元,实到外资1619万美元,均取得大幅增长。" in help_text
    assert "出处：东明路街道办事处2023年工作报告 第一部分 一(二)" in help_text
    english = open_page("economy", lang="en")
    assert tiles(english)[0] == ("Enterprises attracted (Jan–Nov 2023)", "139 enterprises")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
def test_theme_page(theme, lang):
    at = open_page(theme, figures="true", **lang_params(lang))  # with the list of every figure shown
    figures = DATASET.theme_indicators(theme)
    name = text(next(t.name for t in DATASET.content.themes if t.id == theme), lang)
    assert name in plain(at.header[0].value)
    assert tiles(at) == expected_tiles([i for i in figures if i.key], lang)
    table = at.dataframe[-1].value  # the last table lists every figure; the ones before are the charts'
    assert len(table) == sum(len(DATASET.series(i)) for i in figures)
    assert list(table.iloc[:, 0]) == [text(i.name, lang) for i in figures for _ in DATASET.series(i)]
    charts = theme_charts(DATASET, theme, lang)
    assert chart_titles(at) == [chart.title for chart in charts]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        assert spec["data"] and all(trace["type"] in ("bar", "scatter") for trace in spec["data"])  # SVG, never WebGL


def test_the_list_of_every_figure_is_one_click_away():
    at = open_page("safety")
    assert [df for df in at.dataframe if "原文" in df.value] == []  # the first screen is tiles and charts
    [toggle] = at.toggle
    assert toggle.label == f"显示全部 {len(DATASET.theme_indicators('safety'))} 项指标及出处"
    toggle.set_value(True).run()
    assert len(at.dataframe[-1].value) == sum(len(DATASET.series(i)) for i in DATASET.theme_indicators("safety"))


def test_a_chart_names_its_rows_in_the_page_language():
    at = open_page("city", lang="en")
    spec = json.loads(at.get("plotly_chart")[-1].proto.spec)
    names = " ".join(a["text"] for a in spec["layout"]["annotations"]).replace("<br>", " ")
    assert "Hotline work order closure rate" in names
    assert "How close to 100% is each rate?" in chart_titles(at)


@pytest.mark.parametrize("lang", LANGS)
def test_targets_page_puts_the_most_urgent_first(lang):
    at = open_page("targets", as_of=AS_OF, **lang_params(lang))
    assert plain(at.header[0].value) == {"zh": f"{YEAR}年目标与事项", "en": f"Targets and milestones for {YEAR}"}[lang]
    [table] = [df.value for df in at.dataframe]
    assert len(table) == len(PLANNED)
    status = {"zh": "状态", "en": "Status"}[lang]
    assert table.columns[0] == status  # first, so it stays visible on a phone
    shown = {x.id: status_words(ASSESSED[x.id].status, lang, YEAR, ASSESSED[x.id].override_reason is not None) for x in PLANNED}
    assert sorted(table[status]) == sorted(shown.values())
    assert table[status].iloc[0] == shown[min(PLANNED, key=lambda x: status_rank(ASSESSED[x.id].status)).id]
    assert not any((table[column] == "").all() for column in table.columns)  # no empty columns


def test_during_the_plan_year_nothing_reported_is_neutral():
    year = DATASET.plan_years[0]
    as_of = date(year, 6, 30)
    assessed = assess_all(DATASET.content, as_of)
    at = open_page("targets", as_of=as_of.isoformat(), year=str(year))
    [table] = [df.value for df in at.dataframe]
    targets, milestones = DATASET.planned(year)
    silent = [x for x in [*targets, *milestones] if not [e for e in x.progress if e.date <= as_of] and x.override is None]
    assert {assessed[x.id].status for x in silent} <= {"not_reported"}
    assert list(table["状态"]).count("… 尚无进展报告") == len(silent)
    assert not at.error  # the year is still running: nothing is missing yet


def planned_where(words: str, theme: str = "") -> set[str]:
    """Names of the targets and milestones a search for `words` (in one theme) should find."""
    return {x.name.zh for x in [*DATASET.content.targets, *DATASET.content.milestones] if (not theme or x.theme == theme)
            and words.lower() in " ".join((x.name.zh, x.name.en, x.source.quote)).lower()}


@pytest.mark.parametrize(("params", "expected"), [
    ({"theme": "safety", "q": "平安屋"}, planned_where("平安屋", "safety")),
    ({"q": "safety post"}, planned_where("safety post")),
    ({"theme": "economy"}, planned_where("", "economy")),
    ({"q": "没有这个目标"}, set()),
])
def test_targets_page_filters_come_from_the_url(params, expected):
    at = open_page("targets", **params)
    shown = {name for df in at.dataframe for name in df.value["名称"]}
    assert shown == expected
    assert "新建社区平安屋" in shown or "平安屋" not in params.get("q", "")
    if not expected:
        assert "没有符合筛选条件的目标或事项。" in texts(at)


@pytest.fixture
def no_peace_house_outcome(shipped_dir, monkeypatch):
    """The app reads a copy of the shipped data in which the peace-house target has no progress and no outcome."""
    monkeypatch.setenv("KPI_DATA_DIR", str(without_outcome(shipped_dir, "safety.new_peace_houses_2024")))
    return shipped_dir


def test_target_detail_explains_a_missing_outcome(no_peace_house_outcome):
    at = open_page("targets", as_of=AS_OF, year="2024", target="safety.new_peace_houses_2024")
    page = texts(at)
    assert "不少于49座" in page
    assert "计划年度已于 2024-12-31 结束，但尚未录入结果" in page


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_lists_every_term(lang):
    at = open_page("glossary", **lang_params(lang))
    assert plain(at.header[0].value) == {"zh": "名词解释", "en": "Glossary"}[lang]
    headings = [m.value for m in at.markdown if m.value.startswith("##### ")]
    assert len(headings) == len(DATASET.glossary.terms) == 22  # one heading per term
    assert "明珠计划" in plain(headings[3])


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "服务包"}, ["重点企业“服务包”"]),
    ({"q": "pearl"}, ["明珠计划"]),
    ({"term": "three_deliveries"}, ["三送进企业"]),
    ({"q": "没有这个词"}, []),
])
def test_glossary_search_and_links(params, expected):
    at = open_page("glossary", **params)
    shown = [plain(m.value)[6:].split(" · ")[0] for m in at.markdown if m.value.startswith("##### ")]
    assert shown == expected


def test_indicator_page_shows_the_quote_in_its_paragraph_and_the_way_back():
    at = open_page("indicator", id="economy.service_packages_issued", lang="en")
    page = texts(at)
    assert "发放重点企业“服务包”29家" in page
    assert "实施企业分层分类服务" in page  # the paragraph around the quote
    indicator = DATASET.indicators["economy.service_packages_issued"]
    assert tiles(at) == expected_tiles([indicator], "en")
    labels = [plain(link.label) for link in at.get("page_link")]
    assert "Back to Economy" in labels
    [history] = [df.value for df in at.dataframe]
    assert list(history["Report"]) == ["2023 Work Report of the Dongming Road Subdistrict Office (2024-01-29)"]


def test_indicator_page_with_unknown_id():
    at = open_page("indicator", id="<script>alert(1)</script>")
    assert "找不到该指标" in texts(at)


@pytest.mark.parametrize("lang", LANGS)
def test_source_page_shows_every_chapter_once(lang):
    at = open_page("source", **lang_params(lang))
    parts = report_parts(DATASET.report_texts["report_2023"])[1:]
    assert len(at.expander) == sum(1 for part in parts for chapter in part.chapters if chapter.heading) == 12
    headings = [plain(h.value) for h in at.subheader if h.value != TITLE[lang]]
    assert headings == [part.heading for part in parts]  # each part's heading once
    assert "东明路街道办事处2023年工作报告" in texts(at) or "2023 Work Report" in texts(at)


@pytest.mark.parametrize("params", [
    {"lang": "fr"}, {"lang": "../../etc/passwd"}, {"as_of": "not-a-date"}, {"as_of": "2024-13-45"},
    {"theme": "x" * 5000}, {"goto": "nowhere"}, {"id": "<img src=x onerror=alert(1)>"}, {"year": "1999"},
])
def test_malformed_parameters_are_ignored(params):
    at = open_page(**params)
    assert at.subheader[0].value == TITLE["zh"]
    assert tiles(at)[0] == expected_tiles([DATASET.content.indicators[0]], "zh")[0]


@pytest.mark.parametrize("lang", LANGS)
def test_data_check_page_lists_the_missing_outcomes_with_their_lines(no_peace_house_outcome, lang):
    data = load_dataset(no_peace_house_outcome)
    assessed = assess_all(data.content, date.fromisoformat(AS_OF))
    at = open_page("check", as_of=AS_OF, **lang_params(lang))
    assert plain(at.header[0].value) == {"zh": "数据检查", "en": "Data check"}[lang]
    assert at.success[0].value == {"zh": "数据文件全部有效。", "en": "The data files are valid."}[lang]
    missing = at.dataframe[0].value
    assert len(missing) == counts([*data.content.targets, *data.content.milestones], assessed)["outcome_missing"]
    target = next(x for x in data.content.targets if x.id == "safety.new_peace_houses_2024")
    row = missing[missing.iloc[:, 3] == target.id].iloc[0]
    assert (row.iloc[0], row.iloc[4]) == (text(target.name, lang), f"indicators.yaml:{data.lines[target.id]}")
    lines = (no_peace_house_outcome / INDICATORS).read_text(encoding="utf-8").splitlines()
    assert f"- id: {target.id}" in lines[data.lines[target.id] - 1]  # the line staff open in their editor
    headings = [plain(h.value) for h in at.subheader]
    differ = len(disagreements(data, lang))
    assert {"zh": f"报告之间数值不一致：{differ} 处", "en": f"Figures the reports state differently: {differ}"}[lang] in headings


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_lists_every_public_page_and_not_the_staff_page(lang):
    at = open_page(**lang_params(lang))
    menu = [plain(link.label) for link in at.get("page_link")]
    themes = [text(theme.name, lang) for theme in DATASET.content.themes]
    expected = {"zh": ["总览", "目标与事项", *themes, "名词解释", "报告原文"],
                "en": ["Overview", "Targets", *themes, "Glossary", "Report text"]}[lang]
    assert menu[:len(expected)] == expected
    assert {"zh": "数据检查", "en": "Data check"}[lang] not in menu


APP_FILES = [REPO_ROOT / "app.py", *sorted((REPO_ROOT / "pages").glob("*.py")), *sorted((REPO_ROOT / "components").glob("*.py"))]


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_no_year_is_written_into_the_app(path):
    # Years come from the data (report years, plan years), so a new report needs no code change.
    assert re.findall(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(("values", "meeting", "most"), [
    (["139家", "3.45亿元", "1619万美元", "2.88亿元"], False, 4),
    (["139 enterprises", "345 million yuan", "16.19 million US dollars", "288 million yuan"], False, 2),
    (["13 posts", "100%"], False, 4),
    (["近450客", "35户", "3100余人次"], True, 3),
])
def test_tiles_per_row_leave_room_for_the_widest_value(values, meeting, most):
    assert per_row(values, meeting) == most


@pytest.mark.parametrize(("count", "most", "rows"), [(5, 4, [3, 2]), (4, 3, [2, 2]), (7, 3, [3, 2, 2]), (3, 4, [3]), (0, 4, [])])
def test_tiles_fill_rows_evenly(count, most, rows):
    assert balanced_rows(count, most) == rows
