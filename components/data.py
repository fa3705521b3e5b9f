"""The data the app shows: reloaded when staff save a file, never lost to a bad edit, never data that broke a page.

Why a stamp, not a TTL: a good edit shows on the next page load, and an unchanged file is never re-read.

Which data is shown is decided by kpi/data/good.py, the same rule the publisher follows for the public static pages:
the files' own data (read once, as one snapshot: its version is the digest of the bytes it was parsed from) when it
validates, was not marked broken, and does not drop a large share of the public items unless staff confirmed it;
else the last good copy, with the reason. Here: caching the reads, and the safety net around every page.

Bad data comes in kinds. Files that fail validation are never shown: the last good data is, and the data-check page
lists the errors. Files that validate but drop much of the data (often a file caught halfway through a save) are held
back until staff confirm them on the data-check page. Files that validate but still make a page raise (something no
rule foresaw) are caught by `safety_net` around the page: the error is recorded for the data-check page, that version
of the files is marked broken on disk (kpi/data/snapshot.py: for every process, the publisher included), and the
run starts again, showing the last good data instead.

"Last good" is data that was shown or published without error, and has not made a page raise since. It is kept on
disk (kpi/data/snapshot.py), as the bytes it was parsed from, for every process and the publisher, and for a process
that starts while the files are broken. If it makes a page raise later, the copy it replaced is the last good data
again, and its version is marked so no process saves or shows it again. Any edit to the files gives a new version
and a fresh start.
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

from kpi.data import good
from kpi.data.dataset import Dataset
from kpi.data.errors import DataError
from kpi.data.files import data_dir, data_stamp
from kpi.data.snapshot import last_good_version, load_copy
from kpi.site import STAFF_PATHS

LOG = logging.getLogger(__name__)
MAX_PAGE_ERRORS = 20


@dataclass(frozen=True)
class Loaded:
    """What this run shows: the files' own dataset (fresh), or else the last good one (None when there is none)."""

    dataset: Dataset | None
    errors: list[DataError] = field(
        default_factory=list
    )  # why the files themselves are not shown, if they fail validation
    fresh: bool = False
    version: str | None = None  # of the dataset shown
    directory: str = ""
    reading: good.Reading | None = None  # the files as read: their version, and the bytes saved as the last good copy
    why: str = ""  # why the files' own data is not shown (kpi/data/good.py: invalid, unsteady, broken, held)
    held: good.Held | None = None  # the files' version held back, with what it would drop


@dataclass(frozen=True)
class PageError:
    """A page that raised with data that validated, for the data-check page (the traceback goes to the log only)."""

    page: str | None  # its URL path ("" for the overview); None when the frame failed before a page was chosen
    error: str  # "KeyError: 'economy'"
    fresh: (
        bool  # it raised with the files' own data (the last good data was shown instead), else with the last good data
    )
    at: datetime


@dataclass
class _Known:
    """What this process knows about one data directory: shared by every session, changed under the lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    page_errors: list[PageError] = field(default_factory=list)  # since the last good data last changed, newest last


@st.cache_resource(show_spinner=False)
def _known(directory: str) -> _Known:
    # Shared by all sessions on purpose: the page errors are a property of the files, not of a viewer.
    return _Known()


@st.cache_resource(max_entries=8, show_spinner=False)
def _read(directory: str, stamp: tuple) -> good.Reading:
    # `stamp` is only the cache key: the files are read once per save, and the read takes its own stamps.
    return good.read(Path(directory))


@st.cache_resource(max_entries=2, show_spinner=False)
def _saved(directory: str, version: str) -> Dataset | None:
    # A last good copy never changes once saved: parsed once per process.
    return load_copy(Path(directory), version)


def current_data() -> Loaded:
    """The data kpi/data/good.py chooses: the files' own when good, else the last good copy with the reason."""
    directory = str(data_dir())
    reading = _read(directory, data_stamp(Path(directory)))
    choice = good.choose(Path(directory), reading, lambda version: _saved(directory, version))
    return Loaded(
        choice.dataset, reading.errors, choice.fresh, choice.version, directory, reading, choice.why, choice.held
    )


def confirm_held(loaded: Loaded, by: str) -> None:
    """`by`, a signed-in staff member, accepts the files' version held back for what it drops (the data-check page's
    button); every process and the publisher then take it (kpi/data/good.py). The run starts again to show it."""
    held = loaded.held
    if held is None:
        raise ValueError("no version of the files is held back: there is nothing to confirm")
    good.confirm(Path(loaded.directory), held.version, by)
    LOG.info("held data version %s confirmed by %r (drops %s of %s items)", held.version, by, held.dropped, held.total)
    st.rerun()


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
    of the page. A staff page (kpi/site.py STAFF_PATHS) neither condemns the data nor vouches for it: its fault says
    nothing of what the public sees, and a bug in the editing page must not take the public's figures back a version. Streamlit's own control flow (st.stop, st.rerun, st.switch_page) raises BaseException
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
        if net.page not in STAFF_PATHS:
            _rendered(loaded)


def _rendered(loaded: Loaded) -> None:
    """A page showed without error: the files' data is now the last good data, on disk for every process (once per
    version); this process's page errors belong to the data before it."""
    directory = Path(loaded.directory)
    if not loaded.fresh or last_good_version(directory) == loaded.version:
        return
    assert loaded.reading is not None, "data is fresh only when it is the files' reading"
    try:
        good.remember(directory, loaded.reading)
    except OSError as exc:  # the copy is only a fallback: a full or read-only disk must not stop the page
        LOG.warning("last good data not saved: %s", exc)
    known = _known(loaded.directory)
    with known.lock:
        known.page_errors = []


def _failed(loaded: Loaded, page: str | None, exc: Exception) -> bool:
    """Record a page's error; if it raised with the files' own data, that data is broken for good. True: run again."""
    LOG.error("page /%s raised with data version %s", page, loaded.version, exc_info=exc)
    known = _known(loaded.directory)
    error = PageError(page, f"{type(exc).__name__}: {exc}"[:500], loaded.fresh, datetime.now().astimezone())
    with known.lock:
        if not any((e.page, e.error, e.fresh) == (page, error.error, error.fresh) for e in known.page_errors):
            known.page_errors = [*known.page_errors, error][-MAX_PAGE_ERRORS:]
    if not loaded.fresh or page in STAFF_PATHS:
        return False
    assert loaded.version is not None, "fresh data has the version of the files it was read from"
    try:
        good.mark_broken(Path(loaded.directory), loaded.version)
    except OSError as exc:  # without the mark the next run would raise again: show the neutral line instead
        LOG.warning("broken data not marked on disk: %s", exc)
        return False
    return True
