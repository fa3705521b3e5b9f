"""Measure how long an editing check takes (reported in docs/performance.md, never asserted in tests).

    .venv/bin/python scripts/check_time.py                       # the shipped data, 5 runs
    .venv/bin/python scripts/check_time.py --synthetic --runs 3  # 10,000 synthetic indicators (scripts/synthetic_data.py)

One change is checked as the editing page checks it: a figure's English name changed in indicators.yaml (one line),
by kpi/edit/check.py with the pages' hook (components/preview.render_problems), in a copy of the data directory.
The data as it is has been drawn once already (the app's current data, kept in its memo), so `changed_pages` only
compares digests. Printed: a Markdown table of the median and the range of each step over --runs, then the whole
check; and how many pages the change changes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from components.preview import changed_pages, drawn, render_problems  # noqa: E402
from kpi.data.files import GLOSSARY, INDICATORS, REPO_ROOT  # noqa: E402
from kpi.data.loading import load_dataset  # noqa: E402
from kpi.edit.change import Change  # noqa: E402
from kpi.edit.check import check, load_copy, read_texts, unified_diff  # noqa: E402

T = TypeVar("T")


def data_directory(synthetic: bool, target: Path) -> Path:
    """A copy of the shipped data, or the synthetic data set written anew."""
    if synthetic:
        subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "synthetic_data.py"), str(target)], check=True)
        return target
    target.mkdir()
    for name in (INDICATORS, GLOSSARY, "exclusions.yaml"):
        shutil.copy(REPO_ROOT / name, target / name)
    shutil.copytree(REPO_ROOT / "source", target / "source")
    return target


def one_line_change(directory: Path) -> Change:
    """The first figure's English name, changed: one line of indicators.yaml."""
    dataset = load_dataset(directory)
    figure = dataset.content.indicators[0]
    text = read_texts(directory, [INDICATORS])[INDICATORS]
    assert text is not None, "data_directory wrote indicators.yaml"
    old = f"en: {figure.name.en}" if f"en: {figure.name.en}" in text else f"en: '{figure.name.en}'"
    assert old in text, old
    return Change(
        f"indicators[{figure.id}].name.en", {INDICATORS: text.replace(old, old + " (edited)", 1)}, {INDICATORS: text}
    )


def timed(step: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--synthetic", action="store_true", help="10,000 synthetic indicators instead of the shipped data"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        directory = data_directory(args.synthetic, Path(tmp) / "data")
        change = one_line_change(directory)
        base, new = change.base[INDICATORS], change.texts[INDICATORS]
        assert new is not None, "the change edits indicators.yaml, it does not remove it"
        today = date.today()
        before = load_dataset(directory)
        first_draw, _ = timed(lambda: drawn(before, today))  # the app's current data: drawn once, then kept
        times: dict[str, list[float]] = {
            name: []
            for name in (
                "diff",
                "copy + load (validate)",
                "render every page",
                "changed pages",
                "check with render",
                "check without render",
            )
        }
        for _ in range(args.runs):
            times["diff"].append(timed(lambda: unified_diff(INDICATORS, base, new))[0])
            seconds, after = timed(lambda: load_copy(directory, {INDICATORS: new.encode()}))
            times["copy + load (validate)"].append(seconds)
            times["render every page"].append(timed(lambda: render_problems(after))[0])
            seconds, pages = timed(lambda: changed_pages(before, after, today))
            times["changed pages"].append(seconds)
            checked = check(directory, change, render_problems)
            assert checked.passed, checked.errors[:3] + checked.problems[:3]
            times["check with render"].append(checked.seconds)
            times["check without render"].append(check(directory, change).seconds)
        print(
            f"{len(before.content.indicators)} indicators, {len(drawn(before, today).digests)} pages; the data as it is drawn "
            f"once in {first_draw:.2f} s; the change changes {len(pages)} pages\n"
        )
        print("| step | median s | min | max |\n|---|---:|---:|---:|")
        for name, values in times.items():
            print(f"| {name} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
