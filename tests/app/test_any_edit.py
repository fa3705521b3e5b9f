"""The invariant: an edit to the data either fails `validate` with located messages, or every page renders.

Hypothesis edits the shipped YAML (tests/helpers/mutations.py: strings, numbers, ids, icons, periods, dates, lists
emptied or an item duplicated, keys removed, progress entries and overrides added). For each edit, either
the loader rejects it and every message reads `FILE:LINE:COL: ...` in both languages, or AppTest shows
every page (overview, targets with a target's details, each theme with its figure list, glossary, report
text, data check, a figure's page) in Chinese and English with no exception and nothing caught by the
app's safety net. Each failure Hypothesis found is kept below as an explicit case.
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.data import page_errors
from kpi.data.dataset import Dataset
from kpi.data.errors import DataErrors
from kpi.data.files import GLOSSARY, INDICATORS
from kpi.data.loading import load_dataset
from tests.helpers.apptest import every_page
from tests.helpers.mutations import NEXT_REPORT, SHIPPED, Edit, edited, edits, write_data

LOCATED = re.compile(r"(indicators|glossary)\.yaml:[1-9][0-9]*:[1-9][0-9]*: .+", re.DOTALL)
AS_OF = ["2024-06-30", "2025-03-01"]  # during the plan year, and after it


@contextmanager
def data_directory(trees: dict[str, Any]):
    """A data directory holding the edited files and the shipped report texts; the app reads it."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        write_data(trees, directory)
        before = os.environ.get("KPI_DATA_DIR")
        os.environ["KPI_DATA_DIR"] = str(directory)
        try:
            yield directory
        finally:
            if before is None:
                del os.environ["KPI_DATA_DIR"]
            else:
                os.environ["KPI_DATA_DIR"] = before


def focus(dataset: Dataset, changes: list[Edit]) -> dict[str, str]:
    """Page parameters that open the details of what was edited: its figure, its target."""
    params = {"figures": "true", "id": dataset.content.indicators[0].id}
    if dataset.content.targets:
        params["target"] = dataset.content.targets[0].id
    for change in changes:
        group, index = (change.path + (None, None))[:2]
        if change.file == INDICATORS and group in ("indicators", "targets") and isinstance(index, int):
            items = getattr(dataset.content, group)
            if index < len(items):
                params["id" if group == "indicators" else "target"] = items[index].id
    return params


def page_failures(dataset: Dataset, as_of: str, params: dict[str, str]) -> list[str]:
    """Every page, both languages: what went wrong on each (empty when every page rendered)."""
    for lang, path, at in every_page(dataset, as_of, **params):
        failures = [f"/{path}?lang={lang}: {e.message}" for e in at.exception]
        failures += [f"/{path}?lang={lang}: caught by the safety net on /{e.page}: {e.error}" for e in page_errors()]
        if failures:
            return failures
    return []


def check_edit(changes: list[Edit], as_of: str) -> str:
    """Assert the invariant for one edit; say which way it went ("rejected" or "rendered")."""
    with data_directory(edited(changes)) as directory:
        try:
            dataset = load_dataset(directory)
        except DataErrors as exc:
            for error in exc.errors:
                lines = (directory / error.file).read_text(encoding="utf-8").count("\n") + 1
                assert error.file in (INDICATORS, GLOSSARY) and 1 <= error.line <= lines, error
                assert LOCATED.fullmatch(error.format("zh")) and LOCATED.fullmatch(error.format("en")), error
            return "rejected"
        failures = page_failures(dataset, as_of, focus(dataset, changes))
        assert not failures, failures
        return "rendered"


# How many edits: the Hypothesis profile's (tests/conftest.py: 25 by default, 300 with HYPOTHESIS_PROFILE=ci).
@settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(changes=st.lists(edits(), min_size=1, max_size=2), as_of=st.sampled_from(AS_OF))
def test_an_edit_is_rejected_with_its_place_or_every_page_renders(changes, as_of):
    check_edit(changes, as_of)


def theme(index: int, field: str) -> tuple:
    return ("themes", index, field)


def target_in(name: str) -> int:
    return next(n for n, t in enumerate(SHIPPED[INDICATORS]["targets"]) if t["id"] == name)


# Failures Hypothesis found before the fixes (each stopped every page, or a page), and what each gets now.
FOUND = [
    ("icon_word", [Edit("set", INDICATORS, theme(0, "icon"), "culture")], "rejected"),
    ("icon_emoji_shortcode", [Edit("set", INDICATORS, theme(9, "icon"), ":smile:")], "rejected"),
    ("icon_markdown", [Edit("set", INDICATORS, theme(8, "icon"), "**")], "rejected"),
    ("icon_trailing_text", [Edit("set", INDICATORS, theme(7, "icon"), ":material/home:x")], "rejected"),
    ("icon_url", [Edit("set", INDICATORS, theme(1, "icon"), "https://example.org/icon.png")], "rejected"),
    ("theme_renamed_check", [Edit("rename", INDICATORS, theme(0, "id"), "check")], "rejected"),
    ("theme_renamed_overview", [Edit("rename", INDICATORS, theme(3, "id"), "overview")], "rejected"),
    # 1e300 reached by a progress entry (no quote checks it): English number formatting raised InvalidOperation.
    (
        "progress_value_huge",
        [Edit("append", INDICATORS, ("targets", 8), {"date": date(2024, 6, 30), "value": 1e300})],
        "rendered",
    ),
    # A new report pasted before its figures: the header looked for the newest report's periods and found none.
    ("new_report_before_its_figures", [Edit("new_report", INDICATORS, ("reports",), NEXT_REPORT)], "rendered"),
    ("emoji_family_icon", [Edit("set", INDICATORS, theme(9, "icon"), "👨‍👩‍👧")], "rendered"),
]
# Found by reading the pages for what they assume (see the list), kept beside them.
READ = [
    ("theme_name_only_spaces", [Edit("set", INDICATORS, ("themes", 2, "name", "en"), "\u3000")], "rejected"),
    (
        "section_not_a_numeral",
        [Edit("set", INDICATORS, ("indicators", 0, "values", 0, "source", "section"), "第一部分 一一(二)")],
        "rendered",
    ),
    (
        "theme_with_no_figures",
        [
            Edit(
                "new_theme",
                INDICATORS,
                ("themes",),
                {"id": "new_area", "name": {"zh": "新领域", "en": "New area"}, "icon": "🏙️"},
            )
        ],
        "rendered",
    ),
    (
        "progress_and_override",
        [
            Edit(
                "append",
                INDICATORS,
                ("targets", target_in("safety.new_safety_posts_2024")),
                {"date": date(2024, 6, 30), "value": 20},
            ),
            Edit(
                "add_key",
                INDICATORS,
                ("milestones", 0),
                ("override", {"status": "done", "reason": {"zh": "人工", "en": "By hand"}}),
            ),
        ],
        "rendered",
    ),
]


@pytest.mark.parametrize(
    ("changes", "outcome"), [case[1:] for case in FOUND + READ], ids=[case[0] for case in FOUND + READ]
)
@pytest.mark.parametrize("as_of", AS_OF)
def test_edits_found_before(changes, outcome, as_of):
    assert check_edit(changes, as_of) == outcome
