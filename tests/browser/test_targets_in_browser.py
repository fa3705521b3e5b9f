"""The 2024 view in Chromium, without progress (the shipped data) and with staff-entered progress."""

from __future__ import annotations

from kpi.dataset import REPO_ROOT
from tests.browser.server import load, running_server, screenshot
from tests.conftest import copy_data_dir
from tests.test_targets_view import add_progress


def test_targets_without_progress(server, page, screenshots):
    load(page, f"{server}/targets?target=safety.new_peace_houses_2024")
    assert page.get_by_text("2024年目标尚无任何进展报告").is_visible()
    assert page.get_by_text("尚无进展报告 106").is_visible()
    screenshot(page, screenshots / "targets-no-progress-zh-1366.png")


def test_targets_with_progress(browser, tmp_path, screenshots):
    data = add_progress(copy_data_dir(REPO_ROOT, tmp_path))
    with running_server(data) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        load(page, f"{base}/targets?as_of=2024-06-30&target=safety.new_peace_houses_2024&lang=en")
        for badge in ("Needs acceleration 1", "Achieved 1", "In progress 1", "Not reported yet 103"):
            assert page.get_by_text(badge).is_visible()
        assert page.get_by_text("Pace = reached ÷ expected = 82%").is_visible()
        page.wait_for_selector(".js-plotly-plot .main-svg")
        screenshot(page, screenshots / "targets-with-progress-en-1366.png")
        load(page, f"{base}/?as_of=2024-06-30")
        assert page.get_by_text("已报告进展").is_visible() and page.get_by_text("3 / 106").is_visible()
        screenshot(page, screenshots / "overview-with-progress-zh-1366.png")
        page.close()
