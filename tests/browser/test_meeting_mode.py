"""Meeting mode on the projector: no chrome, larger tiles, pages rotating on a timer, pausable, and a way out."""

from __future__ import annotations

from urllib.parse import urlparse

from tests.browser.server import load, truncated


def value_font_px(page) -> float:
    page.wait_for_selector('[data-testid="stMetricValue"]')
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-testid=stMetricValue]')).fontSize)")


def test_meeting_mode_hides_chrome_and_enlarges_tiles(server, page):
    load(page, server)
    normal = value_font_px(page)
    assert page.get_by_test_id("stTopNav").count() == 1
    load(page, f"{server}/?mode=meeting")
    assert page.get_by_test_id("stTopNav").count() == 0
    assert page.get_by_test_id("stSidebar").count() == 0
    assert value_font_px(page) >= normal * 1.3
    assert truncated(page) == []
    assert page.get_by_role("heading", name="2024年目标").is_visible()  # the roll-up comes first

    load(page, f"{server}/?mode=meeting&lang=en")
    assert truncated(page) == []
    load(page, f"{server}/?mode=meeting")
    page.get_by_role("button", name="退出会议模式").click()
    page.wait_for_function("!location.search.includes('mode=')")
    page.wait_for_selector('[data-testid="stTopNav"]')


def test_rotation_goes_through_the_pages_and_pauses(server, page):
    load(page, f"{server}/?mode=meeting&rotate=5&lang=en")
    page.wait_for_url("**/targets?*", timeout=15_000)
    assert "mode=meeting" in page.url and "rotate=5" in page.url and "lang=en" in page.url
    page.wait_for_url("**/economy?*", timeout=15_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    assert page.get_by_role("heading", name="Economy").is_visible()

    page.get_by_role("button", name="Pause rotation (every 5 s)").click()
    page.get_by_role("button", name="Resume rotation (every 5 s)").wait_for()
    page.wait_for_timeout(9_000)
    assert urlparse(page.url).path == "/economy"

    page.get_by_role("button", name="Resume rotation (every 5 s)").click()
    page.wait_for_url("**/housing?*", timeout=15_000)
