"""What data is good: the one rule the app (components/data.py), the publisher (components/publish.py) and the
data-check page share, so the interactive pages and the public static pages never show different data.

The files' own data, read once as one snapshot (kpi/data/reading.py), is shown when
- it validates (`load_dataset`'s every rule),
- it was read whole: the files did not keep changing while they were read,
- no page has raised with it, in any process (the `broken-` mark on disk, kpi/data/snapshot.py), and
- it does not drop more than a fifth of the items that have public pages (figures, targets, milestones, results in words, terms, themes,
  reports) compared with the last good data, unless staff confirmed that version on the data-check page.
Otherwise the last good copy is shown (kpi/data/snapshot.py), with the reason.

Why the shrink rule: a file saved in place (an SFTP upload, an editor that truncates then writes) can be valid when
cut at a line boundary: one such cut kept 60 of 151 figures and no targets, and the public site lost half its pages.
A real removal of that size is rare and deliberate, so staff confirm it once (`confirm`, a file in the state
directory), and from then on the rule accepts that version. Why on disk, not in a process's memory: the app's
processes and the publisher must agree, and a process that restarts must remember.

A file cut short at the end of a list (the last few milestones) looks exactly like an edit that removes them: only
time tells them apart. So the publisher writes files that drop any public item only once they have stayed unchanged
for REMOVAL_QUIET_S (others: a second, kpi/data/reading.py), since its pages stay until the next write; the app
shows them at once, as it shows any valid edit, since it reads the files again on the next page load.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpi.data.dataset import Dataset
from kpi.data.errors import DataError, DataErrors
from kpi.data.loading import parse_dataset
from kpi.data.reading import Contents, read_contents
from kpi.data.snapshot import discard, home, is_broken, last_good_version, load_copy, save_last_good

INVALID, UNSTEADY, BROKEN, HELD = "invalid", "unsteady", "broken", "held"  # why the files' own data is not shown
SHRINK_LIMIT = 0.2  # the share of public items the files may drop before staff must confirm
REMOVAL_QUIET_S = 5.0  # how long files that drop any public item stay unchanged before the publisher writes them
CONFIRMED = "confirmed-"
_VERSION = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Reading:
    """One read of the files and what it gave: a dataset, or the errors that stop it."""

    contents: Contents
    dataset: Dataset | None
    errors: list[DataError]

    @property
    def version(self) -> str:
        """The digest of the bytes the dataset was parsed from."""
        return self.contents.digest


@dataclass(frozen=True)
class Held:
    """A version of the files held back because it drops `dropped` of the `total` public items of the last good data."""

    version: str
    dropped: int
    total: int


@dataclass(frozen=True)
class Choice:
    """The data to show: the files' own (`why` empty), or the last good copy and why (None when there is none)."""

    reading: Reading  # the files as read
    dataset: Dataset | None
    version: str | None  # of `dataset`
    why: str = ""  # INVALID, UNSTEADY, BROKEN or HELD
    held: Held | None = None

    @property
    def fresh(self) -> bool:
        return not self.why


def read(directory: Path) -> Reading:
    """The files read once and parsed from the bytes read."""
    return parse(read_contents(directory))


def parse(contents: Contents) -> Reading:
    """The dataset parsed from files already read, or the errors that stop it."""
    try:
        return Reading(contents, parse_dataset(contents), [])
    except DataErrors as exc:
        return Reading(contents, None, exc.errors)


def choose(directory: Path, reading: Reading, saved: Callable[[str], Dataset | None] | None = None) -> Choice:
    """The files' own data if it is good (see the module's docstring), else the last good copy, with the reason.

    `saved(version)` loads a last good copy; the app passes its cache, so a copy is parsed once per process."""
    saved = saved or (lambda version: load_copy(directory, version))
    why, held = problem(directory, reading, saved)
    if not why:
        return Choice(reading, reading.dataset, reading.version)
    last = last_good_version(directory)
    fallback = saved(last) if last and not is_broken(directory, last) else None
    return Choice(reading, fallback, last if fallback else None, why, held)


def problem(directory: Path, reading: Reading, saved: Callable[[str], Dataset | None]) -> tuple[str, Held | None]:
    """Why the files' own data must not be shown ("" when it may), and what is held back when it drops too much."""
    if reading.dataset is None:
        return INVALID, None
    if not reading.contents.steady:
        return UNSTEADY, None
    if is_broken(directory, reading.version):
        return BROKEN, None
    held = held_back(directory, reading, saved)
    return (HELD, held) if held else ("", None)


def held_back(directory: Path, reading: Reading, saved: Callable[[str], Dataset | None]) -> Held | None:
    """The files' version held back when it drops more than SHRINK_LIMIT of the last good data's public items and
    staff have not confirmed it; None otherwise (also when there is no last good data to compare with)."""
    found = compared(directory, reading, saved)
    return Held(reading.version, *found) if found and found[0] > SHRINK_LIMIT * found[1] else None


def compared(directory: Path, reading: Reading, saved: Callable[[str], Dataset | None]) -> tuple[int, int] | None:
    """(how many public items of the last good data the files' data drops, of how many); None when there is nothing to
    compare (no last good copy, the same version, files that fail validation) or staff confirmed the version."""
    last = last_good_version(directory)
    if reading.dataset is None or last in (None, reading.version) or is_confirmed(directory, reading.version):
        return None
    good = saved(last)
    return loss(good, reading.dataset) if good is not None else None


def public_items(dataset: Dataset) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(kind, id, former ids) of every item that has a public page or a place on one."""
    content = dataset.content
    for kind, items in (
        ("figure", content.indicators),
        ("target", content.targets),
        ("milestone", content.milestones),
        ("result", content.results),
        ("term", dataset.glossary.terms),
        ("theme", content.themes),
        ("report", content.reports),
    ):
        for item in items:
            yield kind, item.id, tuple(getattr(item, "former_ids", ()))


def loss(good: Dataset, new: Dataset) -> tuple[int, int]:
    """(how many of `good`'s public items `new` lacks, how many `good` has); a renamed item that lists its former id
    is not lost."""
    kept = {(kind, name) for kind, item_id, former in public_items(new) for name in (item_id, *former)}
    before = [(kind, item_id) for kind, item_id, _ in public_items(good)]
    return sum(item not in kept for item in before), len(before)


def confirm(directory: Path, version: str, by: str = "") -> Path:
    """Record that staff accept this version of the files although it drops many items (the data-check page's button).

    Why a file per version: any later edit is a new version and is checked again."""
    if not _VERSION.fullmatch(version):
        raise ValueError(f"not a version of the files: {version!r}")
    folder = home(directory)
    folder.mkdir(parents=True, exist_ok=True)
    record = {"version": version, "by": by, "at": datetime.now().astimezone().isoformat(timespec="seconds")}
    staging = folder / f".{CONFIRMED}{uuid.uuid4().hex}"
    staging.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    os.replace(staging, folder / f"{CONFIRMED}{version}")
    return folder / f"{CONFIRMED}{version}"


def is_confirmed(directory: Path, version: str) -> bool:
    """Whether staff confirmed this version of the files (in any process)."""
    return bool(_VERSION.fullmatch(version)) and (home(directory) / f"{CONFIRMED}{version}").is_file()


def remember(directory: Path, reading: Reading) -> Path | None:
    """The files' data showed or was published without error: its bytes become the last good copy for every process."""
    return save_last_good(directory, reading.contents)


def mark_broken(directory: Path, version: str) -> None:
    """A page raised with this version: never shown or kept as the last good data again, by any process."""
    discard(directory, version)


def marks(directory: Path, version: str) -> tuple[str | None, bool, bool]:
    """What the decision reads on disk besides the files (last good version, broken, confirmed): when it changes, the
    choice may change, so the publisher looks again."""
    return last_good_version(directory), is_broken(directory, version), is_confirmed(directory, version)
