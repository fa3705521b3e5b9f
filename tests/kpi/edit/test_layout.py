"""The data files' layout as text (kpi/edit/layout.py): content lines without notes, and where each item ends."""

from __future__ import annotations

import pytest

from kpi.edit.layout import content_lines, layout


@pytest.mark.parametrize(("text", "lines"), [
    ("a: 1  # note\n", ["a: 1", None]),
    ("# only a note\n- b\n", [None, "- b", None]),
    ("q: '# not a note'  # a note\n", ["q: '# not a note'", None]),
    ("q: 'a long\n  quote'  # a note\nr: 2\n", ["q: 'a long", "  quote'", "r: 2", None]),
    ("k:\n  - x   \n\n  - y\n", ["k:", "  - x", None, "  - y", None]),
])
def test_content_lines_drop_notes_but_never_text(text, lines):
    assert content_lines(text) == lines


def test_layout_knows_where_each_item_ends():
    text = "items:\n- id: a\n  note: |\n    two\n    lines\n\n  # a comment\n- id: b\n  list: [1, 2]\nend: 1\n"
    root = layout(text)
    first, second = root.get("items").items
    assert (first.line, first.last_line, second.line, second.last_line) == (1, 4, 7, 8)
    assert root.get("items", 1, "list").flow and root.get("items").column == 0
