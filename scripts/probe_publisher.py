"""Probe the publisher (components/publish.py --watch) the way issue 28 measured it: edits saved during a publish, and
indicators.yaml cut at random line boundaries while it is saved in place. Figures, never asserted in tests.

    .venv/bin/python scripts/probe_publisher.py                          # this checkout's publisher
    .venv/bin/python scripts/probe_publisher.py --repo /tmp/main-src     # another checkout's (e.g. `git archive main`)
    .venv/bin/python scripts/probe_publisher.py --edits 12 --cuts 40 --stall 3 --keep 30 --seed 28

edits  each trial saves an edit (a figure renamed, in one step), waits until the publisher starts writing a build
       for it, saves a second edit at once, and waits --keep seconds for the public page to show the second: "kept
       the earlier edit for good" when it never does.
cuts   each trial truncates indicators.yaml in place and writes it up to a random line boundary, leaves it so for
       --stall seconds (an upload that stalls), then writes the rest: whether the cut validates (this checkout's
       loader), whether the public pages were ever written from it (status.json: the files' own data, not the whole
       file's version), and whether they stayed so --keep seconds after the file was whole again.
The data is a copy of the shipped data; the publisher runs with its own state and site directories, and is stopped
at the end. `edit_trials` and `cut_trials` probe a publisher already running (a deploy's: scripts/probe_deploy.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kpi.data import good  # noqa: E402
from kpi.data.files import INDICATORS, REPO_ROOT  # noqa: E402
from kpi.data.reading import read_contents  # noqa: E402

FIGURE = "economy.enterprises_attracted"
POLL_S = 0.005
QUIET_S = 2.0
AFTER_S = 5.0


@dataclass
class EditTrials:
    """Edits saved while a publish of the edit before was being written."""

    trials: int = 0
    kept_earlier: int = 0  # the public page never showed the later edit within `keep` seconds
    never_written: int = 0  # the earlier edit itself was never written (saved as the publish before it ended)
    seconds: list[float] = field(default_factory=list)  # from the later edit to the public page showing it


@dataclass
class CutTrials:
    """indicators.yaml saved in place, stalled at a line boundary."""

    trials: int = 0
    validated: int = 0
    reached: int = 0  # the public pages were written from the cut file
    stayed: int = 0  # and still were `keep` seconds after the file was whole again
    reached_drops: list[tuple[int, int]] = field(default_factory=list)  # (items dropped, of) for each cut that reached
    held: int = 0  # validated, and held back by the shrink rule (status.json says so)


def status(site: Path) -> dict:
    """status.json as the publisher last wrote it ({} before its first write, or mid-replace on an old publisher)."""
    try:
        return json.loads((site / "status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def wait(condition: Callable[[], bool], timeout: float) -> bool:
    """Whether `condition` came true within `timeout` seconds (polled every POLL_S)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(POLL_S)
    return condition()


def rename(data: Path, name: str) -> None:
    """Give the figure a new Chinese name, saved in one step (a new file renamed over the old): the edit trials measure
    edits saved during a publish, not files read halfway (the cut trials do)."""
    path = data / INDICATORS
    text = path.read_text(encoding="utf-8")
    edited = text.replace(f"{{zh: {shows_now(data)},", f"{{zh: {name},", 1)
    staging = path.with_name(f".{path.name}.probe")
    staging.write_text(edited, encoding="utf-8")
    os.replace(staging, path)


def shows(site: Path, name: str) -> bool:
    try:
        return f"{name} (" in (site / "current" / "economy" / "zh.html").read_text(encoding="utf-8")
    except OSError:
        return False


def builds(site: Path) -> set[str]:
    try:
        return {p.name for p in (site / "builds").iterdir()}
    except OSError:
        return set()


def settled_on(site: Path, data: Path, timeout: float, files: int = 0) -> str:
    """Wait until the pages show the files as they are now (`files` pages, when given) and the publisher is idle; their
    version ('' on timeout). Halfway, the file is saved again unchanged (its time only): a publisher that lost the last
    edit writes it then."""
    want = shows_now(data)

    def ready() -> bool:
        now = status(site)
        return (
            shows(site, want)
            and bool(now.get("written"))
            and not _writing(site)
            and now.get("files") == (files or now.get("files"))
        )

    ok = wait(ready, timeout / 2)
    if not ok:
        os.utime(data / INDICATORS)
        ok = wait(ready, timeout / 2)
    return status(site).get("version", "") if ok else ""


def shows_now(data: Path) -> str:
    text = (data / INDICATORS).read_text(encoding="utf-8")
    found = re.search(rf"- id: {re.escape(FIGURE)}\n(?:  .*\n)*?  name: {{zh: ([^,]+),", text)
    if found is None:
        raise ValueError(f"{INDICATORS} has no {FIGURE} with its name written {{zh: ..., en: ...}}: nothing to edit")
    return found[1]


def _writing(site: Path) -> bool:
    """Whether a build is being written: a build folder that `current` does not point at and is newer than it."""
    try:
        current = os.readlink(site / "current").split("/")[-1]
    except OSError:
        return True
    newest = max(builds(site), key=lambda name: (site / "builds" / name).stat().st_mtime, default=current)
    return newest != current


def edit_trials(data: Path, site: Path, trials: int, keep: float, log: Callable[[str], None] = print) -> EditTrials:
    """`trials` times: an edit, and a second edit saved as soon as a publish of the first starts writing."""
    found = EditTrials()
    for trial in range(trials):
        if not settled_on(site, data, keep):
            log(f"edit {trial}: the pages never showed the files as they are; skipped")
            continue
        time.sleep(QUIET_S)  # the publisher is idle: not finishing the publish before
        earlier, later = f"探针{trial}甲", f"探针{trial}乙乙"
        before = builds(site)
        rename(data, earlier)
        if not wait(lambda: bool(builds(site) - before), keep):
            found.never_written += 1
            log(f"edit {trial}: the edit was never written within {keep:.0f} s")
            continue
        rename(data, later)  # saved while the publisher writes the pages of the earlier edit
        saved = time.monotonic()
        found.trials += 1
        if wait(lambda: shows(site, later), keep):
            found.seconds.append(time.monotonic() - saved)
        else:
            found.kept_earlier += 1
        log(
            f"edit {trial}: "
            + (
                f"later edit public after {found.seconds[-1]:.1f} s"
                if shows(site, later)
                else f"the earlier edit kept for {keep:.0f} s"
            )
        )
    return found


def cut_trials(
    data: Path, site: Path, cuts: int, stall: float, keep: float, seed: int, log: Callable[[str], None] = print
) -> CutTrials:
    """`cuts` times: indicators.yaml truncated in place, written up to a random line boundary, left so for `stall`
    seconds, then written whole."""
    path, found, rng = data / INDICATORS, CutTrials(), random.Random(seed)
    whole = path.read_bytes()
    full = good.read(data).dataset
    if full is None:
        raise ValueError(f"the data in {data} is not valid: the cuts are measured against valid data")
    lines = whole.splitlines(keepends=True)
    pages = status(site).get("files", 0) if settled_on(site, data, keep) else 0
    for trial in range(cuts):
        version = settled_on(site, data, keep, pages)
        cut = rng.randrange(1, len(lines))
        if not version:
            log(f"cut {trial}: the pages never showed the files as they are; skipped")
            continue
        prefix = b"".join(lines[:cut])
        found.trials += 1
        with open(path, "r+b") as file:
            file.truncate(0)
            file.write(prefix)
            file.flush()
            stalled = time.monotonic()
            reading = good.read(data)
            left = lambda: stall - (time.monotonic() - stalled)  # noqa: E731
            reached = wait(lambda: from_the_cut(site, version), left())
            time.sleep(max(0.0, left()))  # the stall, whole, whatever was seen
            reached = reached or from_the_cut(site, version)
            held = status(site).get("behind") == "held"
            file.write(whole[len(prefix) :])
        reached, back = after_the_save(site, version, keep, reached)
        stayed = reached and not back
        found.validated += reading.dataset is not None
        found.held += held
        drops = good.loss(full, reading.dataset) if reading.dataset is not None else None
        if reached:
            found.reached += 1
            found.reached_drops.append(drops or (0, 0))
            found.stayed += stayed
        log(
            f"cut {trial} at line {cut}/{len(lines)}: "
            + ("validates" if reading.dataset is not None else "invalid")
            + (f", drops {drops[0]} of {drops[1]} items" if drops else "")
            + (", held" if held else "")
            + (", REACHED the public pages" if reached else "")
            + (", and stayed" if reached and stayed else "")
        )
    return found


def after_the_save(site: Path, whole: str, keep: float, reached: bool) -> tuple[bool, bool]:
    """(whether the pages were written from the cut, now included; whether they show the whole file again within `keep`
    seconds). Why AFTER_S at least: a publish of the cut that started during the stall ends after it."""
    saved, ever = time.monotonic(), [reached]

    def whole_again() -> bool:
        ever[0] = ever[0] or from_the_cut(site, whole)
        return time.monotonic() - saved >= AFTER_S and status(site).get("version") == whole and not _writing(site)

    back = wait(whole_again, keep)
    return ever[0], back


def from_the_cut(site: Path, whole: str) -> bool:
    """Whether the pages were written from the files' own data, and not the whole file's: from the cut."""
    now = status(site)
    return bool(now.get("fresh")) and now.get("version") not in (whole, None)


def start_publisher(repo: Path, data: Path, root: Path) -> subprocess.Popen:
    """`repo`'s publisher, watching `data`, with state and site directories of its own under `root`."""
    env = {**os.environ, "KPI_DATA_DIR": str(data), "KPI_STATE_DIR": str(root / "state"), "PYTHONPATH": str(repo)}
    with open(root / "publish.log", "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "components.publish", "--watch", "--site", str(root / "site")],
            cwd=repo,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repo", type=Path, default=REPO_ROOT, help="the checkout whose publisher runs (default: this one)"
    )
    parser.add_argument("--edits", type=int, default=12, help="trials of an edit saved during a publish")
    parser.add_argument(
        "--cuts", type=int, default=40, help="trials of indicators.yaml cut at a random line, saved in place"
    )
    parser.add_argument(
        "--stall", type=float, default=3.0, help="seconds a cut file stays so before the rest is written"
    )
    parser.add_argument("--keep", type=float, default=30.0, help="seconds to wait before calling a state 'for good'")
    parser.add_argument("--seed", type=int, default=28)
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="probe-publisher-"))
    data = root / "data"
    data.mkdir()
    for name in ("indicators.yaml", "glossary.yaml", "exclusions.yaml"):
        shutil.copy(args.repo / name, data / name)
    shutil.copytree(args.repo / "source", data / "source")
    publisher = start_publisher(args.repo.resolve(), data, root)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the publisher too (the `finally` below)
    try:
        if not settled_on(root / "site", data, 120):
            print(f"no first publish: see {root / 'publish.log'}")
            return 1
        edits = edit_trials(data, root / "site", args.edits, args.keep)
        cuts = cut_trials(data, root / "site", args.cuts, args.stall, args.keep, args.seed)
    finally:
        publisher.terminate()
        publisher.wait(30)
    print(f"\npublisher of {args.repo} ({read_contents(data).digest[:8]} data), {' '.join(argv)}")
    seconds = sorted(edits.seconds)
    print(
        f"edits during a publish: {edits.kept_earlier} of {edits.trials} kept the earlier edit for {args.keep:.0f} s"
        + (f" ({edits.never_written} more edits never written at all)" if edits.never_written else "")
        + (
            f"; the later edit public after {seconds[len(seconds) // 2]:.1f} s (median), {seconds[-1]:.1f} s (max)"
            if seconds
            else ""
        )
    )
    worst = max((d for d, _ in cuts.reached_drops), default=0)
    print(
        f"cuts saved in place (stalled {args.stall:g} s): {cuts.validated} of {cuts.trials} validated, {cuts.held} held, "
        f"{cuts.reached} reached the public pages (at most {worst} items dropped), {cuts.stayed} stayed for {args.keep:.0f} s"
    )
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
