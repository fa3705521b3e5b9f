"""The floor: the least a page of this stack can cost (one tile, one small chart), to measure pages against.

Start it from the repository root so it runs with the app's own .streamlit/config.toml (a ratio then
measures the pages' work, not a setting): `.venv/bin/python -m streamlit run scripts/floor_page.py`.
It reads no data and imports nothing of the app's, so its cost stays put while the pages change.
"""

import plotly.graph_objects as go
import streamlit as st

st.metric("引进企业 · Enterprises attracted", "139家", delta=12, help="The floor page of scripts/benchmark.py")
figure = go.Figure(go.Bar(x=["2021", "2022", "2023"], y=[101, 127, 139], marker_color="#1F5A96"))
figure.update_layout(height=260, margin={"l": 10, "r": 10, "t": 10, "b": 10})
st.plotly_chart(figure, width="stretch", config={"displayModeBar": False})
