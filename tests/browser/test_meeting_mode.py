"""Meeting mode on the projector: no chrome, larger text, pages rotating on a timer, pausable, and a way out."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlparse

from components.views.commitments import one_line
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from tests.browser.server import load, truncated

DATASET = load_dataset(REPO_ROOT)
THEMES = [theme.id for theme in DATASET.content.themes]


def font_px(page, selector: str) -> float:
    page.wait_for_selector(selector)
    return page.evaluate(f"parseFloat(getComputedStyle(document.querySelector({selector!r})).fontSize)")


def smallest_text_px(page) -> float:
    """The smallest font of any element of the page's blocks that holds text of its own."""
    return page.evaluate("""() => Math.min(...[...document.querySelectorAll('.kb, .kb *')]
        .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")


def test_meeting_mode_hides_chrome_and_enlarges_text(server, page):
    load(page, f"{server}/safety")
    value, chart = font_px(page, ".kb-tile-value"), font_px(page, ".kb-chart .kb-label")
    assert page.get_by_role("link", name="总览").count() == 1
    assert page.get_by_test_id("stDownloadButton").count() == 4  # the CSV and the images of its three charts
    assert page.get_by_text("查看数据表").count() > 0
    load(page, f"{server}/safety?mode=meeting")
    assert page.get_by_role("link", name="总览").count() == 0  # no menu
    assert page.get_by_test_id("stSidebar").count() == 0
    assert font_px(page, ".kb-tile-value") >= value * 1.3
    assert font_px(page, ".kb-chart .kb-label") >= chart * 1.3  # chart text grows with the tiles
    assert (
        font_px(page, ".kb-top .kb-vintage") >= 20 and font_px(page, ".kb-note") >= 20
    )  # readable from the back of a room
    # Filters, data tables and downloads are for desks, not projectors.
    assert (
        page.get_by_test_id("stDownloadButton").count() == 0 and not page.get_by_text("查看数据表").first.is_visible()
    )
    assert truncated(page) == []
    title = page.get_by_role("heading", name="东明路街道绩效看板").bounding_box()
    assert title["y"] < 90  # no blank band above the title

    load(page, f"{server}/?mode=meeting")
    assert smallest_text_px(page) >= 20  # every word of the overview, the status counts included

    # As of today (2026-12-07) every 2024 item awaits the next report: one line, no table of 158 alike rows.
    load(page, f"{server}/targets?mode=meeting&lang=en")
    assert page.get_by_test_id("stSelectbox").count() == 0 and page.get_by_test_id("stTextInput").count() == 0
    assert font_px(page, ".kb-one-state") >= 20 and page.locator(".kb-table").count() == 0
    assert page.locator(".kb-filter").count() == 0  # no filters on a projector
    assert truncated(page) == []
    page.get_by_role("button", name="Leave meeting mode").click()
    page.wait_for_function("!location.search.includes('mode=')")
    page.get_by_role("link", name="Overview").wait_for()


def test_tiles_fill_their_rows_evenly(server, page):
    load(page, f"{server}/safety?mode=meeting")
    rows: dict[int, list[float]] = {}
    for box in (tile.bounding_box() for tile in page.locator(".kb-tile").all()):
        rows.setdefault(round(box["y"]), []).append(box["x"] + box["width"])
    # Every row of tiles ends at the same right edge: no row is left half empty.
    assert len({round(max(ends)) for ends in rows.values()}) == 1


def test_no_page_of_the_rotation_leaves_the_screen_mostly_blank(server, page):
    """As of today: the targets page is in the rotation only when its plan year is more than one sentence."""
    for path in ["", *([] if one_line(DATASET, date.today()) else ["targets"]), *THEMES]:
        load(page, f"{server}/{path}?mode=meeting")
        used = page.evaluate("document.querySelector('[data-testid=stMainBlockContainer]').scrollHeight")
        assert used >= 768 * 0.6, path


SCROLLED = "document.querySelector('[data-testid=stMain]').scrollTop"
SCREEN = "document.querySelector('[data-testid=stMain]').clientHeight"
SCROLLABLE = (
    "(() => { const m = document.querySelector('[data-testid=stMain]'); return m.scrollHeight - m.clientHeight; })()"
)


def test_rotation_goes_through_the_pages_moves_each_and_pauses(server, page):
    """As of today (2026-12-07): the 2024 plan year is one sentence, so the overview hands over to the first theme."""
    load(page, f"{server}/?mode=meeting&rotate=16&lang=en")
    page.wait_for_function(f"{SCROLLED} > 0", timeout=16_000)
    page.wait_for_url("**/economy?*", timeout=30_000)
    assert "mode=meeting" in page.url and "rotate=16" in page.url and "lang=en" in page.url
    # The second page moves in its own turn too, by a whole screen, from the top.
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    assert page.get_by_role("heading", name="Economy", level=2).is_visible()
    page.wait_for_function(f"{SCROLLED} > 0", timeout=16_000)
    moved, screen = page.evaluate(SCROLLED), page.evaluate(SCREEN)
    assert moved % screen == 0 or moved == page.evaluate(SCROLLABLE)
    page.wait_for_url("**/housing?*", timeout=30_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')

    page.get_by_role("button", name="Pause rotation (every 16 s)").click()
    page.get_by_role("button", name="Resume rotation (every 16 s)").wait_for()
    page.wait_for_timeout(20_000)
    assert urlparse(page.url).path == "/housing"

    page.get_by_role("button", name="Resume rotation (every 16 s)").click()
    page.wait_for_url("**/elderly?*", timeout=30_000)
