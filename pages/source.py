"""The reports themselves, part by part (?report= picks one; the newest by default): the source of every figure."""

import streamlit as st

from components.frame import page_frame
from components.views.report import report_html
from components.url_state import one_of, state_from_url, state_to_url
from kpi.texts import t, text

frame = page_frame()
lang, dataset = frame.lang, frame.dataset
reports = list(dataset.reports)[::-1]  # newest first
state_from_url("report", reports[0], one_of(*reports))
if len(reports) > 1:
    st.segmented_control(t("choose_report", lang), reports, key="report", required=True,
                         format_func=lambda r: text(dataset.reports[r].title, lang), on_change=state_to_url, args=("report", reports[0]))
st.html(report_html(dataset, st.session_state["report"], lang))
