"""Every page, both languages, in Chromium: no exception, Chinese glyphs, nothing cut off, fits a phone, and
no WCAG 2.1 AA violation that axe-core finds, at projector and at phone width."""

from __future__ import annotations

import pytest

from kpi.dataset import REPO_ROOT, load_dataset
from kpi.texts import text
from tests.browser.server import accessibility_violations, load, screenshot, truncated

DATASET = load_dataset(REPO_ROOT)
PAGES = ["", "targets", *[t.id for t in DATASET.content.themes], "glossary", "source", "check",
         "indicator?id=economy.enterprises_attracted"]


def url(base: str, path: str, lang: str) -> str:
    sep = "&" if "?" in path else "?"
    return f"{base}/{path}" + (f"{sep}lang=en" if lang == "en" else "")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_at_projector_and_phone_width(server, page, screenshots, path, lang):
    load(page, url(server, path, lang))
    assert page.locator('[data-testid="stException"]').count() == 0
    heading = {"zh": "东明路街道绩效看板", "en": "Dongming Road Subdistrict Performance Dashboard"}[lang]
    assert page.get_by_role("heading", name=heading).is_visible()
    theme = next((t for t in DATASET.content.themes if t.id == path), None)
    if theme:
        assert page.get_by_role("heading", name=text(theme.name, lang)).is_visible()
    assert truncated(page) == []
    assert accessibility_violations(page) == []
    name = (path.split("?")[0] or "overview") + f"-{lang}"
    screenshot(page, screenshots / f"{name}-1366.png")

    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling of the page
    assert truncated(page) == []
    assert accessibility_violations(page) == []
    screenshot(page, screenshots / f"{name}-390.png")


def test_chinese_text_uses_a_cjk_font(server, page):
    load(page, server)
    family = page.evaluate("getComputedStyle(document.querySelector('h3')).fontFamily")
    assert "Noto Sans CJK SC" in family
    assert page.evaluate("document.fonts.check(\"16px 'Noto Sans CJK SC'\", '东明路')")


def test_charts_draw_as_svg_with_every_label_inside(server, page):
    load(page, f"{server}/city")
    page.wait_for_selector(".js-plotly-plot .main-svg")
    assert page.locator(".js-plotly-plot").count() >= 2
    assert page.locator(".js-plotly-plot canvas").count() == 0  # no WebGL contexts used up
    assert page.locator(".js-plotly-plot").last.get_by_text("99.23%").count() == 1
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(500)
        assert spilled_labels(page) == [], width


def spilled_labels(page) -> list[str]:
    """Chart texts (names above bars, value labels) that reach outside their chart's box."""
    return page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
        const box = plot.getBoundingClientRect();
        return [...plot.querySelectorAll('.annotation-text, .bartext, .legendtext')].filter(t => {
            const r = t.getBoundingClientRect();
            return r.width && (r.left < box.left - 1 || r.right > box.right + 1);
        }).map(t => t.textContent);
    })""")


def test_detail_page_highlights_the_quote_in_its_paragraph(server, page):
    load(page, f"{server}/indicator?id=economy.enterprises_attracted")
    strong = page.locator("strong", has_text="引进企业139家")
    assert strong.count() == 1
    assert strong.inner_text().startswith("主动出击招商引税") and strong.inner_text().endswith("均取得大幅增长。")
    assert page.get_by_text("**").count() == 0
