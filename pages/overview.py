"""Overview, for leadership: how 2024 stands, each theme's key figures, then the multi-year programmes."""

import streamlit as st

from components.chart_panel import show_charts
from components.charts import programme_chart
from components.frame import page_frame
from components.markdown import escape_markdown
from components.targets_summary import targets_summary
from components.texts import t
from components.tiles import kpi_tiles
from kpi.format import text
from kpi.progress import assess_all

frame = page_frame("")
lang, content = frame.lang, frame.dataset.content

st.subheader(t("targets_2024", lang))
targets_summary(frame, assess_all(content, frame.as_of))

st.subheader(t("key_figures", lang))
for theme in content.themes:
    figures = frame.dataset.theme_indicators(theme.id)
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.markdown(f"#### {theme.icon} {escape_markdown(text(theme.name, lang))}")
        st.page_link(frame.pages[theme.id], label=t("count_figures", lang, n=len(figures)), icon=":material/arrow_forward:")
    kpi_tiles([i for i in figures if i.key], frame)

if content.programmes:
    show_charts([programme_chart(content.programmes, frame.dataset, lang)], frame, key="overview")
