"""The editing page's changes that stay (issue 29, "Done when"), each on a deploy of its own: a new report uploaded,
reviewed and applied until the overview leads with its year; two staff members saving at the same moment from two
browsers, neither update lost. Driven in Debian's Chromium through nginx as in tests/browser/test_edit_in_browser.py.
"""

from __future__ import annotations

import re
import time

import pytest

from kpi.data.files import INDICATORS
from kpi.draft.review import Review
from kpi.edit.unsaved import FOLDER, Unsaved
from scripts import probe_deploy as probe
from scripts.deploy import cluster as deploy
from tests.browser.editing import (
    StaffSite,
    Steps,
    history,
    said,
    shoot,
    signed_in_cookies,
    signed_in_page,
    start_staff_site,
    wait_live,
)
from tests.browser.server import load
from tests.browser.test_static_site import get, is_static
from tests.browser.waiting import wait_until
from tests.helpers.fixture_report import FIRST, decide_as_reviewer, reviewer_decisions

KEPT = "report"  # components/edit/report.py: the key a person's review is kept under on the server


@pytest.fixture
def own_site(tmp_path):
    running = start_staff_site(tmp_path)
    yield running
    deploy.stop(running.cluster.run_dir)


def static_page(site: StaffSite, link: str) -> str:
    status, _, body = get(site.local + link)
    assert status == 200 and is_static(body), link
    return body


def leading_heading(body: str) -> str:
    """The first section heading of a static page's main part."""
    return re.sub(r"<[^>]+>", "", re.search(r"<main>.*?<h[23][^>]*>(.*?)</h[23]>", body, re.S)[1]).strip()


def review_progress(page) -> str:  # noqa: ANN001
    """The review's progress line: "8 of 187 decided; 7 review mark(s) left"."""
    return page.get_by_text(re.compile(r"^\d+ of \d+ decided; ")).inner_text()


# ── 2. A new report: uploaded, drafted, reviewed, applied; the overview leads with its year ─────────────


def test_a_report_uploaded_reviewed_and_applied_puts_its_year_first_on_the_overview(browser, own_site, screenshots):
    site = own_site
    assert "2024年主要成果" not in static_page(site, "/")
    page = signed_in_page(browser, signed_in_cookies(browser, site, "王芳"), site, "report")
    steps = Steps(page)
    assert "1MB per file" in steps.widget("edit_report_upload").inner_text()  # what the page and nginx take
    steps.upload("edit_report_upload", FIRST.folder / "report.txt")
    steps.type("edit_report_file", FIRST.report_file)  # offered: source/report.txt (the uploaded file's name)
    steps.type("edit_report_id", FIRST.report_id)  # offered: report_2024 (the year it reviews)
    steps.click("edit_report_draft")
    kept = Unsaved("王芳", site.state / FOLDER)
    review = Review.from_dict(kept.load(KEPT))
    assert review.counts().marks == 23
    # Most decisions were made on earlier days; three are left for today, in the browser.
    decisions = reviewer_decisions(review)
    report_entry, deleted = f"reports:{FIRST.report_id}", "indicators:housing.TODO_2024_2"
    assert decisions[deleted] is None
    kept.keep(KEPT, decide_as_reviewer(review, leave=frozenset({report_entry, deleted}), accept_rest=False).to_dict())
    load(page, f"{site.url}/edit?part=report&lang=en")  # a reload: the review as kept on the server
    left = review_progress(page)
    assert left.endswith(" decided; 7 review mark(s) left") and not left.startswith("0 of"), (
        left
    )  # 3 + 4 in the two entries
    # 1. The report's own entry, first in the list: its three marks filled, as changed lines.
    assert (
        steps.widget("edit_report_entry")
        .get_by_role("combobox")
        .input_value()
        .startswith(f"reports · {FIRST.report_id} · ")
    )
    steps.type(f"edit_report_lines_{report_entry}", decisions[report_entry])
    steps.click(f"edit_report_change_{report_entry}")
    # 2. A proposed figure that only closes a target: excluded, with its reason and a note.
    steps.choose("edit_report_entry", "housing.TODO_2024_2")
    page.locator('[data-testid="stExpander"] summary').filter(has_text="Exclude").click()
    steps.choose(f"edit_report_reason_{deleted}", "not a measurement")
    steps.type(f"edit_report_note_zh_{deleted}", "只是一个目标的结果")
    steps.type(f"edit_report_note_en_{deleted}", "only a target's outcome")
    steps.click(f"edit_report_exclude_{deleted}")
    # 3. A value read and kept as proposed.
    steps.choose("edit_report_entry", "economy.enterprises_attracted 2024")
    steps.click("edit_report_accept_values:economy.enterprises_attracted:2024")
    decided = {e.key: e.decision for e in Review.from_dict(kept.load(KEPT)).entries()}
    assert (decided[report_entry], decided[deleted], decided["values:economy.enterprises_attracted:2024"]) == (
        "changed",
        "excluded",
        "accepted",
    )
    assert review_progress(page).endswith(" decided; 0 review mark(s) left"), review_progress(page)
    steps.click("edit_report_apply_check")
    said(page, "Check passed")
    steps.click("edit_report_apply_save")
    said(page, "Saved as change")
    wait_live(page)
    assert leading_heading(static_page(site, "/")) == "2024年主要成果"
    assert leading_heading(static_page(site, "/?lang=en")) == "Key results of 2024"
    assert (site.data / FIRST.report_file).read_bytes() == (FIRST.folder / "report.txt").read_bytes()
    assert history(site, 1)[0][0] == "王芳" and kept.load(KEPT) is None  # the review is over
    shoot(page, site, screenshots, "report-applied", "report")
    page.context.close()


# ── 5. Two staff members save at the same moment: no update lost ──────────────────────────────────────


def routes_to_each_process(site: StaffSite) -> list[str]:
    """A route cookie value for each Streamlit process (nginx keeps a viewer on one by this cookie), found by asking."""
    found: dict[str, str] = {}
    log = site.cluster.run_dir / "logs" / "nginx.log"
    for n in range(60):
        route = f"edit-test-{n}"
        probe.request(f"{site.local}/?q=route", Cookie=f"kpi_route={route}")  # a search: Streamlit's, not a file
        wait_until(lambda: f"route={route} " in log.read_text(), 10, "nginx's log line")
        [upstream] = {
            line.rsplit("upstream=", 1)[1] for line in log.read_text().splitlines() if f"route={route} " in line
        }
        found.setdefault(upstream, route)
        if len(found) == len(site.cluster.processes):
            return list(found.values())
    raise AssertionError(f"no route found to every process: {found}")


def with_route(cookies: list, route: str) -> list:
    return [c for c in cookies if c["name"] != deploy.ROUTE_COOKIE] + [
        {**next(c for c in cookies if c["name"] == "kpi_session"), "name": deploy.ROUTE_COOKIE, "value": route}
    ]


@pytest.fixture
def two_processes(tmp_path):
    running = start_staff_site(tmp_path, processes=2)
    yield running
    deploy.stop(running.cluster.run_dir)


def test_two_staff_members_saving_at_once_lose_no_update(browser, two_processes, screenshots):
    site = two_processes
    routes = routes_to_each_process(site)
    entries = {
        "王芳": ("safety.new_safety_posts_2024", "2024-06-30", "30"),
        "li.wei": ("housing.community_gardens_2024", "2024-06-30", "3"),
    }
    pages = {}
    for (name, (target, day, value)), route in zip(entries.items(), routes, strict=True):
        page = signed_in_page(browser, with_route(signed_in_cookies(browser, site, name), route), site, "progress")
        steps = Steps(page)
        steps.choose("edit_progress_item", target)
        steps.date("edit_progress_date", day)
        steps.type("edit_progress_value", value)
        steps.click("edit_progress_check")
        said(page, "Check passed")
        pages[name] = page
    buttons = [page.locator(".st-key-edit_progress_save button") for page in pages.values()]
    for button in buttons:
        button.wait_for()
    started = time.perf_counter()
    for button in buttons:  # both clicks within milliseconds (a click in the page itself, no pointer moves between)
        button.evaluate("button => button.click()")
    clicked = time.perf_counter() - started
    for page in pages.values():
        page.get_by_text("Saved as change").wait_for(timeout=60_000)
    text = (site.data / INDICATORS).read_text(encoding="utf-8")
    for target, day, value in entries.values():
        block = text[text.index(f"- id: {target}\n") :]
        assert f"  - date: {day}\n    value: {value}\n" in block[: block.index("\n- id: ")]
    newest = history(site, 2)
    assert sorted(author for author, _ in newest) == sorted(entries)
    assert {summary for _, summary in newest} == {f"targets[{t}]: progress {d} = {v}" for t, d, v in entries.values()}
    remade = [name for name, page in pages.items() if page.get_by_text("made again on top of theirs").count()]
    print(
        f"\nissue 29, flow 5: both Save clicks within {clicked * 1000:.0f} ms, on two processes; made again on the "
        f"other's save: {remade or 'neither'}"
    )
    wait_live(pages["王芳"])
    shoot(pages["王芳"], site, screenshots, "two-saves", "progress")
    for page in pages.values():
        page.context.close()
