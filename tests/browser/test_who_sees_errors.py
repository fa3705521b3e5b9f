"""A broken file, as a viewer and as staff see it in Chromium: public pages never name a file, the data-check page does."""

from __future__ import annotations

import re

import pytest

from kpi.data.files import REPO_ROOT
from tests.browser.server import load, running_server
from tests.browser.test_live_edits import NAME_LINE, edit
from tests.conftest import copy_data_dir

PUBLIC = ["", "economy", "targets", "glossary", "indicator?id=economy.enterprises_attracted"]
NOTE = {"zh": "部分数据正在更新。", "en": "Some figures are being updated."}
MESSAGE = {"zh": "'value' 应为数字，实际为 '一百'", "en": "'value' must be a number, not '一百'"}
LOCATED = re.compile(
    r"^indicators\.yaml:\d+:5: indicators\[economy\.enterprises_attracted\]\.values\[0\]\.value: ", re.M
)


@pytest.fixture(scope="module")
def broken(browser, tmp_path_factory):
    """A server whose data showed once (so there is a last good copy), then got a broken edit; yields its URL."""
    data = copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("data"))
    edit(data / "indicators.yaml", NAME_LINE, NAME_LINE.replace("引进企业", "新引进企业"))
    with running_server(data) as base:
        page = browser.new_page()
        load(page, f"{base}/economy")
        page.close()
        edit(data / "indicators.yaml", "    value: 139\n", "    value: 一百\n")
        yield base


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_broken_file_public_pages_name_no_file_and_the_check_page_lists_them(browser, broken, lang):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    suffix = "" if lang == "zh" else "lang=en"
    for path in PUBLIC:
        load(page, f"{broken}/{path}{'&' if '?' in path else '?'}{suffix}")
        body = page.locator("body").inner_text()
        assert NOTE[lang] in body, path
        assert ".yaml" not in body and "value: " not in body, path
        assert page.locator("a[href*='check']").count() == 0, path  # the data-check page is not advertised
        assert page.locator('[data-testid="stException"]').count() == 0, path
    assert page.get_by_text(
        {"zh": "新引进企业", "en": "Enterprises attracted"}[lang]
    ).first.is_visible()  # the last good data

    load(page, f"{broken}/check?{suffix}")
    listing = "\n".join(page.locator('[data-testid="stCode"]').all_inner_texts())
    assert LOCATED.search(listing) and MESSAGE[lang] in listing
    assert NOTE[lang] not in page.locator("body").inner_text()
    page.close()
