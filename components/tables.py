"""Tables of figures: every value with its qualifier, unit, period and source, and a CSV that Excel opens."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.frame import Frame
from components.links import page_url
from components.texts import t
from kpi.format import format_value, qualifier_word, text
from kpi.model import Indicator
from kpi.periods import period_label


def figures_frame(indicators: list[Indicator], frame: Frame) -> pd.DataFrame:
    """One row per figure and period (pure: testable without a running app)."""
    lang = frame.lang
    rows = [
        {
            t("col_name", lang): text(i.name, lang),
            t("col_value", lang): format_value(v.value, v.qualifier, i.unit, lang),
            t("col_number", lang): v.value,
            t("col_unit", lang): text(i.unit, lang),
            t("col_qualifier", lang): qualifier_word(v.qualifier, lang),
            t("col_period", lang): period_label(v.period, lang),
            t("col_section", lang): v.source.section,
            t("col_quote", lang): v.source.quote,
            t("see_details", lang): page_url(frame, "indicator", id=i.id),
            t("col_id", lang): i.id,
        }
        for i in indicators
        for v in i.values
    ]
    return pd.DataFrame(rows)


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark: Excel on Windows then shows the Chinese intact."""
    return table.to_csv(index=False).encode("utf-8-sig")


def table_with_download(table: pd.DataFrame, file_name: str, frame: Frame, key: str) -> None:
    """A scrollable table, detail links as links, and its CSV download."""
    lang = frame.lang
    details = t("see_details", lang)
    config = {details: st.column_config.LinkColumn(details, display_text="→")} if details in table else {}
    st.dataframe(table.drop(columns=[t("col_id", lang)], errors="ignore"), hide_index=True,
                 column_config=config, width="stretch")
    st.download_button(t("download_csv", lang), csv_bytes(table.drop(columns=[details], errors="ignore")),
                       file_name=file_name, mime="text/csv", key=key, icon=":material/download:")
