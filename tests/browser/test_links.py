"""Shared links: the page, language and selection a link names, also as the first request after a start."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from tests.browser.server import load, running_server

# (link, text that proves the right view, parameters that must still be in the URL)
COLD_LINKS = [
    ("/economy?lang=en", "Enterprises attracted (Jan–Nov 2023)", {"lang": "en"}),
    ("/housing", "住房与人居环境", {}),
    (
        "/glossary?term=three_deliveries&lang=en",
        "Three Deliveries to Enterprises",
        {"lang": "en", "term": "three_deliveries"},
    ),
    (
        "/targets?year=2024&theme=safety&status=outcome_missing",
        "2024年目标与事项",
        {"theme": "safety", "status": "outcome_missing"},
    ),
    (
        "/indicator?id=economy.service_packages_issued",
        "发放重点企业“服务包”29家",
        {"id": "economy.service_packages_issued"},
    ),
    ("/?as_of=2024-06-30&lang=en", "Target progress judged as of 2024-06-30", {"as_of": "2024-06-30", "lang": "en"}),
    ("/source?lang=en", "The report is in Chinese", {"lang": "en"}),
]


def params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


@pytest.mark.parametrize(("link", "expected", "kept"), COLD_LINKS, ids=[c[0] for c in COLD_LINKS])
def test_cold_deep_link_opens_the_shared_view(browser, link, expected, kept):
    with running_server() as base:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        load(page, base + link)
        assert page.get_by_text(expected).filter(visible=True).first.is_visible()
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
        assert urlparse(page.url).path == urlparse(link).path
        assert params(page).items() >= kept.items()
        page.close()


def test_glossary_link_brings_that_term_into_view_among_all_the_others(server, page):
    load(page, f"{server}/glossary?term=pearl_program")
    assert page.locator(".kb-terms h3").count() == len(load_dataset(REPO_ROOT).glossary.terms)
    term = page.locator("#term-pearl_program h3")
    assert term.inner_text() == "明珠计划 Pearl Program"  # the page's language first, the other beside it, smaller
    page.wait_for_function(
        "(() => { const r = document.getElementById('term-pearl_program').getBoundingClientRect();"
        " return r.top >= -2 && r.top < innerHeight / 2; })()",
        timeout=15_000,
    )


def test_language_persists_across_navigation(server, page):
    load(page, f"{server}/?lang=en")
    page.locator(".kb-menu > summary", has_text="Themes").click()
    page.locator(".kb-menu-list").get_by_role("link", name="Safety & Security", exact=True).click()
    page.wait_for_url("**/safety?lang=en")
    load(page, page.url)
    assert page.get_by_role("heading", name="Safety & Security", level=2).is_visible()
    page.locator(".kb-nav").get_by_role("link", name="Targets").click()
    page.wait_for_url("**/targets?lang=en")
    load(page, page.url)
    page.locator(".kb-lang").get_by_role("link", name="中文").click()
    page.wait_for_function("!location.search.includes('lang=')")
    page.get_by_role("heading", name="2024年目标与事项").wait_for()


def test_share_link_is_the_current_view(server, page):
    load(page, f"{server}/targets?lang=en&theme=housing")
    page.locator(".kb-share > summary").click()
    code = page.locator(".kb-share code")
    code.wait_for()
    assert code.inner_text().strip() == f"{server}/targets?lang=en&theme=housing"


def test_filters_write_the_url(server, page):
    load(page, f"{server}/targets?lang=en")
    page.locator(".kb-filter").get_by_role("link", name="Safety & Security").click()
    page.wait_for_url("**/targets?*theme=safety*")
    load(page, page.url)
    assert "lang=en" in page.url
    assert page.locator('.kb-filter a[aria-current="true"]', has_text="Safety & Security").count() == 1
    page.get_by_role("textbox").fill("CCTV")  # Streamlit's search box writes ?q= beside the filters
    page.keyboard.press("Enter")
    page.wait_for_url("**q=CCTV*")
    assert "theme=safety" in page.url and "lang=en" in page.url


@pytest.mark.parametrize(
    "query",
    [
        "lang=" + "x" * 4000,
        "lang=../../etc/passwd&as_of=2024-99-99",
        "theme=<script>alert(1)</script>&status=%00",
        "mode=meeting&rotate=-5",
        "id=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "goto=../../app.py",
    ],
)
def test_malformed_parameters_are_harmless(server, page, query):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    load(page, f"{server}/?{query}")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_role("heading", name="东明路街道绩效看板").is_visible()
    assert dialogs == []
