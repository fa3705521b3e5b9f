"""A process that starts while staff have a broken edit saved still shows the last good figures."""

from __future__ import annotations

from playwright.sync_api import expect

from kpi.data.files import REPO_ROOT
from kpi.data.snapshot import load_last_good
from tests.browser.server import load, running_server
from tests.browser.test_live_edits import NAME_LINE, UPDATING, digest, edit
from tests.browser.waiting import wait_until
from tests.conftest import copy_data_dir


def saved_name(data) -> str | None:
    """The name of the first figure in the last good copy on disk, if there is one."""
    saved = load_last_good(data)
    return saved.indicators["economy.enterprises_attracted"].name.zh if saved else None


def test_a_restart_during_a_broken_edit_serves_the_last_good_data(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("KPI_STATE_DIR", str(tmp_path / "state"))  # the servers inherit it
    data = copy_data_dir(REPO_ROOT, tmp_path)
    indicators = data / "indicators.yaml"
    edit(
        indicators, NAME_LINE, NAME_LINE.replace("引进企业", "新引进企业")
    )  # so the last good data differs from the shipped
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    with running_server(data) as base:
        load(page, f"{base}/economy")
        expect(page.get_by_text("新引进企业").filter(visible=True).first).to_be_visible(timeout=30_000)
        wait_until(lambda: saved_name(data) == "新引进企业", what="the last good copy on disk")

    edit(indicators, "    value: 139\n", "    value: 一百\n")
    before = digest(data)
    with running_server(data) as base:  # a new process: nothing in memory, the files are broken
        load(page, f"{base}/economy")
        expect(page.get_by_text("新引进企业").filter(visible=True).first).to_be_visible(timeout=30_000)
        assert page.get_by_text(UPDATING).is_visible()
        assert page.locator('[data-testid="stException"]').count() == 0
        load(page, f"{base}/check")
        assert "'value' 应为数字，实际为 '一百'" in page.locator('[data-testid="stCode"]').first.inner_text()
    assert digest(data) == before  # the app never writes to the data files
    page.close()
