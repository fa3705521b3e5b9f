"""Figures as lists: each theme's headline results (the overview) and every figure of a theme under the report's own
section headings (a theme page). Each figure reads value first, in the report's words; a tap shows its sentence.

Why lists of HTML and not a widget per figure: a theme page shows all its figures without a click, and a group of
figures sent as one element costs what one element costs (components/views/html.py).
"""

from __future__ import annotations

from components.views.html import Markup, details, html, join, lang_param, link
from components.views.once import per_dataset
from components.views.page import labelled
from kpi.data.dataset import Dataset
from kpi.data.model import Indicator, Value
from kpi.data.series import Observation
from kpi.format import format_change, section_label, stated
from kpi.periods import months, parse_period, period_label
from kpi.report.text import NUMBERED, section_titles
from kpi.texts import t, text


def note_mark(value: Value, lang: str) -> Markup:
    """A value's note, compact: a mark and its short line, under the number wherever the number stands alone."""
    if value.note is None:
        return Markup()
    return html('<span class="kb-vnote"><span aria-hidden="true">※ </span>{}</span>', text(value.note.short, lang))


def note_whole(value: Value, lang: str) -> Markup:
    """A value's note, whole: beside its sentence and on the figure's page, where a reader checks what it counts."""
    if value.note is None:
        return Markup()
    return html('<p class="kb-vnote-full"><b>※ {}</b>: {}</p>', t("value_note", lang), text(value.note.text, lang))


def statement(indicator: Indicator, observation: Observation, dataset: Dataset, lang: str) -> Markup:
    """The report's sentence for one period, with its report and section, and a link to everything about the figure;
    the value's note, when it has one, under it."""
    source = observation.value.source
    section = section_heading(dataset, source.report, source.section, lang)  # by its title, not its code
    where = f"{text(observation.current.report.title, lang)} · {section}"
    details_link = link("indicator", t("see_details", lang), id=indicator.id, lang=lang_param(lang))
    lead = "" if lang == "zh" else html('<span class="kb-src">{}</span>', t("quote_in_chinese", lang))
    return html(
        '<blockquote class="kb-quote">{}<span lang="zh-CN">“{}”</span><span class="kb-src">{} · {}</span></blockquote>',
        lead,
        source.quote,
        where,
        details_link,
    ) + note_whole(observation.value, lang)


def quote_cell(quote: str, lang: str) -> Markup:
    """The report's sentence a tap away: a row stays one line on a wide screen and a short card on a phone."""
    return html(
        '<details class="kb-cell-quote"><summary>{}</summary><span lang="zh-CN">{}</span></details>',
        t("col_quote", lang),
        quote,
    )


def figure_phrase(indicator: Indicator, dataset: Dataset, lang: str) -> str:
    """ "引进企业：139家（截至2023年11月）": a figure in one line of plain text, for a page's description."""
    latest = dataset.latest(indicator)
    period = "" if latest.period == dataset.vintage.main else period_label(latest.period, lang)
    value = stated(latest.value, indicator.unit, lang)
    when = (f"（{period}）" if lang == "zh" else f" ({period})") if period else ""
    return labelled(text(indicator.name, lang), value, lang) + when


def tile_label(indicator: Indicator, latest: Observation, main: str, lang: str) -> str:
    """The short name, with the period when it is not the period most figures cover (截至11月 matters; so does a
    last year's figure among this year's)."""
    name = text(indicator.name, lang)
    return name if latest.period == main else f"{name} ({period_label(latest.period, lang)})"


def headline(indicator: Indicator, dataset: Dataset, lang: str) -> tuple[str, str]:
    """(name, value as the report states it): a figure as a link's preview image shows it, with its period where a
    tile says it (引进企业 counts to November: the image must not make it the year's)."""
    latest = dataset.latest(indicator)
    return tile_label(indicator, latest, dataset.vintage.main, lang), stated(latest.value, indicator.unit, lang)


def change_words(latest: Observation, previous: Observation, lang: str) -> str:
    """ "<earlier period> → <later period>", saying so when the two periods differ in length."""
    words = t("change_from", lang, before=period_label(previous.period, lang), after=period_label(latest.period, lang))
    return words + lengths_differ(latest, previous, lang)


def lengths_differ(latest: Observation, previous: Observation, lang: str) -> str:
    """ "（两期长度不同：11个月与12个月）" when two periods compared are not as long as each other, else nothing."""
    if months(previous.period) == months(latest.period):
        return ""
    return t("change_lengths_differ", lang, before=months(previous.period), after=months(latest.period))


def change_since(
    indicator: Indicator, latest: Observation, previous: Observation | None, lang: str, with_previous: bool = False
) -> Markup | str:
    """The change since the period before: an arrow and the difference, coloured by whether the report's direction
    calls it better, and the period compared with (`with_previous`: its value too, and the caveat when the periods
    differ in length). None for a figure stated in words: a rank has no difference to print."""
    if previous is None or latest.value.words or previous.value.words:
        return ""
    change = format_change(latest.value.value, previous.value.value, indicator.unit, lang)
    if change == 0 and not with_previous:
        return ""
    up = latest.value.value > previous.value.value
    tone = (
        "neutral"
        if indicator.direction == "none" or change == 0
        else "better"
        if up == (indicator.direction == "higher")
        else "worse"
    )
    arrow, difference = ("→", t("unchanged", lang)) if change == 0 else ("↑" if up else "↓", change)
    if with_previous:
        since = labelled(
            period_label(previous.period, lang), stated(previous.value, indicator.unit, lang), lang
        ) + lengths_differ(latest, previous, lang)
    else:
        since = t("change_since", lang, period=period_label(previous.period, lang))
    return html(
        '<span class="kb-delta kb-{}">{} {} <span class="kb-since">{}</span></span>', tone, arrow, difference, since
    )


def figure_row(indicator: Indicator, dataset: Dataset, lang: str, with_change: bool = False) -> Markup:
    """Value, name and (when it is not the main period) the period, and with_change the change since the period
    before; a tap opens the sentence of every period."""
    latest = dataset.latest(indicator)
    period = (
        ""
        if latest.period == dataset.vintage.main
        else html('<span class="kb-per">{}</span>', period_label(latest.period, lang))
    )
    change = (
        change_since(indicator, latest, dataset.previous(indicator), lang, with_previous=True) if with_change else ""
    )
    summary = html(
        '<span class="kb-val">{}</span><span class="kb-name">{}</span>{}{}{}',
        stated(latest.value, indicator.unit, lang),
        text(indicator.name, lang),
        period,
        change,
        note_mark(latest.value, lang),
    )
    series = dataset.series(indicator)
    sentences = join(
        (
            html('<p class="kb-per">{}: {}</p>', period_label(o.period, lang), stated(o.value, indicator.unit, lang))
            if len(series) > 1
            else ""
        )
        + statement(indicator, o, dataset, lang)
        for o in reversed(series)
    )
    return details(summary, sentences, "kb-fig")


def section_heading(dataset: Dataset, report_id: str, section: str, lang: str) -> str:
    """ "一(二) 经济发展稳中有进" / "1(2) Steady progress in economic development": the report's own heading."""
    report = dataset.reports[report_id]
    place = section.split(" ", 1)[1]
    numbered = NUMBERED.match(place) is not None
    curated = {h.section: h.title for h in report.headings}
    if section in curated:
        title = text(curated[section], lang)
    else:  # the report's own words, or (in English, untranslated) none
        title = (
            (section_titles(dataset.report_texts[report_id]).get(section, "") if numbered else place)
            if lang == "zh"
            else ""
        )
    # A section is named by its title; its code (一(二)) only when the report gives it no title in this language.
    label = (
        (place if lang == "zh" else section_label(section, lang).split(" · ", 1)[1]) if numbered and not title else ""
    )
    if not title and not label:
        label = section_label(section, lang)
    year = t("report_of_year", lang, year=report.reviews) if len(dataset.reports) > 1 else ""
    return " ".join(part for part in (label, title, year) if part)


@per_dataset
def theme_sections(dataset: Dataset, theme: str, lang: str) -> Markup:
    """Every figure of a theme under the report's section headings, in the report's order, as one block."""
    groups: dict[tuple[str, str], list[Indicator]] = {}
    for indicator in dataset.theme_indicators(theme):
        source = dataset.latest(indicator).value.source
        groups.setdefault((source.report, source.section), []).append(indicator)

    def position(key: tuple[str, str]) -> tuple:
        report, _ = key
        first = min(dataset.report_texts[report].find(dataset.latest(i).value.source.quote) for i in groups[key])
        return list(dataset.reports).index(report), first

    sections = join(
        html(
            '<section class="kb-list"><h3>{}</h3>{}</section>',
            section_heading(dataset, *key, lang),
            join(figure_row(i, dataset, lang) for i in groups[key]),
        )
        for key in sorted(groups, key=position)
    )
    heading = t("every_figure", lang, n=len(dataset.theme_indicators(theme)))
    return html('<div class="kb"><h2>{}</h2>{}</div>', heading, sections)


def theme_results(dataset: Dataset, theme: str, lang: str) -> Markup:
    """A theme's results in words (an honour, an acceptance passed): each its name, and on a tap its sentence.

    Why no value column: the report gives no number for them, and a tick or a "1" would be a figure it never
    stated. The name says what was received; the sentence is the evidence."""
    results = [r for r in dataset.content.results if r.theme == theme]
    if not results:
        return html("")
    lead = "" if lang == "zh" else html('<span class="kb-src">{}</span>', t("quote_in_chinese", lang))
    rows = join(
        details(
            html('<span class="kb-name">{}</span>', text(r.name, lang)),
            html(
                '<blockquote class="kb-quote">{}<span lang="zh-CN">{}</span><span class="kb-src">{} · {}</span>'
                "</blockquote>",
                lead,
                r.source.quote if r.source.quote.startswith("“") else f"“{r.source.quote}”",  # one mark, not ““
                text(dataset.reports[r.source.report].title, lang),
                section_label(r.source.section, lang),
            ),
            "kb-fig",
        )
        for r in results
    )
    return html(
        '<div class="kb"><h2>{}</h2><p class="kb-note">{}</p><section class="kb-list">{}</section></div>',
        t("results_in_words", lang, n=len(results)),
        t("results_in_words_note", lang),
        rows,
    )


def year_key_figures(dataset: Dataset, theme: str) -> list[Indicator]:
    """A theme's key figures that the newest report states for the year it reviews (a figure it does not restate is
    an earlier year's, and stays on the theme page with its year)."""
    report = dataset.vintage.report
    return [
        i
        for i in dataset.theme_indicators(theme)
        if i.key
        and dataset.latest(i).current.report == report
        and parse_period(dataset.latest(i).period)[1].year == report.reviews
    ]


@per_dataset
def headline_results(dataset: Dataset, lang: str) -> Markup:
    """Each theme's key figures of the year as a card (the theme's name links to its page), each with its change since
    the period before: the year's story at a glance. Themes the report gives no key figure of are named after the
    cards, each a link, so none is silently missing.

    Why not earlier years' figures beside them: under "2024年主要成果" a 2023 figure would read as 2024's. A default
    must never suggest the figures are newer than they are; the theme page lists it with its year."""
    year = dataset.vintage.report.reviews
    cards, others = [], []
    for theme in dataset.content.themes:
        key = year_key_figures(dataset, theme.id)
        heading = link(
            theme.id, html('{} <span class="kb-arrow">→</span>', text(theme.name, lang)), lang=lang_param(lang)
        )
        if key:
            cards.append(
                html(
                    '<section class="kb-card"><h3>{}</h3>{}</section>',
                    heading,
                    join(figure_row(i, dataset, lang, with_change=True) for i in key),
                )
            )
        elif any(i.key for i in dataset.theme_indicators(theme.id)):
            others.append(link(theme.id, text(theme.name, lang), lang=lang_param(lang)))
    rest = (
        html('<p class="kb-note">{} {}</p>', t("other_themes", lang, year=year), join(others, " · ")) if others else ""
    )
    return html(
        '<div class="kb"><h2>{}</h2><div class="kb-grid">{}</div>{}</div>',
        t("results_of", lang, year=year),
        join(cards),
        rest,
    )
