"""Start the real dashboard server on a free loopback port, and talk to it as a viewer would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from kpi.data.files import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(data_dir: Path | None = None):
    """A freshly started server (its first request is a cold one); yields its base URL."""
    port = free_port()
    env = {**os.environ, **({"KPI_DATA_DIR": str(data_dir)} if data_dir else {})}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.2)
        else:
            assert process.stderr is not None, "the server was started with stderr=PIPE"
            raise RuntimeError("server did not start: " + (process.stderr.read() if process.poll() is not None else ""))
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def load(page, url: str) -> None:
    """Open a URL and wait until the script run has finished and charts have drawn."""
    page.goto(url)
    # Before the websocket connects the app also reads "notRunning": wait for the title first.
    page.wait_for_selector(".kb-top h1", timeout=60_000)
    page.wait_for_selector(DONE, timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_selector(DONE, timeout=60_000)  # a bounce through app.py is a second run
    # Elements still loading show skeletons after the run; Plotly draws after it: wait for both. Waited for as elements,
    # not with wait_for_function: behind the deploy the page's policy forbids eval, which its polling needs.
    page.locator('[data-testid="stSkeleton"]').first.wait_for(state="detached", timeout=30_000)
    for chart in page.locator('[data-testid="stPlotlyChart"]').all():
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=30_000)


AXE = Axe()
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def accessibility_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, as "rule: first element" lines (empty when none)."""
    return [
        f"{v['id']}: {v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')}"
        for v in AXE.run(page, options=WCAG_AA).response["violations"]
    ]


def truncated(page) -> list[str]:
    """Texts inside tiles and figure rows that are cut off (wider than their box): these would show "…" or spill."""
    return page.evaluate("""() => [...document.querySelectorAll('.kb-tile summary *, .kb-fig summary *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1)
        .map(e => e.textContent)""")


def screenshot(page, path) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to fit it."""
    width = page.viewport_size["width"]
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": min(max(height + 80, 768), 12000)})
    page.wait_for_timeout(400)
    page.screenshot(path=path)
    page.set_viewport_size({"width": width, "height": 768 if width > 500 else 844})
