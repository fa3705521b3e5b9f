"""Every page in both languages, headless (AppTest), showing the real figures from the YAML."""

from __future__ import annotations

import json

import pytest

from components.charts import theme_charts
from components.tiles import tile_label
from kpi.dataset import REPO_ROOT, load_dataset
from kpi.format import format_value, text
from kpi.report import report_parts
from tests.apptest_helpers import open_page, plain, texts, tiles

DATASET = load_dataset(REPO_ROOT)
THEMES = [theme.id for theme in DATASET.content.themes]
LANGS = ["zh", "en"]


def lang_params(lang: str) -> dict[str, str]:
    return {} if lang == "zh" else {"lang": lang}


def expected_tiles(indicators, lang):
    return [(tile_label(i, lang), format_value(i.latest().value, i.latest().qualifier, i.unit, lang)) for i in indicators]


@pytest.mark.parametrize("lang", LANGS)
def test_overview_shows_targets_and_every_themes_key_figures(lang):
    at = open_page(**lang_params(lang))
    summary = {"zh": [("数值目标", "10"), ("事项", "96"), ("已报告进展", "0 / 106")],
               "en": [("Numeric targets", "10"), ("Milestones", "96"), ("Progress reported", "0 / 106")]}[lang]
    key = [i for theme in THEMES for i in DATASET.theme_indicators(theme) if i.key]
    assert tiles(at) == summary + expected_tiles(key, lang)
    assert len(at.get("plotly_chart")) == 1  # the programmes
    assert at.subheader[0].value == {"zh": "东明路街道绩效看板", "en": "Dongming Road Subdistrict Performance Dashboard"}[lang]


def test_economy_page_shows_139_enterprises_with_its_quote():
    at = open_page("economy")
    tile = next(m for m in at.metric if plain(m.label).startswith("引进企业"))
    assert (plain(tile.label), tile.value) == ("引进企业 (截至2023年11月)", "139家")
    assert "截至2023年11月,引进企业139家,吸引内资3.45亿元,实到外资1619万美元,均取得大幅增长。" in plain(tile.help)
    assert "第一部分 一(二)" in plain(tile.help)
    english = open_page("economy", lang="en")
    assert tiles(english)[0] == ("Enterprises attracted (Jan–Nov 2023)", "139 enterprises")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
def test_theme_page(theme, lang):
    at = open_page(theme, **lang_params(lang))
    figures = DATASET.theme_indicators(theme)
    name = text(next(t.name for t in DATASET.content.themes if t.id == theme), lang)
    assert name in plain(at.header[0].value)
    assert tiles(at) == expected_tiles([i for i in figures if i.key], lang)
    table = at.dataframe[-1].value  # the last table lists every figure; the ones before are the charts
    assert len(table) == sum(len(i.values) for i in figures)
    assert list(table.iloc[:, 0]) == [text(i.name, lang) for i in figures for _ in i.values]
    charts = at.get("plotly_chart")
    assert len(charts) == len(theme_charts(DATASET, theme, lang))
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        assert spec["data"] and all(trace["type"] == "bar" for trace in spec["data"])  # SVG traces, never WebGL


def test_theme_charts_speak_the_page_language():
    at = open_page("city", lang="en")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["title"]["text"] == "Rates"
    assert "Hotline case closure rate" in " ".join(spec["data"][0]["y"]).replace("<br>", " ")


@pytest.mark.parametrize("lang", LANGS)
def test_targets_page_says_nothing_is_reported_yet(lang):
    at = open_page("targets", **lang_params(lang))
    assert {"zh": "2024年目标尚无任何进展报告", "en": "No progress on the 2024 targets has been reported yet"}[lang] in texts(at)
    numeric = [df.value for df in at.dataframe if len(df.value.columns) == 8]
    assert sum(len(df) for df in numeric) == len(DATASET.content.targets)
    status_column = {"zh": "状态", "en": "Status"}[lang]
    statuses = {s for df in at.dataframe if status_column in df.value for s in df.value[status_column]}
    assert statuses == {"… 尚无进展报告" if lang == "zh" else "… Not reported yet"}


def test_targets_page_filters_come_from_the_url():
    at = open_page("targets", theme="safety", target="safety.new_peace_houses_2024")
    numeric = [df.value for df in at.dataframe if "目标" in df.value]
    assert [list(df["指标"]) for df in numeric] == [["新建社区平安屋"]]
    assert "不少于49座" in texts(at)
    assert "截至" in texts(at) and "尚无进展记录" in texts(at)


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_lists_all_22_terms(lang):
    at = open_page("glossary", **lang_params(lang))
    headings = [m.value for m in at.markdown if m.value.startswith("##### ")]
    assert len(headings) == 22
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


def test_indicator_page_shows_the_quote_in_its_paragraph():
    at = open_page("indicator", id="economy.service_packages_issued", lang="en")
    page = texts(at)
    assert "发放重点企业“服务包”29家" in page
    assert "实施企业分层分类服务" in page  # the paragraph around the quote
    assert tiles(at) == [("Key firms given service packages", "29 enterprises")]
    assert [link.label for link in at.get("page_link") if "服务包" in plain(link.label) or "Service Package" in plain(link.label)]


def test_indicator_page_with_unknown_id():
    at = open_page("indicator", id="<script>alert(1)</script>")
    assert "找不到该指标" in texts(at)


@pytest.mark.parametrize("lang", LANGS)
def test_source_page_shows_every_chapter(lang):
    at = open_page("source", **lang_params(lang))
    assert len(at.expander) == sum(len(part.chapters) for part in report_parts(DATASET.report_text)[1:]) == 15
    assert "东明路街道办事处2023年工作报告" in texts(at) or "2023 Work Report" in texts(at)


@pytest.mark.parametrize("params", [
    {"lang": "fr"}, {"lang": "../../etc/passwd"}, {"as_of": "not-a-date"}, {"as_of": "2024-13-45"},
    {"theme": "x" * 5000}, {"goto": "nowhere"}, {"id": "<img src=x onerror=alert(1)>"},
])
def test_malformed_parameters_are_ignored(params):
    at = open_page(**params)
    assert tiles(at)[0] == ("数值目标", "10")


@pytest.mark.parametrize("lang", LANGS)
def test_data_check_page(lang):
    at = open_page("check", **lang_params(lang))
    assert at.success[0].value == {"zh": "数据文件全部有效。", "en": "The data files are valid."}[lang]
    files, counts, no_progress = (df.value for df in at.dataframe)
    assert list(files.iloc[:, 0]) == ["indicators.yaml", "glossary.yaml"]
    assert list(counts.iloc[:, 1]) == [len(DATASET.theme_indicators(t)) for t in THEMES]
    assert len(no_progress) == len(DATASET.content.targets)
