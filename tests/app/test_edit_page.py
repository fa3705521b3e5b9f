"""The editing page (/edit) headless: every part in both languages, the public refused, a form checked, previewed,
saved and recorded with its author, a bad input refused at its field with what was typed kept, a file's error at its
line, an undo from the history, and a new report drafted and reviewed.

The person signed in is given by replacing the two functions the page asks (components/staff.py's proof needs nginx:
tests/browser/test_edit_in_browser.py signs in for real)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from components.edit import flow, page
from components.staff import PROXY_SECRET_ENV, StaffViewer
from kpi.data.files import INDICATORS
from kpi.edit.history import log
from tests.helpers.apptest import open_page, texts
from tests.helpers.fixture_report import FIRST

TARGET = "safety.new_safety_posts_2024"
PARTS = ("progress", "outcome", "figure", "term", "report", "file", "history")


@pytest.fixture
def data(shipped_dir, monkeypatch):
    monkeypatch.setenv("KPI_DATA_DIR", str(shipped_dir))
    return shipped_dir


@pytest.fixture
def signed_in(monkeypatch):
    """王芳 is signed in (what nginx and the sign-in server would prove)."""
    monkeypatch.setattr(page, "staff_viewer", lambda: StaffViewer("王芳"))
    monkeypatch.setattr(flow, "signed_in_now", lambda: "王芳")
    return "王芳"


def edit(part: str, lang: str = "en", **params: str):
    return open_page("edit", lang=lang, part=part, **params)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("part", PARTS)
def test_every_part_draws_in_both_languages_and_nobody_saves_without_the_deploy(data, part, lang):
    at = edit(part, lang)
    words = texts(at)
    assert ("编辑数据" if lang == "zh" else "Edit") in [h.value for h in at.header]
    assert ("无法" not in words) and "Traceback" not in words
    assert ("此服务器没有登录服务" if lang == "zh" else "This server has no sign-in") in words
    assert not [b for b in at.button if b.label in ("保存", "Save")]


def test_behind_the_deploy_the_public_is_refused(data, monkeypatch):
    monkeypatch.setenv(PROXY_SECRET_ENV, "the-deploy-secret")  # no proxy header in this request: a public viewer
    at = edit("file")
    assert "This page is for staff only." in texts(at) and not at.text_area


def _fill_progress(at, value: str):
    at.selectbox(key="edit_progress_item").select(TARGET)
    at.date_input(key="edit_progress_date").set_value(date(2024, 6, 30))
    at.text_input(key="edit_progress_value").input(value)
    at.text_input(key="edit_progress_note_zh").input("上半年新建30座")
    at.text_input(key="edit_progress_note_en").input("30 built in the first half")
    return at.run()


def test_a_progress_entry_is_checked_shown_saved_and_recorded_by_its_author(data, signed_in):
    before = (data / INDICATORS).read_text(encoding="utf-8")
    at = _fill_progress(edit("progress"), "30")
    at.button(key="edit_progress_check").click().run()
    words = texts(at)
    assert "Check passed" in words
    [diff] = [c.value for c in at.code if c.language == "diff"]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert added == [
        "+  progress:",
        "+  - date: 2024-06-30",
        "+    value: 30",
        "+    note: {zh: 上半年新建30座, en: 30 built in the first half}",
    ]
    assert (data / INDICATORS).read_text(encoding="utf-8") == before  # checked, not written
    assert any("Targets" in option for option in at.selectbox(key="edit_progress__preview").options)
    assert (
        at.selectbox(key="edit_progress__preview").value.url == f"/targets?lang=en&year=2024&target={TARGET}"
    )  # its own page first
    [chart] = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]  # the preview draws the target's chart
    assert "2024-06-30" in chart["data"][-1]["x"]
    at.button(key="edit_progress_save").click().run()
    assert "Saved as change" in texts(at)
    assert "  - date: 2024-06-30\n    value: 30\n" in (data / INDICATORS).read_text(encoding="utf-8")
    [latest, *_] = log(data, 5)
    assert (latest.author, latest.summary) == ("王芳", f"targets[{TARGET}]: progress 2024-06-30 = 30")
    assert at.text_input(key="edit_progress_value").value == ""  # a new entry starts empty…
    assert at.date_input(key="edit_progress_date").value is None
    assert at.selectbox(key="edit_progress_item").value == TARGET  # …for the same target


def test_a_bad_value_is_refused_at_its_field_and_what_was_typed_comes_back(data, signed_in):
    before = (data / INDICATORS).read_bytes()
    at = _fill_progress(edit("progress"), "一百")
    at.button(key="edit_progress_check").click().run()
    [listing] = [c.value for c in at.code if c.value.startswith("Value:")]
    assert "must be a number" in listing
    assert (data / INDICATORS).read_bytes() == before and not [b for b in at.button if b.label == "Save"]
    again = edit("progress")  # a reload: a new session of the same person
    assert again.text_input(key="edit_progress_value").value == "一百"
    assert again.date_input(key="edit_progress_date").value == date(2024, 6, 30)
    assert "Your unsaved input from last time is back." in texts(again)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_full_width_colon_typed_in_the_file_editor_is_said_at_its_line_as_validate_says_it(data, signed_in, lang):
    """The file editor checks with the loader `validate` and /check use (kpi/data/slips.py): the slip at its own line."""
    at = edit("file", lang)
    window = at.text_area(key="edit_file_indicators__window_1_50_0")
    lines = window.value.split("\n")
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("  published"))
    lines[number - 1] = "  published： " + lines[number - 1].split(maxsplit=1)[1]  # (the unsaved input may be back)
    window.input("\n".join(lines)).run()
    at.button(key="edit_file_indicators_check").click().run()
    [listing] = [c.value for c in at.code if c.value.startswith(f"indicators.yaml:{number}:")]
    assert ("全角的“：”" if lang == "zh" else "full-width “：”") in listing
    assert ("YAML 格式错误" if lang == "zh" else "YAML syntax error") not in listing


def test_a_file_edit_with_a_tab_is_refused_at_its_line_and_nothing_is_written(data, signed_in):
    before = (data / INDICATORS).read_bytes()
    at = edit("file")
    window = at.text_area(key="edit_file_indicators__window_1_50_0")  # lines 1–50, numbered beside it
    lines = window.value.split("\n")
    lines[10] = "\t" + lines[10].lstrip(" ")
    window.input("\n".join(lines)).run()
    at.button(key="edit_file_indicators_check").click().run()
    [listing] = [c.value for c in at.code if c.value.startswith("indicators.yaml:11:")]
    assert "Tab" in listing
    assert (data / INDICATORS).read_bytes() == before
    assert 'kb-line-bad"><b>11</b>' in "".join(h.proto.body for h in at.get("html"))  # shown at its line
    at.number_input(key="edit_file_indicators__from").set_value(100).run()  # another window…
    at.button(key="edit_file_indicators__show_11").click().run()  # …and back to the error's line
    assert at.text_area(key="edit_file_indicators__window_6_50_0").value.split("\n")[5].startswith("\t")


def test_an_undo_from_the_history_restores_the_bytes_and_is_recorded(data, signed_in):
    before = (data / INDICATORS).read_bytes()
    at = _fill_progress(edit("progress"), "30")
    at.button(key="edit_progress_check").click().run()
    at.button(key="edit_progress_save").click().run()
    at = edit("history")
    assert "王芳" in [row for row in at.dataframe[0].value.iloc[:, 1]]
    at.button(key="edit_history_check").click().run()  # Undo: made and checked like any change
    assert "Check passed" in texts(at)
    at.button(key="edit_history_save").click().run()
    assert (data / INDICATORS).read_bytes() == before
    assert log(data, 1)[0].summary.startswith("undo ")


def test_a_new_report_is_drafted_its_review_kept_and_marks_block_applying(data, signed_in):
    at = edit("report")
    at.text_area(key="edit_report_paste").input((FIRST.folder / "report.txt").read_text(encoding="utf-8")).run()
    at.text_input(key="edit_report_file").input(FIRST.report_file).run()
    at.text_input(key="edit_report_id").input(FIRST.report_id).run()
    at.button(key="edit_report_draft").click().run()
    assert "decided" in texts(at) and at.selectbox(key="edit_report_entry").options
    at.button(key="edit_report_apply_check").click().run()  # marks left: refused, located at their entries
    assert "review mark" in texts(at) and not (data / FIRST.report_file).exists()
    again = edit("report")  # another day: the review is kept on the server
    assert again.selectbox(key="edit_report_entry").options == at.selectbox(key="edit_report_entry").options
