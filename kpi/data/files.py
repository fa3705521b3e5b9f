"""Where the data lives: the data directory, its file names, the stamp that changes on every save, and the safe
path of a report text.

Why apart from the loader: the app's cache, the last good copy and the data-check page ask of the files
themselves (where, which, changed since?) without reading them into the model.
"""

from __future__ import annotations

import os
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
    if "\\" in file or relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != (SOURCE_DIR,) \
            or len(relative.parts) < 2:
        return None
    path = directory / relative
    return path if path.resolve().is_relative_to((directory / SOURCE_DIR).resolve()) else None
