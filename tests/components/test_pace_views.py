"""What a reader sees of issue 30's notes and pace: a value's note on its tile and its page, "not due yet" on the
targets page before a season and a real status after it, and ongoing work told from finished work."""

from __future__ import annotations

import re
from datetime import date

import pytest

from components.views.page import Viewer
from components.views.routes import view_for
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.texts import LANGS, t

SHORT = {"zh": "报告未写期间，未说是否全年数", "en": "No period given; not said to be the full year"}
WHOLE = {
    "zh": "报告没有说明这是否为全年决算数",
    "en": "the report does not say whether it is the final full-year total",
}


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(REPO_ROOT)


def render(dataset, path: str, lang: str, as_of: date, **params: str) -> str:
    return view_for(dataset, path).render(dataset, Viewer(lang, as_of), params).html


def tile_of(page: str, value: str) -> str:
    """The summary of the tile whose value is `value` (the part a reader sees without a tap)."""
    [summary] = [s for s in re.findall(r'<details class="kb-tile"><summary>(.*?)</summary>', page) if value in s]
    return summary


@pytest.mark.parametrize("lang", LANGS)
def test_a_value_note_stands_on_its_tile_as_a_mark_and_a_short_line(shipped, lang):
    page = render(shipped, "economy", lang, date(2024, 5, 31))
    summary = tile_of(page, "2.88" if lang == "zh" else "288")
    assert "※" in summary and SHORT[lang] in summary
    assert "※" not in tile_of(page, "139")  # a figure without a note has no mark


@pytest.mark.parametrize("lang", LANGS)
def test_a_value_note_is_whole_on_the_figures_page_before_its_number(shipped, lang):
    page = render(shipped, "indicator", lang, date(2024, 5, 31), id="economy.total_fiscal_revenue")
    assert t("value_note", lang) in page and WHOLE[lang] in page
    assert page.index(WHOLE[lang]) < page.index('class="kb kb-tiles"')
    assert "economy.total_fiscal_revenue" not in re.sub(r'href="[^"]*"', "", page)  # no id where a reader reads


@pytest.mark.parametrize("lang", LANGS)
def test_a_note_of_a_figure_listed_under_its_section_shows_too(shipped, lang):
    page = render(shipped, "livelihood", lang, date(2024, 5, 31))
    assert "※" in page and ("三年行动蓝图的任务总数" if lang == "zh" else "Tasks of a three-year plan") in page


def row_of(page: str, words: str) -> str:
    [row] = [r for r in re.findall(r"<tr>(.*?)</tr>", page) if words in r]
    return row


@pytest.mark.parametrize("lang", LANGS)
def test_a_summer_target_is_not_due_yet_in_may_and_has_a_real_status_in_september(shipped, lang):
    name = "爱心暑托班期数" if lang == "zh" else "Summer care class sessions"
    may = row_of(render(shipped, "targets", lang, date(2024, 5, 31), year="2024"), name)
    assert ("未到期" if lang == "zh" else "Not due yet") in may and ("7—8月" if lang == "zh" else "Jul–Aug") in may
    september = row_of(render(shipped, "targets", lang, date(2024, 9, 30), year="2024"), name)
    assert ("未到期" if lang == "zh" else "Not due yet") not in september
    assert ("尚无进展报告" if lang == "zh" else "No progress reported yet") in september


@pytest.mark.parametrize("lang", LANGS)
def test_an_award_is_not_due_until_the_year_end(shipped, lang):
    name = "创建、复评区民主法治示范社区" if lang == "zh" else "model communities"
    row = row_of(render(shipped, "targets", lang, date(2024, 11, 30), year="2024"), name)
    assert ("未到期" if lang == "zh" else "Not due yet") in row and ("年底" if lang == "zh" else "At year end") in row


@pytest.mark.parametrize("lang", LANGS)
def test_the_targets_page_tells_ongoing_work_from_finished_work(shipped, lang):
    page = render(shipped, "targets", lang, date(2024, 5, 31), year="2024")
    ongoing = row_of(page, "“四百”大走访" if lang == "zh" else "Four Hundreds")
    finished = row_of(page, "首届“健康生活节”" if lang == "zh" else "Healthy Living Festival")
    assert t("done_when_continued", lang) in ongoing and t("done_when_finished", lang) in finished


@pytest.mark.parametrize("lang", LANGS)
def test_a_seasonal_targets_detail_says_why_it_waits(shipped, lang):
    page = render(
        shipped, "targets", lang, date(2024, 5, 31), year="2024", target="livelihood.summer_care_sessions_2024"
    )
    assert "2024-07-01" in page and "暑托班" in page
    assert ("尚未录入结果" if lang == "zh" else "no outcome has been entered") not in page  # the year is not over
