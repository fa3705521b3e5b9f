"""Meeting mode on the projector: no chrome, larger text, pages rotating on a timer, pausable, and a way out."""

from __future__ import annotations

from urllib.parse import urlparse

from tests.browser.server import load, truncated


def font_px(page, selector: str) -> float:
    page.wait_for_selector(selector)
    return page.evaluate(f"parseFloat(getComputedStyle(document.querySelector({selector!r})).fontSize)")


def test_meeting_mode_hides_chrome_and_enlarges_text(server, page):
    load(page, f"{server}/safety")
    value, chart = font_px(page, '[data-testid="stMetricValue"]'), font_px(page, ".js-plotly-plot .annotation-text")
    assert page.get_by_role("link", name="总览").count() == 1
    assert page.get_by_test_id("stDownloadButton").count() == 1 and page.get_by_role("button", name="查看数据表").count() > 0
    load(page, f"{server}/safety?mode=meeting")
    assert page.get_by_role("link", name="总览").count() == 0  # no menu
    assert page.get_by_test_id("stSidebar").count() == 0
    assert font_px(page, '[data-testid="stMetricValue"]') >= value * 1.3
    assert font_px(page, ".js-plotly-plot .annotation-text") >= chart * 1.4  # chart text grows with the tiles
    # Filters, data tables and downloads are for desks, not projectors.
    assert page.get_by_test_id("stDownloadButton").count() == 0 and page.get_by_role("button", name="查看数据表").count() == 0
    assert truncated(page) == []
    title = page.get_by_role("heading", name="东明路街道绩效看板").bounding_box()
    assert title["y"] < 90  # no blank band above the title

    load(page, f"{server}/targets?mode=meeting&lang=en")
    assert page.get_by_test_id("stSelectbox").count() == 0 and page.get_by_test_id("stTextInput").count() == 0
    assert truncated(page) == []
    page.get_by_role("button", name="Leave meeting mode").click()
    page.wait_for_function("!location.search.includes('mode=')")
    page.get_by_role("link", name="Overview").wait_for()


def test_tiles_fill_their_rows_evenly(server, page):
    load(page, f"{server}/?mode=meeting")
    rows: dict[int, list[float]] = {}
    for box in (tile.bounding_box() for tile in page.get_by_test_id("stMetric").all()):
        rows.setdefault(round(box["y"]), []).append(box["x"] + box["width"])
    # Every row of tiles ends at the same right edge: no row is left half empty.
    assert len({round(max(ends)) for ends in rows.values()}) == 1


def test_rotation_goes_through_the_pages_scrolls_each_and_pauses(server, page):
    load(page, f"{server}/?mode=meeting&rotate=8&lang=en")
    scroller = '[data-testid="stMain"]'
    page.wait_for_function(f"document.querySelector('{scroller}').scrollTop > 0", timeout=8_000)  # charts below come into view
    page.wait_for_url("**/targets?*", timeout=15_000)
    assert "mode=meeting" in page.url and "rotate=8" in page.url and "lang=en" in page.url
    page.wait_for_url("**/economy?*", timeout=15_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    assert page.get_by_role("heading", name="Economy").is_visible()

    page.get_by_role("button", name="Pause rotation (every 8 s)").click()
    page.get_by_role("button", name="Resume rotation (every 8 s)").wait_for()
    page.wait_for_timeout(12_000)
    assert urlparse(page.url).path == "/economy"

    page.get_by_role("button", name="Resume rotation (every 8 s)").click()
    page.wait_for_url("**/housing?*", timeout=15_000)
