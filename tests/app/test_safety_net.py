"""What no rule foresaw: a page that raises with data that validated shows the last good data, never a traceback,
and the data that broke it never becomes (or stays) the last good copy. And who sees which errors.

The fault is planted: a theme page whose figure's Chinese name starts with 坏 raises, as some unforeseen data
might make any page raise. The public sees one neutral line; the data-check page has the located list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException
from streamlit.testing.v1 import AppTest

import components.edit.forms
import components.views.charts
from components.data import page_errors
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.snapshot import home, last_good_version, load_last_good
from tests.conftest import copy_data_dir
from tests.helpers.apptest import open_page, texts, tiles

NAME = "name: {zh: 引进企业, en: Enterprises attracted}"
TILE = ("引进企业 (截至2023年11月)", "139家")
NOTE = ":material/update: 部分数据正在更新。"


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped data the app reads, its own last-good folder, and a fresh process-wide cache."""
    directory = copy_data_dir(REPO_ROOT, tmp_path)
    monkeypatch.setenv("KPI_DATA_DIR", str(directory))
    monkeypatch.setenv("KPI_STATE_DIR", str(tmp_path / "state"))
    import streamlit as st

    st.cache_resource.clear()
    return directory


@pytest.fixture
def fault(monkeypatch):
    """Plant the fault: a theme page's charts raise when one of its figures is named 坏… (with `always`, they always
    do: a fault in the code, which no data avoids). The overview draws no theme charts, so it still shows."""
    charts, switch = components.views.charts.theme_charts, {"always": False}

    def theme_charts(dataset, theme, lang):
        if switch["always"] or any(i.name.zh.startswith("坏") for i in dataset.theme_indicators(theme)):
            raise ValueError(f"planted fault in {theme}")
        return charts(dataset, theme, lang)

    monkeypatch.setattr(components.views.charts, "theme_charts", theme_charts)
    return switch


def visit(url_path: str = "", **params: str) -> AppTest:
    """A viewer opening /<url_path>, in a session of the same process (the cache is kept)."""
    return open_page(url_path, cold=False, **{"as_of": "2025-03-01", **params})


def rename(data: Path, name: str) -> None:
    path = data / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(NAME, NAME.replace("引进企业", name)), encoding="utf-8")


def saved_name(data: Path) -> str | None:
    saved = load_last_good(data)
    return saved.indicators["economy.enterprises_attracted"].name.zh if saved else None


def test_a_page_that_raises_with_valid_data_shows_the_last_good_data(data, fault):
    assert tiles(visit("economy"))[0] == TILE and saved_name(data) == "引进企业"
    rename(data, "坏引进企业")
    load_dataset(data)  # it validates
    at = visit("economy")
    assert tiles(at)[0] == TILE  # the last good data, no traceback
    assert NOTE in [c.value for c in at.caption]
    [error] = page_errors()
    assert (error.page, error.error, error.fresh) == ("economy", "ValueError: planted fault in economy", True)
    assert saved_name(data) == "引进企业"
    assert [p.name for p in home(data).iterdir() if p.name.startswith("broken-")]
    assert tiles(visit("economy"))[0] == TILE  # the broken data stays out, for every later viewer
    assert len(page_errors()) == 1


def test_data_that_showed_a_page_then_broke_another_is_not_kept_as_last_good(data, fault):
    visit("glossary")
    good = last_good_version(data)
    rename(data, "坏引进企业")
    visit("glossary")  # shows without error: for now the last good data, in memory and on disk
    assert last_good_version(data) != good
    at = visit("economy")  # raises: the data before it is the last good data again
    assert tiles(at)[0] == TILE
    assert last_good_version(data) == good and saved_name(data) == "引进企业"
    assert NOTE in [c.value for c in visit("glossary").caption]


def test_the_check_page_lists_the_page_error_with_its_page(data, fault):
    visit()
    rename(data, "坏引进企业")
    visit("economy")
    at = visit("check")
    assert "数据文件通过了检查，但有 1 个页面出错" in texts(at)
    [listing] = [c.value for c in at.code if "ValueError" in c.value]
    assert "页面 /economy（使用当前数据文件）：ValueError: planted fault in economy" in listing
    assert NOTE not in [c.value for c in at.caption]  # staff read the detail, not the public line
    english = visit("check", lang="en")
    assert "page /economy (with the current data files): ValueError" in "".join(c.value for c in english.code)


def test_a_fault_of_a_staff_page_never_takes_the_public_figures_back(data, monkeypatch):
    rename(data, "新引进企业")
    visit()  # the overview shows the files' data: now the last good data
    good = last_good_version(data)

    def broken_part(editing):
        raise ValueError("planted fault in the editing page")

    monkeypatch.setattr(components.edit.forms, "progress_part", broken_part)
    at = visit("edit", part="progress")
    assert not at.exception and "此页正在更新" in texts(at)  # the staff member sees the neutral line, no traceback
    assert [(e.page, e.error) for e in page_errors()] == [("edit", "ValueError: planted fault in the editing page")]
    assert not [p.name for p in home(data).iterdir() if p.name.startswith("broken-")]  # the data is not condemned…
    assert last_good_version(data) == good  # …and the last good data stays what it was
    assert ("新引进企业 (截至2023年11月)", "139家") == tiles(visit("economy"))[0]  # the public sees the files' own data


def test_a_fault_the_last_good_data_has_too_leaves_a_neutral_page(data, fault):
    visit("glossary")
    fault["always"] = True  # a fault in the code: no data shows the economy page
    rename(data, "新引进企业")
    at = visit("economy")
    assert tiles(at) == [] and "此页正在更新，请稍后再来。" in texts(at)
    assert [(e.page, e.fresh) for e in page_errors()] == [("economy", True), ("economy", False)]
    assert "ValueError" not in texts(at) and "Traceback" not in texts(at)


def test_fixing_the_data_shows_it_again_and_clears_the_page_errors(data, fault):
    visit()
    rename(data, "坏引进企业")
    visit("economy")
    (data / "indicators.yaml").write_text(
        (data / "indicators.yaml").read_text(encoding="utf-8").replace("坏引进企业", "新引进企业"), encoding="utf-8"
    )
    at = visit("economy")
    assert tiles(at)[0] == ("新引进企业 (截至2023年11月)", "139家") and NOTE not in [c.value for c in at.caption]
    assert page_errors() == [] and saved_name(data) == "新引进企业"


@pytest.mark.parametrize("control", [StopException, RerunException])
def test_streamlits_control_flow_is_not_an_error(control):
    # st.stop, st.rerun and st.switch_page raise these: the safety net's `except Exception` must let them through.
    assert issubclass(control, BaseException) and not issubclass(control, Exception)


def test_pages_that_stop_on_purpose_are_not_errors(data):
    at = visit("indicator", id="no.such_figure")  # the page calls st.stop() after its message
    assert "找不到该指标。" in texts(at) and page_errors() == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_broken_file_shows_the_public_a_neutral_line_and_staff_the_located_list(data, lang):
    visit()
    (data / "indicators.yaml").write_text(
        (data / "indicators.yaml").read_text(encoding="utf-8").replace("    value: 139\n", "    value: 一百\n"),
        encoding="utf-8",
    )
    public = visit("economy", lang=lang)
    assert tiles(public)[0][1] == {"zh": "139家", "en": "139 enterprises"}[lang]
    note = {"zh": NOTE, "en": ":material/update: Some figures are being updated."}[lang]
    assert [c.value for c in public.caption].count(note) == 1
    shown = texts(public) + "".join(c.value for c in public.code)
    assert "indicators.yaml" not in shown and "一百" not in shown
    assert "check" not in [link.proto.page for link in public.get("page_link")]  # no way in advertised
    staff = visit("check", lang=lang)
    [listing] = [c.value for c in staff.code if "indicators.yaml" in c.value]
    assert {"zh": "'value' 应为数字，实际为 '一百'", "en": "'value' must be a number, not '一百'"}[lang] in listing
    assert (
        listing.startswith("indicators.yaml:")
        and ":5: indicators[economy.enterprises_attracted].values[0].value" in listing
    )


def test_with_no_good_data_at_all_the_public_reads_one_neutral_line(data):
    (data / "glossary.yaml").write_text("terms: 3\n", encoding="utf-8")
    at = visit("economy")
    assert "数据正在更新，请稍后再来。" in texts(at)
    assert "glossary.yaml" not in texts(at) + "".join(c.value for c in at.code)
