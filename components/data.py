"""The data the app shows: reloaded when staff save a file, never lost to a bad edit, never data that broke a page.

Why a stamp, not a TTL: a good edit shows on the next page load, and an unchanged file is never re-read.

Bad data comes in two kinds. Files that fail validation are never shown: the last good data is, and the
data-check page lists the errors. Files that validate but still make a page raise (something no rule
foresaw) are caught by `safety_net` around the page: the error is recorded for the data-check page, that
version of the files is marked broken, and the run starts again, showing the last good data instead.

"Last good" is data that validated, has shown a page without error, and has not made a page raise since.
It becomes the last good data when it first shows a page without error; it is kept in memory, and on disk
(kpi/snapshot.py) for a process that starts while the files are broken. If it makes a page raise later, the
data it replaced is the last good data again, in memory and on disk, and its version (a digest of the files)
is never saved again, by any process. Any edit to the files gives a new version and a fresh start.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import streamlit as st

from kpi.data.dataset import Dataset
from kpi.data.errors import DataError, DataErrors
from kpi.data.files import data_dir, data_stamp
from kpi.data.loading import load_dataset
from kpi.data.snapshot import discard, files_version, last_good_version, load_last_good, save_last_good, snapshot_files

LOG = logging.getLogger(__name__)
MAX_PAGE_ERRORS = 20


@dataclass(frozen=True)
class Files:
    """What one version of the files gave: a dataset and its version, or the errors that stop it."""

    dataset: Dataset | None
    version: str | None  # the digest of the files (as kpi.snapshot names a copy)
    errors: list[DataError]


@dataclass(frozen=True)
class Loaded:
    """What this run shows: the files' own dataset (fresh), or else the last good one (None when there is none)."""

    dataset: Dataset | None
    errors: list[DataError] = field(default_factory=list)  # why the files themselves are not shown, if they fail validation
    fresh: bool = False
    version: str | None = None  # of the dataset shown
    directory: str = ""
    stamp: tuple = ()  # of the files, before they loaded


@dataclass(frozen=True)
class PageError:
    """A page that raised with data that validated, for the data-check page (the traceback goes to the log only)."""

    page: str | None  # its URL path ("" for the overview); None when the frame failed before a page was chosen
    error: str  # "KeyError: 'economy'"
    fresh: bool  # it raised with the files' own data (the last good data was shown instead), else with the last good data
    at: datetime


@dataclass
class _Known:
    """What this process knows about one data directory: shared by every session, changed under the lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    good: tuple[Dataset, str] | None = None  # the last good dataset and its version
    before: tuple[Dataset, str] | None = None  # the one it replaced: the last good data again if `good` breaks a page
    broken: set[str] = field(default_factory=set)  # versions that made a page raise
    page_errors: list[PageError] = field(default_factory=list)  # since the last good data last changed, newest last


@st.cache_resource(show_spinner=False)
def _known(directory: str) -> _Known:
    # Shared by all sessions on purpose: the last good data is a property of the files, not of a viewer.
    return _Known()


@st.cache_resource(max_entries=8, show_spinner=False)
def _load(directory: str, stamp: tuple) -> Files:
    try:
        dataset = load_dataset(Path(directory))
    except DataErrors as exc:
        return Files(None, None, exc.errors)
    return Files(dataset, files_version(Path(directory), snapshot_files(dataset), stamp), [])


@st.cache_resource(max_entries=2, show_spinner=False)
def _saved(directory: str, version: str) -> Dataset | None:
    # `version` is only the cache key: a newer copy saved by another process is read once.
    return load_last_good(Path(directory))


def current_data() -> Loaded:
    """The files' dataset if it is valid and has broken no page; else the last good one, with the files' errors."""
    directory = str(data_dir())
    stamp = data_stamp(Path(directory))
    files, known = _load(directory, stamp), _known(directory)
    if files.dataset is not None and files.version not in known.broken:
        return Loaded(files.dataset, [], True, files.version, directory, stamp)
    good = known.good
    if good is None:  # a process started during a broken edit: the copy on disk
        version = last_good_version(Path(directory))
        saved = _saved(directory, version) if version and version not in known.broken else None
        good = (saved, version) if saved else None
    return Loaded(good[0] if good else None, files.errors, False, good[1] if good else None, directory, stamp)


def page_errors() -> list[PageError]:
    """Pages that raised with data that validated, newest last, since the last good data last changed (this process)."""
    return list(_known(str(data_dir())).page_errors)


@dataclass
class Net:
    """Where the run got to, for the record if it fails."""

    page: str | None = None


@contextmanager
def safety_net(loaded: Loaded, unavailable: str) -> Iterator[Net]:
    """Run the frame and page inside; if they raise, the viewer never sees a traceback.

    With the files' own data: record the error, mark that data broken and run again (the last good data shows).
    With the last good data itself (a fault no data change explains): record it, and show `unavailable` instead
    of the page. Streamlit's own control flow (st.stop, st.rerun, st.switch_page) raises BaseException
    subclasses, which `except Exception` lets through (tests/test_safety_net.py checks it stays so).
    """
    net, slot = Net(), st.empty()
    try:
        with slot.container():
            yield net
    except Exception as exc:  # noqa: BLE001 — anything a page raises must end here, not in the viewer's browser
        slot.empty()
        if _failed(loaded, net.page, exc):
            st.rerun()
        st.info(unavailable, icon=":material/update:")
    else:
        _rendered(loaded)


def _rendered(loaded: Loaded) -> None:
    """A page showed without error: the files' dataset is now the last good data (once per version)."""
    known = _known(loaded.directory)
    if not loaded.fresh or (known.good and known.good[1] == loaded.version):
        return
    with known.lock:
        if loaded.version in known.broken or (known.good and known.good[1] == loaded.version):
            return
        known.before, known.good = known.good, (loaded.dataset, loaded.version)
        known.page_errors = []
    try:
        save_last_good(Path(loaded.directory), snapshot_files(loaded.dataset), loaded.stamp)
    except OSError as exc:  # the copy is only a fallback: a full or read-only disk must not stop the page
        LOG.warning("last good data not saved: %s", exc)


def _failed(loaded: Loaded, page: str | None, exc: Exception) -> bool:
    """Record a page's error; if it raised with the files' own data, that data is broken for good. True: run again."""
    LOG.error("page /%s raised with data version %s", page, loaded.version, exc_info=exc)
    known = _known(loaded.directory)
    error = PageError(page, f"{type(exc).__name__}: {exc}"[:500], loaded.fresh, datetime.now().astimezone())
    with known.lock:
        if not any((e.page, e.error, e.fresh) == (page, error.error, error.fresh) for e in known.page_errors):
            known.page_errors = [*known.page_errors, error][-MAX_PAGE_ERRORS:]
        if not loaded.fresh:
            return False
        known.broken.add(loaded.version)
        if known.good and known.good[1] == loaded.version:
            known.good, known.before = known.before, None
    try:
        discard(Path(loaded.directory), loaded.version)
    except OSError as exc:
        LOG.warning("broken data not marked on disk: %s", exc)
    return True
