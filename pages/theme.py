"""A theme page — one renderer for every theme in indicators.yaml: key tiles, charts, every figure."""

import streamlit as st

from components.chart_panel import show_charts
from components.charts import theme_charts
from components.frame import page_frame
from components.markdown import escape_markdown
from components.tables import figures_table
from components.tiles import kpi_tiles
from kpi.texts import t, text

frame = page_frame()  # theme pages learn their theme from frame.page
lang, dataset = frame.lang, frame.dataset
figures = dataset.theme_indicators(frame.page)
theme = next(theme for theme in dataset.content.themes if theme.id == frame.page)

st.header(f"{theme.icon} {escape_markdown(text(theme.name, lang))}", divider="gray")
kpi_tiles([i for i in figures if i.key], frame)
if not frame.meeting:
    st.caption(escape_markdown(t("qualifier_note", lang)))

show_charts(theme_charts(dataset, frame.page, lang, frame.meeting), frame, key=frame.page)

if not frame.meeting:
    st.subheader(t("all_figures", lang))
    figures_table(figures, frame, f"dongming-{frame.page}-{lang}.csv")
