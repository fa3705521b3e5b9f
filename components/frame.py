"""The frame every page shares: language, data, current page — set by app.py on each run.

Why pages ask for it instead of importing app.py: on the first request after a server start a shared
link like /glossary can run pages/glossary.py alone (Streamlit's legacy `pages/` mode). A page that
finds no frame sends the viewer through app.py with its query parameters and `goto`, and app.py
switches to the wanted page. The link then renders exactly as it does later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from kpi.dataset import Dataset

FRAME_KEY = "frame"
GOTO = "goto"


@dataclass(frozen=True)
class Frame:
    """What a page needs to know about this run."""

    lang: str
    dataset: Dataset
    as_of: date  # the date target progress is judged on (today, or a what-if date from the URL)
    page: str  # url_path of the page being shown ("" for the overview)
    pages: dict[str, st.Page]  # url_path → page, for st.page_link
    shared: dict[str, str]  # the sticky view state in the URL (lang, as_of, mode, rotate), for links to new tabs
    meeting: bool = False


def page_frame(url_path: str) -> Frame:
    """The frame for this run; on a cold deep link, bounce through app.py to `url_path`."""
    frame = st.session_state.get(FRAME_KEY)
    if frame is None:
        st.switch_page("app.py", query_params={**st.query_params.to_dict(), GOTO: url_path})
    return frame
