"""Staff edit the YAML while the app runs: good edits show on the next load, bad ones never take it down."""

from __future__ import annotations

import hashlib

from kpi.data.files import REPO_ROOT
from tests.browser.server import load, running_server
from tests.conftest import copy_data_dir

NAME_LINE = "  name: {zh: 引进企业, en: Enterprises attracted}\n"
UPDATING = "部分数据正在更新。"  # all the public reads of a broken edit


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def digest(directory) -> str:
    return hashlib.sha256(
        b"".join((directory / n).read_bytes() for n in ("indicators.yaml", "glossary.yaml"))
    ).hexdigest()


def test_valid_then_invalid_then_fixed_edit(browser, tmp_path):
    data = copy_data_dir(REPO_ROOT, tmp_path)
    indicators = data / "indicators.yaml"
    with running_server(data) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        load(page, f"{base}/economy")
        assert page.get_by_text("引进企业 (截至2023年11月)").is_visible()

        edit(indicators, NAME_LINE, NAME_LINE.replace("引进企业", "新引进企业"))  # a good edit
        load(page, f"{base}/economy")
        assert page.get_by_text("新引进企业 (截至2023年11月)").is_visible()
        assert page.get_by_text(UPDATING).count() == 0

        edit(indicators, "    value: 139\n", "    value: 一百\n")  # a bad edit
        before = digest(data)
        load(page, f"{base}/economy")
        assert page.get_by_text("新引进企业 (截至2023年11月)").is_visible()  # the last good data stays up
        assert page.get_by_text(UPDATING).is_visible()  # and the public reads one neutral line
        assert "indicators.yaml" not in page.locator("body").inner_text()
        load(page, f"{base}/check")  # staff read the located list
        assert page.get_by_text("数据文件有 1 个错误").is_visible()
        message = page.locator('[data-testid="stCode"]').first.inner_text()
        assert "indicators.yaml:" in message and "'value' 应为数字，实际为 '一百'" in message
        load(page, f"{base}/check?lang=en")
        assert "'value' must be a number, not '一百'" in page.locator('[data-testid="stCode"]').first.inner_text()
        assert digest(data) == before  # the app never writes to the data files

        edit(indicators, "    value: 一百\n", "    value: 139\n")  # fixed
        load(page, f"{base}/economy")
        assert page.get_by_text(UPDATING).count() == 0
        assert page.get_by_text("139家").first.is_visible()
        page.close()


def test_starting_with_invalid_data_shows_the_messages(browser, tmp_path):
    data = copy_data_dir(REPO_ROOT, tmp_path)
    edit(data / "glossary.yaml", "- id: three_deliveries\n", "- id: three_deliveries\n  colour: red\n")
    with running_server(data) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        load(page, f"{base}/economy")
        assert page.get_by_text("数据正在更新，请稍后再来。").is_visible()
        assert "glossary.yaml" not in page.locator("body").inner_text()
        load(page, f"{base}/check")  # no data at all yet: staff still read why on the data-check page
        assert "glossary.yaml:" in page.locator('[data-testid="stCode"]').inner_text()
        assert "未知字段 'colour'" in page.locator('[data-testid="stCode"]').inner_text()
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("Traceback").count() == 0
        page.close()
