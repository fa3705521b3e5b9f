"""Text from YAML is data, never code: script, HTML, links and Markdown show as literal text everywhere."""

from __future__ import annotations

import pytest

from tests.browser.server import load, running_server
from tests.conftest import MINIMAL, copy_data_dir

SCRIPT = "<script>alert('name')</script>"
IMG = "<img src=x onerror=alert('img')>"
LINK = "[点我](javascript:alert('link'))"
MARKUP = "**粗体** :red[红色] $x^2$"
QUOTE = "恶意<b>文本</b><script>alert('quote')</script>共12项。"
DEFINITION = f"社区治安值守点{SCRIPT}{LINK}。"  # a glossary definition must stand in its report too


def hostile_data(directory):
    """The small fixture data set with script, HTML, link and Markdown text in names, units and quotes."""
    data = copy_data_dir(MINIMAL, directory)
    report = data / "source" / "report.txt"
    report.write_text(report.read_text(encoding="utf-8") + QUOTE + "\n" + DEFINITION + "\n", encoding="utf-8")
    text = (data / "indicators.yaml").read_text(encoding="utf-8")
    text = text.replace("name: {zh: 引进企业, en: Enterprises attracted}", f'name: {{zh: "{SCRIPT}", en: "{IMG}"}}')
    text = text.replace("name: {zh: 吸引内资, en: Domestic investment}", f'name: {{zh: "{LINK}", en: "{LINK}"}}')
    text = text.replace("name: {zh: 示例项目, en: Sample programme}", f'name: {{zh: "{IMG}", en: "{IMG}"}}')
    text = text.replace("name: {zh: 经济发展, en: Economy}", f'name: {{zh: "{MARKUP}", en: "{MARKUP}"}}')
    text = text.replace(
        "indicators:\n",
        f"""indicators:
- id: economy.hostile_quote
  theme: economy
  name: {{zh: "{MARKUP}", en: "{MARKUP}"}}
  unit: {{zh: "<i>项</i>", en: "<i>items</i>"}}
  key: true
  values:
  - period: 2023
    value: 12
    source: {{report: report_2023, section: 第一部分 一(二), quote: "{QUOTE}"}}
""",
        1,
    )
    (data / "indicators.yaml").write_text(text, encoding="utf-8")
    glossary = (data / "glossary.yaml").read_text(encoding="utf-8")
    (data / "glossary.yaml").write_text(
        glossary.replace("{zh: 社区治安值守点。,", f'{{zh: "{DEFINITION}",'), encoding="utf-8"
    )
    return data


@pytest.fixture(scope="module")
def hostile_server(browser, tmp_path_factory):
    with running_server(hostile_data(tmp_path_factory.mktemp("hostile"))) as base:
        yield base


@pytest.mark.parametrize(
    ("path", "literal"),
    [
        ("/?lang=en", IMG),
        ("/?lang=en", MARKUP),
        ("/economy", SCRIPT),
        ("/economy", QUOTE),
        ("/economy?figures=true", SCRIPT),
        ("/economy?figures=true", LINK),
        ("/economy?figures=true", MARKUP),
        ("/indicator?id=economy.hostile_quote", QUOTE),
        ("/indicator?id=economy.hostile_quote", MARKUP),
        ("/glossary", SCRIPT),
        ("/glossary", LINK),
    ],
)
def test_hostile_text_is_shown_literally(browser, hostile_server, path, literal):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    load(page, hostile_server + path)
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text(literal, exact=False).count() >= 1, f"{literal!r} not shown literally on {path}"
    # Nowhere rendered instead: no Markdown bold, colour or maths, no element holding only what the markup wrapped.
    assert page.locator("strong, em, .katex, [data-testid=stMarkdownColoredText]").filter(has_text="粗体").count() == 0
    assert page.get_by_text("粗体", exact=True).count() == 0 and page.get_by_text("文本", exact=True).count() == 0
    assert dialogs == []
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('alert(')).length") == 0
    assert page.locator("img[onerror], a[href^='javascript']").count() == 0
    page.close()


def test_a_theme_named_in_markdown_is_literal_in_the_figure_pages_way_back(browser, hostile_server):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    load(page, hostile_server + "/indicator?id=economy.hostile_quote")
    assert page.get_by_role("link", name=f"← 返回{MARKUP}").is_visible()  # the theme's name, as its YAML writes it
    page.close()


def test_hostile_text_in_chart_labels(browser, hostile_server):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    load(page, hostile_server + "/economy?lang=en")  # the programmes chart, whose name is an <img> tag
    labels = page.evaluate("[...document.querySelectorAll('.kb-chart .kb-label')].map(e => e.textContent).join(' ')")
    assert IMG in labels
    assert page.locator(".kb-chart img").count() == 0
    page.close()
