"""The editing page (/edit) driven in Debian's Chromium through the real deploy: a deploy with two staff members, a
sign-in through the form, and the page's widgets found by their keys (Streamlit gives each widget's container the
class `st-key-<key>`), each action waiting for the script run it starts.

Shared by tests/browser/test_edit_in_browser.py (one deploy for the tests that leave the data as they found it) and
tests/browser/test_edit_saves_in_browser.py (a deploy of their own for the tests that must change it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kpi.data.files import REPO_ROOT
from kpi.edit.history import log
from scripts.deploy import cluster as deploy
from tests.browser.server import DONE, free_port, load, screenshot
from tests.conftest import copy_data_dir

STAFF = ("王芳", "li.wei")
PASSWORD = "a long staff password"


@dataclass(frozen=True)
class StaffSite:
    """A running deploy on a copy of the shipped data, and where its data, state and site are."""

    cluster: deploy.Cluster
    data: Path
    state: Path

    @property
    def url(self) -> str:
        """The public URL as the deploy's default names it (http://localhost:PORT): the only origin the sign-in server
        accepts a form from."""
        return self.cluster.url.replace("127.0.0.1", "localhost")

    @property
    def local(self) -> str:
        """nginx's own address, for a plain HTTP client (no browser: the origin does not matter)."""
        return self.cluster.url


def start_staff_site(root: Path, processes: int = 1) -> StaffSite:
    """The README's recipe on a copy of the data: a password file made with `python -m kpi staff add` for each of
    STAFF, then a deploy with `--staff-file`."""
    (root / "data").mkdir()
    data = copy_data_dir(REPO_ROOT, root / "data")
    for name in STAFF:
        subprocess.run(
            [sys.executable, "-m", "kpi", "staff", "add", name, str(root / "staff.passwords")],
            input=PASSWORD + "\n",
            text=True,
            cwd=REPO_ROOT,
            check=True,
            capture_output=True,
        )
    options = deploy.Options(
        free_port(),
        tuple(free_port() for _ in range(processes)),
        free_port(),
        data_dir=data,
        staff_file=root / "staff.passwords",
    )
    environ = {**os.environ, deploy.SECRET_ENV: "a-test-secret", "KPI_STATE_DIR": str(root / "state")}
    return StaffSite(deploy.start(options, root / "run", environ), data, root / "state")


def history(site: StaffSite, limit: int = 20) -> list[tuple[str, str]]:
    """(author, summary) of the newest changes, newest first."""
    return [(entry.author, entry.summary) for entry in log(site.data, limit)]


# ── A person at the page ────────────────────────────────────────────────────────────────────────────


class Steps:
    """What a person does, counted: each field filled, choice made or button clicked is one step."""

    def __init__(self, page) -> None:  # noqa: ANN001 — a Playwright page
        self.page, self.count, self.before = page, 0, -1

    def widget(self, key: str):  # noqa: ANN201
        return self.page.locator(f".st-key-{css_key(key)}")

    def choose(self, key: str, text: str) -> None:
        """Type into a select box's search and pick the option holding `text`."""
        self._start()
        box = self.widget(key).get_by_role("combobox")
        box.click()
        box.fill(text)
        self.page.get_by_role("option").filter(has_text=text).first.click()
        self._done()

    def type(self, key: str, text: str) -> None:
        """Fill a text input or text area and apply it (Enter; Ctrl+Enter in a text area)."""
        field = self.widget(key).locator("input, textarea").first
        self._start()
        field.fill(text)
        field.press("Control+Enter" if field.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")
        self._done()

    def date(self, key: str, iso: str) -> None:
        """Type a date into its year, month and day (the field moves on by itself), then Tab out of the widget: the
        date goes to the server when the focus leaves the widget (past its clear and calendar buttons), not before."""
        self._start()
        widget = self.widget(key)
        widget.locator("[data-type=year]").click()
        self.page.keyboard.type(iso.replace("-", ""))
        while widget.evaluate("box => box.contains(document.activeElement)"):
            self.page.keyboard.press("Tab")
        assert widget.locator("input[type=date]").input_value() == iso
        self._done()

    def upload(self, key: str, path: Path) -> None:
        """A file given to a file uploader, as a person picks it in the browser's dialog."""
        self._start()
        self.widget(key).locator("input[type=file]").set_input_files(str(path))
        self._done()

    def click(self, key: str) -> None:
        self._start()
        self.widget(key).get_by_role("button").first.click()
        self._done()

    def _start(self) -> None:
        self.before = runs(self.page)

    def _done(self) -> None:
        self.count += 1
        settle(self.page, self.before)


def css_key(key: str) -> str:
    """A widget key as Streamlit writes it into the class `st-key-…` (reports:x → reports-x)."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", key)


# Counts the script runs that ended, in the page itself (an init script passes the page's policy; polling with
# wait_for_function would need eval, which the policy forbids). Why count: after a click the app still reads
# "notRunning" until the server starts the run, longer on a busy machine, so a fixed pause misses slow runs.
COUNT_RUNS = """window.__kbRuns = 0;
new MutationObserver(records => records.forEach(r => { if (r.oldValue === 'running') window.__kbRuns++; }))
  .observe(document, {subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});"""
NO_RUN_S = 5.0  # an action that starts no run (a choice already made) is taken as done after this


def runs(page) -> int:  # noqa: ANN001
    return page.evaluate("window.__kbRuns ?? -1")


def settle(page, before: int | None = None) -> None:  # noqa: ANN001
    """Wait for the script run an action started (`before`: the runs counted before it), and for any run it led to."""
    if before is not None and before >= 0:
        deadline = time.monotonic() + NO_RUN_S
        while runs(page) <= before and time.monotonic() < deadline:
            page.wait_for_timeout(50)
    page.wait_for_timeout(250)
    page.wait_for_selector(DONE, timeout=60_000)


def sign_in(page, site: StaffSite, name: str) -> None:  # noqa: ANN001
    """The sign-in form, as nginx sends a person who opens /edit to it; back on /edit once signed in.

    Why each person signs in once a module: nginx limits sign-in POSTs per address (6 at once, then one every 6 s,
    right passwords too), and every test here comes from this machine's one address."""
    page.goto(f"{site.url}/staff/sign-in?next=/edit")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{site.url}/edit")


def new_context(browser, cookies: list | None = None):  # noqa: ANN001, ANN201
    """A browser context of its own (1366×768) that counts script runs, with a signed-in person's cookies if given."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.add_init_script(COUNT_RUNS)
    context.add_cookies(cookies or [])
    return context


def signed_in_cookies(browser, site: StaffSite, name: str) -> list:  # noqa: ANN001
    """`name` signed in through the form in a browser: the cookies that browser then holds."""
    context = new_context(browser)
    sign_in(context.new_page(), site, name)
    cookies = context.cookies()
    context.close()
    return cookies


def signed_in_page(browser, cookies: list, site: StaffSite, part: str):  # noqa: ANN001, ANN201
    """A new browser context holding a signed-in person's cookies, at /edit?part=PART&lang=en."""
    page = new_context(browser, cookies).new_page()
    load(page, f"{site.url}/edit?part={part}&lang=en")
    return page


def alerts(page) -> list[str]:  # noqa: ANN001
    """The texts of the page's success, info, warning and error boxes."""
    return [text.split("\n", 1)[-1].strip() for text in page.locator('[data-testid="stAlert"]').all_inner_texts()]


def codes(page) -> list[str]:  # noqa: ANN001
    """The texts of the page's code blocks (the diff, the error listing)."""
    return page.locator('[data-testid="stCode"] code').all_inner_texts()


def said(page, start: str) -> None:  # noqa: ANN001
    """The page has a box starting with `start` ("Check passed", "Saved as change"); else what it said instead."""
    assert [a for a in alerts(page) if a.startswith(start)], (alerts(page), codes(page))


def wait_live(page, timeout: float = 90.0) -> None:  # noqa: ANN001
    """Until the page says the public pages show the save (it watches the publisher every second)."""
    page.get_by_text("The public pages show it").wait_for(timeout=timeout * 1000)


def shoot(page, site: StaffSite, folder: Path, name: str, part: str) -> None:  # noqa: ANN001
    """The page as it stands after a flow at 1366 and 390 px, then the same part opened in Chinese at both widths."""
    for lang in ("en", "zh"):
        if lang == "zh":
            load(page, f"{site.url}/edit?part={part}")
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 768 if width > 500 else 844})
            settle(page)
            screenshot(page, folder / f"edit-{name}-{lang}-{width}.png")
    page.set_viewport_size({"width": 1366, "height": 768})
