"""Every page in both languages, headless (AppTest), showing the real figures from the YAML.

Expectations are derived from the data as loaded and from the status engine on an explicit date, so these tests
hold when staff add outcomes or a new report arrives.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from components.views.charts import target_words, theme_charts
from components.views.tiles import balanced_rows, per_row, tile_label
from kpi.data.files import EXCLUSIONS, REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.format import section_label, stated
from kpi.progress import assess_all
from kpi.report.statements import check_all, check_report
from kpi.report.text import report_parts
from kpi.site import FIXED_PAGES
from kpi.status import STATUSES
from kpi.texts import status_words, t, text
from tests.helpers.apptest import (
    html_blocks,
    html_headings,
    html_tables,
    html_text,
    nav_links,
    open_page,
    plain,
    read_html,
    texts,
    tile_parts,
    tiles,
    vintage,
)
from tests.helpers.mutations import without_outcome

DATASET = load_dataset(REPO_ROOT)
THEMES = [theme.id for theme in DATASET.content.themes]
LANGS = ["zh", "en"]
TITLE = {"zh": "东明路街道绩效看板", "en": "Dongming Road Subdistrict Performance Dashboard"}
YEAR = DATASET.plan_years[-1]
AFTER, DURING = f"{YEAR + 1}-03-01", f"{YEAR}-06-30"  # the plan year over; half of it gone
PLANNED = sum(len(items) for items in DATASET.planned(YEAR))


def lang_params(lang: str) -> dict[str, str]:
    return {} if lang == "zh" else {"lang": lang}


def statuses_on(day: str) -> dict[str, str]:
    return {item_id: a.status for item_id, a in assess_all(DATASET.content, date.fromisoformat(day)).items()}


def expected_tiles(indicators, lang):
    main = DATASET.vintage.main
    return [
        (tile_label(i, DATASET.latest(i), main, lang), stated(DATASET.latest(i).value, i.unit, lang))
        for i in indicators
    ]


def key_figures(theme: str | None = None):
    return [i for i in DATASET.content.indicators if i.key and (theme is None or i.theme == theme)]


def counts(items: list, assessed: dict) -> Counter[str]:
    return Counter(assessed[x.id].status for x in items)


@pytest.mark.parametrize("lang", LANGS)
def test_overview_leads_with_the_years_results_then_the_commitments(lang):
    at = open_page(as_of=AFTER, **lang_params(lang))
    assert html_headings(at, 1) == [TITLE[lang]]
    assert html_headings(at, 2) == [
        t("results_of", lang, year=DATASET.latest_report.reviews),
        t("plan_status", lang, year=YEAR),
    ]
    results = html_text(at).split("\n")[1]
    for indicator in key_figures():  # each theme's headline results, value first, in the report's words
        assert f"{stated(DATASET.latest(indicator).value, indicator.unit, lang)}{text(indicator.name, lang)}" in results
    assert not at.error and not at.warning  # nothing red, nothing addressed to staff
    assert len(at.get("plotly_chart")) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_shows_how_the_plan_year_stands(lang):
    """As of AFTER every item of the shipped plan year awaits the next report: the year is one sentence, its numeric
    targets a tap away (not 158 rows that each say so); a year whose items differ shows each status with its count."""
    at = open_page(as_of=AFTER, **lang_params(lang))
    statuses = statuses_on(AFTER)
    targets, milestones = DATASET.planned(YEAR)
    counts = Counter(statuses[x.id] for x in [*targets, *milestones])
    if len(counts) == 1:
        assert t("all_awaiting", lang, year=YEAR, n=len(targets) + len(milestones)) in html_text(at)
        [table] = html_tables(at)
        assert [(row[t("col_target", lang)], row[t("col_value", lang)]) for row in table] == [
            (text(x.name, lang), target_words(x, lang)) for x in targets
        ]
        return
    [line] = [m for body in html_blocks(at) for m in re.findall(r'<p class="kb-statuses">.*?</p>', body, re.S)]
    shown = "".join(read_html(line).text)
    for status in STATUSES:
        assert (f"{status_words(status.id, lang, YEAR)} {counts[status.id]}" in shown) == bool(counts[status.id])


@pytest.mark.parametrize("lang", LANGS)
def test_missing_outcomes_are_said_once_in_neutral_words_beside_the_vintage(lang):
    """As of mid-January after the plan year (the next report not yet due): the outcomes still to come, once. As of
    AFTER (its January over): the overdue report's note, which says the outcomes come with it, and not twice."""
    january = f"{YEAR + 1}-01-15"
    pending = Counter(statuses_on(january).values())["outcome_missing"]
    at = open_page(as_of=january, **lang_params(lang))
    note = t("outcomes_pending", lang, year=YEAR)
    assert texts(at).count(note) == (1 if pending else 0) and (note in vintage(at)) == bool(pending)
    overdue = vintage(open_page(as_of=AFTER, **lang_params(lang)))
    due = DATASET.vintage.report.published.year + 1
    assert t("next_report_missing", lang, year=DATASET.vintage.report.reviews + 1, due=due) in overdue
    assert note not in overdue
    during = vintage(open_page(as_of=DURING, **lang_params(lang)))
    assert note not in during and t("judged_on", lang, date=DURING) in during


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url_path", ["", "targets", *THEMES, "glossary", "source", "indicator"])
def test_no_public_page_speaks_to_staff(url_path, lang):
    at = open_page(url_path, as_of=AFTER, id=DATASET.content.indicators[0].id, **lang_params(lang))
    page = texts(at) + html_text(at)
    assert "indicators.yaml" not in page and "工作人员" not in page and not re.search(r"\bstaff\b", page, re.IGNORECASE)


@pytest.mark.parametrize("lang", LANGS)
def test_header_says_how_old_the_figures_are(lang):
    caption = vintage(open_page(**lang_params(lang)))
    expected = {
        "zh": ["《东明路街道办事处2023年工作报告》（2024-01-29 发布）", "数据期间：2023，其中3项为截至2023年11月"],
        "en": [
            "2023 Work Report of the Dongming Road Subdistrict Office (published 2024-01-29)",
            "covering 2023",
            "3 of them cover Jan–Nov 2023",
        ],
    }[lang]
    assert all(part in caption for part in expected), caption


def test_economy_page_shows_139_enterprises_with_its_quote():
    at = open_page("economy")
    assert tile_parts(at)[0] == ("引进企业 (截至2023年11月)", "139家", "")
    [tile] = re.findall(r'<details class="kb-tile">.*?</details>', html_blocks(at)[1], re.S)[:1]
    opened = "".join(read_html(tile).text)  # what a tap on the tile shows
    assert "截至2023年11月,引进企业139家,吸引内资3.45亿元,实到外资1619万美元,均取得大幅增长。" in opened
    assert "东明路街道办事处2023年工作报告 · 经济发展稳中有进" in opened  # a section by its title, not its code
    english = open_page("economy", lang="en")
    assert tiles(english)[0] == ("Enterprises attracted (Jan–Nov 2023)", "139 enterprises")


def chart_titles(at) -> list[str]:
    return [m for body in html_blocks(at) for m in re.findall(r"<figcaption>(.*?)</figcaption>", body)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
def test_theme_page_shows_every_figure_without_a_click(theme, lang):
    at = open_page(theme, **lang_params(lang))
    figures = DATASET.theme_indicators(theme)
    name = text(next(x.name for x in DATASET.content.themes if x.id == theme), lang)
    assert name == html_headings(at, 2)[0]
    assert tiles(at) == expected_tiles([i for i in figures if i.key], lang)
    assert [read_html(title).text[0] for title in chart_titles(at)] == [
        c.title for c in theme_charts(DATASET, theme, lang)
    ]
    listed = html_text(at)
    for indicator in figures:  # value, name and the report's sentence, all in the page as sent
        latest = DATASET.latest(indicator)
        assert f"{stated(latest.value, indicator.unit, lang)}{text(indicator.name, lang)}" in listed
        assert latest.value.source.quote in listed
    sections_of_figures = {
        (DATASET.latest(i).value.source.report, DATASET.latest(i).value.source.section) for i in figures
    }
    assert len(html_headings(at, 3)) == len(sections_of_figures)  # under the report's own headings
    assert (
        len(html_blocks(at)) == 2
    )  # the title, and the page in ONE element (cheap for every viewer), its table's link included
    assert len(at.get("plotly_chart")) == 0 and not at.dataframe  # the grid loads on request only


def test_figures_are_grouped_under_the_reports_own_headings():
    zh, en = html_headings(open_page("economy"), 3), html_headings(open_page("economy", lang="en"), 3)
    assert zh[:2] == ["经济发展稳中有进", "营商环境持续优化"]  # named by their titles; codes only where untitled
    assert en[:2] == ["Steady progress in economic development", "A business environment that keeps improving"]


def test_the_table_of_every_figure_is_one_click_away():
    at = open_page("safety", lang="en")
    assert t("show_all_figures", "en", n=len(DATASET.theme_indicators("safety"))) in html_text(at)
    assert 'href="safety?lang=en&amp;figures=true"' in html_blocks(at)[-1]  # a link that keeps the view, not a widget
    at = open_page("safety", figures="true")
    [table] = html_tables(at)[-1:]
    assert len(table) == sum(len(DATASET.series(i)) for i in DATASET.theme_indicators("safety"))
    assert list(table[0])[:2] == ["指标", "数值"]  # the value stays in view on a phone
    assert not at.dataframe  # HTML, which a static page shows too


def test_a_chart_names_its_rows_in_the_page_language():
    at = open_page("city", lang="en")
    assert "How close to 100% is each rate?" in [read_html(title).text[0] for title in chart_titles(at)]
    assert "Hotline work order closure rate" in html_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_targets_page_lists_the_plan_year_in_the_status_tables_order(lang):
    at = open_page("targets", as_of=AFTER, **lang_params(lang))
    assert html_headings(at, 2)[0] == t("targets_of", lang, year=YEAR)
    [table] = html_tables(at)
    assert len(table) == PLANNED
    status = t("status", lang)
    alike = set(statuses_on(AFTER).values()) == {"outcome_missing"}
    if alike:  # the shipped data as of AFTER: one sentence says the state, the rows (behind a tap) do not repeat it
        assert t("all_awaiting", lang, year=YEAR, n=PLANNED) in html_text(at) and status not in table[0]
        assert not any(all(row[column] == "" for row in table) for column in table[0])
        return
    assert list(table[0])[0] == status  # first, so it stays in view on a phone
    order = [status_words(s.id, lang, YEAR) for s in STATUSES]
    shown = [row[status] for row in table]
    assert shown == sorted(shown, key=order.index)
    assert Counter(shown) == Counter(
        status_words(s, lang, YEAR)
        for s in (statuses_on(AFTER)[x.id] for items in DATASET.planned(YEAR) for x in items)
    )
    assert not any(all(row[column] == "" for row in table) for column in table[0])  # no empty columns
    assert not at.error


def test_during_the_plan_year_statuses_come_from_the_engine():
    at = open_page("targets", as_of=DURING)
    [table] = html_tables(at)
    expected = Counter(
        status_words(statuses_on(DURING)[x.id], "zh", YEAR) for items in DATASET.planned(YEAR) for x in items
    )
    if len(expected) == 1:  # the shipped data: one state, said once for the year, not per row
        assert "状态" not in table[0] and f"{len(table)} 项目标与事项" in html_text(at)
    else:
        assert Counter(row["状态"] for row in table) == expected
    assert not at.error


def planned_where(words: str, theme: str = "") -> set[str]:
    """Names of the targets and milestones a search for `words` (in one theme) should find."""
    return {
        x.name.zh
        for x in [*DATASET.content.targets, *DATASET.content.milestones]
        if (not theme or x.theme == theme) and words.lower() in " ".join((x.name.zh, x.name.en, x.source.quote)).lower()
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "safety", "q": "平安屋"}, planned_where("平安屋", "safety")),
        ({"q": "safety post"}, planned_where("safety post")),
        ({"theme": "economy"}, planned_where("", "economy")),
        ({"q": "没有这个目标"}, set()),
    ],
)
def test_targets_page_filters_come_from_the_url(params, expected):
    at = open_page("targets", **params)
    shown = {row["名称"] for table in html_tables(at) for row in table}
    assert shown == expected
    if not expected:
        assert "没有符合筛选条件的目标或事项。" in texts(at)


@pytest.fixture
def no_peace_house_outcome(shipped_dir, monkeypatch):
    """The app reads a copy of the shipped data in which the peace-house target has no progress and no outcome
    (whatever staff enter one day), so the year's end finds it waiting."""
    monkeypatch.setenv("KPI_DATA_DIR", str(without_outcome(shipped_dir, "safety.new_safety_posts_2024")))
    return shipped_dir


def test_target_detail_explains_a_missing_outcome_and_scrolls_into_view(no_peace_house_outcome):
    target = next(x for x in DATASET.content.targets if x.id == "safety.new_safety_posts_2024")
    at = open_page("targets", target=target.id, as_of=AFTER, year=str(YEAR))
    page = texts(at)
    assert target_words(target, "zh") in page
    assert f"计划年度已于 {YEAR}-12-31 结束，但尚未录入结果" in page
    assert any('"target-detail"' in h.proto.body and "scrollIntoView" in h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_lists_every_term_in_one_block(lang):
    at = open_page("glossary", **lang_params(lang))
    assert html_headings(at, 2) == [t("glossary", lang)]
    [block] = [body for body in html_blocks(at) if "kb-terms" in body]
    names = re.findall(r"<h3>(.*?)</h3>", block)
    assert len(names) == len(DATASET.glossary.terms)
    assert "明珠计划" in names[3]


def test_a_term_that_only_the_glossary_uses_says_so():
    only_in_glossary = [x for x in DATASET.glossary.terms if not x.forms]
    block = html_text(open_page("glossary", lang="en"))
    assert block.count(t("not_in_body", "en")) == len(only_in_glossary)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "服务包"}, ["重点企业“服务包”"]),
        ({"q": "pearl"}, ["明珠计划"]),
        ({"q": "没有这个词"}, []),
    ],
)
def test_glossary_search(params, expected):
    at = open_page("glossary", **params)
    shown = [
        read_html(name).text[0].split(" · ")[0]
        for body in html_blocks(at)
        for name in re.findall(r'id="term-[^"]*">(<h3>.*?</h3>)', body)  # the terms' cards (figures are found below)
    ]
    assert shown == expected


def test_a_search_in_the_running_app_finds_figures_too():
    at = open_page("targets", q="招商引税", lang="en")
    found = "".join(html_blocks(at))
    assert t("figures_found", "en", n=3) in found
    assert (
        '<a href="indicator?lang=en&amp;id=economy.enterprises_attracted" target="_self">Enterprises attracted' in found
    )


def test_a_term_link_shows_every_term_and_scrolls_to_its_own():
    at = open_page("glossary", term="three_deliveries")
    [block] = [body for body in html_blocks(at) if "kb-terms" in body]
    assert len(re.findall(r"<h3>", block)) == len(DATASET.glossary.terms)
    assert 'id="term-three_deliveries"' in block
    assert any('"term-three_deliveries"' in h.proto.body and "scrollIntoView" in h.proto.body for h in at.get("html"))


def test_indicator_page_shows_the_quote_in_its_paragraph_and_the_way_back():
    at = open_page("indicator", id="economy.service_packages_issued", lang="en")
    page = texts(at)
    assert "发放重点企业“服务包”29家" in page
    assert "实施企业分层分类服务" in page  # the paragraph around the quote
    indicator = DATASET.indicators["economy.service_packages_issued"]
    assert tiles(at) == expected_tiles([indicator], "en")
    assert re.search(r'<a href="economy\?lang=en" target="_self">← Back to Economy</a>', html_blocks(at)[1])
    [history] = html_tables(at)
    assert [row["Report"] for row in history] == [
        "2023 Work Report of the Dongming Road Subdistrict Office (2024-01-29)"
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_an_old_figure_link_opens_the_renamed_figure(lang):
    for old, current in DATASET.renamed.items():  # tests/components/test_views.py renames on the minimal data too
        if current in DATASET.indicators:
            at = open_page("indicator", id=old, **lang_params(lang))
            assert tiles(at) == expected_tiles([DATASET.indicators[current]], lang)


def test_indicator_page_with_unknown_id():
    at = open_page("indicator", id="<script>alert(1)</script>")
    assert "找不到该指标" in texts(at)


@pytest.mark.parametrize("lang", LANGS)
def test_source_page_shows_every_chapter_once(lang):
    at = open_page("source", **lang_params(lang))
    parts = report_parts(DATASET.report_texts["report_2023"])[1:]
    chapters = sum(1 for part in parts for chapter in part.chapters if chapter.heading)
    assert sum(body.count('<details class="kb-chapter">') for body in html_blocks(at)) == chapters == 12
    headings = html_headings(at, 3)
    assert headings == [part.heading for part in parts]  # each part's heading once
    assert "东明路街道办事处2023年工作报告" in texts(at) or "2023 Work Report" in texts(at)


@pytest.mark.parametrize(
    "params",
    [
        {"lang": "fr"},
        {"lang": "../../etc/passwd"},
        {"as_of": "not-a-date"},
        {"as_of": "2024-13-45"},
        {"theme": "x" * 5000},
        {"goto": "nowhere"},
        {"id": "<img src=x onerror=alert(1)>"},
        {"year": "1999"},
    ],
)
def test_malformed_parameters_are_ignored(params):
    at = open_page(**params)
    assert html_headings(at, 1) == [TITLE["zh"]]
    first = key_figures()[0]
    assert f"{stated(DATASET.latest(first).value, first.unit, 'zh')}{first.name.zh}" in html_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_data_check_page_lists_the_missing_outcomes_with_their_lines(no_peace_house_outcome, lang):
    data = load_dataset(no_peace_house_outcome)
    assessed = assess_all(data.content, date.fromisoformat(AFTER))
    at = open_page("check", as_of=AFTER, **lang_params(lang))
    assert plain(at.header[0].value) == t("check", lang)
    assert at.success[0].value == t("check_valid", lang)
    table = at.dataframe[0].value
    ids, line = t("col_id", lang), t("col_line_in", lang, file="indicators.yaml")
    assert set(table[ids]) == {item_id for item_id, a in assessed.items() if a.status == "outcome_missing"}
    target = next(x for x in data.content.targets if x.id == "safety.new_safety_posts_2024")
    row = table[table[ids] == target.id].iloc[0]
    assert (row[t("col_item", lang)], row[line]) == (text(target.name, lang), data.lines[target.id])
    lines = (no_peace_house_outcome / "indicators.yaml").read_text(encoding="utf-8").splitlines()
    assert f"- id: {target.id}" in lines[data.lines[target.id] - 1]  # the line staff open in their editor


def statement_table(at, lang):
    """The data-check page's table of uncurated statements as (report, section, kind, text, file, line) rows, or None."""
    tables = [df.value for df in at.dataframe if t("col_kind", lang) in df.value.columns]
    assert len(tables) <= 1
    columns = [t(key, lang) for key in ("col_report", "col_section", "col_kind", "col_quote", "col_file", "col_line")]
    return [tuple(row) for row in tables[0][columns].itertuples(index=False)] if tables else None


@pytest.mark.parametrize("lang", LANGS)
def test_data_check_page_lists_the_uncurated_statements_or_says_there_are_none(lang):
    at = open_page("check", **lang_params(lang))
    checks = check_all(DATASET)
    missing = [(c.report, s) for c in checks for s in c.missing]
    assert t("check_uncurated", lang, n=len(missing)) in [plain(h.value) for h in at.subheader]
    clean = [c.report for c in checks if not c.missing and not c.stale]
    captions = [plain(c.value) for c in at.caption]
    assert (t("check_uncurated_none", lang, reports=", ".join(clean), file=EXCLUSIONS) in captions) == bool(clean)
    rows = statement_table(at, lang) or []
    files = {r.id: r.file for r in DATASET.content.reports}
    assert [row for row in rows if row[2] != t("kind_stale", lang)] == [
        (
            report,
            section_label(s.section, lang) if s.section else row_section(s, lang),
            t(f"kind_{s.kind}", lang),
            s.text,
            files[report],
            s.line,
        )
        for report, s in missing
    ]


def row_section(statement, lang):
    return t("glossary" if statement.part == "glossary" else "section_front", lang)


def removable_milestone():
    """A milestone of the shipped data, and the clauses of part two that only its quote curates."""
    for milestone in DATASET.content.milestones:
        report = milestone.source.report
        without = DATASET.content.model_copy(
            update={"milestones": [m for m in DATASET.content.milestones if m is not milestone]}
        )
        before = {s for c in check_all(DATASET) if c.report == report for s in c.missing}
        after = check_report(without, DATASET.exclusions, report, DATASET.report_texts[report]).missing
        if [s for s in after if s not in before]:
            return milestone, [s for s in after if s not in before]
    raise AssertionError("no milestone alone curates a clause")


@pytest.mark.parametrize("lang", LANGS)
def test_a_clause_whose_milestone_is_removed_is_listed_with_its_section(lang, shipped_dir, monkeypatch):
    milestone, clauses = removable_milestone()
    text = DATASET.report_texts[milestone.source.report]
    at = text.index(milestone.source.quote)
    # What the check lists is that milestone's words of the report: each clause overlaps its quote.
    assert all(s.kind == "commitment" and s.start < at + len(milestone.source.quote) and at < s.end for s in clauses)
    lines = (shipped_dir / "indicators.yaml").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- id: {milestone.id}")
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith("  "))
    (shipped_dir / "indicators.yaml").write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    monkeypatch.setenv("KPI_DATA_DIR", str(shipped_dir))
    page = open_page("check", **lang_params(lang))
    assert page.success[0].value == t("check_valid", lang)
    assert t("check_uncurated", lang, n=len(clauses)) in [plain(h.value) for h in page.subheader]
    assert t("check_uncurated_help", lang, file=EXCLUSIONS) in [plain(c.value) for c in page.caption]
    file = next(r.file for r in DATASET.content.reports if r.id == milestone.source.report)
    assert statement_table(page, lang) == [
        (
            milestone.source.report,
            section_label(milestone.source.section, lang),
            t("kind_commitment", lang),
            s.text,
            file,
            s.line,
        )
        for s in clauses
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_lists_every_public_page_and_keeps_the_view(lang):
    at = open_page("economy", as_of=DURING, **lang_params(lang))
    words = [w for w, _ in nav_links(at)]
    top = [t(p.title, lang) for p in FIXED_PAGES if p.place == "top"]
    themes = [text(theme.name, lang) for theme in DATASET.content.themes]
    reference = [t(p.title, lang) for p in FIXED_PAGES if p.place == "reference"]
    assert words == [*top, *themes, *reference, "中文", "EN"]
    assert t("check", lang) not in words  # the staff page is reached by its address
    links = dict(nav_links(at))
    path, _, query = links[themes[3]].partition("?")
    assert path == DATASET.content.themes[3].id  # a link keeps the language and the what-if date
    assert set(query.split("&amp;")) == {f"as_of={DURING}", *(["lang=en"] if lang == "en" else [])}
    assert links["EN"].startswith("?") and "lang=en" in links["EN"] and f"as_of={DURING}" in links["EN"]  # same page


APP_FILES = [
    REPO_ROOT / "app.py",
    *sorted((REPO_ROOT / "pages").glob("*.py")),
    *sorted((REPO_ROOT / "components").glob("*.py")),
]


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_no_year_is_written_into_the_app(path):
    # Years come from the data (report years, plan years), so a new report needs no code change. A standard's address
    # (the XHTML namespace of 1999 in the sitemap) names no year of the reports.
    code = re.sub(r"https?://\S+", "", path.read_text(encoding="utf-8"))
    assert re.findall(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", code) == []


@pytest.mark.parametrize(
    ("values", "meeting", "most"),
    [
        (["139家", "3.45亿元", "1619万美元", "2.88亿元"], False, 4),
        (["139 enterprises", "345 million yuan", "16.19 million US dollars", "288 million yuan"], False, 2),
        (["13 posts", "100%"], False, 4),
        (["近450客", "35户", "3100余人次"], True, 3),
    ],
)
def test_tiles_per_row_leave_room_for_the_widest_value(values, meeting, most):
    assert per_row(values, meeting) == most


@pytest.mark.parametrize(
    ("count", "most", "rows"), [(5, 4, [3, 2]), (4, 3, [2, 2]), (7, 3, [3, 2, 2]), (3, 4, [3]), (0, 4, [])]
)
def test_tiles_fill_rows_evenly(count, most, rows):
    assert balanced_rows(count, most) == rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_value_note_shows_on_the_theme_and_the_figure_page_in_the_app(lang):
    """A figure a reader would misread without it (economy.total_fiscal_revenue: no period in its sentence)."""
    note = DATASET.indicators["economy.total_fiscal_revenue"].values[0].note
    theme = html_text(open_page("economy", **lang_params(lang)))
    figure = html_text(open_page("indicator", id="economy.total_fiscal_revenue", **lang_params(lang)))
    assert "※" + text(note.short, lang) in theme.replace("※ ", "※")
    assert text(note.text, lang) in figure and t("value_note", lang) in figure
