"""The plan-year view in Chromium: the shipped data (the year is over, outcomes missing), staff progress
during the year, and the fictional next report that closes the year."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.progress import assess_all
from kpi.status import BY_ID
from kpi.texts import text
from tests.app.test_targets_view import add_progress
from tests.browser.server import load, running_server, screenshot
from tests.conftest import copy_data_dir
from tests.helpers.fixture_report import add_fixture_report
from tests.helpers.mutations import without_outcome


def test_a_closed_year_without_outcomes_reads_as_awaiting_the_next_report(browser, tmp_path, screenshots):
    data = without_outcome(
        copy_data_dir(REPO_ROOT, tmp_path), "safety.new_safety_posts_2024"
    )  # whatever staff enter one day
    with running_server(data) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        load(page, f"{base}/targets?year=2024&as_of=2025-03-01&target=safety.new_safety_posts_2024")
        assert page.get_by_test_id("stAlertContentError").count() == 0  # nothing red, nothing addressed to staff
        # As of 2025-03-01 the next report's January is over: the header says it is due and not entered.
        assert page.get_by_text(
            "下一份工作报告（回顾2024年，含2024年目标完成情况）应于2025年1月发布，尚未录入。"
        ).is_visible()
        n = sum(len(items) for items in load_dataset(data).planned(2024))
        assert page.get_by_text(f"2024年全部 {n} 项目标与事项的完成情况待下一份工作报告。").is_visible()  # one sentence
        assert page.get_by_role("link", name="待下一份报告").first.is_visible()  # its status, as the public reads it
        assert page.get_by_text("计划年度已于 2024-12-31 结束，但尚未录入结果").is_visible()  # how it was worked out
        screenshot(page, screenshots / "targets-awaiting-zh-1366.png")
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(400)
        page.get_by_text(f"查看清单（{n} 项）").click()  # the list a tap away, each row a card that fits the phone
        card = page.locator(".kb-plan tr").nth(1).bounding_box()
        assert card["x"] >= 0 and card["x"] + card["width"] <= 390
        screenshot(page, screenshots / "targets-awaiting-zh-390.png")
        page.close()


def test_targets_with_progress(browser, tmp_path, screenshots):
    data = add_progress(copy_data_dir(REPO_ROOT, tmp_path))
    with running_server(data) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        load(page, f"{base}/targets?as_of=2024-06-30&target=safety.new_safety_posts_2024&lang=en")
        for link in ("Needs acceleration 1", "Achieved 1", "In progress 1"):
            assert page.get_by_role("link", name=link).is_visible()
        assert page.get_by_text("Pace = share reached ÷ expected = 82%").is_visible()
        assert page.get_by_text("Reached 20 posts · Expected by this date").is_visible()  # the bar's words
        screenshot(page, screenshots / "targets-with-progress-en-1366.png")
        page.close()


@pytest.fixture(scope="module")
def next_report_dir(tmp_path_factory):
    return add_fixture_report(copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("next")))


@pytest.fixture(scope="module")
def next_report_server(next_report_dir):
    with running_server(next_report_dir) as base:
        yield base


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_plan_years_by_url(browser, next_report_dir, next_report_server, screenshots, lang):
    suffix = "" if lang == "zh" else "&lang=en"
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    load(page, f"{next_report_server}/targets?year=2024&as_of=2025-03-01{suffix}")  # the fixture report closed 2024
    heading = {"zh": "2024年目标与事项", "en": "Targets and milestones for 2024"}[lang]
    assert page.get_by_role("heading", name=heading).is_visible()
    dataset = load_dataset(next_report_dir)
    assessed = assess_all(dataset.content, date(2025, 3, 1))
    counts = Counter(assessed[x.id].status for items in dataset.planned(2024) for x in items)
    for status in ("achieved", "missed", "done"):  # how the year ended, each state a link to its items
        assert counts[status]
        assert page.get_by_role("link", name=f"{text(BY_ID[status].words, lang)} {counts[status]}").is_visible()
    screenshot(page, screenshots / f"next-report-targets-2024-{lang}-1366.png")
    load(page, f"{next_report_server}/targets?{suffix[1:]}")  # the newest plan year by default
    assert page.get_by_role("heading", name=heading.replace("2024", "2025")).is_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(400)
    screenshot(page, screenshots / f"next-report-targets-2025-{lang}-390.png")
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_periods_on_tiles_detail_and_change_chart(browser, next_report_server, screenshots, lang):
    suffix = "" if lang == "zh" else "?lang=en"
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    load(page, f"{next_report_server}/economy{suffix}")
    delta = page.locator(".kb-tile .kb-delta").first
    assert delta.inner_text().startswith("↑ +13")
    chart = page.locator(".kb-chart").first
    assert chart.locator(".kb-num", has_text="+9.4%").is_visible() and chart.locator(".kb-row").count() == 4
    screenshot(page, screenshots / f"next-report-economy-{lang}-1366.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(400)
    screenshot(page, screenshots / f"next-report-economy-{lang}-390.png")
    page.set_viewport_size({"width": 1366, "height": 768})
    load(page, f"{next_report_server}/indicator?id=economy.total_fiscal_revenue{suffix.replace('?', '&')}")
    page.locator(".js-plotly-plot .trace.bars .point").first.wait_for()
    assert page.locator(".js-plotly-plot .trace.bars .point").count() == 2  # one bar per period, in Plotly
    assert (
        page.locator(".kb-context mark").filter(has_text="经核定,2023年实现财政总收入2.90亿元").is_visible()
    )  # the restating sentence, in its paragraph
    screenshot(page, screenshots / f"next-report-detail-{lang}-1366.png")
    page.close()


def test_the_data_check_page_lists_the_revision(browser, next_report_server, screenshots):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    load(page, f"{next_report_server}/check")
    assert page.get_by_role("heading", name="报告之间数值不一致：1 处").is_visible()
    screenshot(page, screenshots / "next-report-check-zh-1366.png")
    page.close()


def test_csv_download_has_both_periods(browser, next_report_server):
    page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    load(page, f"{next_report_server}/economy?lang=en")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()  # the charts' images are downloads too
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = [line for line in data.decode("utf-8-sig").splitlines() if line.startswith("Total fiscal revenue,")]
    assert [row.split(",")[2] for row in rows] == ["2023", "2024"]  # name, value, period…
    assert all(
        ",2024 Work Report of the Dongming Road Subdistrict Office (fictional test data)," in row for row in rows
    )
    page.close()
