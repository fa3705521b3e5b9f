"""One figure across reports: every period as a bar (what a page without a script shows in place of the interactive
chart, components/views/plots.py), and every statement of it as a table row with its source."""

from __future__ import annotations

from components.views.charts import COLORS, bar_fill, bar_row, share_of
from components.views.figures import quote_cell, section_heading
from components.views.html import Markup, html, join, table
from components.views.once import per_dataset
from components.views.report import report_name
from components.views.spreadsheet import csv_bytes
from kpi.data.dataset import Dataset
from kpi.data.model import Indicator
from kpi.format import stated
from kpi.periods import period_label
from kpi.texts import t, text


@per_dataset
def history_bars(dataset: Dataset, indicator_id: str, lang: str) -> Markup:
    """One bar per period, labelled as the report words it (nothing for a figure of one period)."""
    indicator = dataset.indicators[indicator_id]
    series = dataset.series(indicator)
    if len(series) < 2:
        return Markup()
    top = max(abs(o.value.value) for o in series) or 1
    return join(
        bar_row(
            period_label(o.period, lang),
            bar_fill(share_of(o.value.value, top), COLORS["bar"]),
            stated(o.value, indicator.unit, lang),
        )
        for o in series
    )


@per_dataset
def history_table(dataset: Dataset, indicator_id: str, lang: str) -> Markup:
    """Every statement of the figure with its report, section and sentence (a tap away), and a note only where a newer
    report restated or revised it."""
    columns = list(statement_columns(lang))
    rows = [  # the sentence a tap away on screen; the CSV keeps it whole
        (*row[:4], quote_cell(row[4], lang), row[5])
        for row in statements(dataset.indicators[indicator_id], dataset, lang)
    ]
    if not any(row[-1] for row in rows):
        columns, rows = columns[:-1], [row[:-1] for row in rows]
    return html('<div class="kb">{}</div>', table(columns, rows))


def statement_columns(lang: str) -> tuple[str, ...]:
    """The table's headers, and the CSV's."""
    return tuple(
        t(key, lang) for key in ("col_period", "col_value", "col_report", "col_section", "col_quote", "col_note")
    )


@per_dataset
def history_csv(dataset: Dataset, indicator_id: str, lang: str) -> bytes:
    """The figure's periods as its page's table lists them, for a spreadsheet."""
    return csv_bytes(statement_columns(lang), statements(dataset.indicators[indicator_id], dataset, lang))


def statements(indicator: Indicator, dataset: Dataset, lang: str) -> list[tuple[str, ...]]:
    """Every statement of the figure, newest report first within each period, each with its report and sentence."""
    rows: list[tuple[str, ...]] = []
    for observation in dataset.series(indicator):
        revised = observation.revised()
        for statement in (observation.current, *observation.earlier):
            if statement is observation.current:
                note = t("shown", lang) if observation.earlier else ""
            else:
                note = t(
                    "revised_by" if statement in revised else "restated_by",
                    lang,
                    report=report_name(observation.current.report, lang),
                )
            rows.append(
                (
                    period_label(observation.period, lang),
                    stated(statement.value, indicator.unit, lang),
                    f"{text(statement.report.title, lang)} ({statement.report.published.isoformat()})",
                    section_heading(dataset, statement.value.source.report, statement.value.source.section, lang),
                    statement.value.source.quote,
                    note,
                )
            )
    return rows
