"""Staff's /check says what to do next in plain words (issue 31, item 8): the due report first with the two ways to
enter it, times in Shanghai time, ids and lines in their own columns, long lists whole, YAML slips at their line.

The as-of date is named: 2026-12-07, when the shipped data's newest plan year is 2024 and the report on it, due in
January 2025, is not entered. What the page says is derived from the data on that date (kpi/due.py), so these tests
hold when staff enter that report.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import streamlit

from components.check_lists import full_height
from components.next_step import draft_commands
from components.publish import publish
from kpi.data.errors import make_error
from kpi.data.files import INDICATORS, REPO_ROOT, data_stamp
from kpi.data.loading import load_dataset
from kpi.due import due_date, due_reports
from kpi.local_time import file_time, shanghai_time
from kpi.texts import t
from tests.conftest import copy_data_dir
from tests.helpers.apptest import open_page, plain

DATASET = load_dataset(REPO_ROOT)
AS_OF = date(2026, 12, 7)
LANGS = ["zh", "en"]


def lang_params(lang: str) -> dict[str, str]:
    return {} if lang == "zh" else {"lang": lang}


def page_elements(at) -> list[tuple[str, str]]:
    """(type, text) of the page's elements below its header, in order."""
    found, started = [], False
    for element in at.main:
        if element.type == "header":
            started = True
        elif started and element.type in ("subheader", "markdown", "caption", "code", "success", "error", "page_link"):
            found.append((element.type, plain(str(element.label if element.type == "page_link" else element.value))))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_due_report_leads_with_the_ways_to_enter_it(lang):
    [year, *later] = due_reports(DATASET, AS_OF)
    at = open_page("check", as_of=AS_OF.isoformat(), **lang_params(lang))
    shown = page_elements(at)
    assert shown[0] == ("subheader", t("next_step", lang, year=year))
    assert ("markdown", t("next_step_page", lang)) in shown[:4]
    [link] = at.get("page_link")
    assert (link.proto.page, link.proto.query_string) == (
        "edit",
        "part=report" + ("&lang=en" if lang == "en" else ""),
    )
    listed = "\n".join(f"- `{command}`" for command in draft_commands(year).splitlines())  # each as inline code
    assert ("markdown", listed) in shown[:8]
    assert f"--report report_{year}" in draft_commands(year)
    assert ("caption", t("check_outcomes_help_due", lang, year=year)) in shown
    assert t("check_outcomes_help", lang, file=INDICATORS) not in [text for _, text in shown]  # 158 times by hand
    assert bool(later) == any(text == t("next_step_later", lang, years=later[0]) for _, text in shown if later)


@pytest.mark.parametrize("lang", LANGS)
def test_before_the_january_is_over_no_report_is_due(lang):
    newest = max(r.plans for r in DATASET.content.reports)
    day = due_date(newest) - timedelta(days=1)  # the 31st of January after the newest plan year
    at = open_page("check", as_of=day.isoformat(), **lang_params(lang))
    shown = page_elements(at)
    assert not at.get("page_link")
    assert not any(text.startswith(t("next_step", lang, year=newest)) for _, text in shown)
    assert shown[0] == ("success", t("check_valid", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_files_are_dated_in_shanghai_time(lang):
    at = open_page("check", as_of=AS_OF.isoformat(), **lang_params(lang))
    [files] = [df.value for df in at.dataframe if t("col_changed", lang) in df.value.columns]
    stamp = {name: file_time(mtime, lang) for name, mtime, size in data_stamp(REPO_ROOT) if size >= 0}
    assert dict(zip(files[t("col_file", lang)], files[t("col_changed", lang)], strict=True)) == stamp
    label = "（上海时间）" if lang == "zh" else " (Shanghai time)"
    assert all(value.endswith(label) for value in files[t("col_changed", lang)])


@pytest.mark.parametrize("lang", LANGS)
def test_the_missing_outcomes_are_one_whole_table_with_ids_and_lines_in_their_own_columns(lang, monkeypatch):
    heights = []
    dataframe = streamlit.dataframe

    def recorded(data, *args, **kwargs):
        heights.append((list(getattr(data, "columns", [])), kwargs.get("height")))
        return dataframe(data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "dataframe", recorded)
    at = open_page("check", as_of=AS_OF.isoformat(), **lang_params(lang))
    table = at.dataframe[0].value
    line = t("col_line_in", lang, file=INDICATORS)
    assert list(table.columns) == [
        t("col_item", lang),
        t("col_theme", lang),
        t("plan_year", lang),
        t("col_id", lang),
        line,
    ]
    assert len(table) > 10 and all(isinstance(n, int) for n in table[line])
    assert set(table[t("col_id", lang)]) <= set(DATASET.lines)
    [height] = [h for columns, h in heights if columns == list(table.columns)]
    assert height == full_height(table) and height >= 35 * (len(table) + 1)  # every row shows: no 10-row box


SLIPS = [
    ("    value: 139", "    value： 139", "yaml_full_width_colon", {"key": "value", "fixed": "value: 139"}),
    ("    value: 139", "\tvalue: 139", "tab_indent", {}),
    ("    value: 139", "    value:139", "yaml_no_space", {"key": "value", "fixed": "value: 139"}),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("good", "slipped", "code", "params"), SLIPS)
def test_a_yaml_slip_is_listed_at_its_own_line_with_its_cause(
    lang, good, slipped, code, params, shipped_dir, monkeypatch
):
    monkeypatch.setenv("KPI_DATA_DIR", str(shipped_dir))
    open_page(as_of=AS_OF.isoformat())  # the dashboard has read the good files: it keeps them while these are broken
    path = shipped_dir / INDICATORS
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, x in enumerate(lines, start=1) if x == good)
    lines[number - 1] = slipped
    path.write_text("\n".join(lines), encoding="utf-8")
    at = open_page("check", cold=False, as_of=AS_OF.isoformat(), **lang_params(lang))
    expected = make_error(INDICATORS, number, 1 if code == "tab_indent" else 10, "", code, **params).format(lang)
    assert at.error[0].value == t("check_errors", lang, n=1)
    assert [c.value for c in at.code][0] == expected
    assert "YAML 格式错误" not in expected and "YAML syntax error" not in expected  # the cause, not the parser's words


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The shipped data and its static pages, written once (every page in both languages: a minute)."""
    data = copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("data"))
    site = tmp_path_factory.mktemp("site")
    return data, site, publish(data, site, AS_OF)  # status.json keeps the server's zone (UTC here)


@pytest.mark.parametrize("lang", LANGS)
def test_the_static_pages_are_dated_in_shanghai_time(lang, published, monkeypatch):
    data, site, status = published
    monkeypatch.setenv("KPI_DATA_DIR", str(data))
    monkeypatch.setenv("KPI_SITE_DIR", str(site))
    at = open_page("check", as_of=AS_OF.isoformat(), **lang_params(lang))
    at_time = shanghai_time(status.written, lang)
    written = t("static_written", lang, n=status.files, at=at_time, date=status.date, data=t("with_files", lang))
    assert written in [c.value for c in at.caption]
    assert status.written not in " ".join(c.value for c in at.caption)  # not the raw ISO time
