"""Shared fixtures: the shipped data set, writable copies of data directories, and the Hypothesis profiles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from kpi.data.dataset import Dataset
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset

MINIMAL = Path(__file__).parent / "data" / "minimal"

# How many edits the property test (tests/app/test_any_edit.py) tries: few while you work, 150 in CI (.ci/run sets
# HYPOTHESIS_PROFILE=ci). Why: each edit renders every page in both languages; 300 of them took 143 s of a suite that
# must stay under 20 minutes on two cores. Tests that set max_examples themselves keep it.
settings.register_profile("dev", max_examples=25)
settings.register_profile("ci", max_examples=150)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session", autouse=True)
def state_dir(tmp_path_factory) -> Path:
    """The last-good copies the app keeps (kpi/data/snapshot.py) go to a scratch folder, for this run only;
    set in the environment so the servers the browser tests start use it too."""
    path = tmp_path_factory.mktemp("state")
    os.environ["KPI_STATE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(REPO_ROOT)


def copy_data_dir(source: Path, target: Path) -> Path:
    """A writable copy of a data directory (YAML files and the report texts; exclusions.yaml when it has one)."""
    for name in ("indicators.yaml", "glossary.yaml", "exclusions.yaml"):
        if name == "indicators.yaml" or (source / name).exists():
            shutil.copy(source / name, target / name)
    shutil.copytree(source / "source", target / "source")
    return target


@pytest.fixture
def minimal_dir(tmp_path: Path) -> Path:
    return copy_data_dir(MINIMAL, tmp_path)


@pytest.fixture
def shipped_dir(tmp_path: Path) -> Path:
    return copy_data_dir(REPO_ROOT, tmp_path)
