"""Every page, both languages, in Chromium: no exception, Chinese glyphs, nothing cut off, fits a phone, and
no WCAG 2.1 AA violation that axe-core finds, at projector and at phone width."""

from __future__ import annotations

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.texts import text
from tests.browser.server import accessibility_violations, load, screenshot, truncated

DATASET = load_dataset(REPO_ROOT)
PAGES = [
    "",
    "targets",
    *[t.id for t in DATASET.content.themes],
    "glossary",
    "source",
    "check",
    "indicator?id=economy.enterprises_attracted",
]


def url(base: str, path: str, lang: str) -> str:
    sep = "&" if "?" in path else "?"
    return f"{base}/{path}" + (f"{sep}lang=en" if lang == "en" else "")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_at_projector_and_phone_width(server, page, screenshots, path, lang):
    asked = []  # every request the page makes, to any host
    page.on("request", lambda request: asked.append(request.url))
    load(page, url(server, path, lang))
    assert page.locator('[data-testid="stException"]').count() == 0
    heading = {"zh": "东明路街道绩效看板", "en": "Dongming Road Subdistrict Performance Dashboard"}[lang]
    assert page.get_by_role("heading", name=heading).is_visible()
    theme = next((t for t in DATASET.content.themes if t.id == path), None)
    if theme:
        assert page.get_by_role("heading", name=text(theme.name, lang), level=2).is_visible()
    assert truncated(page) == []
    assert accessibility_violations(page) == []
    name = (path.split("?")[0] or "overview") + f"-{lang}"
    screenshot(page, screenshots / f"{name}-1366.png")

    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling of the page
    assert truncated(page) == []
    assert spilled_chart_text(page) == []
    assert accessibility_violations(page) == []
    title = page.get_by_role("heading", name=heading).bounding_box()
    assert title["y"] < 200  # on a phone the page starts near the top of the screen
    screenshot(page, screenshots / f"{name}-390.png")
    # Nothing from any other host: Google's font and icon servers are blocked where most of this public lives.
    assert [u for u in asked if not u.startswith((server, "data:", "blob:"))] == []


def test_chinese_text_uses_a_cjk_font(server, page):
    load(page, server)
    family = page.evaluate("getComputedStyle(document.querySelector('h3')).fontFamily")
    assert "Noto Sans CJK SC" in family
    assert page.evaluate("document.fonts.check(\"16px 'Noto Sans CJK SC'\", '东明路')")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_first_screen_shows_the_years_results(server, page, lang):
    load(page, url(server, "", lang))
    on_screen = page.evaluate("""() => [...document.querySelectorAll('.kb-grid .kb-fig > summary')]
        .filter(s => { const r = s.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length""")
    assert on_screen >= 6


@pytest.mark.parametrize("theme", ["economy", "safety"])
def test_every_figure_of_a_theme_is_on_its_page_without_a_click(server, page, theme):
    load(page, f"{server}/{theme}?lang=en")
    rows = page.locator(".kb-list .kb-fig > summary")
    assert rows.count() == len(DATASET.theme_indicators(theme))
    assert all(row.is_visible() for row in rows.all())
    rows.first.click()  # the report's sentence is a tap away
    quote = DATASET.latest(DATASET.theme_indicators(theme)[0]).value.source.quote
    assert (
        page.locator(".kb-list .kb-quote").first.is_visible()
        and quote in page.locator(".kb-list .kb-quote").first.inner_text()
    )


def test_charts_fit_the_screen_and_open_their_table_at_full_width(server, page):
    load(page, f"{server}/city?lang=en")
    assert page.locator(".kb-chart").last.locator(".kb-num", has_text="99.23%").is_visible()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(400)
        assert spilled_chart_text(page) == [], width
    page.set_viewport_size({"width": 1366, "height": 800})
    chart = page.locator(".kb-chart").first
    chart.locator(".kb-data > summary").click()
    table = chart.locator(".kb-table")
    table.wait_for()
    assert table.bounding_box()["width"] > 300  # as wide as its chart, not a narrow pop-up
    assert table.evaluate("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth + 1")  # every column in view


def spilled_chart_text(page) -> list[str]:
    """Chart texts (names, numbers, words under bars) that reach outside their chart's box."""
    return page.evaluate("""() => [...document.querySelectorAll('.kb-chart')].flatMap(chart => {
        const box = chart.getBoundingClientRect();
        return [...chart.querySelectorAll('.kb-label, .kb-num, .kb-sub, .kb-key, figcaption')].filter(t => {
            const r = t.getBoundingClientRect();
            return r.width && (r.left < box.left - 1 || r.right > box.right + 1);
        }).map(t => t.textContent);
    })""")


def test_a_picked_page_closes_the_menu(server, page):
    load(page, server)
    page.locator(".kb-menu > summary", has_text="主题").click()
    menu = page.locator(".kb-menu[open] .kb-menu-list")
    assert [text(theme.name, "zh") for theme in DATASET.content.themes] == menu.get_by_role("link").all_inner_texts()
    menu.get_by_role("link", name="平安与安全").click()
    page.wait_for_url("**/safety")
    load(page, page.url)
    assert page.locator(".kb-menu[open]").count() == 0 and not page.locator(".kb-menu-list").first.is_visible()
    assert page.locator('.kb-nav a[aria-current="page"]').text_content() == "平安与安全"


@pytest.mark.parametrize(
    ("path", "anchor"),
    [
        ("targets?target=safety.new_safety_posts_2024", "target-detail"),
        ("glossary?term=pearl_program", "term-pearl_program"),
    ],
)
def test_a_shared_link_to_an_item_scrolls_to_it(server, page, path, anchor):
    load(page, f"{server}/{path}")
    page.wait_for_function(
        f"(() => {{ const r = document.getElementById({anchor!r}).getBoundingClientRect();"
        " return r.top >= -2 && r.top < innerHeight / 2; })()",
        timeout=15_000,
    )


def test_detail_page_highlights_the_quote_in_its_paragraph(server, page):
    load(page, f"{server}/indicator?id=economy.enterprises_attracted")
    marked = page.locator(".kb-context mark", has_text="引进企业139家")
    assert marked.count() == 1
    assert marked.inner_text().startswith("主动出击招商引税") and marked.inner_text().endswith("均取得大幅增长。")
    assert page.get_by_text("**").count() == 0
