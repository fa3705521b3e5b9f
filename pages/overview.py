"""Overview, for the public and for leaders: what the latest report says the year achieved, theme by theme, then the
plan year's commitments and how they stand."""

import streamlit as st

from components.views.figures import headline_results
from components.frame import page_frame
from components.views.commitments import commitments

frame = page_frame()
lang, dataset = frame.lang, frame.dataset

st.html(headline_results(dataset, lang))
if dataset.plan_years:
    st.html(commitments(dataset, frame.as_of, dataset.plan_years[-1], lang))
