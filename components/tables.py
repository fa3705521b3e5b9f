"""Tables of figures: one row per figure and period, with its report and sentence, and a CSV Excel opens."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.frame import Frame
from components.links import page_url
from components.texts import t
from kpi.dataset import Dataset
from kpi.format import base_amount, base_unit, format_value, qualifier_word, section_label, text
from kpi.model import Indicator
from kpi.periods import period_label


def figures_frame(indicators: list[Indicator], frame: Frame) -> pd.DataFrame:
    """One row per figure and period, as the newest report states it, with a link to each figure's page."""
    lang, dataset = frame.lang, frame.dataset
    table = dataset.memo(("figures", tuple(i.id for i in indicators), lang), lambda: _figures(indicators, dataset, lang))
    # The links carry the viewer's shared view (language, as-of date…), so they are added per request.
    return table.assign(**{t("see_details", lang): [page_url(frame, "indicator", id=i) for i in table[t("col_id", lang)]]})


def _figures(indicators: list[Indicator], dataset: Dataset, lang: str) -> pd.DataFrame:
    rows = []
    for indicator in indicators:
        for observation in dataset.series(indicator):
            value = observation.value
            rows.append({
                t("col_name", lang): text(indicator.name, lang),
                t("col_period", lang): period_label(observation.period, lang),
                t("col_value", lang): format_value(value.value, value.qualifier, indicator.unit, lang),
                t("col_number", lang): float(base_amount(value.value, indicator.unit)),
                t("col_unit", lang): base_unit(indicator.unit, lang),
                t("col_qualifier", lang): qualifier_word(value.qualifier, lang),
                t("col_report", lang): observation.current.report.id,
                t("col_section", lang): section_label(value.source.section, lang),
                t("col_quote", lang): value.source.quote,
                t("col_id", lang): indicator.id,
            })
    return pd.DataFrame(rows)


# The screen shows the value as words ("over 33 million yuan"); the number, unit and qualifier apart are for
# spreadsheets, where they would only repeat it on screen.
_CSV_ONLY = ("col_number", "col_unit", "col_qualifier", "col_id")


def csv_bytes(table: pd.DataFrame, lang: str) -> bytes:
    """The table without its page links, as UTF-8 with a byte-order mark: Excel on Windows shows the Chinese intact."""
    return table.drop(columns=[t("see_details", lang)], errors="ignore").to_csv(index=False).encode("utf-8-sig")


def table_with_download(table: pd.DataFrame, file_name: str, frame: Frame, key: str) -> None:
    """A scrollable table, detail links as links, and its CSV download (not in meeting mode)."""
    lang = frame.lang
    details = t("see_details", lang)
    config = {details: st.column_config.LinkColumn(details, display_text="→")} if details in table else {}
    st.dataframe(table.drop(columns=[t(c, lang) for c in _CSV_ONLY], errors="ignore"), hide_index=True,
                 column_config=config, width="stretch")
    if not frame.meeting:
        st.download_button(t("download_csv", lang), csv_bytes(table, lang),
                           file_name=file_name, mime="text/csv", key=key, icon=":material/download:")
