"""The editing page (/edit) in Debian's Chromium through the real deploy (nginx, the sign-in server, the publisher,
Streamlit under supervisord), as a staff member uses it (issue 29, "Done when"): sign in, add a progress entry, read
the diff and the preview, save, and find the static public page showing it; the change in History with its author,
undone; a failing edit listed at its lines, nothing written, the text kept; and everyone else refused.

One deploy for this module, on a copy of the shipped data, with two staff members. Every test leaves the data as it
found it (the `as_found` fixture puts back whatever a test saved); the tests that must change the data for good have
deploys of their own (tests/browser/test_edit_saves_in_browser.py).
"""

from __future__ import annotations

import re
import time
from datetime import datetime
from urllib.parse import urlencode

import pytest

from components.publish import read_status
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS
from kpi.data.loading import load_dataset
from kpi.edit.change import Change
from kpi.edit.check import read_texts
from kpi.edit.forms import add_progress
from kpi.edit.save import Author, save
from kpi.edit.unsaved import FOLDER, Unsaved
from kpi.site import STAFF_PATHS
from kpi.texts import t
from scripts import probe_deploy as probe
from scripts.deploy import cluster as deploy
from tests.browser.editing import (
    PASSWORD,
    STAFF,
    StaffSite,
    Steps,
    alerts,
    codes,
    history,
    new_context,
    said,
    shoot,
    sign_in,
    signed_in_cookies,
    signed_in_page,
    start_staff_site,
    wait_live,
)
from tests.browser.server import load
from tests.browser.test_static_site import get, is_static, page_text
from tests.browser.waiting import wait_until

TARGET = "safety.new_safety_posts_2024"
TARGET_PAGE = f"/targets?lang=en&year=2024&target={TARGET}"  # its static public page
STAFF_ONLY = t("staff_only", "zh")
# What only a staff member sees on each staff page: the data-check page's verdict, the editor's introduction.
STAFF_SEES = {"check": "数据文件全部有效", "edit": t("edit_intro", "zh")}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    running = start_staff_site(tmp_path_factory.mktemp("edit"))
    yield running
    deploy.stop(running.cluster.run_dir)


@pytest.fixture(scope="module")
def staff(browser, site) -> dict[str, list]:
    """Each staff member signed in once through the form (/staff/sign-in?next=/edit), by name: their cookies."""
    return {name: signed_in_cookies(browser, site, name) for name in STAFF}


@pytest.fixture
def as_found(site):
    """The data files as the test found them: whatever it saved is put back afterwards (as one change, by `test`),
    and the public pages rewritten from them."""
    names = [INDICATORS, GLOSSARY, EXCLUSIONS]
    before = read_texts(site.data, names)
    yield before
    now = read_texts(site.data, names)
    changed = [name for name in names if now[name] != before[name]]
    if changed:
        restored = time.time()
        save(
            site.data,
            Change("the data as the test found it", {n: before[n] for n in changed}, {n: now[n] for n in changed}),
            Author("test"),
        )
        wait_until(lambda: published_since(site, restored), 90, "the public pages rewritten")


def published_since(site: StaffSite, moment: float) -> bool:
    status = read_status(site.cluster.run_dir / "site")
    return bool(
        status and status.fresh and status.written and datetime.fromisoformat(status.written).timestamp() >= moment
    )


def static_page(site: StaffSite, link: str) -> str:
    """A public page as a plain HTTP client gets it; it must be the publisher's static file, not Streamlit's shell."""
    status, _, body = get(site.local + link)
    assert status == 200 and is_static(body), link
    return body


def chart_dates(page) -> list[str]:  # noqa: ANN001
    """The dates of the last series of the page's one chart, once Plotly has drawn it."""
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    return page.locator(".js-plotly-plot").evaluate("plot => plot.data.at(-1).x")


# ── 1. Add a progress entry, read the diff and the preview, save, and find it on the static page ─────────


def test_a_progress_entry_is_checked_previewed_saved_and_shown_on_the_static_page(
    browser, site, staff, as_found, screenshots
):
    note_zh, note_en = "上半年新建30座", "30 built in the first half"
    assert note_en not in static_page(site, TARGET_PAGE)
    page = signed_in_page(browser, staff["王芳"], site, "progress")
    steps = Steps(page)
    started = time.perf_counter()
    load(page, f"{site.url}/edit?part=progress&lang=en")  # opened again, signed in: the clock starts
    assert page.get_by_text("Signed in as 王芳").count() == 1
    steps.choose("edit_progress_item", TARGET)
    steps.date("edit_progress_date", "2024-06-30")
    steps.type("edit_progress_value", "30")
    steps.type("edit_progress_note_zh", note_zh)
    steps.type("edit_progress_note_en", note_en)
    steps.click("edit_progress_check")
    said(page, "Check passed")
    [diff] = [code for code in codes(page) if code.startswith("--- a/indicators.yaml")]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert added == [
        "+  progress:",
        "+  - date: 2024-06-30",
        "+    value: 30",
        f"+    note: {{zh: {note_zh}, en: {note_en}}}",
    ]
    assert read_texts(site.data, [INDICATORS]) == {INDICATORS: as_found[INDICATORS]}  # checked, nothing written
    chosen = steps.widget("edit_progress__preview").get_by_role("combobox").input_value()
    assert chosen.endswith(TARGET_PAGE), chosen  # the target's own page first
    assert "Reached 30 posts" in page.locator("#target-detail").inner_text()  # the page as the public will see it…
    assert "2024-06-30" in chart_dates(page)  # …with its chart
    steps.click("edit_progress_save")
    said(page, "Saved as change")
    wait_live(page)
    live = page.get_by_text("The public pages show it").inner_text()
    assert re.search(r"show it \(since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)\.$", live), live  # as the History writes times
    wait_until(lambda: note_en in static_page(site, TARGET_PAGE), 30, "the static page showing the entry")
    seconds = time.perf_counter() - started
    body = static_page(site, TARGET_PAGE)
    assert "30 posts" in body and note_en in body and note_zh not in body
    assert note_zh in static_page(site, f"/targets?year=2024&target={TARGET}")  # the Chinese page too
    assert history(site, 1) == [("王芳", f"targets[{TARGET}]: progress 2024-06-30 = 30")]
    print(
        f"\nissue 29, flow 1: {seconds:.1f} s and {steps.count} steps from opening /edit (signed in) to the static "
        "page showing the new progress entry"
    )
    # The form starts empty for the next entry (the target stays chosen), in the browser and on the server too.
    assert [
        steps.widget(f"edit_progress_{field}").locator("input").input_value()
        for field in ("value", "note_zh", "note_en")
    ] == ["", "", ""]
    assert steps.widget("edit_progress_date").locator("input[type=date]").input_value() == ""
    assert TARGET in steps.widget("edit_progress_item").get_by_role("combobox").input_value()
    assert Unsaved("王芳", site.state / FOLDER).load("progress") is None
    shoot(page, site, screenshots, "progress-saved", "progress")
    assert page.get_by_text(t("edit_kept", "zh")).count() == 0  # reloaded (in Chinese): nothing comes back
    page.context.close()


# ── 3. The change in History with its author, undone, and the page as it was ─────────────────────────


def test_history_names_the_author_and_an_undo_brings_the_public_page_back(browser, site, staff, as_found, screenshots):
    note_en = "41 built by the end of September"
    # li.wei saved an entry on an earlier day (through the core, as the page saves it); 王芳 undoes it today.
    change = add_progress(
        read_texts(site.data, [INDICATORS]),
        load_dataset(site.data),
        TARGET,
        "2024-09-30",
        "41",
        note_zh="前三季度新建41座",
        note_en=note_en,
    )
    saved = save(site.data, change, Author("li.wei"))
    summary = saved.change.summary
    wait_until(lambda: note_en in static_page(site, TARGET_PAGE), 60, "the static page showing li.wei's entry")
    page = signed_in_page(browser, staff["王芳"], site, "history")
    page.locator('[data-testid="stDataFrame"] [role="gridcell"]').nth(2).wait_for(state="attached")
    cells = page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()
    assert cells[1:3] == ["li.wei", summary]  # the newest row: who and what
    steps = Steps(page)
    assert summary in steps.widget("edit_history_commit").get_by_role("combobox").input_value()
    steps.click("edit_history_check")  # "Undo": makes the undo and checks it
    said(page, "Check passed")
    [diff] = [code for code in codes(page) if code.startswith("--- a/indicators.yaml")]
    assert f"-    note: {{zh: 前三季度新建41座, en: {note_en}}}" in diff.splitlines()
    steps.click("edit_history_save")
    said(page, "Saved as change")
    wait_live(page)
    wait_until(lambda: note_en not in static_page(site, TARGET_PAGE), 30, "the static page as it was")
    assert read_texts(site.data, [INDICATORS]) == {INDICATORS: as_found[INDICATORS]}
    assert history(site, 1) == [("王芳", f"undo {saved.commit[:7]}: {summary}")]
    shoot(page, site, screenshots, "history-undone", "history")
    page.context.close()


# ── 4. A failing change: its errors at their lines, nothing written, the text kept ─────────────────────


def test_a_failing_file_edit_is_listed_at_its_line_writes_nothing_and_keeps_the_text(
    browser, site, staff, as_found, screenshots
):
    before = (site.data / INDICATORS).read_bytes()
    line = as_found[INDICATORS].split("\n").index("    value: 139") + 1  # the first figure's first value
    page = signed_in_page(browser, staff["li.wei"], site, "file")
    steps = Steps(page)
    steps.type("edit_file_indicators__from", str(line - 5))  # the window a few lines above it
    window = f"edit_file_indicators__window_{line - 5}_50_0"
    typed = steps.widget(window).locator("textarea").input_value().split("\n")
    assert typed[5] == "    value: 139"
    typed[5] = "    value: 一百"
    steps.type(window, "\n".join(typed))
    steps.click("edit_file_indicators_check")
    [listing] = [code for code in codes(page) if code.startswith("indicators.yaml:")]
    assert re.match(rf"indicators\.yaml:{line}:\d+: ", listing), listing  # FILE:LINE:COL: field: message
    excerpt = page.locator("pre.kb-excerpt").first
    assert excerpt.locator(".kb-line-bad").inner_text().split() == [str(line), "value:", "一百"]
    assert (site.data / INDICATORS).read_bytes() == before  # nothing written
    assert not [b for b in page.get_by_role("button").all_inner_texts() if b == "Save"]
    shoot(page, site, screenshots, "file-refused", "file")
    load(page, f"{site.url}/edit?part=file&lang=en")  # a reload: a new session of the same person
    assert page.get_by_text("Your unsaved input from last time is back.").count() == 1
    steps.type("edit_file_indicators__from", str(line - 5))
    assert steps.widget(window).locator("textarea").input_value().split("\n")[5] == "    value: 一百"
    steps.click("edit_file_indicators_discard")  # the kept text thrown away: the data and the state as found
    shown = page.locator('[class*="st-key-edit_file_indicators__window_"] textarea')  # a window drawn anew
    assert shown.input_value().split("\n")[5] == "    value: 139"
    steps.type("edit_file_indicators__from", str(line - 4))  # another action: the browser's next message
    assert Unsaved("li.wei", site.state / FOLDER).load("file_indicators") is None
    assert (site.data / INDICATORS).read_bytes() == before
    page.context.close()


# ── 6. Refused without a sign-in, over every way in ─────────────────────────────────────────────────


def session_cookie(cookies: list) -> str:
    """A signed-in person's session cookie, as a Cookie header (for clients that are not the browser)."""
    return next(f"{c['name']}={c['value']}" for c in cookies if c["name"] == "kpi_session")


@pytest.mark.parametrize("path", sorted(STAFF_PATHS))
def test_a_staff_page_is_refused_without_a_sign_in_over_nginx_and_its_websocket(site, staff, path):
    answer = probe.request(f"{site.local}/{path}?lang=en")
    assert answer.status == 302 and answer.headers["location"][0].endswith(f"/staff/sign-in?next=/{path}?lang=en")
    refused = page_text(site.local, path)  # asked over the websocket another page opened
    assert STAFF_ONLY in refused and STAFF_SEES[path] not in refused
    cookie = session_cookie(staff["王芳"])
    assert probe.request(f"{site.local}/{path}", Cookie=cookie).status == 200
    assert STAFF_SEES[path] in page_text(site.local, path, cookie)  # the same websocket, signed in: the staff page


@pytest.mark.parametrize("path", sorted(STAFF_PATHS))
def test_a_streamlit_port_reached_directly_believes_no_forged_header(site, staff, path):
    port = next(iter(site.cluster.processes))
    forged = {"X-Kpi-User": "%E7%8E%8B%E8%8A%B3", "X-Kpi-Proxy": "a-guess", "X-Kpi-Staff-Network": "1"}
    text = page_text(f"http://127.0.0.1:{port}", path, cookie=session_cookie(staff["王芳"]), headers=forged)
    assert STAFF_ONLY in text and STAFF_SEES[path] not in text


def test_another_origin_gets_neither_the_websocket_nor_a_sign_in(site, staff):
    netloc, cookie = site.local.split("//", 1)[1], session_cookie(staff["王芳"])
    assert probe.upgrade(site.local, site.url, netloc, Cookie=cookie) == 101  # the public URL's own pages
    assert probe.upgrade(site.local, "http://evil.example", netloc, Cookie=cookie) == 403  # a signed-in person's cookie
    form = urlencode({"name": "王芳", "password": PASSWORD, "next": "/edit"}).encode()
    for origin, status in ((site.url, 303), ("http://evil.example", 403)):
        answer = probe.request(
            site.local + "/staff/sign-in", "POST", form, Origin=origin, Content_Type="application/x-www-form-urlencoded"
        )
        assert answer.status == status, origin
        assert bool([c for c in answer.headers.get("set-cookie", []) if c.startswith("kpi_session=")]) == (
            status == 303
        )


def test_a_save_after_signing_out_is_refused_and_writes_nothing(browser, site, as_found):
    page = new_context(browser).new_page()
    sign_in(page, site, "li.wei")  # a session of its own, which this test ends
    load(page, f"{site.url}/edit?part=progress&lang=en")
    steps = Steps(page)
    steps.choose("edit_progress_item", TARGET)
    steps.date("edit_progress_date", "2024-06-30")
    steps.type("edit_progress_value", "30")
    steps.click("edit_progress_check")
    said(page, "Check passed")
    other = page.context.new_page()  # another tab of the same browser signs out
    other.goto(f"{site.url}/staff/sign-out")
    steps.click("edit_progress_save")  # the page was opened signed in; the save asks again
    assert t("edit_signed_out", "en") in alerts(page)
    assert read_texts(site.data, [INDICATORS]) == {INDICATORS: as_found[INDICATORS]}
    Unsaved("li.wei", site.state / FOLDER).forget("progress")  # the state as found
    page.context.close()
