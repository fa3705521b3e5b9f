"""The frame every page shares: language, data, current page — set by app.py on each run, before the page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import streamlit as st

from kpi.data.dataset import Dataset

FRAME_KEY = "frame"
T = TypeVar("T")


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


def page_frame() -> Frame:
    """The frame app.py set for this run (pages only run from app.py's navigation)."""
    return st.session_state[FRAME_KEY]
