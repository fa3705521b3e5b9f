"""The last good copy of the data, and the marks every process reads: kept where a process that starts later finds it.

Why: a process that starts (or restarts) while staff have a broken edit saved would have nothing to show, and two
processes behind one proxy, or the app and the publisher, could show different figures. After data is shown or
published without error, the bytes it was parsed from (kpi/data/reading.py) are written here, outside the data
directory (the app never writes to the data files). Layout, one folder per data directory:

    <state dir>/<key of the data directory>/<version>/...   a copy of the files, named by the digest of their bytes
    <state dir>/<key of the data directory>/current → <version>        switched atomically (symlink + rename)
    <state dir>/<key of the data directory>/previous → <version>       the copy `current` replaced
    <state dir>/<key of the data directory>/broken-<version>           files that broke a page: never saved again
    <state dir>/<key of the data directory>/confirmed-<version>        staff accepted a large loss (kpi/data/good.py)

Why `previous` and `broken-`: data is saved once it has shown a page without error (components/data.py) or been
published (components/publish.py). If it later makes another page raise, it must not stay the fallback, here or
for any other process: `discard` goes back to the copy before it, and marks its version so no process saves or
shows it again. These marks on disk are the one record of broken data: the app and the publisher both read them.
The version is the digest of the files' names and bytes, so any edit gives new files a fresh chance.
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
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.reading import Contents, write_contents

STATE_ENV = "KPI_STATE_DIR"
CURRENT, PREVIOUS, BROKEN = "current", "previous", "broken-"
SOURCE = "data_dir.txt"  # which data directory a folder keeps, so folders of deleted directories can go
PRUNE_AFTER_S = 60


def state_dir() -> Path:
    """$KPI_STATE_DIR when set, else .state/last-good in the repository (ignored by git)."""
    return Path(os.environ.get(STATE_ENV) or REPO_ROOT / ".state" / "last-good")


def home(data_dir: Path, state: Path | None = None) -> Path:
    """The folder that keeps one data directory's last good copy."""
    key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return (state or state_dir()) / key


def save_last_good(data_dir: Path, contents: Contents, state: Path | None = None) -> Path | None:
    """Write the files as they were read (`contents`, the bytes the shown data was parsed from) as the last good copy;
    None when that version is marked broken.

    Why the bytes read and not the files now: staff may have saved again since, and a copy that is not what was
    shown (perhaps a broken edit) must never become the one a new process falls back to."""
    folder = home(data_dir, state)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SOURCE).write_text(str(data_dir.resolve()), encoding="utf-8")
    digest = contents.digest
    if (folder / f"{BROKEN}{digest}").exists():
        return None
    target = folder / digest
    if not target.is_dir():
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))
        try:
            write_contents(contents, staging)
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
    if (
        previous
        and previous != version
        and (folder / previous).is_dir()
        and not (folder / f"{BROKEN}{previous}").exists()
    ):
        point(folder, CURRENT, previous)
    else:
        (folder / CURRENT).unlink(missing_ok=True)


def is_broken(data_dir: Path, version: str, state: Path | None = None) -> bool:
    """Whether files of this version made a page raise, in any process (`discard` marked them)."""
    return (home(data_dir, state) / f"{BROKEN}{version}").exists()


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
        if (
            old.is_dir()
            and not old.is_symlink()
            and not old.name.startswith(".")
            and old.name not in keep
            and time.time() - old.stat().st_mtime > PRUNE_AFTER_S
        ):
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
    return load_copy(data_dir, version, state) if version else None


def load_copy(data_dir: Path, version: str, state: Path | None = None) -> Dataset | None:
    """The copy of that version, loaded; None when there is none (pruned, or never saved)."""
    try:
        return load_dataset(home(data_dir, state) / version)
    except (DataErrors, OSError):  # removed by a newer save in the meantime
        return None
