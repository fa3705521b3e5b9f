"""One file read into its model (kpi/data/parsing.py): field paths staff can follow, and every problem of one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.data.model import GlossaryFile
from kpi.data.parsing import field_path, parse_file

RAW = {"indicators": [{"id": "economy.x", "values": [{"value": 1}]}, {"name": "no id"}], "themes": [{"id": 3}]}


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        (("indicators", 0, "values", 0, "value"), "indicators[economy.x].values[0].value"),
        (("indicators", 1, "name"), "indicators[1].name"),  # no id: its place
        (("themes", 0, "id"), "themes[0].id"),  # an id that is not text names nothing
        (("indicators", 5), "indicators[5]"),  # past the end
        (("reports",), "reports"),
        ((), ""),
    ],
)
def test_a_field_path_names_list_items_by_their_id(loc, path):
    assert field_path(loc, RAW) == path


GOOD = "terms:\n- id: peace_house\n  report: report_2023\n  term: {zh: 平安屋, en: Peace house}\n  definition: {zh: 值守点。, en: A post.}\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_gives_its_model_and_the_place_of_each_field(tmp_path):
    parsed, errors = parse_file(write(tmp_path, GOOD), "glossary.yaml", GlossaryFile, (("terms",),))
    assert errors == [] and parsed.model.terms[0].id == "peace_house"
    assert parsed.line(("terms", 0, "definition")) == 5
    error = parsed.error(("terms", 0, "report"), "unknown_report", input="report_2023", expected="report_x")
    assert (error.line, error.column, error.field) == (3, 3, "terms[peace_house].report")


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("  report: report_2023\n", "", [(2, 3, "missing", "terms[peace_house].report")]),  # missing: at its item
        (
            "report: report_2023",
            "report: null",
            [(3, 3, "review_null", "terms[peace_house].report")],
        ),  # the mark, not the model
        ("id: peace_house", "id: TODO_1", [(2, 3, "review_todo_id", "terms[TODO_1].id")]),
    ],
)
def test_a_refused_file_gives_no_model_and_each_problem_once(tmp_path, old, new, found):
    parsed, errors = parse_file(write(tmp_path, GOOD.replace(old, new)), "glossary.yaml", GlossaryFile, (("terms",),))
    assert parsed is None
    assert [(e.line, e.column, e.code, e.field) for e in errors] == found
