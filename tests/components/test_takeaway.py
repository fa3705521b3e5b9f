"""What a reader takes away from a page (issue 31, item 6): every table as a CSV Excel opens right, headers in the
page's language, and a chart as an image."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from components.views.charts import theme_charts
from components.views.history import history_csv
from components.views.images import theme_chart_svg, wrapped
from components.views.page import Viewer
from components.views.routes import view_for
from components.views.targets import year_csv
from components.views.theme import figures_csv
from kpi.texts import text

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
        ("zh", ["状态", "名称", "目标", "完成情况", "上年实绩", "主题", "章节", "报告", "编号"]),
        ("en", ["Status", "Item", "Target", "Reached", "Previous year's actual", "Theme", "Section", "Report", "Id"]),
    ],
)
def test_the_targets_table_is_a_csv_of_the_whole_plan_year(dataset, lang, header):
    rows = rows_of(year_csv(dataset, AFTER, 2024, lang))
    targets, milestones = dataset.planned(2024)
    assert [h for h in rows[0] if h not in ("完成率", "Share reached")] == header
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
        words = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
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
