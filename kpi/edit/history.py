"""The data directory's history, in git: every save a commit by its author, changes made outside the page committed
as the server, a log, a commit's diff, and the undo of a commit as a new change.

Why its own git directory (`<data dir>/.history.git`, work tree the data directory): a data directory that is also
the code's checkout never mixes staff commits into the code's history, and the code's `.git` is never touched.
Only the data files are tracked, named on every command (indicators.yaml, glossary.yaml, exclusions.yaml,
source/), and added with --force, so no `.gitignore` decides what is recorded.

Why a clean environment for every git command: the server's or a user's git configuration (an identity, hooks,
autocrlf, a pager, signing) must not change what is recorded, nor make a save wait on a prompt. So the system and
global configuration are not read, hooks are off, and every commit names its author and committer itself.

Who: a staff member signs in with a name only (the password file knows no e-mail address), so a commit's address
is empty (`王芳 <>`): an honest "unknown" rather than an invented address. Changes made outside the page are
authored as `server`; the command line's author is the server's user (kpi/edit/command.py).

Locking: `locked` takes an exclusive lock (fcntl.flock) on a file in the git directory, so saves from two
Streamlit processes and the command line run one after the other. A thread that holds it may take it again.

Off-site copy: when the repository has a remote named `offsite` (`git --git-dir=DATA/.history.git remote add
offsite URL`), each commit is pushed to it in the background; a failure is logged and never blocks a save.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpi.data.errors import DataErrors
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, SOURCE_DIR
from kpi.edit.change import Change, Texts
from kpi.edit.check import load_copy, read_texts, unified_diff
from kpi.texts import LANGS, t

LOG = logging.getLogger(__name__)
GIT_DIR = ".history.git"
TRACKED = (INDICATORS, GLOSSARY, EXCLUSIONS, SOURCE_DIR)  # pathspecs: the data files, and nothing else
BRANCH = "main"
OFFSITE = "offsite"
LOCK_FILE, PUSH_LOCK_FILE = "kpi-save.lock", "kpi-push.lock"
PUSH_TIMEOUT_S = 120
# Settings that would otherwise come from the server's configuration; hooks off, text kept byte for byte.
_SETTINGS = (
    "core.hooksPath=/dev/null",
    "core.autocrlf=false",
    "core.safecrlf=false",
    "core.quotePath=false",
    "core.excludesFile=/dev/null",
    "core.fsmonitor=false",
    "commit.gpgSign=false",
    "log.showSignature=false",
    "diff.noprefix=false",
    "diff.mnemonicPrefix=false",
    "color.ui=never",
    "core.pager=cat",
    "core.sshCommand=ssh -o BatchMode=yes",
)
_KEPT_ENV = ("PATH", "HOME", "TMPDIR", "TZ", "SSH_AUTH_SOCK")  # HOME and the agent: ssh keys for the off-site push


@dataclass(frozen=True)
class Author:
    """Who a commit is by: a staff member's name (as they sign in), and an e-mail address when one is known."""

    name: str
    email: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip() or any(c in self.name + self.email for c in "<>\n\r\0"):
            raise ValueError(f"an author's name cannot be empty or hold <, > or a line break: {self.name!r}")


SERVER = Author("server")


@dataclass(frozen=True)
class Entry:
    """One commit as the History view lists it."""

    commit: str
    author: str
    email: str
    when: datetime
    summary: str
    files: list[str]

    @property
    def short(self) -> str:
        """The id as people quote it (`abc1234`): what `undo` and `--show` accept."""
        return self.commit[:7]


class GitError(Exception):
    """git failed where it should not (not a conflict, not an unknown commit): a bug or a broken repository."""


class UnknownCommit(Exception):
    """The history has no such commit."""

    def __init__(self, commit: str):
        super().__init__(commit)
        self.commit = commit


class Conflict(Exception):
    """What changed meanwhile overlaps the change: nothing was written. `meanwhile` is each overlapping file's diff
    from the text the change was made from to the file as it is now."""

    def __init__(self, meanwhile: dict[str, str]):
        super().__init__(", ".join(meanwhile))
        self.meanwhile = meanwhile

    @property
    def files(self) -> list[str]:
        """The files where the change and what changed meanwhile overlap."""
        return sorted(self.meanwhile)


# ── git itself ───────────────────────────────────────────────────────────────────────────────────────


def git_dir(directory: Path) -> Path:
    """Where the history of a data directory lives (see the module's docstring for why apart from `.git`)."""
    return directory / GIT_DIR


def _env(author: Author | None = None) -> dict[str, str]:
    """A clean environment: no system or global configuration, no prompt, and the author when committing."""
    env = {key: os.environ[key] for key in _KEPT_ENV if key in os.environ}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    if author is not None:
        env.update(
            GIT_AUTHOR_NAME=author.name,
            GIT_AUTHOR_EMAIL=author.email,
            GIT_COMMITTER_NAME=author.name,
            GIT_COMMITTER_EMAIL=author.email,
        )
    return env


def git(
    directory: Path,
    *args: str,
    data: bytes | None = None,
    author: Author | None = None,
    ok: tuple[int, ...] = (0,),
    timeout: float = 60,
) -> subprocess.CompletedProcess:
    """Run git on the history of `directory`; raise GitError for an exit code not in `ok`."""
    settings = [part for setting in _SETTINGS for part in ("-c", setting)]
    command = ["git", f"--git-dir={git_dir(directory)}", f"--work-tree={directory}", *settings, *args]
    result = subprocess.run(command, input=data, capture_output=True, env=_env(author), timeout=timeout, check=False)
    if result.returncode not in ok:
        raise GitError(f"git {args[0]}: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold the history's exclusive lock (the same thread may take it again inside)."""
    key = str(git_dir(directory).resolve())
    held = _held()
    if key in held:
        yield
        return
    git_dir(directory).mkdir(exist_ok=True)
    with open(git_dir(directory) / LOCK_FILE, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)


_LOCAL = threading.local()


def _held() -> set[str]:
    """The histories this thread holds the lock of."""
    if not hasattr(_LOCAL, "held"):
        _LOCAL.held = set()
    return _LOCAL.held


# ── The repository, commits, outside changes ─────────────────────────────────────────────────────────


def ensure_repository(directory: Path) -> None:
    """Create the history when it is missing, and commit the data files as they are, as the server."""
    with locked(directory):
        if not (git_dir(directory) / "HEAD").is_file():
            git(directory, "init", "--quiet", f"--initial-branch={BRANCH}")
        if _head(directory) is None:
            present = [name for name in outside_changes(directory) if (directory / name).exists()]
            if present:
                git(directory, "add", "--force", "--", *present)
            _commit_index(directory, SERVER, both("history_begins"), allow_empty=True)


def _head(directory: Path) -> str | None:
    """The newest commit's id; None before the first commit."""
    result = git(directory, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", ok=(0, 1))
    return result.stdout.decode().strip() or None


def commit(directory: Path, files: list[str], author: Author, message: str) -> str:
    """Commit the files as they are on disk (a removed one as removed) by `author`; the new commit's id.

    A save is recorded even when its files end as the last commit has them (a staff member put back what an
    invalid outside edit changed): the history says who saved, always.
    """
    with locked(directory):
        tracked = set(_lines(git(directory, "ls-files", "-z", "--", *files).stdout))
        present = [name for name in files if (directory / name).exists() or name in tracked]
        if present:
            git(directory, "add", "--force", "--all", "--", *present)
        sha = _commit_index(directory, author, message, allow_empty=True)
    assert sha is not None, "an empty commit was allowed, so one was made and HEAD names it"
    push_offsite(directory)
    return sha


def _commit_index(directory: Path, author: Author, message: str, allow_empty: bool = False) -> str | None:
    """Commit what is staged; None when nothing is (and an empty commit is not asked for)."""
    if not allow_empty and git(directory, "diff", "--cached", "--quiet", ok=(0, 1)).returncode == 0:
        return None
    git(
        directory,
        "commit",
        "--quiet",
        "--no-verify",
        "--allow-empty",
        "--cleanup=verbatim",
        "-m",
        message,
        author=author,
    )
    return _head(directory)


def outside_changes(directory: Path) -> list[str]:
    """The data files that differ from the last commit (changed, added or removed outside a save), no ignore rule
    applied; hidden files (an editor's swap file, a save's temporary) and backups ending in ~ are no data."""
    changed = git(directory, "ls-files", "-z", "--modified", "--deleted", "--others", "--", *TRACKED).stdout
    return sorted(
        {
            name
            for name in _lines(changed)
            if not name.endswith("~") and not any(part.startswith(".") for part in name.split("/"))
        }
    )


def record_outside_changes(directory: Path) -> str | None:
    """Commit, as the server, what changed outside the page (by hand on the server, `kpi apply`) once it validates;
    the commit's id, or None when nothing changed or the data does not validate (then it stays uncommitted).

    Why this function loads the data itself, rather than trusting a caller that says it validated: a server commit
    says "this data loaded", and only a check of the very bytes committed makes that true. They are read once,
    loaded from a copy, and exactly those bytes are committed, even if the file changes again meanwhile.
    """
    ensure_repository(directory)
    with locked(directory):
        changed = outside_changes(directory)
        if not changed:
            return None
        contents = {name: _read_bytes(directory / name) for name in changed}
        try:
            load_copy(directory, contents)
        except DataErrors as exc:
            LOG.warning(
                "outside change to %s not recorded: %d data error(s), first %s",
                ", ".join(changed),
                len(exc.errors),
                exc.errors[0].format("en"),
            )
            return None
        _stage(directory, contents)
        sha = _commit_index(directory, SERVER, both("history_outside", files=", ".join(changed)))
    if sha:
        push_offsite(directory)
    return sha


def both(key: str, **params: object) -> str:
    """A catalogue string in Chinese, then English: a commit message is read in either language."""
    return " / ".join(t(key, lang, **params) for lang in LANGS)


def _read_bytes(path: Path) -> bytes | None:
    """A file's bytes; None when it was removed."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _stage(directory: Path, contents: Mapping[str, bytes | None]) -> None:
    """Stage exactly these bytes (None: removed), then refresh the index's view of the files on disk."""
    for name, data in contents.items():
        if data is None:
            git(directory, "update-index", "--force-remove", "--", name)
            continue
        blob = git(directory, "hash-object", "-w", "--stdin", data=data).stdout.decode().strip()
        git(directory, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}")
    git(directory, "update-index", "-q", "--refresh", ok=(0, 1))  # 1: a file changed again since; recorded next time


def _lines(output: bytes) -> list[str]:
    """NUL-separated names (git's -z) as text."""
    return [part.decode("utf-8", "surrogateescape") for part in output.split(b"\0") if part]


# ── Reading the history ──────────────────────────────────────────────────────────────────────────────


def log(directory: Path, limit: int = 50) -> list[Entry]:
    """The newest commits first: who, when, what, which files."""
    if not (git_dir(directory) / "HEAD").is_file() or _head(directory) is None:
        return []
    output = git(
        directory,
        "log",
        "-z",
        f"--max-count={limit}",
        "--no-renames",
        "--name-only",
        "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s",
    ).stdout.decode("utf-8", "replace")
    return [_entry(record) for record in output.split("\x1e") if record]


def _entry(record: str) -> Entry:
    """One record of `git log -z --name-only` in our format: the header's fields, then the files, NUL-separated."""
    header, *names = record.split("\0")
    commit_id, author, email, when, summary = header.split("\x1f")
    return Entry(
        commit_id, author, email, datetime.fromisoformat(when), summary, [n.strip("\n") for n in names if n.strip("\n")]
    )


def resolve(directory: Path, commit_id: str) -> str:
    """The full id of a commit of the history; UnknownCommit for anything else (a branch name, an option…)."""
    if commit_id.startswith("-") or not commit_id.strip():
        raise UnknownCommit(commit_id)
    result = git(
        directory, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{commit_id}^{{commit}}", ok=(0, 1, 128)
    )
    if result.returncode != 0:
        raise UnknownCommit(commit_id)
    return result.stdout.decode().strip()


def diff(directory: Path, commit_id: str) -> str:
    """What a commit changed, as `git show` writes it (the first commit: every file added)."""
    sha = resolve(directory, commit_id)
    result = git(
        directory,
        "show",
        "--format=",
        "--patch",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        sha,
        "--",
    )
    return result.stdout.decode("utf-8", "replace").lstrip("\n")


def entry(directory: Path, commit_id: str) -> Entry:
    """One commit's entry."""
    sha = resolve(directory, commit_id)
    output = git(
        directory,
        "log",
        "-z",
        "--max-count=1",
        "--no-renames",
        "--name-only",
        "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s",
        sha,
    ).stdout.decode("utf-8", "replace")
    return _entry(output.split("\x1e")[1])


def text_at(directory: Path, commit_id: str, name: str) -> str | None:
    """A file's text as a commit has it (None: the commit has no such file)."""
    result = git(directory, "cat-file", "blob", f"{commit_id}:{name}", ok=(0, 128))
    return result.stdout.decode("utf-8", "surrogateescape") if result.returncode == 0 else None


# ── Undo ─────────────────────────────────────────────────────────────────────────────────────────────


def undo(directory: Path, commit_id: str) -> Change:
    """The commit's change reverted on the files as they are now, merged three ways; Conflict when later changes
    overlap it. A change like any other: check and save it."""
    done = entry(directory, commit_id)
    parent = git(directory, "rev-parse", "--verify", "--quiet", f"{done.commit}^", ok=(0, 1)).stdout.decode().strip()
    files = _lines(
        git(
            directory, "diff-tree", "-z", "--no-commit-id", "-r", "--root", "--name-only", "--no-renames", done.commit
        ).stdout
    )
    after = {name: text_at(directory, done.commit, name) for name in files}
    before = {name: text_at(directory, parent, name) if parent else None for name in files}
    summary = f"undo {done.short}: {done.summary}"

    def revert(current: Texts) -> Change:
        """The revert made on these texts (again, when another save came first)."""
        now = {name: current.get(name) for name in files}
        return Change(
            summary, merge_all(after, now, before), now, remake=lambda later: revert(_with(directory, later, files))
        )

    return revert(read_texts(directory, files))


def _with(directory: Path, texts: Texts, names: list[str]) -> dict[str, str | None]:
    """The texts given, and the files' own for names they lack."""
    missing = [name for name in names if name not in texts]
    return {**{name: texts[name] for name in names if name in texts}, **read_texts(directory, missing)}


def merge_all(
    base: Mapping[str, str | None], current: Mapping[str, str | None], ours: Mapping[str, str | None]
) -> dict[str, str | None]:
    """Each file of `ours` merged with what changed from `base` to `current`; Conflict naming every file where they
    overlap, with what changed meanwhile."""
    merged, overlaps = {}, {}
    for name in ours:
        try:
            merged[name] = merge_texts(base.get(name), current.get(name), ours[name])
        except Overlap:
            overlaps[name] = unified_diff(name, base.get(name), current.get(name))
    if overlaps:
        raise Conflict(overlaps)
    return merged


class Overlap(Exception):
    """Two changes to the same lines (or a file added or removed on one side and changed on the other)."""


def merge_texts(base: str | None, current: str | None, ours: str | None) -> str | None:
    """`ours` (made from `base`) merged with `current` (what `base` became meanwhile), by `git merge-file`."""
    if current == ours or base == current:
        return ours
    if base == ours:
        return current
    if base is None or current is None or ours is None:
        raise Overlap
    with tempfile.TemporaryDirectory(prefix="kpi-merge-") as tmp:
        paths = [Path(tmp) / name for name in ("current", "base", "ours")]
        for path, text in zip(paths, (current, base, ours), strict=True):
            path.write_bytes(text.encode("utf-8", "surrogateescape"))
        result = subprocess.run(
            ["git", "merge-file", "-p", *map(str, paths)], capture_output=True, env=_env(), timeout=60, check=False
        )
    if result.returncode == 0:
        return result.stdout.decode("utf-8", "surrogateescape")
    if 0 < result.returncode < 128:
        raise Overlap
    raise GitError(f"git merge-file: {result.stderr.decode('utf-8', 'replace').strip()}")


# ── The off-site copy ────────────────────────────────────────────────────────────────────────────────


def push_offsite(directory: Path) -> threading.Thread | None:
    """Push the history to the remote `offsite` in the background, when there is one; the thread doing it."""
    if git(directory, "config", "--get", f"remote.{OFFSITE}.url", ok=(0, 1)).returncode != 0:
        return None
    thread = threading.Thread(target=_push, args=(directory,), name="kpi-offsite-push")
    thread.start()
    return thread


def _push(directory: Path) -> None:
    """One push at a time per history (the newest commit carries every earlier one); failures are logged."""
    try:
        with open(git_dir(directory) / PUSH_LOCK_FILE, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            git(directory, "push", "--quiet", OFFSITE, f"HEAD:refs/heads/{BRANCH}", timeout=PUSH_TIMEOUT_S)
    except (GitError, OSError, subprocess.TimeoutExpired) as exc:
        LOG.warning("off-site copy not pushed from %s: %s", directory, exc)
