"""The few sizes the theme cannot set: tile values on a phone, and larger text in meeting mode.

Only sizes and spacing change here, and nothing from the YAML goes into these rules.
"""

from __future__ import annotations

import streamlit as st

# A phone's tile is ~360 px wide: the longest English values ("16.19 million US dollars") fit at 1.4rem.
_PHONE = """<style>
@media (max-width: 640px) { [data-testid="stMetricValue"] { font-size: 1.4rem; } }
</style>"""

# Meeting mode: read from the back of a room, no blank band above the title.
_MEETING = """<style>
[data-testid="stMetricValue"] { font-size: 3.2rem; }
[data-testid="stMetricLabel"] p { font-size: 1.35rem; }
h5 { font-size: 1.6rem !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; }
</style>"""


def page_style(meeting: bool) -> None:
    st.html(_MEETING if meeting else _PHONE)
