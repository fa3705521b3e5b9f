"""Show charts two to a row (one on phones), each with its data table a click away."""

from __future__ import annotations

import streamlit as st

from components.charts import Chart
from components.frame import Frame
from components.markdown import escape_markdown
from components.texts import t

PLOTLY_CONFIG = {"displayModeBar": False, "responsive": True}


def show_charts(charts: list[Chart], frame: Frame, key: str) -> None:
    """Charts in a two-column grid; each has a table view of the same numbers."""
    for start in range(0, len(charts), 2):
        for column, (index, chart) in zip(st.columns(2), enumerate(charts[start:start + 2], start)):
            with column:
                st.plotly_chart(chart.figure, width="stretch", config=PLOTLY_CONFIG, key=f"{key}_chart_{index}")
                with st.expander(f"{t('data_table', frame.lang)}: {escape_markdown(chart.title)}"):
                    st.dataframe(chart.table, hide_index=True, width="stretch")
