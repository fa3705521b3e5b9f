"""The data directory read once, as one snapshot (the stamp, every file's bytes, their digest), and when it has settled.

Why one read: the loader parses these bytes and the version of the data is the digest of these same bytes, so a
version always names what was parsed (reading each file again to digest it could digest a newer save). Why the
stamp before and after: a read that overlaps a save could take one file before the save and another after it; the
read is repeated until the stamp held for all of it (a file saved in place, truncated then written, shows as a
changed size or time).

Why settling is measured here, by polling: a file saved in place (an SFTP upload, an editor that truncates then
writes) can be valid at a line boundary halfway through, and its modification time says nothing (SFTP and rsync
may set it to the original's, in the past). `Settling` calls the files settled only once two reads at least `quiet`
seconds apart, with no change of stamp between them, gave the same bytes. The publisher waits for it
(components/publish.py); the app does not need to: it reads the files again on the next page load.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kpi.data.files import SOURCE_DIR, Stamp, data_stamp
from kpi.data.yaml_reader import MAX_BYTES

ATTEMPTS = 5  # reads tried before giving up on a directory that changes while it is read
RETRY_S = 0.02
QUIET_S = 1.0  # how long the files must stay the same before the publisher writes from them
RECHECK_S = 10.0  # even with an unchanged stamp, the bytes are read again this often (a save that kept time and size)


@dataclass(frozen=True)
class Contents:
    """One read of the data directory: the stamp it was read under, the bytes of each file, and their digest."""

    directory: Path
    stamp: Stamp
    files: Mapping[str, bytes]  # name in the directory → bytes; a missing, too large or unsafe file is left out
    digest: str  # of the names and bytes: the version of any data parsed from them
    steady: bool = True  # the stamp was the same before and after the read (else the files kept changing)

    def size(self, name: str) -> int:
        """The file's size in the stamp: -1 when it is missing."""
        return next((size for listed, _, size in self.stamp if listed == name), -1)


def read_contents(directory: Path, attempts: int = ATTEMPTS) -> Contents:
    """Every file of the stamp, read between two equal stamps (tried `attempts` times, else `steady` is False)."""
    before = data_stamp(directory)
    for attempt in range(attempts):
        files = read_files(directory, before)
        after = data_stamp(directory)
        if after == before:
            return Contents(directory, before, files, digest_of(before, files))
        before = after
        time.sleep(RETRY_S * (attempt + 1))
    return Contents(directory, before, files, digest_of(before, files), steady=False)


def read_files(directory: Path, stamp: Stamp) -> dict[str, bytes]:
    """The bytes of each file the stamp lists; not those missing, larger than the reader accepts, or (in source/) a
    link out of source/, which the loader reports by their names."""
    files, sources = {}, (directory / SOURCE_DIR).resolve()
    for name, _, size in stamp:
        path = directory / name
        if (
            size < 0
            or size > MAX_BYTES
            or (name.startswith(f"{SOURCE_DIR}/") and not path.resolve().is_relative_to(sources))
        ):
            continue
        try:
            files[name] = path.read_bytes()
        except OSError:  # removed or unreadable meanwhile: the stamp after the read says it changed
            continue
    return files


def digest_of(stamp: Stamp, files: Mapping[str, bytes]) -> str:
    """A digest of the files' names and bytes (and of the sizes of files listed but not read)."""
    digest = hashlib.sha256()
    for name, _, size in sorted(stamp):
        if name in files:
            digest.update(name.encode() + b"\0=" + files[name] + b"\0")
        elif size >= 0:
            digest.update(name.encode() + f"\0?{size}\0".encode())
    return digest.hexdigest()[:32]


def write_contents(contents: Contents, target: Path) -> None:
    """Write the files as they were read into `target` (a copy of the data directory)."""
    for name, raw in contents.files.items():
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"{name}: not inside the data directory {contents.directory}")
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(raw)


@dataclass
class Settling:
    """Whether the files have stayed the same for `quiet` seconds, measured by polling (`poll` once a pass).

    Why two reads and not the stamp alone: a save that keeps the file's size and time would leave the stamp as it
    was; the second read, `quiet` seconds after the first, compares the bytes themselves."""

    quiet: float = QUIET_S
    recheck: float = RECHECK_S
    clock: Callable[[], float] = time.monotonic
    seen: Contents | None = None
    since: float = 0.0  # when `seen` was first read
    read_at: float = 0.0  # when the bytes were last read
    settled: bool = False
    reads: int = field(default=0, repr=False)

    def poll(self, directory: Path) -> tuple[Contents, bool]:
        """The files as last read, and whether they are settled; reads them when the stamp changed or a check is due."""
        now = self.clock()
        due = (
            self.seen is None
            or data_stamp(directory) != self.seen.stamp
            or now - self.read_at >= self.recheck
            or (not self.settled and now - self.since >= self.quiet)
        )
        if due:
            fresh, self.read_at, self.reads = read_contents(directory), now, self.reads + 1
            if (
                self.seen is None
                or (fresh.stamp, fresh.digest) != (self.seen.stamp, self.seen.digest)
                or not fresh.steady
            ):
                self.seen, self.since, self.settled = fresh, now, False
            elif now - self.since >= self.quiet:
                self.settled = True
        assert self.seen is not None, "the first poll is always due, and reads"
        return self.seen, self.settled

    def age(self) -> float:
        """Seconds since the files as last read were first seen (how long they have stayed the same)."""
        return self.clock() - self.since

    def doubt(self) -> None:
        """Read the bytes again at the next poll before calling them settled: a save may have kept the stamp (same size,
        within the clock's tick) while the caller was busy, e.g. writing the pages."""
        self.settled = False
