"""What a reader takes away from a page (issue 31, item 6): every table as a CSV Excel opens right, headers in the
page's language, and a chart as an image."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import frictionless
import pytest

from components.open_data import data_files
from components.views.charts import theme_charts
from components.views.document import Address, document
from components.views.finding import figures_matching
from components.views.history import history_csv
from components.views.images import theme_chart_svg, wrapped
from components.views.page import Viewer
from components.views.routes import view_for
from components.views.style import stylesheet
from components.views.targets import year_csv
from components.views.theme import figures_csv
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.texts import t, text

AFTER = date(2025, 3, 1)  # the 2024 plan year over, its outcomes still to come
BOM = b"\xef\xbb\xbf"


def rows_of(data: bytes) -> list[list[str]]:
    """The CSV as Excel reads it: the mark first (so it reads UTF-8), then the rows."""
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"))))


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("zh", ["指标", "数值", "期间", "数字（基本单位）", "单位", "限定词", "报告", "章节", "原文", "编号", "曾用编号"]),
        ("en", ["Figure", "Value", "Period", "Number (base unit)", "Unit", "Qualifier", "Report", "Section", "Quote",
                "Id", "Former ids"]),
    ],
)  # fmt: skip
def test_a_themes_csv_has_its_headers_in_the_pages_language(dataset, lang, header):
    rows = rows_of(figures_csv(dataset, "economy", lang))
    assert rows[0] == header
    [attracted] = [row for row in rows if row[-2] == "economy.enterprises_attracted"]
    assert attracted[3] == "139.0" and "引进企业139家" in attracted[8]
    assert len(rows) - 1 == sum(len(dataset.series(i)) for i in dataset.theme_indicators("economy"))


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("zh", ["状态", "名称", "目标", "完成情况", "何为完成", "主题", "报告", "编号"]),
        ("en", ["Status", "Item", "Target", "Reached", "Done when", "Theme", "Report", "Id"]),
    ],
)
def test_the_targets_table_is_a_csv_of_the_whole_plan_year(dataset, lang, header):
    rows = rows_of(year_csv(dataset, AFTER, 2024, lang))
    targets, milestones = dataset.planned(2024)
    assert rows[0][:4] + rows[0][-4:] == header  # the table's columns between (progress, baseline…) as it has them
    assert sorted(row[-1] for row in rows[1:]) == sorted(item.id for item in [*targets, *milestones])
    name = {"zh": targets[0].name.zh, "en": targets[0].name.en}[lang]
    assert [row[1] for row in rows if row[-1] == targets[0].id] == [name]


def test_a_figures_periods_are_a_csv_with_each_statements_sentence(dataset):
    figure = dataset.indicators["economy.enterprises_attracted"]
    zh, en = (rows_of(history_csv(dataset, figure.id, lang)) for lang in ("zh", "en"))
    assert zh[0] == ["期间", "数值", "报告", "章节", "原文", "说明"]
    assert en[0] == ["Period", "Value", "Report", "Section", "Quote", "Note"]
    assert len(zh) - 1 == len(dataset.series(figure)) and zh[1][1] == "139家" and en[1][1] == "139 enterprises"
    assert zh[1][4] == en[1][4] == dataset.latest(figure).value.source.quote


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_with_a_table_offers_it_as_csv(dataset, lang):
    viewer = Viewer(lang, AFTER)
    for path, params, name in (
        ("economy", {}, f"dongming-economy-{lang}.csv"),
        ("targets", {"year": "2024", "status": "outcome_missing"}, f"dongming-targets-2024-{lang}.csv"),
        (
            "indicator",
            {"id": "economy.enterprises_attracted"},
            f"dongming-figure-economy.enterprises_attracted-{lang}.csv",
        ),
    ):
        page = view_for(dataset, path).render(dataset, viewer, params)
        [download] = [d for d in page.downloads if d.file_name.endswith(".csv")]
        assert download.file_name == name and download.mime == "text/csv" and download.build().startswith(BOM)
    meeting = view_for(dataset, "economy").render(dataset, Viewer(lang, AFTER, meeting=True), {})
    assert not meeting.downloads  # a projector takes nothing away


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_themes_charts_are_images_that_say_what_the_page_says(dataset, lang):
    charts = theme_charts(dataset, "safety", lang)
    page = view_for(dataset, "safety").render(dataset, Viewer(lang, AFTER), {})
    images = [d for d in page.downloads if d.mime == "image/svg+xml"]
    assert [d.file_name for d in images] == [f"dongming-safety-chart{n}-{lang}.svg" for n in range(1, len(charts) + 1)]
    for n, chart in enumerate(charts):
        svg = ET.fromstring(theme_chart_svg(dataset, "safety", n, lang))
        words = " ".join(node.text or "" for node in svg.iter("{http://www.w3.org/2000/svg}text"))
        assert chart.title in words and text(dataset.latest_report.title, lang)[:8] in words
        for row in chart.rows:  # every bar's name and number, as the chart's table gives them
            assert row[0][:6] in words and row[-1].split(" ")[0][:4] in words
        assert len(list(svg.iter("{http://www.w3.org/2000/svg}rect"))) > len(chart.rows)


def test_a_long_line_wraps_and_loses_no_word():
    words = "Neighbourhood Party-community service stations upgraded in every residential estate of the subdistrict"
    lines = wrapped(words, 15, 300)
    assert len(lines) > 1 and " ".join(lines) == words
    assert (
        "".join(wrapped("市场监督管理所的各类检查、巡查各多少户次？" * 3, 20, 300))
        == "市场监督管理所的各类检查、巡查各多少户次？" * 3
    )


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory) -> Path:
    """/data/ as the publisher writes it from the shipped data."""
    root = tmp_path_factory.mktemp("site")
    for name, content in data_files(load_dataset(REPO_ROOT), AFTER, "https://kpi.example.cn"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root / "data"


def test_the_whole_data_is_a_frictionless_data_package(data_folder, dataset):
    report = frictionless.validate(data_folder / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    rows = {task.name: task.stats.get("rows") for task in report.tasks}
    figures = sum(len(i.values) for i in dataset.content.indicators)
    items = len(dataset.content.targets) + len(dataset.content.milestones)
    for form in ("csv", "json"):  # every row read and checked, in both forms
        assert rows[f"figures-{form}"] == figures and rows[f"commitments-{form}"] == items
        assert rows[f"terms-{form}"] == len(dataset.glossary.terms) and rows[f"reports-{form}"] == len(dataset.reports)


def test_a_package_with_a_wrong_value_is_refused(data_folder, tmp_path):
    """The validation can fail: a number that is not one, in a copy."""
    copy = tmp_path / "data"
    shutil.copytree(data_folder, copy)
    figures = (copy / "figures.csv").read_bytes().replace(b",139,", b",139 enterprises,", 1)
    (copy / "figures.csv").write_bytes(figures)
    assert not frictionless.validate(copy / "datapackage.json").valid


def test_the_data_files_open_in_excel_and_say_the_report_figures(data_folder, dataset):
    rows = rows_of((data_folder / "figures.csv").read_bytes())
    [attracted] = [row for row in rows if row[0] == "economy.enterprises_attracted"]
    assert attracted[4:7] == ["2023-01..2023-11", "139", "家"] and "引进企业139家" in attracted[-1]
    assert json.loads((data_folder / "figures.json").read_bytes())[0]["id"] == dataset.content.indicators[0].id
    with zipfile.ZipFile(data_folder / "dongming-data.zip") as archive:
        names = set(archive.namelist())
        assert archive.read("dongming-data/figures.csv") == (data_folder / "figures.csv").read_bytes()
    assert {f"dongming-data/{p.name}" for p in data_folder.iterdir() if p.suffix in (".csv", ".json")} <= names


def test_the_data_page_lists_every_file_in_both_languages(data_folder):
    page = (data_folder / "index.html").read_text(encoding="utf-8")
    for name in ("figures.csv", "figures.json", "commitments.csv", "terms.json", "reports.csv", "datapackage.json"):
        assert f'href="{name}"' in page
    assert "全部数据下载" in page and "All the data" in page and "2025-03-01" in page
    assert 'lang="en"' in page and "Excel" in page


def static_page(dataset, path: str, lang: str, params: dict[str, str] | None = None) -> str:
    page = view_for(dataset, path).render(dataset, Viewer(lang, AFTER), params or {})
    return document(dataset, page, Address(path, params or {}), lang, AFTER, "https://kpi.example.cn")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "zh",
            "引用本页</b>东明路街道绩效看板：经济发展。数字出自《东明路街道办事处2023年工作报告》（2024-01-29），"
            "https://www.pudong.gov.cn/zwgk/ghjh-dmljd/2024/29/322630.html。https://kpi.example.cn/economy"
            '（<span data-kb-read="访问于 {date}">本页生成于 2025-03-01</span>）。',
        ),
        (
            "en",
            "Cite this page</b>Dongming Road Subdistrict Performance Dashboard: Economy. Figures from the 2023 Work "
            "Report of the Dongming Road Subdistrict Office (2024-01-29), "
            "https://www.pudong.gov.cn/zwgk/ghjh-dmljd/2024/29/322630.html. https://kpi.example.cn/economy?lang=en "
            '(<span data-kb-read="accessed {date}">page built on 2025-03-01</span>).',
        ),
    ],
)
def test_a_page_says_how_to_cite_it_in_its_language(dataset, lang, words):
    assert words in static_page(dataset, "economy", lang)


def test_the_copy_link_is_a_plain_link_to_the_page(dataset):
    page = static_page(dataset, "indicator", "en", {"id": "economy.enterprises_attracted"})
    url = "https://kpi.example.cn/indicator?lang=en&amp;id=economy.enterprises_attracted"
    assert f'<a class="kb-copy" href="{url}" data-copied="Link copied">Copy this page&#39;s link</a>' in page
    assert '<a href="data/">All the data (CSV, JSON)</a>' in page


def test_the_printout_has_a_qr_code_of_the_pages_address(dataset):
    page = static_page(dataset, "targets", "zh", {"year": "2024", "status": "outcome_missing"})
    [figure] = re.findall(r'<figure class="kb-qr".*?</figure>', page)
    side = int(re.search(r'viewBox="0 0 (\d+) \1"', figure).group(1))
    assert 21 + 8 <= side <= 57 + 8  # versions 1–10 with the quiet zone: a phone camera reads it from paper
    assert "https://kpi.example.cn/targets?year=2024&amp;status=outcome_missing" in figure
    assert ".kb-qr { display: none; }" in stylesheet() or ".kb-qr {\ndisplay: none;" in stylesheet()


@pytest.mark.parametrize(
    ("path", "lang", "query", "shown"),
    [
        ("targets", "zh", "引进企业", "引进企业：139家"),  # a word of its name
        ("targets", "zh", "招商引税", "引进企业：139家"),  # a word of the report's sentence
        ("glossary", "zh", "稳存量", "引进企业：139家"),
        ("targets", "en", "Enterprises attracted", "Enterprises attracted: 139 enterprises"),
        ("glossary", "en", "ENTERPRISES", "Enterprises attracted: 139 enterprises"),
        ("glossary", "en", "招商引税", "Enterprises attracted: 139 enterprises"),  # the sentence is the report's own
    ],
)
def test_search_finds_a_figure_by_its_name_or_its_sentence(dataset, path, lang, query, shown):
    page = view_for(dataset, path).render(dataset, Viewer(lang, AFTER), {"q": query}).html
    figures = page[page.index("kb-found") :]
    link = "indicator?" + ("lang=en&amp;" if lang == "en" else "") + "id=economy.enterprises_attracted"
    assert f'<a href="{link}" target="_self">{shown}' in figures
    assert t("figures_found", lang, n=len(figures_matching(dataset, query))) in figures


def test_search_finds_no_figure_without_a_word_and_none_that_lacks_it(dataset):
    assert figures_matching(dataset, "  ") == [] and figures_matching(dataset, "nothing-like-this") == []
    assert "kb-found" not in view_for(dataset, "targets").render(dataset, Viewer("zh", AFTER), {}).html
    found = figures_matching(dataset, "加梯")
    assert found and all("加梯" in " ".join(v.source.quote for v in i.values) + i.name.zh for i in found)
