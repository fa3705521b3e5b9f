"""The data files' layout as text (kpi/edit/layout.py): content lines without notes, and where each item ends."""

from __future__ import annotations

import pytest

from kpi.edit.layout import content_lines, layout


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a: 1  # note\n", ["a: 1", None]),
        ("# only a note\n- b\n", [None, "- b", None]),
        ("q: '# not a note'  # a note\n", ["q: '# not a note'", None]),
        ("q: 'a long\n  quote'  # a note\nr: 2\n", ["q: 'a long", "  quote'", "r: 2", None]),
        ("k:\n  - x   \n\n  - y\n", ["k:", "  - x", None, "  - y", None]),
    ],
)
def test_content_lines_drop_notes_but_never_text(text, lines):
    assert content_lines(text) == lines


def test_layout_knows_where_each_item_ends():
    text = "items:\n- id: a\n  note: |\n    two\n    lines\n\n  # a comment\n- id: b\n  list: [1, 2]\nend: 1\n"
    root = layout(text)
    first, second = root.get("items").items
    assert (first.line, first.last_line, second.line, second.last_line) == (1, 4, 7, 8)
    assert root.get("items", 1, "list").flow and root.get("items").column == 0


@pytest.mark.parametrize(
    ("text", "path", "value", "style", "span"),
    [
        ("a: 139  # note\n", ("a",), "139", None, (0, 3, 0, 6)),
        ("a: '2024'\n", ("a",), "2024", "'", (0, 3, 0, 9)),
        ("t: {zh: 甲, en: 'B, b'}\n", ("t", "en"), "B, b", "'", (0, 15, 0, 21)),
        ("q: 'a long\n  quote'  # a note\n", ("q",), "a long quote", "'", (0, 3, 1, 8)),
        ("n: |\n  two\n  lines\n\nr: 1\n", ("n",), "two\nlines\n", "|", (0, 3, 2, 7)),
    ],
)
def test_a_scalar_knows_its_text_style_and_exact_span(text, path, value, style, span):
    node = layout(text).get(*path)
    assert (node.kind, node.value, node.style, (node.line, node.column, node.last_line, node.end_column)) == (
        "scalar",
        value,
        style,
        span,
    )


def test_collections_know_their_kind_and_a_mapping_its_scalars():
    root = layout("- id: a.b\n  forms: [x, y]\n  m: {}\n")
    item = root.get(0)
    assert (root.kind, item.kind, item.get("forms").kind, item.get("m").kind) == (
        "sequence",
        "mapping",
        "sequence",
        "mapping",
    )
    assert (item.scalar("id"), item.scalar("forms"), item.scalar("none")) == ("a.b", None, None)
    assert (item.get("forms").line, item.get("forms").column, item.get("forms").end_column) == (1, 9, 15)
