"""What the draft's tests share: the fictional next report drafted against a copy of the shipped data, and the 2023 text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.data.files import REPO_ROOT
from kpi.draft.draft import Draft, summary
from kpi.draft.writer import render_draft
from tests.conftest import copy_data_dir
from tests.helpers.fixture_report import ADDITIONS, FIRST, drafted


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    """A copy of the shipped data, before any README step for the fictional report."""
    return copy_data_dir(REPO_ROOT, tmp_path)


@pytest.fixture
def fixture_draft(fixture_dir) -> tuple[Draft, object]:
    return drafted(fixture_dir, FIRST)


@pytest.fixture
def fixture_yaml(fixture_draft) -> str:
    """The fixture's draft as the file `python -m kpi draft` writes."""
    draft, content = fixture_draft
    return render_draft(draft, content, ADDITIONS["file"], "test", summary(draft))


@pytest.fixture(scope="module")
def text_2023(dataset) -> str:
    return dataset.report_texts["report_2023"]
