"""The edit core's invariant: any change is either refused with located errors and nothing written, or written,
committed, and every page renders.

The changes are tests/app/test_any_edit.py's (tests/helpers/mutations.py: strings, numbers, ids, icons, periods,
dates, lists emptied or an item duplicated, keys removed, progress entries and overrides added, a new report), each
saved as a whole-file edit of indicators.yaml and glossary.yaml, by kpi/edit/save.py with the pages' own check
(components/preview.render_problems), as the editing page saves one. A refusal must name a line of the text the staff
member sent, in both languages, and leave every byte, every file time and the history as they were; a save must
write exactly the text sent, commit it by its author with its summary, and leave data whose every page renders.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.preview import render_problems
from kpi.data.files import GLOSSARY, INDICATORS
from kpi.data.loading import load_dataset
from kpi.edit.change import Change
from kpi.edit.check import read_texts
from kpi.edit.history import Author, ensure_repository, log
from kpi.edit.save import Refused, save
from tests.helpers.mutations import NEXT_REPORT, SHIPPED, Edit, dump_tree, edited, edits, write_data
from tests.helpers.saving import head, snapshot

LOCATED = re.compile(r"(indicators|glossary)\.yaml:[1-9][0-9]*:[1-9][0-9]*: .+", re.DOTALL)
STAFF = Author("测试员")


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """The shipped data as the mutations write it, with its history begun: each change starts from a copy."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "data"
        directory.mkdir()
        write_data(SHIPPED, directory)
        load_dataset(directory)  # the unedited trees are valid: every refusal below is the edit's
        ensure_repository(directory)
        yield directory


def save_edits(template: Path, changes: list[Edit]) -> str:
    """Assert the invariant for one change made of the edits; say which way it went ("refused" or "saved")."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "data"
        shutil.copytree(template, directory, symlinks=True)
        trees = edited(changes)
        base = read_texts(directory, [INDICATORS, GLOSSARY])
        change = Change(f"edits: {changes!r}"[:200].rstrip(), {name: dump_tree(trees[name]) for name in base}, base)
        before, commit = snapshot(directory), head(directory)
        try:
            saved = save(directory, change, STAFF, render=render_problems)
        except Refused as exc:
            assert exc.problems == [], exc.problems  # valid data whose page raises is a bug of the pages
            assert exc.errors
            for error in exc.errors:
                lines = change.texts[error.file].count("\n") + 1
                assert error.file in (INDICATORS, GLOSSARY) and 1 <= error.line <= lines, error
                assert LOCATED.fullmatch(error.format("zh")) and LOCATED.fullmatch(error.format("en")), error
            assert snapshot(directory) == before and head(directory) == commit
            return "refused"
        assert read_texts(directory, change.files) == {name: change.texts[name] for name in change.files}
        if saved.commit is None:  # the edits did not apply (an earlier one removed their place): nothing to save
            assert snapshot(directory) == before and head(directory) == commit
            return "unchanged"
        newest = log(directory, 1)[0]
        assert (newest.commit, newest.author, newest.summary) == (saved.commit, STAFF.name, change.summary)
        assert render_problems(load_dataset(directory)) == []
        return "saved"


# How many: 25, the profile's default, also in CI. Why not the CI profile's 300: each example checks, saves, commits
# and draws every public page twice (about 1.7 s; 300 took 517 s, a third of the suite), and its edits are
# tests/app/test_any_edit.py's, which tries 300 of them in CI; here the save's part of the path is what is new.
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(changes=st.lists(edits(), min_size=1, max_size=2))
def test_any_change_is_refused_with_its_place_or_saved_and_every_page_renders(template, changes):
    save_edits(template, changes)


# One of each way, named, so a run that Hypothesis happens to draw only one way still tries the other.
CASES = [
    ("a_value_typed_as_a_word", [Edit("set", INDICATORS, ("indicators", 0, "values", 0, "value"), "一百")], "refused"),
    ("a_term_renamed_to_nothing", [Edit("set", GLOSSARY, ("terms", 0, "term", "zh"), "")], "refused"),
    ("a_new_report_before_its_figures", [Edit("new_report", INDICATORS, ("reports",), NEXT_REPORT)], "saved"),
    (
        "a_progress_entry",
        [Edit("append", INDICATORS, ("targets", 0), {"date": date(2024, 6, 30), "value": 10})],
        "saved",
    ),
    (
        "a_progress_entry_before_its_year",
        [Edit("append", INDICATORS, ("targets", 0), {"date": date(2023, 12, 31), "value": 10})],
        "refused",
    ),
]


@pytest.mark.parametrize(("changes", "outcome"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_changes_of_each_kind(template, changes, outcome):
    assert save_edits(template, changes) == outcome
