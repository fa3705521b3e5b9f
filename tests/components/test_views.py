"""The views (components/views/): pure functions of the data that return HTML, never importing Streamlit, with text from
the data escaped by its type wherever it goes."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser

import pytest

import components.link_preview
from components.publish import pages
from components.views.commitments import commitments, view_notes
from components.views.html import Markup, html, join, link, table
from components.views.page import Viewer, description_of, document_title
from components.views.routes import public_paths, variants_of, view_for
from components.views.takeaway import ENHANCE
from components.views.theme import figures_csv
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.texts import LANGS, t
from tests.browser.test_injection import DEFINITION, IMG, LINK, MARKUP, QUOTE, SCRIPT, hostile_data

TODAY = date.today()


def test_the_views_and_the_publisher_import_no_streamlit():
    code = (
        "import sys, components.publish, components.views.routes, components.views.document; "
        "print('streamlit' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (html("<p>{}</p>", "<b>x</b> & y"), "<p>&lt;b&gt;x&lt;/b&gt; &amp; y</p>"),
        (html("<p>{}</p>", Markup("<b>x</b>")), "<p><b>x</b></p>"),
        (join(["<i>", Markup("<br>")], " "), "&lt;i&gt; <br>"),
        (Markup("<p>") + "<script>", "<p>&lt;script&gt;"),
        (
            link("economy", "<b>经济</b>", lang="en"),
            '<a href="economy?lang=en" target="_self">&lt;b&gt;经济&lt;/b&gt;</a>',
        ),
        (link("", "总览"), '<a href="./" target="_self">总览</a>'),
        (
            link("indicator", "→", id='x" onclick="alert(1)'),
            '<a href="indicator?id=x%22+onclick%3D%22alert%281%29" target="_self">→</a>',
        ),
    ],
)
def test_text_is_escaped_unless_it_is_html_already(made, expected):
    assert isinstance(made, Markup) and str(made) == expected


def test_a_table_escapes_its_cells_and_keeps_links():
    made = str(table(["<名>", "→"], [["<script>", link("indicator", "→", id="a.b")]]))
    assert "&lt;script&gt;" in made and '<a href="indicator?id=a.b"' in made and "<script>" not in made


class _Tags(HTMLParser):
    """Every start tag of a document, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def parsed(document: str) -> _Tags:
    reader = _Tags()
    reader.feed(document)
    return reader


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory) -> dict[str, str]:
    dataset = load_dataset(hostile_data(tmp_path_factory.mktemp("hostile")))
    return {name: content for name, content in pages(dataset, TODAY, "") if name.endswith(".html")}


def test_hostile_text_is_text_on_every_static_page(hostile_pages):
    for name, document in hostile_pages.items():
        page = parsed(document)
        assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS, name  # no <b>, <i>, <img> from the data
        assert all(not any(key.startswith("on") for key in attrs) for _, attrs in page.tags), name
        assert all(script == ENHANCE or "scrollIntoView()" in script for script in page.scripts), name
        assert all("alert" not in script for script in page.scripts), name
    shown = {name: "".join(parsed(document).text) for name, document in hostile_pages.items()}
    assert (
        SCRIPT in shown["economy/zh.html"] and QUOTE in shown["economy/zh.html"] and MARKUP in shown["economy/en.html"]
    )
    assert IMG in shown["index/en.html"] and LINK in shown["economy/zh~figures=true.html"]
    assert DEFINITION in shown["glossary/zh.html"]


ALLOWED_TAGS = {
    "html",
    "head",
    "base",  # the not-found page's: its links resolve from the site's root
    "meta",
    "title",
    "link",
    "style",
    "body",
    "header",
    "nav",
    "a",
    "details",
    "summary",
    "div",
    "span",
    "p",
    "h1",
    "h2",
    "h3",
    "main",
    "section",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "i",
    "b",
    "footer",
    "ul",
    "li",
    "form",
    "input",
    "label",
    "button",
    "mark",
    "code",
    "script",
    "svg",  # the printout's QR code (components/views/takeaway.py), drawn from the page's address
    "path",
}


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(REPO_ROOT)


@pytest.mark.parametrize("lang", LANGS)
def test_every_view_has_its_own_title_and_a_description_of_its_results(shipped, lang):
    titles = set()
    for path in public_paths(shipped):
        view = view_for(shipped, path)
        page = view.render(shipped, Viewer(lang, TODAY), next(view.variants(shipped, TODAY)))
        assert page.title and page.description and page.found, path
        titles.add(document_title(page.title, lang))
    assert len(titles) == len(public_paths(shipped))  # a tab and a shared link say which page it is
    economy = view_for(shipped, "economy").render(shipped, Viewer(lang, TODAY), {})
    assert (
        "139家" if lang == "zh" else "139 enterprises"
    ) in economy.description  # the headline, in the report's words


@pytest.mark.parametrize("lang", LANGS)
def test_a_result_in_words_is_shown_on_its_theme_page_with_its_sentence_and_no_number(shipped, lang):
    [result] = [r for r in shipped.content.results if r.id == "livelihood.sanlinyuan_complete_community_pilot"]
    page = view_for(shipped, "livelihood").render(shipped, Viewer(lang, TODAY), {}).html
    block = page[page.index(t("results_in_words", lang, n=1)) :]
    name = result.name.zh if lang == "zh" else result.name.en
    assert name in block and f"“{result.source.quote}”" in block
    assert 'class="kb-val"' not in block  # no value cell: the report gives no number
    assert (
        t("results_in_words", lang, n=1)
        not in view_for(shipped, "culture").render(shipped, Viewer(lang, TODAY), {}).html
    )


@pytest.mark.parametrize(
    ("path", "params", "lang", "description"),
    [
        ("targets", {}, "zh", "2024年目标与事项共{n}项，其中待下一份报告{n}项。"),
        ("targets", {}, "en", "{n} targets and milestones for 2024: {n} awaiting the next report."),
        (
            "indicator",
            {"id": "economy.total_fiscal_revenue"},
            "en",
            "Total fiscal revenue: 288 million yuan, as the 2023 report states it.",
        ),
        (
            "source",
            {},
            "en",
            "The full text of the 2023 Work Report of the Dongming Road Subdistrict Office, published on 2024-01-29.",
        ),
    ],
)
def test_a_description_is_a_sentence_a_person_would_write(shipped, path, params, lang, description):
    """A shared link's words (issue 32: /targets read "2024年目标与事项：待下一份报告 158。"); as of 2025-03-01 the
    2024 plan year is over with no outcome entered, so each item awaits the next report."""
    page = view_for(shipped, path).render(shipped, Viewer(lang, date(2025, 3, 1)), params)
    n = sum(len(items) for items in shipped.planned(2024))
    assert page.description == description.format(n=n)


def test_a_description_stops_at_a_whole_figure():
    parts = ["引进企业：139家", "吸引内资：3.45亿元", "x" * 200]
    assert description_of(parts, "zh") == "引进企业：139家；吸引内资：3.45亿元。"
    assert description_of(["a", "b"], "en") == "a; b"


def test_an_unknown_figure_is_no_page(shipped):
    page = view_for(shipped, "indicator").render(shipped, Viewer("zh", TODAY), {"id": "<script>"})
    assert not page.found and t("no_figure", "zh") in page.html and "<script>" not in page.html


def test_an_old_id_opens_the_renamed_item_its_static_page_and_its_csv_row(minimal_dir):
    path = minimal_dir / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    for anchor, old in (
        ("- id: economy.domestic_investment\n", "economy.investment"),
        ("- id: safety.new_safety_posts_2024\n", "safety.houses_2024"),
    ):
        text = text.replace(anchor, f"{anchor}  former_ids: [{old}]\n", 1)
    path.write_text(text, encoding="utf-8")
    dataset = load_dataset(minimal_dir)
    for path, key, old, new, extra in (
        ("indicator", "id", "economy.investment", "economy.domestic_investment", {}),
        ("targets", "target", "safety.houses_2024", "safety.new_safety_posts_2024", {"year": "2024"}),
    ):
        view = view_for(dataset, path)
        old_page, new_page, neither = (
            view.render(dataset, Viewer("en", TODAY), {**extra, key: item_id}).html for item_id in (old, new, "nope")
        )
        assert old_page == new_page != neither, path
        assert {**extra, key: old} in variants_of(dataset, path, TODAY)  # an old link is a static page too
    rows = figures_csv(dataset, "economy", "en").decode("utf-8-sig").splitlines()
    assert rows[0].endswith(",Id,Former ids")
    assert [row.rsplit(",", 2)[1:] for row in rows if ",economy.domestic_investment," in row] == [
        ["economy.domestic_investment", "economy.investment"]
    ]


def test_staff_pages_have_no_public_view(shipped):
    assert view_for(shipped, "check") is None and "check" not in public_paths(shipped)
    assert not re.search(
        r'href="check', "".join(content for _, content in pages(shipped, TODAY, "") if isinstance(content, str))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_header_says_the_next_report_is_due_and_not_entered_once_its_january_is_over(shipped, lang):
    """As of the day before and the day after the January the next report was due (from the data's dates)."""
    due = shipped.vintage.report.published.year + 1
    note = t("next_report_missing", lang, year=shipped.vintage.report.reviews + 1, due=due)
    assert note not in view_notes(shipped, date(due, 1, 31), lang)
    assert note in view_notes(shipped, date(due, 2, 1), lang)
    # The outcomes still to come are said by the overdue report's note, not twice.
    assert not any(
        "target outcomes appear" in n or "目标完成情况：" in n for n in view_notes(shipped, date(due, 2, 1), lang)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_plan_year_all_awaiting_its_outcomes_is_one_sentence_with_the_list_a_tap_away(shipped, lang):
    """As of 2026-12-07: every 2024 item awaits the next report."""
    year = shipped.plan_years[-1]
    targets, milestones = shipped.planned(year)
    sentence = t("all_awaiting", lang, year=year, n=len(targets) + len(milestones))
    shown = str(commitments(shipped, date(2026, 12, 7), year, lang))
    assert sentence in shown and '<details class="kb-more">' in shown
    assert shown.count("<tr>") == len(targets) + 1  # the numeric targets, behind the tap
    on_projector = str(commitments(shipped, date(2026, 12, 7), year, lang, True))
    assert sentence in on_projector and "<details" not in on_projector


def test_a_table_cell_names_its_column_so_a_phone_shows_each_row_as_a_card():
    shown = str(table(["名称", "数值"], [["引进企业", "139家"]]))
    assert '<td class="kb-cell-name" data-label="名称">引进企业</td>' in shown and 'data-label="数值">139家' in shown


def test_without_the_cjk_fonts_the_pages_are_written_without_an_image(shipped, monkeypatch, caplog):
    monkeypatch.setattr(components.link_preview, "fonts_installed", lambda: False)
    written = dict(pages(shipped, TODAY, "https://kpi.example.cn"))
    economy = written["economy/zh.html"]
    assert 'name="twitter:card" content="summary"' in economy and "og:image" not in economy
    assert not [name for name in written if name.endswith(".png")]
    assert "fonts-noto-cjk" in caplog.text  # the publisher's log says what to install
