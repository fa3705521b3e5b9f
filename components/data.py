"""The data the app shows: reloaded when staff save a file, never lost to a bad edit.

Why a stamp, not a TTL: a good edit shows on the next page load, and an unchanged file is never
re-read. Why keep the last good copy: a typo in the YAML must not take the public dashboard down. It is
kept in memory, and on disk (kpi/snapshot.py) for a process that starts while the files are broken.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from kpi.dataset import Dataset, data_dir, data_stamp, load_dataset
from kpi.errors import DataError, DataErrors
from kpi.snapshot import last_good_version, load_last_good, save_last_good, snapshot_files


@dataclass(frozen=True)
class Loaded:
    """What one version of the files gave: a dataset, or the errors that stop it."""

    dataset: Dataset | None
    errors: list[DataError] = field(default_factory=list)


@st.cache_resource(max_entries=8, show_spinner=False)
def _load(directory: str, stamp: tuple) -> Loaded:
    try:
        dataset = load_dataset(Path(directory))
    except DataErrors as exc:
        return Loaded(None, exc.errors)
    try:
        save_last_good(Path(directory), snapshot_files(dataset), stamp)
    except OSError as exc:  # the copy is only a fallback: a full or read-only disk must not stop the page
        logging.getLogger(__name__).warning("last good data not saved: %s", exc)
    return Loaded(dataset)


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, Dataset]:
    # Shared by all sessions on purpose: the last good data is a property of the files, not of a viewer.
    return {}


@st.cache_resource(max_entries=2, show_spinner=False)
def _saved(directory: str, version: str) -> Dataset | None:
    # `version` is only the cache key: a newer copy saved by another process is read once.
    return load_last_good(Path(directory))


def current_data() -> Loaded:
    """The newest good dataset, with the current files' errors if they have any."""
    directory = str(data_dir())
    loaded = _load(directory, data_stamp(Path(directory)))
    if loaded.dataset is not None:
        _last_good()[directory] = loaded.dataset
        return loaded
    if directory in _last_good():
        return Loaded(_last_good()[directory], loaded.errors)
    version = last_good_version(Path(directory))  # a process started during a broken edit
    return Loaded(_saved(directory, version) if version else None, loaded.errors)
