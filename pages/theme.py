"""A theme page — one renderer for every theme in indicators.yaml: key tiles, charts, then every figure under the
report's own section headings, and the table of every figure with its CSV."""

import streamlit as st

from components.charts import theme_charts_html
from components.figure_lists import theme_sections
from components.frame import page_frame
from components.html import esc
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
# The qualifier note, the charts and every figure as one block of text: each element is one more message to every viewer.
st.html(f'<p class="kb kb-note">{esc(t("qualifier_note", lang))}</p>' + theme_charts_html(dataset, frame.page, lang)
        + theme_sections(dataset, frame.page, lang))

if not frame.meeting:
    figures_table(frame.page, frame, f"dongming-{frame.page}-{lang}.csv")
