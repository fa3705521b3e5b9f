"""The one writer of YAML text (kpi/edit/yaml_text.py): lines in at the right place and indentation, one scalar
replaced where it stands, every other byte kept; and values rendered so they read back as exactly what was typed."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.data.yaml_reader import read_yaml
from kpi.edit.layout import layout
from kpi.edit.yaml_text import (
    DataText,
    Insertion,
    NoPlace,
    add_key,
    add_list_item,
    append_item,
    index_of,
    list_offset,
    merge,
    remove_key,
    render_bilingual,
    render_date,
    render_number,
    render_scalar,
    render_text,
    set_key,
    set_list,
    set_scalar,
)

F = "indicators.yaml"
DATA = """\
# a note at the top
targets:

- id: a.first  # the first
  value: 10
  qualifier: about
  source: {report: r, section: s, quote: 'q: 10'}
  progress:
  - date: 2024-03-31
    value: 4

- id: a.second
  value: 3
  name: {zh: 甲, en: A}
  forms: [x, y]
  words:
  - one
  - two
# a note at the end
"""


def changed(before: str, after: str) -> list[str]:
    """The diff's lines that are not context: '+ added', '- removed'."""
    return [line for line in difflib.ndiff(before.split("\n"), after.split("\n")) if line[:1] in "+-"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("read_back") / "x.yaml"


def read_back(path: Path, text: str) -> object:
    """What the data loader's reader makes of a text."""
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, "x.yaml")[0]


# ── Lines into a list, a key into an item ──────────────────────────────────────────────────────────


def test_an_entry_goes_after_the_last_entry_of_its_list_at_its_indentation():
    after = add_list_item(DATA, F, ("targets", 0), "progress", ["- date: 2024-06-30", "  value: 6"])
    assert changed(DATA, after) == ["+   - date: 2024-06-30", "+     value: 6"]
    assert after.index("value: 6") < after.index("- id: a.second")


def test_an_item_without_the_list_gets_its_key_as_its_last_key():
    after = add_list_item(DATA, F, ("targets", 1), "progress", ["- date: 2024-06-30", "  value: 1"])
    assert changed(DATA, after) == ["+   progress:", "+   - date: 2024-06-30", "+     value: 1"]
    assert after.index("  - two\n  progress:\n") > 0 and after.endswith("    value: 1\n# a note at the end\n")


def test_an_empty_list_on_one_line_takes_its_first_entry_below_its_key():
    text = "targets:\n- id: a.b\n  progress: []  # none yet\n"
    after = add_list_item(text, F, ("targets", 0), "progress", ["- date: 2024-06-30", "  value: 1"])
    assert after == "targets:\n- id: a.b\n  progress:  # none yet\n  - date: 2024-06-30\n    value: 1\n"


def test_a_list_written_on_one_line_has_no_place_for_an_entry():
    with pytest.raises(NoPlace) as refused:
        add_list_item(DATA, F, ("targets", 1), "forms", ["- z"])
    assert (refused.value.error.line, refused.value.error.code) == (15, "apply_flow_list")


def test_a_file_that_indents_its_lists_gets_its_entries_indented_alike():
    text = "targets:\n  - id: a.b\n    progress:\n      - date: 2024-03-31\n  - id: a.c\n    value: 1\n"
    assert list_offset(layout(text)) == 2
    after = add_list_item(text, F, ("targets", 1), "progress", ["- date: 2024-06-30"])
    assert after.endswith("    value: 1\n    progress:\n      - date: 2024-06-30\n")


def test_a_list_whose_items_stand_apart_gets_a_blank_line_before_the_new_one():
    after = append_item(DATA, F, "targets", ["- id: a.third", "  value: 1"])
    assert changed(DATA, after) == ["+ ", "+ - id: a.third", "+   value: 1"]
    assert after.endswith("  - two\n\n- id: a.third\n  value: 1\n# a note at the end\n")


def test_a_list_the_file_lacks_starts_at_its_end():
    after = append_item("terms:\n- id: t\n", F, "milestones", ["- id: a.m"])
    assert after == "terms:\n- id: t\n\nmilestones:\n- id: a.m\n"


def test_a_key_goes_in_as_the_items_last_key():
    after = add_key(DATA, F, ("targets", 0), ["outcome:", "  value: 11"])
    assert changed(DATA, after) == ["+   outcome:", "+     value: 11"]
    assert "    value: 4\n  outcome:\n    value: 11\n\n- id: a.second" in after


def test_a_mapping_on_one_line_takes_no_key():
    with pytest.raises(NoPlace) as refused:
        add_key(DATA, F, ("targets", 0, "source"), ["note: x"])
    assert refused.value.error.code == "apply_flow_list" and refused.value.error.field == "targets[0].source"


def test_a_place_the_file_lacks_is_said():
    with pytest.raises(NoPlace) as refused:
        set_scalar(DATA, F, ("targets", 5, "value"), "1")
    assert refused.value.error.code == "edit_no_place"


# ── One scalar replaced where it stands ────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("path", "rendered", "line"),
    [
        (("targets", 0, "value"), "12", "  value: 12"),
        (("targets", 1, "name", "en"), "'B, b'", "  name: {zh: 甲, en: 'B, b'}"),
        (("targets", 0, "source", "quote"), "'q: 12'", "  source: {report: r, section: s, quote: 'q: 12'}"),
        (("targets", 0, "id"), "a.one", "- id: a.one  # the first"),
    ],
)
def test_a_scalar_is_replaced_and_nothing_else_on_its_line(path, rendered, line):
    after = set_scalar(DATA, F, path, rendered)
    [removed, added] = changed(DATA, after)
    assert added == "+ " + line and removed.startswith("- ")


def test_a_scalar_over_several_lines_becomes_one():
    text = "q: 'a long\n  quote'  # a note\nr: 2\n"
    assert set_scalar(text, F, ("q",), "short") == "q: short  # a note\nr: 2\n"


def test_a_missing_key_is_added_after_the_key_it_follows_and_a_present_one_replaced():
    added = set_key(DATA, F, ("targets", 1), "qualifier", "about", after="value")
    assert changed(DATA, added) == ["+   qualifier: about"] and "  value: 3\n  qualifier: about\n  name:" in added
    replaced = set_key(DATA, F, ("targets", 0), "qualifier", "nearly", after="value")
    assert changed(DATA, replaced) == ["-   qualifier: about", "+   qualifier: nearly"]


def test_a_key_is_taken_out_whole_and_an_absent_one_leaves_the_text_as_it_is():
    assert changed(DATA, remove_key(DATA, F, ("targets", 0), "qualifier")) == ["-   qualifier: about"]
    assert remove_key(DATA, F, ("targets", 1), "qualifier") == DATA
    with pytest.raises(NoPlace):
        remove_key(DATA, F, ("targets", 0), "id")  # it stands on the item's `-` line


@pytest.mark.parametrize(
    ("key", "items", "diff"),
    [
        ("forms", ["x", "'z, w'"], ["-   forms: [x, y]", "+   forms: [x, 'z, w']"]),
        ("words", ["one", "three"], ["-   - two", "+   - three"]),
        ("more", ["m"], ["+   more:", "+   - m"]),
        ("forms", [], ["-   forms: [x, y]"]),
    ],
)
def test_a_list_is_replaced_in_its_own_style(key, items, diff):
    assert changed(DATA, set_list(DATA, F, ("targets", 1), key, items)) == diff


# ── The file as bytes say it ───────────────────────────────────────────────────────────────────────


def test_a_windows_file_with_a_byte_order_mark_keeps_both():
    text = "\ufeff" + DATA.replace("\n", "\r\n")
    edits = [
        add_list_item(text, F, ("targets", 0), "progress", ["- date: 2024-06-30", "  value: 6"]),
        add_list_item(text, F, ("targets", 1), "progress", ["- date: 2024-06-30"]),
        append_item(text, F, "targets", ["- id: a.third"]),
        add_key(text, F, ("targets", 0), ["outcome:", "  value: 11"]),
        set_key(text, F, ("targets", 1), "qualifier", "about", after="value"),
        set_scalar(text, F, ("targets", 1, "name", "zh"), "乙"),
        remove_key(text, F, ("targets", 0), "qualifier"),
        set_list(text, F, ("targets", 1), "words", ["a", "b", "c"]),
    ]
    for after in edits:
        assert after.startswith("\ufeff#") and after.count("\ufeff") == 1
        assert after.count("\n") == after.count("\r\n") and after != text
        assert after.replace("\r\n", "\n").lstrip("\ufeff") != DATA


def test_data_text_keeps_the_byte_order_mark_apart_and_puts_it_back(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\n")
    read = DataText.read(path)
    assert (read.text, read.bom, read.encoded(read.text)) == ("a: 1\r\n", True, path.read_bytes())
    assert DataText.of("\ufeffa: 1\n") == DataText("a: 1\n", True) and DataText.of("\ufeffa").whole("b") == "\ufeffb"


def test_merge_puts_an_insertion_into_an_item_before_one_at_the_end_of_its_list():
    into_item = Insertion(F, 1, 2, ["  outcome: x"], [None], 0)
    end_of_list = Insertion(F, 1, 1, ["- id: c"], [7], 2)
    text, origins = merge("- id: a\n  v: 1\r\nz: 2\r\n", [end_of_list, into_item])
    assert text == "- id: a\n  v: 1\r\n  outcome: x\r\n- id: c\r\nz: 2\r\n"
    assert origins == [("data", 0, 0), ("data", 1, 0), None, ("draft", 7, 2), ("data", 2, 0), ("data", 3, 0)]


def test_an_item_is_found_by_its_id_in_the_text_as_it_is():
    assert (
        index_of(DATA, "targets", "a.second"),
        index_of(DATA, "targets", "a.none"),
        index_of("", "targets", "a"),
    ) == (1, None, None)


# ── Values as the files write them ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "block", "flow"),
    [
        ("第二季度新建10座", "第二季度新建10座", "第二季度新建10座"),
        ("10 built in the second quarter", "10 built in the second quarter", "10 built in the second quarter"),
        ("Delivering policies, health", "Delivering policies, health", "'Delivering policies, health'"),
        ("Veterans' card", "'Veterans'' card'", "'Veterans'' card'"),
        ("note: a colon", "'note: a colon'", "'note: a colon'"),
        ("a # not a note", "'a # not a note'", "'a # not a note'"),
        ("- leading dash", "'- leading dash'", "'- leading dash'"),
        (" leading space", "' leading space'", "' leading space'"),
        ("yes", "'yes'", "'yes'"),
        ("30", "'30'", "'30'"),
        ("2024-06-30", "'2024-06-30'", "'2024-06-30'"),
        ("null", "'null'", "'null'"),
        ("", "''", "''"),
        ("two\nlines", '"two\\nlines"', '"two\\nlines"'),
        ('say "hi"\\', "'say \"hi\"\\'", "'say \"hi\"\\'"),
        ('tab\there "q"\\', '"tab\\there \\"q\\"\\\\"', '"tab\\there \\"q\\"\\\\"'),
        ("line\u2028sep", '"line\\u2028sep"', '"line\\u2028sep"'),
    ],
)
def test_text_is_written_plain_single_quoted_or_double_quoted_as_needed(text, block, flow):
    assert (render_text(text), render_text(text, flow=True)) == (block, flow)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (30, "30"),
        (30.0, "30"),
        (3.45, "3.45"),
        (-2.5, "-2.5"),
        (0.00001, "0.00001"),
        (1e22, "10000000000000000000000"),
    ],
)
def test_numbers_are_written_as_staff_write_them(value, written):
    assert render_number(value) == written


@pytest.mark.parametrize("value", [float("inf"), float("nan"), True])
def test_only_finite_numbers_are_written(value):
    with pytest.raises(ValueError):
        render_number(value)


def test_a_lone_surrogate_is_no_text_to_write():
    with pytest.raises(ValueError):
        render_text("a\ud800")


def test_dates_and_bilingual_text_are_written_on_one_line():
    assert render_date(dt.date(2024, 6, 30)) == "2024-06-30" == render_scalar(dt.date(2024, 6, 30))
    assert render_bilingual("已完成: 设计", "Done, design") == "{zh: '已完成: 设计', en: 'Done, design'}"


@given(st.text())
def test_any_text_reads_back_exactly_in_a_block_and_inside_braces(scratch, text):
    document = (
        f"block: {render_text(text)}\nnote: {render_bilingual(text, text)}\nlist: [{render_text(text, flow=True)}]\n"
    )
    assert "\t" not in document and "\r" not in document
    assert len(document.split("\n")) == 4  # one line each, whatever was typed
    assert read_back(scratch, document) == {"block": text, "note": {"zh": text, "en": text}, "list": [text]}


@given(st.one_of(st.integers(-(10**20), 10**20), st.floats(allow_nan=False, allow_infinity=False)))
def test_any_finite_number_reads_back_as_the_same_number(scratch, value):
    read = read_back(scratch, f"value: {render_number(value)}\n")["value"]
    assert isinstance(read, int | float) and not isinstance(read, bool) and read == value


@given(st.dates())
def test_any_date_reads_back_as_the_same_date(scratch, value):
    assert read_back(scratch, f"date: {render_date(value)}\n") == {"date": value}
