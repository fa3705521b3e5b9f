"""The dashboard's views as HTML: pure functions of (dataset, language, the view's parameters), no Streamlit.

Why apart from the Streamlit glue in components/: the same function draws a page in Streamlit (st.html) and
writes it as a static public page (components/publish.py), so no view exists twice. Nothing here imports
Streamlit (tests/test_views.py checks it): pages → components (glue) → components.views → kpi.
"""
