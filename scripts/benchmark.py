"""Measure speed and memory (reported in notes, never asserted in tests).

    .venv/bin/python scripts/benchmark.py [--soak-minutes 10]

Prints: loading and validating the data; time to content of each page in headless Chromium (first
load after a server start, then warm); server memory; and server memory over a meeting-mode rotation
(one tab switching pages every 5 s) to show that nothing accumulates.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from kpi.dataset import REPO_ROOT, load_dataset  # noqa: E402
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, DONE, running_server  # noqa: E402


def rss_mib(port: int) -> float:
    """Resident memory of the server listening on `port` (found through /proc)."""
    pid = subprocess.run(["fuser", f"{port}/tcp"], capture_output=True, text=True).stdout.split()[0]
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def page_time(page, url: str) -> float:
    """Milliseconds from navigation until the script has run and any chart has drawn."""
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(DONE, timeout=60_000)
    if page.locator(".js-plotly-plot").count():
        page.wait_for_selector(".js-plotly-plot .main-svg")
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--soak-minutes", type=float, default=2.0)
    args = parser.parse_args()

    print(f"load_dataset (parse + validate + cross-check): {timed(lambda: load_dataset(REPO_ROOT), 10):.0f} ms (median of 10)")
    cli = timed(lambda: subprocess.run([sys.executable, "-m", "kpi", "validate"], cwd=REPO_ROOT, capture_output=True), 3)
    print(f"python -m kpi validate (a new process): {cli:.0f} ms (median of 3)")

    dataset = load_dataset(REPO_ROOT)
    paths = ["", "targets", *[t.id for t in dataset.content.themes], "glossary", "source", "check"]
    with running_server() as base, sync_playwright() as playwright:
        port = int(base.rsplit(":", 1)[1])
        print(f"server memory after start: {rss_mib(port):.0f} MiB")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        first = page_time(page, f"{base}/economy?lang=en")
        print(f"first request after start (/economy?lang=en): {first:.0f} ms to content")
        rows = []
        for path in paths:
            rows.append((path or "overview", page_time(page, f"{base}/{path}"), page_time(page, f"{base}/{path}")))
        for name, cold, warm in rows:
            print(f"  {name:12s} {cold:6.0f} ms, again {warm:6.0f} ms")
        print(f"median page: {statistics.median(w for _, _, w in rows):.0f} ms; server memory: {rss_mib(port):.0f} MiB")

        page.goto(f"{base}/?mode=meeting&rotate=5")
        start, samples = time.monotonic(), []
        while time.monotonic() - start < args.soak_minutes * 60:
            page.wait_for_timeout(30_000)
            samples.append((time.monotonic() - start, rss_mib(port), page.url.split("?")[0].rsplit("/", 1)[-1]))
        switches = int(args.soak_minutes * 60 / 5)
        print(f"rotation every 5 s for {args.soak_minutes:g} min (~{switches} page switches), server memory:")
        for seconds, mib, where in samples:
            print(f"  t={seconds:5.0f} s  {mib:6.1f} MiB  on /{where}")
        browser.close()


if __name__ == "__main__":
    main()
