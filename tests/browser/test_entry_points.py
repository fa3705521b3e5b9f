"""Every way the README starts the dashboard serves a shared theme link right as the first request after a start.

Why a browser on a fresh server each time: Streamlit's legacy `pages/` router would answer that first
request with "Page not found" over the page; app.py's st.App runs st.navigation at start-up to prevent it. The link
is a what-if view, which Streamlit answers however the dashboard is started (a plain view is a static page behind
`bash scripts/run`'s nginx: checked here too).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from kpi.data.files import REPO_ROOT
from tests.browser.server import free_port, load
from tests.browser.waiting import wait_until

STREAMLIT_FLAGS = ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
ENTRY_POINTS = {
    "bash scripts/run": lambda port: [
        "bash",
        "scripts/run",
        "--port",
        str(port),
        "--first-port",
        str(free_port()),
        "--run-dir",
        tempfile.mkdtemp(prefix="kpi-run-"),
    ],
    "streamlit run app.py": lambda port: [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        *STREAMLIT_FLAGS,
    ],
    "uvicorn app:app": lambda port: [
        sys.executable,
        "-m",
        "uvicorn",
        "app:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ],
}


@contextmanager
def started(command: list[str]) -> Iterator[str]:
    """The server `command` starts (from the repository root); yields its base URL once it is healthy."""
    port = int(command[command.index("--port" if "--port" in command else "--server.port") + 1])
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"{command} did not start: {process.stderr.read() if process.poll() is not None else ''}"
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=15)


def static_page_served(url: str) -> bool:
    """Whether nginx answers the address with its static page (not yet: a 404, or Streamlit's view)."""
    try:
        return b'class="kb-site"' in urllib.request.urlopen(url, timeout=10).read()
    except urllib.error.HTTPError:
        return False


@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
def test_a_cold_theme_link_opens_the_page_with_its_frame(browser, entry):
    with started(ENTRY_POINTS[entry](free_port())) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        load(page, f"{base}/economy?lang=en&as_of=2024-06-30")
        assert page.get_by_text("Page not found").count() == 0
        expect(page.get_by_role("heading", name="Economy").first).to_be_visible()
        assert page.get_by_text("中文", exact=True).count() > 0  # app.py's frame (its language control) is there
        assert page.url.startswith(f"{base}/economy") and "lang=en" in page.url
        assert page.locator('[data-testid="stException"]').count() == 0
        if entry == "bash scripts/run":  # what the public gets: the plain link is the static page…
            # …once the publisher has written its first site (it waits for the files to settle: until then a first start
            # has no site, and nginx answers 404).
            wait_until(lambda: static_page_served(f"{base}/economy?lang=en"), 60, "the first static site")
            page.goto(f"{base}/economy?lang=en")
            assert page.locator("body.kb-site h2.kb-page").inner_text() == "Economy"
        page.close()
