"""Saving a change: one save at a time, never over what changed meanwhile, checked again, written atomically and
committed by its author.

Why each step:
- The history's lock (kpi/edit/history.py) makes two saves (two Streamlit processes, the command line) run one
  after the other, so the second reads what the first wrote.
- What changed outside the page since the last commit (by hand on the server, `kpi apply`) is committed first, as
  the server, so the history keeps whose change each line is.
- No lost update: the files are read as they are. Where one differs from the text the change was made from, a form
  (`change.remake`) is made again on the files as they are now; a whole file is merged three ways with
  `git merge-file`, and lines that both changed raise Conflict with what changed meanwhile. Nothing is written
  over another save.
- The change as it will be written is checked again (every rule of `validate`, and the pages when the app passes
  its hook): an error raises Refused, nothing written.
- Each file is written through a temporary file beside it (fsync, then os.replace), all temporaries before the
  first rename, so a reader sees the old file or the new and a full disk leaves every file as it was. Just before
  renaming, the files are read once more: a writer that does not take the lock (an editor on the server, `kpi
  apply`) and wrote meanwhile makes the save start over on its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kpi.data.errors import DataError
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, write_files
from kpi.edit.change import Change
from kpi.edit.check import Checked, Render, check, read_texts, refusals, unified_diff
from kpi.edit.history import (
    SERVER,
    Author,
    Conflict,
    commit,
    ensure_repository,
    locked,
    merge_all,
    record_outside_changes,
)

__all__ = ["SERVER", "Author", "Conflict", "Refused", "Saved", "save"]  # what the editing page needs, from one place
ATTEMPTS = 3  # a writer outside the lock that keeps writing between our read and our rename wins this many times


@dataclass(frozen=True)
class Saved:
    """What was saved: the commit (None when the change changed nothing), the files written, the change as it was
    written (made again or merged when others saved meanwhile), and its check."""

    commit: str | None
    files: list[str]
    change: Change
    checked: Checked | None


class Refused(Exception):
    """The change (as it would be written) fails the check: nothing was written. Its located errors, and the pages
    that did not render."""

    def __init__(self, checked: Checked):
        super().__init__("\n".join([e.format("en") for e in checked.errors] + checked.problems))
        self.checked = checked

    @property
    def errors(self) -> list[DataError]:
        """The located errors, FILE:LINE:COL in the text that would have been written."""
        return self.checked.errors

    @property
    def problems(self) -> list[str]:
        """The pages that did not render with it."""
        return self.checked.problems


def save(directory: Path, change: Change, author: Author, render: Render | None = None) -> Saved:
    """Save the change by `author`: made again or merged on the files as they are, checked, written, committed.
    Raises Refused (check failed), Conflict (overlaps what changed meanwhile); nothing is written then."""
    early = refusals(directory, change)
    if early:  # a path outside the data files: never read, never locked for
        raise Refused(Checked(change, early, None, {}, 0.0))
    ensure_repository(directory)
    with locked(directory):
        record_outside_changes(directory)
        for _ in range(ATTEMPTS):
            current = read_texts(directory, change.files)
            made = on_current(directory, change, current)
            written = [name for name in made.files if made.texts[name] != current[name]]
            if not written:
                return Saved(None, [], made, None)
            checked = check(directory, made, render)
            if not checked.passed:
                raise Refused(checked)
            expected = {name: current[name] for name in written}
            contents = {name: _utf8(made.texts[name]) for name in written}
            if write_files(directory, contents, still=lambda: read_texts(directory, written) == expected):
                return Saved(commit(directory, written, author, made.summary), written, made, checked)
        raise Conflict({name: unified_diff(name, change.base.get(name), current[name]) for name in change.files})


def _utf8(text: str | None) -> bytes | None:
    """A file's new bytes; None for a file the change removes."""
    return None if text is None else text.encode("utf-8")


def on_current(directory: Path, change: Change, current: dict[str, str | None]) -> Change:
    """The change as it applies to the files now: itself when they are what it was made from, else made again (a
    form) or merged (a whole file); Conflict when a merge overlaps."""
    if all(change.base.get(name) == current[name] for name in change.files):
        return change
    if change.remake is not None:
        others = read_texts(directory, [name for name in (INDICATORS, GLOSSARY, EXCLUSIONS) if name not in current])
        return change.remake({**current, **others})
    merged = merge_all(change.base, current, change.texts)
    return Change(change.summary, merged, dict(current))
