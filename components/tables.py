"""Tables of figures: one row per figure and period, with its report and sentence, and a CSV Excel opens."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from components.frame import Frame
from components.header import link_here
from components.links import page_url
from components.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.format import base_amount, base_unit, qualifier_word, section_label, stated
from kpi.periods import period_label
from kpi.texts import t, text


@per_dataset
def figures(dataset: Dataset, theme: str, lang: str) -> pd.DataFrame:
    """One row per figure of a theme and period, as the newest report states it, for the CSV."""
    rows = []
    for indicator in dataset.theme_indicators(theme):
        for observation in dataset.series(indicator):
            value = observation.value
            rows.append({
                t("col_name", lang): text(indicator.name, lang),
                t("col_value", lang): stated(value, indicator.unit, lang),
                t("col_period", lang): period_label(observation.period, lang),
                t("col_number", lang): float(base_amount(value.value, indicator.unit)),
                t("col_unit", lang): base_unit(indicator.unit, lang),
                t("col_qualifier", lang): qualifier_word(value.qualifier, lang),
                t("col_report", lang): observation.current.report.id,
                t("col_section", lang): section_label(value.source.section, lang),
                t("col_quote", lang): value.source.quote,
                t("col_id", lang): indicator.id,
            })
    return pd.DataFrame(rows)


@per_dataset
def figures_csv(dataset: Dataset, theme: str, lang: str) -> bytes:
    """UTF-8 with a byte-order mark: Excel on Windows then shows the Chinese intact."""
    return figures(dataset, theme, lang).to_csv(index=False).encode("utf-8-sig")


@per_dataset
def _screen(dataset: Dataset, theme: str, lang: str) -> pa.Table:
    return pa.Table.from_pandas(figures(dataset, theme, lang).drop(columns=[t(c, lang) for c in _CSV_ONLY]), preserve_index=False)


# The screen shows the value as words ("over 33 million yuan"); the number, unit and qualifier apart are for
# spreadsheets, where they would only repeat it on screen.
_CSV_ONLY = ("col_number", "col_unit", "col_qualifier", "col_id")


def figures_table(theme: str, frame: Frame, file_name: str) -> None:
    """The CSV download, and on request (?figures=true, a toggle) every figure and period with a link to its page.

    Why on request: the table's grid code is the largest thing a theme page loads; the first screen is the
    tiles and charts. Why Arrow and a deferred CSV: converting the table and writing the CSV for every new
    viewer was 17 % of a theme page's CPU under load; both are made once per dataset, the CSV on a click."""
    lang, dataset = frame.lang, frame.dataset
    count = len(dataset.theme_indicators(theme))
    if not count:  # a theme of targets only: no figures to list or download
        return
    shown = st.query_params.get("figures") == "true"
    # A link, not a toggle: it keeps the view in the address (?figures=true) and costs no widget.
    st.html(link_here(t("hide_all_figures" if shown else "show_all_figures", lang, n=count),
                      {**st.query_params.to_dict(), "figures": "" if shown else "true"}))
    st.download_button(t("download_csv", lang), lambda: figures_csv(dataset, theme, lang), file_name=file_name,
                       mime="text/csv", on_click="ignore")  # a download needs no rerun
    if not shown:
        return
    # The links carry the viewer's shared view (language, as-of date…), so they are added per request. On a phone the
    # name and the value share the first screen width; the rest scrolls sideways.
    details = t("see_details", lang)
    links = pa.array([page_url(frame, "indicator", id=i) for i in figures(dataset, theme, lang)[t("col_id", lang)]])
    st.dataframe(_screen(dataset, theme, lang).append_column(details, links), hide_index=True, width="stretch",
                 column_config={details: st.column_config.LinkColumn(details, display_text="→"),
                                t("col_name", lang): st.column_config.TextColumn(width=150),
                                t("col_value", lang): st.column_config.TextColumn(width=150)})
