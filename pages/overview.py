"""Overview, for leadership: what needs attention in the plan year, the programmes, each theme's key figures."""

import streamlit as st

from components.chart_panel import show_charts
from components.charts import programme_chart
from components.frame import page_frame
from components.markdown import escape_markdown
from components.targets_summary import assessments, earlier_years_missing, plan_summary
from components.tiles import kpi_tiles
from kpi.texts import t, text

frame = page_frame()
lang, dataset = frame.lang, frame.dataset
content = dataset.content

if dataset.plan_years:
    year = dataset.plan_years[-1]
    assessed = assessments(frame)
    st.subheader(t("plan_status", lang, year=year))
    plan_summary(frame, year, assessed)
    earlier_years_missing(frame, assessed)

if content.programmes:
    show_charts([programme_chart(content.programmes, dataset, lang, frame.meeting)], frame, key="overview")

st.subheader(t("key_figures", lang))
for theme in content.themes:
    figures = dataset.theme_indicators(theme.id)
    st.markdown(f"#### {theme.icon} {escape_markdown(text(theme.name, lang))}")
    if not frame.meeting:
        st.page_link(frame.pages[theme.id], label=t("count_figures", lang, n=len(figures)), icon=":material/arrow_forward:")
    kpi_tiles([i for i in figures if i.key], frame)
