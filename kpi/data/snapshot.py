"""The last data that loaded, kept where a process that starts later finds it.

Why: the app keeps the last good data in memory, so a process that starts (or restarts) while staff
have a broken edit saved would have nothing to show, and two processes behind one proxy could show
different figures. After each good load the files that loaded are copied here, outside the data
directory (the app never writes to the data files). Layout, one folder per data directory:

    <state dir>/<key of the data directory>/<digest of the files>/...   a copy of the files that loaded
    <state dir>/<key of the data directory>/current → <digest>           switched atomically (symlink + rename)
    <state dir>/<key of the data directory>/previous → <digest>          the copy `current` replaced
    <state dir>/<key of the data directory>/broken-<digest>              files that broke a page: never saved again

Why `previous` and `broken-`: the app saves the files once they have shown a page without error
(components/data.py). If they later make another page raise, they must not stay the fallback, here or for any
other process: `discard` goes back to the copy before them, and marks their digest so no process saves them
again. The digest is of the files' names and bytes, so any edit gives new files a fresh chance.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from kpi.data.dataset import Dataset
from kpi.data.errors import DataErrors
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, REPO_ROOT, data_stamp
from kpi.data.loading import load_dataset

STATE_ENV = "KPI_STATE_DIR"
CURRENT, PREVIOUS, BROKEN = "current", "previous", "broken-"
SOURCE = "data_dir.txt"  # which data directory a folder keeps, so folders of deleted directories can go
PRUNE_AFTER_S = 60


def state_dir() -> Path:
    """$KPI_STATE_DIR when set, else .state/last-good in the repository (ignored by git)."""
    return Path(os.environ.get(STATE_ENV) or REPO_ROOT / ".state" / "last-good")


def snapshot_files(dataset: Dataset) -> list[str]:
    """The files a dataset was loaded from, relative to its data directory (adapt with the model)."""
    optional = [EXCLUSIONS] if dataset.exclusions is not None else []
    return [INDICATORS, GLOSSARY, *optional, *sorted({report.file for report in dataset.content.reports})]


def home(data_dir: Path, state: Path | None = None) -> Path:
    """The folder that keeps one data directory's last good copy."""
    key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return (state or state_dir()) / key


def save_last_good(data_dir: Path, files: list[str], stamp: tuple, state: Path | None = None) -> Path | None:
    """Copy `files` from `data_dir` as the last good copy; None if they changed since they loaded.

    `stamp` is `data_stamp(data_dir)` taken before the load. Why compare it after copying: staff may
    have saved again since the load, and a copy that may not be what loaded (perhaps a broken edit)
    must never become the one a new process falls back to. Cheaper than loading the copy again.
    """
    folder = home(data_dir, state)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SOURCE).write_text(str(data_dir.resolve()), encoding="utf-8")
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
    try:
        digest = copy_files(data_dir, files, staging)
        if data_stamp(data_dir) != stamp or (folder / f"{BROKEN}{digest}").exists():
            return None
        target = folder / digest
        with contextlib.suppress(OSError):  # another process saved the same files first
            staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # already gone when the rename succeeded
    replaced = last_good_version(data_dir, state)
    if replaced not in (None, digest):
        point(folder, PREVIOUS, replaced)
    point(folder, CURRENT, digest)
    prune(folder, keep={digest, replaced})
    return target


def discard(data_dir: Path, version: str, state: Path | None = None) -> None:
    """Files that broke a page: never the last good copy again. If they are it now, the copy before them is."""
    folder = home(data_dir, state)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{BROKEN}{version}").touch()
    if last_good_version(data_dir, state) != version:
        return
    try:
        previous = os.readlink(folder / PREVIOUS)
    except OSError:
        previous = None
    if previous and previous != version and (folder / previous).is_dir() and not (folder / f"{BROKEN}{previous}").exists():
        point(folder, CURRENT, previous)
    else:
        (folder / CURRENT).unlink(missing_ok=True)


def is_broken(data_dir: Path, version: str, state: Path | None = None) -> bool:
    """Whether files of this version made a page raise, in any process (`discard` marked them)."""
    return (home(data_dir, state) / f"{BROKEN}{version}").exists()


def files_version(data_dir: Path, files: list[str], stamp: tuple) -> str:
    """The digest a copy of these files would have (its folder's name): the version of data that loaded.

    `stamp` is `data_stamp(data_dir)` taken before the load; when the files changed since, the digest may not be
    of what loaded, so the version is the stamp's own (it can never be saved: `save_last_good` checks the stamp)."""
    digest = hashlib.sha256()
    root = data_dir.resolve()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    if data_stamp(data_dir) != stamp:
        return "stamp-" + hashlib.sha256(repr(stamp).encode()).hexdigest()[:24]
    return digest.hexdigest()[:32]


def copy_files(data_dir: Path, files: list[str], target: Path) -> str:
    """Copy the files (keeping their relative paths) and return a digest of their names and bytes."""
    digest = hashlib.sha256()
    root = data_dir.resolve()
    for name in sorted(files):
        source = (root / name).resolve()
        if not source.is_relative_to(root):
            raise ValueError(f"{name}: not inside the data directory {root}")
        content = source.read_bytes()
        digest.update(name.encode() + b"\0" + content + b"\0")
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(content)
    return digest.hexdigest()[:32]


def point(folder: Path, name: str, digest: str) -> None:
    """Switch the link `name` (current, previous) to a copy in one step: readers see the old copy or the new, never neither."""
    link = folder / f".link-{uuid.uuid4().hex}"
    link.symlink_to(digest)
    os.replace(link, folder / name)


def prune(folder: Path, keep: set[str | None]) -> None:
    """Remove older copies of this directory (but the current and previous ones), and the folders of data directories
    that no longer exist."""
    for old in folder.iterdir():
        # Copies younger than a minute may be another process's save in progress: leave them for later.
        if (old.is_dir() and not old.is_symlink() and not old.name.startswith(".") and old.name not in keep
                and time.time() - old.stat().st_mtime > PRUNE_AFTER_S):
            shutil.rmtree(old, ignore_errors=True)
    for other in folder.parent.iterdir():
        source = other / SOURCE
        if other != folder and source.is_file() and not Path(source.read_text(encoding="utf-8")).is_dir():
            shutil.rmtree(other, ignore_errors=True)


def last_good_version(data_dir: Path, state: Path | None = None) -> str | None:
    """The digest of the current last good copy (changes when a newer one is saved), or None."""
    try:
        return os.readlink(home(data_dir, state) / CURRENT)
    except OSError:
        return None


def load_last_good(data_dir: Path, state: Path | None = None) -> Dataset | None:
    """The last good copy of `data_dir`, loaded; None when there is none (or it cannot be read)."""
    version = last_good_version(data_dir, state)
    if version is None:
        return None
    try:
        return load_dataset(home(data_dir, state) / version)
    except (DataErrors, OSError):  # removed by a newer save in the meantime
        return None
