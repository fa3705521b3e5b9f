"""Show charts, each titled with its question, two to a row (one on phones, one in meeting mode)."""

from __future__ import annotations

import streamlit as st

from components.charts import Chart
from components.frame import Frame
from components.markdown import escape_markdown
from kpi.texts import t

PLOTLY_CONFIG = {"displayModeBar": False, "responsive": True}


def show_charts(charts: list[Chart], frame: Frame, key: str) -> None:
    """Charts in a grid; each has its question above, its caveat below and (outside meetings) its table."""
    per_row = 1 if frame.meeting or len(charts) == 1 else 2
    for start in range(0, len(charts), per_row):
        for column, (index, chart) in zip(st.columns(per_row), enumerate(charts[start:start + per_row], start)):
            with column:
                st.markdown(f"##### {escape_markdown(chart.title)}")
                st.plotly_chart(chart.figure, width="stretch", config=PLOTLY_CONFIG, key=f"{key}_chart_{index}", theme=None)
                if chart.note:
                    st.caption(escape_markdown(chart.note))
                if not frame.meeting:
                    with st.popover(t("data_table", frame.lang), icon=":material/table:"):
                        st.dataframe(chart.arrow, hide_index=True, width="stretch")
