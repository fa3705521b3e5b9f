"""One figure and where it came from: its tile, every period as bars and a table, each statement in its paragraph of
the report, and the glossary terms it uses."""

from __future__ import annotations

from collections.abc import Mapping

from components.views.figures import figure_phrase, note_whole, section_heading
from components.views.glossary import indicator_text, terms_in
from components.views.history import history_bars, history_csv, history_table
from components.views.html import Markup, html, join, link
from components.views.images import SVG_MIME, history_svg
from components.views.page import Download, Page, Viewer
from components.views.plots import history_plot
from components.views.report import report_name
from components.views.spreadsheet import CSV_MIME
from components.views.tiles import tiles_html
from kpi.data.dataset import Dataset
from kpi.format import stated
from kpi.periods import period_label
from kpi.report.text import paragraph_around
from kpi.texts import t, text


def in_context(dataset: Dataset, indicator_id: str, lang: str) -> Markup:
    """Each period's sentence marked inside its paragraph, with the report and section it stands in."""
    blocks = []
    for observation in dataset.series(dataset.indicators[indicator_id]):
        source = observation.value.source
        before, quote, after = paragraph_around(dataset.report_texts[source.report], source.quote)
        section = section_heading(dataset, source.report, source.section, lang)  # by its title, not its code
        where = f"{text(observation.current.report.title, lang)} · {section}"
        blocks.append(
            html(
                '<p><b>{}</b> · {}</p><p class="kb-context" lang="zh-CN">{}<mark>{}</mark>{}</p>',
                t("in_context", lang),
                where,
                before,
                quote,
                after,
            )
        )
    return join(blocks)


def indicator_page(dataset: Dataset, viewer: Viewer, params: Mapping[str, str]) -> Page:
    """The figure ?id= names (by its id now or one it had before); a neutral line when it names none."""
    lang, keep = viewer.lang, viewer.keep()
    indicator = dataset.indicators.get(dataset.current_id(params.get("id", "")))
    if indicator is None:
        return Page(
            t("indicator", lang),
            t("no_figure", lang),
            (html('<div class="kb"><p>{}</p></div>', t("no_figure", lang)),),
            found=False,
        )
    theme = next(theme for theme in dataset.content.themes if theme.id == indicator.theme)
    parts = [
        html("<p>{}</p>", link(theme.id, "← " + t("back_to", lang, theme=text(theme.name, lang)), **keep)),
        html('<h2 class="kb-page">{}</h2>', text(indicator.name, lang)),
        note_whole(dataset.latest(indicator).value, lang),  # read before the number, not after a tap
    ]
    intro = html('<div class="kb">{}</div>', join(parts)) + tiles_html(dataset, (indicator.id,), lang, viewer.meeting)
    bars = history_bars(dataset, indicator.id, lang)
    chart = (
        [
            html('<div class="kb"><h3>{}</h3></div>', t("history_question", lang)),
            history_plot(dataset, indicator.id, lang, viewer.meeting) or html('<div class="kb">{}</div>', bars),
        ]
        if bars
        else []
    )
    notes = [html('<p class="kb-note">{}</p>', t("quote_note", lang))] if lang == "en" else []
    terms = terms_in(indicator_text(indicator), dataset.glossary)
    if terms:
        notes.append(
            html(
                "<p><b>{}</b>: {}</p>",
                t("terms_here", lang),
                join((link("glossary", text(term.term, lang), term=term.id, **keep) for term in terms), " · "),
            )
        )
    rest = history_table(dataset, indicator.id, lang) + html(
        '<div class="kb">{}{}</div>', in_context(dataset, indicator.id, lang), join(notes)
    )
    latest = dataset.latest(indicator)
    described = t(
        "figure_description",
        lang,
        figure=figure_phrase(indicator, dataset, lang),
        report=report_name(latest.current.report, lang),
    ) + (f"{t('quote', lang)}：“{latest.value.source.quote}”" if lang == "zh" else "")  # the page quotes in Chinese
    periods = tuple(
        (period_label(o.period, lang), stated(o.value, indicator.unit, lang)) for o in dataset.series(indicator)
    )
    return Page(
        text(indicator.name, lang),
        described,
        (intro, *chart, rest),
        () if viewer.meeting else figure_downloads(dataset, indicator.id, lang, bool(bars)),
        headlines=periods[-4:],  # its periods, the newest last
    )


def figure_downloads(dataset: Dataset, indicator_id: str, lang: str, chart: bool) -> tuple[Download, ...]:
    """The figure's periods as CSV, and its chart as an image where the page draws one."""
    name = f"dongming-figure-{indicator_id}-{lang}"
    table = Download(t("download_csv", lang), f"{name}.csv", CSV_MIME, lambda: history_csv(dataset, indicator_id, lang))
    if not chart:
        return (table,)
    image = Download(
        t("download_chart", lang, title=t("history_question", lang)),
        f"{name}.svg",
        SVG_MIME,
        lambda: history_svg(dataset, indicator_id, lang),
    )
    return (table, image)
