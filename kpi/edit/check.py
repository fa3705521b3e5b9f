"""A change checked against the whole data directory before anything is written: every rule of `validate`, and
every page renders (a hook the app passes), in a temporary copy.

Why a copy: the rules read across files (a quote in indicators.yaml must stand in a report text under source/, a
glossary definition too), so a change is only good together with every file it does not touch. The copy is
loaded by `load_dataset`, the one meaning of "valid" the command line and the app share; the data directory
itself is never touched here.

Why some refusals come before loading: a path outside the data files must never reach the disk, not even the
copy's; a text that cannot be written as UTF-8, one over the loader's size limit, or a YAML line indented with a
Tab gets one clear message at its line instead of what the loader makes of it (the loader says "do not indent
with tabs" only inside a syntax error, and accepts a Tab inside a block scalar).

A text here is a file's bytes decoded as UTF-8 and nothing else: a byte-order mark stays as U+FEFF, CRLF stays,
so writing `text.encode("utf-8")` gives back the very bytes. `read_texts` reads that way (bytes that are not
UTF-8 are kept as surrogates, which `check` refuses at their line), and so should every form.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kpi.data.dataset import Dataset
from kpi.data.errors import DataError, DataErrors, make_error, show_input
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, SOURCE_DIR
from kpi.data.loading import load_dataset
from kpi.data.slips import slips
from kpi.data.yaml_reader import MAX_BYTES
from kpi.edit.change import Change

YAML_FILES = (INDICATORS, GLOSSARY, EXCLUSIONS)
# A report text a change may add or replace: source/<name>.txt, one level, no hidden file, no separator or
# control character in the name (Chinese names are fine: staff name reports as they like).
_SOURCE_NAME = re.compile(r"^source/[^./\\\x00-\x1f\x7f][^/\\\x00-\x1f\x7f]*\.txt$")
Render = Callable[[Dataset], list[str]]  # the app's hook: each page that did not render, said in one line


@dataclass(frozen=True)
class Checked:
    """What the check found: errors (located, both languages), pages that did not render, the dataset when it
    loaded, a diff per file, and how long it took."""

    change: Change
    errors: list[DataError]
    dataset: Dataset | None
    diffs: dict[str, str]
    seconds: float
    problems: list[str] = field(default_factory=list)  # from the render hook: "/economy?lang=en: KeyError: …"

    @property
    def passed(self) -> bool:
        """Good to save: it loaded with no error and every page rendered."""
        return self.dataset is not None and not self.errors and not self.problems


def check(directory: Path, change: Change, render: Render | None = None) -> Checked:
    """The change applied to a temporary copy of the data directory, loaded, and rendered if `render` is given."""
    started = time.perf_counter()
    diffs = {name: unified_diff(name, _before(directory, change, name), change.texts[name]) for name in change.files}
    errors = refusals(directory, change)
    dataset, problems = None, []
    if not errors:
        try:
            dataset = load_copy(directory, {name: _encoded(text) for name, text in change.texts.items()})
        except DataErrors as exc:
            errors = exc.errors
    if dataset is not None and render is not None:
        problems = list(render(dataset))
    return Checked(change, errors, dataset, diffs, time.perf_counter() - started, problems)


def _before(directory: Path, change: Change, name: str) -> str | None:
    """What the diff starts from: the text the change was made from, or the file now when the change does not say."""
    if name in change.base:
        return change.base[name]
    path = writable_path(directory, name)
    return read_texts(directory, [name])[name] if path is not None else None


def _encoded(text: str | None) -> bytes | None:
    """A text's bytes (refusals have made sure it encodes); None stays None (the file removed)."""
    return None if text is None else text.encode("utf-8")


# ── Refused before loading ───────────────────────────────────────────────────────────────────────────


def refusals(directory: Path, change: Change) -> list[DataError]:
    """Every reason to refuse the change before loading it: a path that is not a data file, a text that is not
    UTF-8, too large, or a YAML line indented with a Tab."""
    errors: list[DataError] = []
    for name in change.files:
        if writable_path(directory, name) is None:
            errors.append(make_error(_shown_name(name), 1, 1, "", "edit_path_refused", input=show_input(name)))
        elif (text := change.texts[name]) is not None:
            errors += text_refusals(name, text)
    return errors


def text_refusals(name: str, text: str) -> list[DataError]:
    """A text that is not UTF-8 (said at its first such character), too large, or (YAML) indented with a Tab."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        line, column = line_column(text, exc.start)
        return [make_error(name, line, column, "", "not_utf8")]
    if size > MAX_BYTES:
        return [make_error(name, 1, 1, "", "file_too_large", size=size, limit=MAX_BYTES)]
    return list(tab_indents(name, text)) if name in YAML_FILES else []


def tab_indents(name: str, text: str) -> Iterator[DataError]:
    """Each line whose indentation holds a Tab, at the Tab: YAML indents with spaces only (the loader's slip, said
    here for every such line, also inside a block scalar, which the parser accepts)."""
    for slip in slips(text):
        if slip.code == "tab_indent":
            yield make_error(name, slip.line, slip.column, "", slip.code)


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character of the text."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def writable_path(directory: Path, name: str) -> Path | None:
    """The path of a data file a change may write, or None.

    Why so strict: the editing page writes what a browser sends, so only indicators.yaml, glossary.yaml,
    exclusions.yaml and source/<name>.txt can be written: no other name, no `..`, no absolute path, no backslash,
    and no symbolic link on the way (neither the file itself nor a source/ that leads out of the directory).
    """
    if name not in YAML_FILES and not _SOURCE_NAME.fullmatch(name):
        return None
    path = directory / name
    if path.is_symlink() or path.parent.resolve() != directory.resolve() / PurePosixPath(name).parent:
        return None
    return path


def _shown_name(name: str) -> str:
    """A refused name as an error's file: cut short and on one line, so no message is spoofed by a name."""
    return show_input(name.replace("\n", " "), 60).strip("'")


# ── The copy, the texts, the diff ────────────────────────────────────────────────────────────────────


def load_copy(directory: Path, contents: dict[str, bytes | None]) -> Dataset:
    """Load the data directory as it would be with these files' bytes (None: removed); raise DataErrors."""
    with tempfile.TemporaryDirectory(prefix="kpi-check-") as tmp:
        copy = Path(tmp)
        copy_data_files(directory, copy)
        for name, data in contents.items():
            target = copy / name
            if data is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        return load_dataset(copy)


def copy_data_files(directory: Path, target: Path) -> None:
    """The YAML files that exist and the whole of source/ (symbolic links kept as links, so one that leads out is
    refused in the copy as it is in the directory)."""
    for name in YAML_FILES:
        if (directory / name).is_file():
            shutil.copyfile(directory / name, target / name)
    if (directory / SOURCE_DIR).is_dir():
        shutil.copytree(directory / SOURCE_DIR, target / SOURCE_DIR, symlinks=True)


def read_texts(directory: Path, names: Iterable[str]) -> dict[str, str | None]:
    """Each file's text as a change holds it (None when missing): its bytes as UTF-8, anything else kept as
    surrogates so that nothing is lost and `check` can say where."""
    texts: dict[str, str | None] = {}
    for name in names:
        try:
            texts[name] = (directory / name).read_bytes().decode("utf-8", "surrogateescape")
        except FileNotFoundError:
            texts[name] = None
    return texts


def as_text(raw: bytes) -> str:
    """An upload's bytes as a change's text: never refused here, so what was sent is kept and `check` says where
    it is not UTF-8."""
    return raw.decode("utf-8", "surrogateescape")


def unified_diff(name: str, before: str | None, after: str | None) -> str:
    """`git diff`'s form (a/NAME, b/NAME, /dev/null for a missing file), for the page and the history alike."""
    if before == after:
        return ""
    old, new = (before or "").splitlines(keepends=True), (after or "").splitlines(keepends=True)
    start, end = _unchanged_ends(old, new)
    lines = difflib.unified_diff(
        old[start : len(old) - end],
        new[start : len(new) - end],
        "/dev/null" if before is None else f"a/{name}",
        "/dev/null" if after is None else f"b/{name}",
    )
    return "".join(
        _shifted(line, start)
        if line.startswith("@@ ")
        else line
        if line.endswith("\n")
        else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


_CONTEXT = 3  # difflib's and git's lines of context
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def _unchanged_ends(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many lines at the start and at the end both texts share, less the context a diff shows.

    Why: difflib compares every line with every other; one line changed in the 10,000-indicator file took half a
    second. Only the lines between the first and the last difference (and their context) need comparing."""
    limit = min(len(old), len(new))
    start = next((n for n in range(limit) if old[n] != new[n]), limit)
    end = next((n for n in range(limit - start) if old[-1 - n] != new[-1 - n]), limit - start)
    return max(start - _CONTEXT, 0), max(end - _CONTEXT, 0)


def _shifted(header: str, lines: int) -> str:
    """A hunk's header with its line numbers moved down by the lines left out before it."""
    return _HUNK.sub(lambda m: f"@@ -{int(m[1]) + lines}{m[2] or ''} +{int(m[3]) + lines}{m[4] or ''} @@", header)
