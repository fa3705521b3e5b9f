"""A theme page — one view for every theme in indicators.yaml: key tiles, charts, then every figure under the
report's own section headings; on request (?figures=true) the table of every figure and period, and a CSV.

Why the table is HTML and on request: the first screen is the tiles and charts; the table is one link away, in
the address (so a static page answers it too), and costs no grid script to draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from components.views.charts import theme_charts, theme_charts_html
from components.views.figures import figure_phrase, headline, quote_cell, section_heading, theme_results, theme_sections
from components.views.html import Markup, html, link, table
from components.views.images import SVG_MIME, theme_chart_svg
from components.views.once import per_dataset
from components.views.page import Download, Page, Viewer, description_of
from components.views.spreadsheet import CSV_MIME, csv_bytes
from components.views.tiles import tiles_html
from kpi.data.dataset import Dataset
from kpi.format import base_amount, base_unit, qualifier_word, section_label, stated
from kpi.periods import period_label
from kpi.texts import t, text

_CSV_ONLY = (
    "col_report",  # on screen the header names the report once, not every row
    "col_number",
    "col_unit",
    "col_qualifier",
    "col_id",
    "col_former_ids",
)  # for spreadsheets: on screen the value says them


@per_dataset
def figure_rows(dataset: Dataset, theme: str, lang: str) -> tuple[dict[str, str], ...]:
    """One row per figure of a theme and period, as the newest report states it: the table's and the CSV's."""
    rows = []
    for indicator in dataset.theme_indicators(theme):
        for observation in dataset.series(indicator):
            value = observation.value
            rows.append(
                {
                    "col_name": text(indicator.name, lang),
                    "col_value": stated(value, indicator.unit, lang),
                    "col_period": period_label(observation.period, lang),
                    "col_number": str(float(base_amount(value.value, indicator.unit))),
                    "col_unit": base_unit(indicator.unit, lang),
                    "col_qualifier": qualifier_word(value.qualifier, lang),
                    "col_report": text(observation.current.report.title, lang),
                    "col_section": section_label(value.source.section, lang),
                    "col_quote": value.source.quote,
                    "col_id": indicator.id,
                    "col_former_ids": " ".join(indicator.former_ids),  # a spreadsheet of an older download still joins
                }
            )
    return tuple(rows)


@per_dataset
def figures_csv(dataset: Dataset, theme: str, lang: str) -> bytes:
    """Every column of the table and those a spreadsheet needs besides (components/views/spreadsheet.py)."""
    rows = figure_rows(dataset, theme, lang)
    return csv_bytes([t(key, lang) for key in rows[0]] if rows else [], (list(row.values()) for row in rows))


def figures_table(dataset: Dataset, theme: str, viewer: Viewer) -> Markup:
    """Every figure and period with its section and sentence and a link to its page (on a phone each row a card)."""
    lang = viewer.lang
    columns = [key for key in figure_rows(dataset, theme, lang)[0] if key not in _CSV_ONLY]
    titles = [
        section_heading(dataset, o.value.source.report, o.value.source.section, lang)
        for i in dataset.theme_indicators(theme)
        for o in dataset.series(i)
    ]  # a section named by its title on screen (the CSV keeps its code, to cite)
    shown = {"col_quote": lambda row, n: quote_cell(row["col_quote"], lang), "col_section": lambda row, n: titles[n]}
    rows = [
        [shown[key](row, n) if key in shown else row[key] for key in columns]
        + [link("indicator", "→", id=row["col_id"], **viewer.keep())]
        for n, row in enumerate(figure_rows(dataset, theme, lang))
    ]
    return table([t(key, lang) for key in columns] + [t("see_details", lang)], rows)


def theme_page(dataset: Dataset, theme_id: str, viewer: Viewer, params: Mapping[str, str]) -> Page:
    """The theme's name, key tiles, the report's qualifiers, charts and every figure; ?figures=true adds the table."""
    lang = viewer.lang
    theme = next(theme for theme in dataset.content.themes if theme.id == theme_id)
    figures = dataset.theme_indicators(theme.id)
    key = tuple(i.id for i in figures if i.key)
    body = (
        html('<div class="kb"><h2 class="kb-page">{}</h2></div>', text(theme.name, lang))
        + tiles_html(dataset, key, lang, viewer.meeting)
        + html('<p class="kb kb-note">{}</p>', t("qualifier_note", lang))
        + theme_charts_html(dataset, theme.id, lang)
        + theme_sections(dataset, theme.id, lang)
    )
    downloads: tuple[Download, ...] = ()
    if figures and not viewer.meeting:  # a theme of targets only has no figures to list or download
        shown = params.get("figures") == "true"
        toggle = link(
            theme.id,
            t("hide_all_figures" if shown else "show_all_figures", lang, n=len(figures)),
            figures="" if shown else "true",
            **viewer.keep(),
        )
        body += html(
            '<div class="kb kb-noprint">{}{}</div>', toggle, figures_table(dataset, theme.id, viewer) if shown else ""
        )
        downloads = (
            Download(
                t("download_csv", lang),
                f"dongming-{theme.id}-{lang}.csv",
                CSV_MIME,
                lambda: figures_csv(dataset, theme.id, lang),
            ),
        )
    if not viewer.meeting:
        downloads += chart_downloads(dataset, theme.id, lang)
    body += theme_results(dataset, theme.id, lang)  # after the figures and their table: no number to list there
    leading = [dataset.indicators[i] for i in key] or figures[:4]
    phrases = [figure_phrase(i, dataset, lang) for i in leading]
    headlines = tuple(headline(i, dataset, lang) for i in leading[:4])
    return Page(text(theme.name, lang), description_of(phrases, lang), (body,), downloads, headlines=headlines)


def chart_downloads(dataset: Dataset, theme: str, lang: str) -> tuple[Download, ...]:
    """Each chart of the theme as an image (components/views/images.py), named by its question."""
    return tuple(
        Download(
            t("download_chart", lang, title=chart.title),
            f"dongming-{theme}-chart{n + 1}-{lang}.svg",
            SVG_MIME,
            partial(theme_chart_svg, dataset, theme, n, lang),
        )
        for n, chart in enumerate(theme_charts(dataset, theme, lang))
    )
