"""Overview, for the public and for leaders: what the latest report says the year achieved, theme by theme, then the
plan year's commitments and how they stand."""

import streamlit as st

from components.figure_lists import headline_results
from components.frame import page_frame
from components.targets_summary import commitments
from kpi.texts import t

frame = page_frame()
lang, dataset = frame.lang, frame.dataset

st.subheader(t("results_of", lang, year=dataset.latest_report.reviews))
st.html(headline_results(dataset, lang))

if dataset.plan_years:
    year = dataset.plan_years[-1]
    st.subheader(t("plan_status", lang, year=year))
    st.html(commitments(dataset, frame.as_of, year, lang))
