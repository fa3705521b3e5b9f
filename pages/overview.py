"""Overview, for the public and for leaders: what the latest report says the year achieved, theme by theme, then the
plan year's commitments and how they stand."""

import streamlit as st

from components.figure_lists import headline_results
from components.frame import page_frame
from components.targets_summary import commitments

frame = page_frame()
lang, dataset = frame.lang, frame.dataset

st.html(headline_results(dataset, lang))
if dataset.plan_years:
    st.html(commitments(dataset, frame.as_of, dataset.plan_years[-1], lang))
