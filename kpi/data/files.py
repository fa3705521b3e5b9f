"""Where the data lives: the data directory, its file names, the stamp that changes on every save, the safe path of
a report text, and the one way the data files are written (`write_files`).

Why apart from the loader: the app's cache, the last good copy and the data-check page ask of the files
themselves (where, which, changed since?) without reading them into the model.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

REPO_ROOT = Path(__file__).resolve().parents[2]
INDICATORS, GLOSSARY, SOURCE_DIR = "indicators.yaml", "glossary.yaml", "source"
EXCLUSIONS = "exclusions.yaml"  # optional: without it nothing is excluded, so the check lists more, never less


def data_dir() -> Path:
    """The data directory: $KPI_DATA_DIR when set, else the repository root."""
    return Path(os.environ.get("KPI_DATA_DIR") or REPO_ROOT)


Stamp = tuple[tuple[str, int, int], ...]


def data_stamp(directory: Path) -> Stamp:
    """(name, mtime_ns, size) of each data file and report text: changes whenever staff save an edit.

    The files are the three YAML files (a missing one as size -1) and every file under source/ (in folders too:
    a report's `file` may name one); kpi/data/reading.py reads exactly these."""
    names = [INDICATORS, GLOSSARY, EXCLUSIONS, *source_files(directory)]
    stamps = []
    for name in names:
        try:
            stat = (directory / name).stat()
            stamps.append((name, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((name, 0, -1))
    return tuple(stamps)


def source_files(directory: Path) -> list[str]:
    """`source/…` names of every file under source/, sorted; links to folders are not followed."""
    found = []
    for folder, _, files in os.walk(directory / SOURCE_DIR):
        found += [(Path(folder) / name).relative_to(directory).as_posix() for name in files]
    return sorted(found)


def report_path(directory: Path, file: str) -> Path | None:
    """The report text's path, or None when `file` would reach outside source/.

    Why so strict: the public report page shows the file's text, so a path must never reach other files
    (no absolute paths, no `..`, no backslashes, no symbolic link out of source/).
    """
    relative = PurePosixPath(file)
    if (
        "\\" in file
        or relative.is_absolute()
        or ".." in relative.parts
        or relative.parts[:1] != (SOURCE_DIR,)
        or len(relative.parts) < 2
    ):
        return None
    path = directory / relative
    return path if path.resolve().is_relative_to((directory / SOURCE_DIR).resolve()) else None


def write_files(directory: Path, contents: dict[str, bytes | None], still: Callable[[], bool] = lambda: True) -> bool:
    """Write data files in one step each: a temporary file beside each (on disk, with the file's mode; a new file takes
    indicators.yaml's), then a rename, so a reader sees the old file or the new, never half; None removes a file.

    Why every temporary file first and `still()` just before the first rename: a full disk or a permission problem
    then leaves every file as it was, and a writer who checked the files (kpi/edit/save.py) learns that someone saved
    meanwhile (False, nothing written) instead of writing over it. `kpi apply` and the editing page both write here.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in contents.items():
            if data is not None:
                staged.append((_temporary(directory / name, data, directory / INDICATORS), directory / name))
        if not still():
            return False
        for temporary, path in staged:
            os.replace(temporary, path)
        staged = []
        for name, data in contents.items():
            if data is None:
                (directory / name).unlink(missing_ok=True)
        return True
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _temporary(path: Path, data: bytes, model: Path) -> Path:
    """The bytes in a temporary file beside `path`, flushed to disk, with `path`'s mode (or `model`'s for a new file)."""
    path.parent.mkdir(exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        mode_of = path if path.exists() else model
        if mode_of.exists():
            shutil.copymode(mode_of, temporary)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
