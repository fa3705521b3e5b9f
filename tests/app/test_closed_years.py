"""When reports close plan years: the overview with two and with three reports (the year's results with their change,
how the closed year ended, the new plan year), no internal id on any public page, and every figure's page.

The reports are the fictional ones in tests/data (clearly marked test data), added to a copy of the shipped data by
the README's steps, draft → review → apply, once and twice (tests/fixture_report.py). Every page is judged as of a
named date after the newest report's plan year began: after both fictional reports, 2026-03-01.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from html import unescape
from html.parser import HTMLParser

import pytest

from components.publish import pages
from components.views.charts import target_words
from components.views.figures import year_key_figures
from components.views.html import escape, url
from components.views.page import view_params
from components.views.targets import reached_words
from kpi.data.dataset import Dataset
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.format import format_change, stated
from kpi.periods import parse_period, period_label
from kpi.progress import assess_all
from kpi.status import STATUSES
from kpi.texts import LANGS, status_words, t, text
from tests.conftest import copy_data_dir
from tests.helpers.apptest import html_headings, html_tables, html_text, open_page, read_html
from tests.helpers.fixture_report import add_both_reports, add_fixture_report

AS_OF = {2: "2025-03-01", 3: "2026-03-01"}  # with two reports the 2024 plan year is closed; with three, 2025


@pytest.fixture(scope="module")
def data_dirs(tmp_path_factory) -> dict[int, object]:
    return {
        2: add_fixture_report(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("two"))),
        3: add_both_reports(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("three"))),
    }


@pytest.fixture(params=[2, 3], ids=["two reports", "three reports"])
def reports(request, data_dirs, monkeypatch) -> tuple[int, Dataset]:
    monkeypatch.setenv("KPI_DATA_DIR", str(data_dirs[request.param]))
    return request.param, load_dataset(data_dirs[request.param])


def lang_params(lang: str) -> dict[str, str]:
    return {} if lang == "zh" else {"lang": lang}


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_leads_with_the_years_results_then_how_the_closed_year_ended(reports, lang):
    count, dataset = reports
    at = open_page(as_of=AS_OF[count], **lang_params(lang))
    newest = dataset.vintage.report
    closed, planned = newest.reviews, newest.plans
    assert html_headings(at, 2) == [
        t("results_of", lang, year=closed),
        t("closed_heading", lang, year=closed),
        t("plan_status", lang, year=planned),
    ]
    shown = html_text(at)
    key = [i for theme in dataset.content.themes for i in year_key_figures(dataset, theme.id)]
    assert key
    for indicator in key:
        latest, previous = dataset.latest(indicator), dataset.previous(indicator)
        assert parse_period(latest.period)[1].year == closed and latest.current.report == newest  # only that year's
        assert f"{stated(latest.value, indicator.unit, lang)}{text(indicator.name, lang)}" in shown
        if previous is not None and not latest.value.words:  # the change, with the value it is measured from
            change = format_change(latest.value.value, previous.value.value, indicator.unit, lang)
            before = stated(previous.value, indicator.unit, lang)
            assert f"{change} {period_label(previous.period, lang)}{'：' if lang == 'zh' else ': '}{before}" in shown
    for indicator in (i for i in dataset.content.indicators if i.key and i not in key):
        assert (
            f"{stated(dataset.latest(indicator).value, indicator.unit, lang)}{text(indicator.name, lang)}" not in shown
        )


@pytest.mark.parametrize("lang", LANGS)
def test_the_closed_year_shows_each_state_as_a_link_and_each_target_to_its_result(reports, lang):
    count, dataset = reports
    at = open_page(as_of=AS_OF[count], **lang_params(lang))
    year = dataset.vintage.report.reviews
    assessed = assess_all(dataset.content, date.fromisoformat(AS_OF[count]))
    counts = Counter(assessed[x.id].status for items in dataset.planned(year) for x in items)
    assert not counts["outcome_missing"] and counts["achieved"] and counts["done"]  # the report closed every item
    [block] = [h.proto.body for h in at.get("html") if t("closed_heading", lang, year=year) in h.proto.body]
    for status in STATUSES:  # each state with its count, a link to those items
        chip = f"{status_words(status.id, lang, year)}</span> <b>{counts[status.id]}</b>"
        href = str(
            escape(
                url("targets", year=str(year), status=status.id, **view_params(lang, date.fromisoformat(AS_OF[count])))
            )
        )
        assert bool(re.search(f'<a href="{re.escape(href)}"[^>]*><span[^>]*>{re.escape(chip)}</a>', block)) == bool(
            counts[status.id]
        )
    assert html_text(at).count(text(dataset.vintage.report.title, lang)) >= 1  # with the report it comes from
    [table] = [rows for rows in html_tables(at) if rows and t("col_target_result", lang) in rows[0]]
    assert [
        (row[t("col_target", lang)], row[t("col_target_result", lang)], row[t("status", lang)]) for row in table
    ] == [
        (
            text(x.name, lang),
            f"{target_words(x, lang)} → {reached_words(x, assessed[x.id], lang) or '—'}",
            status_words(assessed[x.id].status, lang, year),
        )
        for x in dataset.planned(year)[0]
    ]


def test_meeting_mode_shows_the_closed_year_too(reports):
    count, dataset = reports
    at = open_page(as_of=AS_OF[count], mode="meeting")
    assert t("closed_heading", "zh", year=dataset.vintage.report.reviews) in html_headings(at, 2)


class _Visible(HTMLParser):
    """The text a reader sees: no tags, attributes, styles or scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("style", "script", "title", "head")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("style", "script", "title", "head")

    def handle_data(self, data):
        if not self._hidden:
            self.words.append(data)


def test_no_public_page_shows_an_internal_id(data_dirs):
    dataset = load_dataset(data_dirs[3])
    raw = re.compile(r"report_\w+|\b\w+_\w+\b|\b[a-z]+\.[a-z_]+_[a-z_]+\b")
    checked = 0
    for name, content in pages(dataset, date.fromisoformat(AS_OF[3]), "https://kpi.example.cn"):
        if not name.endswith(".html"):
            continue
        reader = _Visible()
        reader.feed(content)
        words = re.sub(r"https?://\S+", "", "".join(reader.words))  # a page's own address is shown to copy: it may
        assert not raw.findall(words), (name, raw.findall(words)[:5])
        checked += 1
    assert checked > 2 * len(dataset.content.indicators)


def test_every_figures_page_shows_each_period_as_its_report_states_it(data_dirs):
    dataset = load_dataset(data_dirs[3])
    written = dict(pages(dataset, date.fromisoformat(AS_OF[3]), ""))
    for indicator in dataset.content.indicators:
        for lang in LANGS:
            page = "".join(read_html(written[f"indicator/{lang}~id={indicator.id}.html"]).text)
            for observation in dataset.series(indicator):
                assert stated(observation.value, indicator.unit, lang) in page, (indicator.id, observation.period)
                assert observation.value.source.quote in page


def test_the_figure_page_draws_its_periods_as_an_interactive_chart_in_both_languages(data_dirs, monkeypatch):
    monkeypatch.setenv("KPI_DATA_DIR", str(data_dirs[3]))
    dataset = load_dataset(data_dirs[3])
    series = dataset.series(dataset.indicators["economy.total_fiscal_revenue"])
    for lang, unit in (("zh", "亿元"), ("en", " million yuan")):
        at = open_page("indicator", id="economy.total_fiscal_revenue", as_of=AS_OF[3], **lang_params(lang))
        [chart] = at.get("plotly_chart")
        spec, config = json.loads(chart.proto.spec), json.loads(chart.proto.config)
        [bars] = spec["data"]
        assert bars["x"] == [period_label(o.period, lang) for o in series]
        assert [row[0] for row in bars["customdata"]] == [
            stated(o.value, dataset.indicators["economy.total_fiscal_revenue"].unit, lang) for o in series
        ]  # hover: the value as the report states it
        assert spec["layout"]["yaxis"]["ticksuffix"] == unit  # 亿 in Chinese, millions in English
        assert "toImage" not in config["modeBarButtonsToRemove"] and config["toImageButtonOptions"]["format"] == "png"


def test_no_static_page_loads_plotly_figure_and_target_pages_draw_their_charts_as_svg(data_dirs):
    dataset = load_dataset(data_dirs[3])
    drawn = dict(pages(dataset, date.fromisoformat(AS_OF[3]), ""))
    assert not [name for name, content in drawn.items() if name.endswith(".html") and "<script src" in content]
    indicator = dataset.indicators["economy.total_fiscal_revenue"]
    for lang in LANGS:
        page = drawn[f"indicator/{lang}~id=economy.total_fiscal_revenue.html"]
        [svg] = re.findall(r"<svg class=\"kb-svg\".*?</svg>", page)
        assert f'<title id="chart-economy.total_fiscal_revenue-t">{t("history_question", lang)}</title>' in svg
        for observation in dataset.series(indicator):  # each value as text on its bar, and in the <desc>
            words = escape(stated(observation.value, indicator.unit, lang))
            assert svg.count(f">{words}<") == 1 and f"{escape(period_label(observation.period, lang))}: {words}" in svg
    for lang, goal, outcome in (("zh", "5座", "3座"), ("en", "5 gardens", "3 gardens")):  # a closed target's chart
        page = drawn[f"targets/{lang}~year=2024~target=housing.community_gardens_2024.html"]
        [desc] = re.findall(r'<desc id="chart-housing.community_gardens_2024-d">(.*?)</desc>', page)
        said = t("outcome_line", lang, report=t("report_year_name", lang, year=2024))
        assert f"{t('target_of', lang, year=2024)}: {goal}" in unescape(desc) and f"{said}: {outcome}" in unescape(desc)
    for path in ("", "economy", "glossary"):
        at = open_page(path, as_of=AS_OF[3])
        assert not at.get("plotly_chart"), path
