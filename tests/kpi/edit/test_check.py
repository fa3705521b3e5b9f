"""The check before anything is written: every rule of validate in a copy, the render hook, the diff, and what is
refused before loading (paths outside the data files, text that is not UTF-8, too large, indented with a Tab)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpi.data.errors import DataErrors
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS
from kpi.data.loading import load_dataset
from kpi.data.yaml_reader import MAX_BYTES
from kpi.edit.change import Change
from kpi.edit.check import as_text, check, read_texts, unified_diff, writable_path
from tests.helpers.saving import TERMS, add_term, edited, snapshot

LOCATED = re.compile(r"[^:]+:[1-9][0-9]*:[1-9][0-9]*: .+")


def test_a_good_change_passes_with_its_dataset_and_diff_and_writes_nothing(minimal_dir):
    before = snapshot(minimal_dir)
    checked = check(minimal_dir, add_term(read_texts(minimal_dir, [GLOSSARY]), *TERMS[0]))
    assert checked.passed and checked.errors == [] and checked.seconds > 0
    assert [term.id for term in checked.dataset.glossary.terms] == ["peace_house", "enterprises"]
    diff = checked.diffs[GLOSSARY]
    assert diff.startswith("--- a/glossary.yaml\n+++ b/glossary.yaml\n@@ ")
    assert "+- id: enterprises\n" in diff and "\n-" not in diff
    assert snapshot(minimal_dir) == before


def test_a_failing_change_lists_every_error_located_in_both_languages(minimal_dir):
    before = snapshot(minimal_dir)
    change = edited(minimal_dir, "    value: 139\n", "    value: 一百\n")
    text = change.texts[INDICATORS].replace("value: 3.45", "value: true")
    checked = check(minimal_dir, Change(change.summary, {INDICATORS: text}, change.base))
    assert not checked.passed and checked.dataset is None
    lines = text.split("\n")
    assert [(e.file, e.line, e.column) for e in checked.errors] == [
        (INDICATORS, lines.index(f"    value: {v}") + 1, 5) for v in ("一百", "true")
    ]
    for error in checked.errors:
        assert LOCATED.fullmatch(error.format("zh")) and LOCATED.fullmatch(error.format("en"))
    assert "'value' must be a number, not '一百'" in checked.errors[0].format("en")
    assert snapshot(minimal_dir) == before


def test_a_date_the_calendar_lacks_is_refused_at_its_place(minimal_dir):
    checked = check(
        minimal_dir, edited(minimal_dir, "  progress: []\n", "  progress:\n  - date: 2024-06-31\n    value: 30\n")
    )
    assert [(e.line, e.column, e.code) for e in checked.errors] == [(108, 11, "yaml_no_such_date")]


def test_the_render_hook_sees_the_new_data_and_its_problems_refuse(minimal_dir):
    seen = []

    def render(dataset):
        seen.append([term.id for term in dataset.glossary.terms])
        return ["/glossary?lang=en: KeyError: 'x'"]

    checked = check(minimal_dir, add_term(read_texts(minimal_dir, [GLOSSARY]), *TERMS[0]), render)
    assert seen == [["peace_house", "enterprises"]]
    assert (
        checked.dataset is not None and checked.problems == ["/glossary?lang=en: KeyError: 'x'"] and not checked.passed
    )


def test_the_render_hook_is_not_called_for_data_that_fails(minimal_dir):
    checked = check(
        minimal_dir, edited(minimal_dir, "    value: 139\n", "    value: x\n"), lambda d: pytest.fail("rendered")
    )
    assert checked.errors


def test_a_change_may_add_a_report_text(minimal_dir):
    text = (minimal_dir / "source" / "report.txt").read_text(encoding="utf-8")
    change = edited(minimal_dir, "file: source/report.txt", "file: source/报告2023.txt")
    change = Change(
        "new text", {**change.texts, "source/报告2023.txt": text}, {**change.base, "source/报告2023.txt": None}
    )
    checked = check(minimal_dir, change)
    assert checked.passed, checked.errors
    assert checked.diffs["source/报告2023.txt"].startswith("--- /dev/null\n+++ b/source/报告2023.txt\n")
    assert not (minimal_dir / "source" / "报告2023.txt").exists()


def test_removing_a_report_text_still_named_is_an_error_at_its_line(minimal_dir):
    checked = check(minimal_dir, Change("rm", {"source/report.txt": None}, {"source/report.txt": "x"}))
    assert [(e.file, e.line, e.code) for e in checked.errors] == [(INDICATORS, 8, "report_missing")]
    assert (minimal_dir / "source" / "report.txt").exists()


@pytest.mark.parametrize(
    "name",
    [
        "../indicators.yaml",
        "/etc/passwd",
        "source/../indicators.yaml",
        "source/sub/x.txt",
        "source/x.md",
        "source/.hidden.txt",
        "source\\x.txt",
        "schema/indicators.schema.json",
        "app.py",
        ".history.git/config",
        "./indicators.yaml",
        "indicators.yaml/",
        "",
        "source/",
        "source/x.txt\n",
        "INDICATORS.YAML",
        "kpi/data/messages.yaml",
    ],
)
def test_a_path_outside_the_data_files_is_refused_and_never_written(minimal_dir, name):
    before = snapshot(minimal_dir)
    checked = check(minimal_dir, Change("x", {name: "terms: []\n"}, {name: None}))
    assert [e.code for e in checked.errors] == ["edit_path_refused"] and checked.dataset is None
    assert (
        "only indicators.yaml, glossary.yaml, exclusions.yaml and source/NAME.txt can be written"
        in checked.errors[0].en
    )
    assert snapshot(minimal_dir) == before


@pytest.mark.parametrize(
    "name", [INDICATORS, GLOSSARY, EXCLUSIONS, "source/report.txt", "source/new_2024.txt", "source/二〇二四.txt"]
)
def test_the_data_files_may_be_written(minimal_dir, name):
    assert writable_path(minimal_dir, name) == minimal_dir / name


def test_a_symbolic_link_out_of_the_data_directory_is_refused(minimal_dir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    (minimal_dir / "source" / "link.txt").symlink_to(outside / "secret.txt")
    assert writable_path(minimal_dir, "source/link.txt") is None
    (minimal_dir / "source").rename(minimal_dir / "kept")
    (minimal_dir / "source").symlink_to(outside)
    assert writable_path(minimal_dir, "source/secret.txt") is None
    checked = check(minimal_dir, Change("x", {"source/secret.txt": "overwritten"}, {"source/secret.txt": "secret"}))
    assert [e.code for e in checked.errors] == ["edit_path_refused"]
    assert (outside / "secret.txt").read_text(encoding="utf-8") == "secret"


def test_text_that_is_not_utf8_is_refused_at_its_place(minimal_dir):
    raw = (minimal_dir / GLOSSARY).read_bytes().replace("平安屋".encode(), "平安屋".encode("gbk"), 1)
    checked = check(minimal_dir, Change("upload", {GLOSSARY: as_text(raw)}, {GLOSSARY: None}))
    [error] = checked.errors
    assert (error.file, error.line, error.column, error.code) == (GLOSSARY, 4, 15, "not_utf8")
    assert "file is not UTF-8 (save it as UTF-8 in your editor)" in error.format("en")
    assert "不是 UTF-8" in error.format("zh")


def test_a_line_indented_with_a_tab_is_refused_at_the_tab(minimal_dir):
    change = edited(minimal_dir, "\n  theme: economy\n", "\n \ttheme: economy\n")
    [error] = check(minimal_dir, change).errors
    assert (error.line, error.column, error.code) == (20, 2, "tab_indent")
    assert error.format("en").endswith(
        "this line is indented with a Tab; YAML is indented with spaces only: replace the Tab with spaces"
    )


def test_the_loader_says_the_tab_as_the_editing_page_does(minimal_dir):
    path = minimal_dir / INDICATORS
    text = path.read_text(encoding="utf-8").replace("\n  theme: economy\n", "\n\ttheme: economy\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(minimal_dir)
    assert (
        caught.value.errors == check(minimal_dir, Change("tab", {INDICATORS: text}, {INDICATORS: None})).errors
    )  # one message


@pytest.mark.parametrize(
    ("slipped", "code", "zh", "en"),
    [
        ("  direction： higher", "yaml_full_width_colon", "全角的“：”", "full-width “：”"),
        ("  direction:higher", "yaml_no_space", "后面缺少空格", "no space after 'direction:'"),
    ],
)
def test_the_file_editor_says_a_colon_slip_at_its_line_as_validate_does(minimal_dir, slipped, code, zh, en):
    """The file editor's check loads the copy with the loader `validate` and /check use: the same slip, the same words."""
    change = edited(minimal_dir, "  direction: higher\n", slipped + "\n")
    [error] = check(minimal_dir, change).errors
    line = change.texts[INDICATORS].split("\n").index(slipped) + 1
    assert (error.file, error.line, error.code) == (INDICATORS, line, code)
    assert zh in error.format("zh") and en in error.format("en") and "direction: higher" in error.format("en")


def test_a_tab_inside_a_line_or_a_report_text_is_no_indentation(minimal_dir):
    report = (minimal_dir / "source" / "report.txt").read_text(encoding="utf-8")
    change = Change("tabs", {"source/report.txt": "\t" + report}, {"source/report.txt": report})
    assert check(minimal_dir, change).passed


def test_a_text_over_the_loaders_limit_is_refused(minimal_dir):
    huge = "# " + "x" * MAX_BYTES + "\n"
    [error] = check(minimal_dir, Change("paste", {GLOSSARY: huge}, {GLOSSARY: None})).errors
    assert (error.file, error.code) == (GLOSSARY, "file_too_large")
    assert f"limit {MAX_BYTES}" in error.format("en")


def test_texts_keep_a_byte_order_mark_and_crlf_so_writing_them_gives_the_bytes_back(tmp_path):
    raw = b"\xef\xbb\xbfterms:\r\n- id: x\r\n"
    (tmp_path / GLOSSARY).write_bytes(raw)
    texts = read_texts(tmp_path, [GLOSSARY, EXCLUSIONS])
    assert texts[EXCLUSIONS] is None and texts[GLOSSARY].encode("utf-8") == raw


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("a\nb\n", "a\nc\n", "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"),
        (None, "x", "--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+x\n\\ No newline at end of file\n"),
        ("x\n", None, "--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"),
        ("same\n", "same\n", ""),
    ],
)
def test_the_diff_reads_as_gits(before, after, expected):
    assert unified_diff("f", before, after) == expected


def test_the_diff_of_a_long_file_numbers_its_lines_as_git_does():
    before = "".join(f"line {n}\n" for n in range(1, 1001))
    after = before.replace("line 500\n", "line five hundred\n").replace("line 1000\n", "line 1000")
    assert unified_diff("f", before, after) == (
        "--- a/f\n+++ b/f\n@@ -497,7 +497,7 @@\n line 497\n line 498\n line 499\n-line 500\n+line five hundred\n"
        " line 501\n line 502\n line 503\n@@ -997,4 +997,4 @@\n line 997\n line 998\n line 999\n-line 1000\n+line 1000\n"
        "\\ No newline at end of file\n"
    )


def test_a_change_without_a_base_is_diffed_against_the_file_now(minimal_dir):
    text = (minimal_dir / GLOSSARY).read_text(encoding="utf-8")
    checked = check(minimal_dir, Change("x", {GLOSSARY: text.replace("社区治安值守点。", "社区治安值守点")}, {}))
    assert "-  definition: {zh: 社区治安值守点。" in checked.diffs[GLOSSARY]


def test_the_copy_keeps_the_report_texts_the_change_does_not_touch(shipped_dir):
    checked = check(
        shipped_dir,
        edited(shipped_dir, "en: Three Deliveries to Enterprises", "en: Three Deliveries to Firms", GLOSSARY),
    )
    assert checked.passed, checked.errors
    assert checked.dataset.report_texts.keys() == load_dataset(shipped_dir).report_texts.keys()
    assert Path(shipped_dir / GLOSSARY).read_text(encoding="utf-8").count("Three Deliveries to Enterprises") == 1
