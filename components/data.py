"""The data the app shows: reloaded when staff save a file, never lost to a bad edit.

Why a stamp, not a TTL: a good edit shows on the next page load, and an unchanged file is never
re-read. Why keep the last good copy: a typo in the YAML must not take the public dashboard down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from kpi.dataset import Dataset, data_dir, data_stamp, load_dataset
from kpi.errors import DataError, DataErrors


@dataclass(frozen=True)
class Loaded:
    """What one version of the files gave: a dataset, or the errors that stop it."""

    dataset: Dataset | None
    errors: list[DataError] = field(default_factory=list)


@st.cache_resource(max_entries=8, show_spinner=False)
def _load(directory: str, stamp: tuple) -> Loaded:
    try:
        return Loaded(load_dataset(Path(directory)))
    except DataErrors as exc:
        return Loaded(None, exc.errors)


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, Dataset]:
    # Shared by all sessions on purpose: the last good data is a property of the files, not of a viewer.
    return {}


def current_data() -> Loaded:
    """The newest good dataset, with the current files' errors if they have any."""
    directory = str(data_dir())
    loaded = _load(directory, data_stamp(Path(directory)))
    if loaded.dataset is not None:
        _last_good()[directory] = loaded.dataset
        return loaded
    return Loaded(_last_good().get(directory), loaded.errors)
