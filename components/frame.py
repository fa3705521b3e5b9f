"""The frame every page shares (language, data, current page: set by app.py on each run, before the page), and the
one way a page is drawn: from its view (components/views/), as the static public pages are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import streamlit as st

from components.scroll import scroll_into_view
from components.views.html import Markup, join
from components.views.page import Part, Search, Viewer, document_title
from components.views.plots import Plot
from components.views.routes import public_view
from kpi.data.dataset import Dataset

FRAME_KEY = "frame"


@dataclass(frozen=True)
class Frame:
    """What a page needs to know about this run."""

    lang: str
    dataset: Dataset
    as_of: date  # the date target progress is judged on (today, or a what-if date from the URL)
    page: str  # url_path of the page being shown ("" for the overview)
    meeting: bool = False

    @property
    def viewer(self) -> Viewer:
        return Viewer(self.lang, self.as_of, self.meeting)


def page_frame() -> Frame:
    """The frame app.py set for this run (pages only run from app.py's navigation)."""
    return st.session_state[FRAME_KEY]


def show_view() -> None:
    """This run's page, drawn from its view: the tab's title, its parts in order (HTML blocks, charts, the search box),
    its downloads, and the item a shared link names brought into view. The address's parameters go to the view as
    they are."""
    frame = page_frame()
    page = public_view(frame.dataset, frame.page).render(frame.dataset, frame.viewer, st.query_params.to_dict())
    st.set_page_config(page_title=document_title(page.title, frame.lang))
    draw_parts(page.parts)
    for download in page.downloads:  # made on a click, not for every viewer
        st.download_button(
            download.label, download.build, file_name=download.file_name, mime=download.mime, on_click="ignore"
        )
    if page.anchor:
        scroll_into_view(page.anchor)


def draw_parts(parts: Sequence[Part], first: Markup = Markup(""), key: str = "") -> None:
    """A page's parts in order: each run of HTML blocks as one element (after `first`), each chart as a Plotly chart,
    the search box bound to ?q=. With a `key` (a preview inside another page, e.g. the editing page's): the charts
    keyed by it and no search box, which would take over that page's address.

    Why one element for a run of HTML: each element is one more message to every viewer."""
    blocks: list[Markup] = [first] if first else []
    for n, part in enumerate([*parts, None]):
        if isinstance(part, Markup):
            blocks.append(part)
            continue
        if blocks:
            st.html(join(blocks))
            blocks = []
        if isinstance(part, Plot):
            st.plotly_chart(
                {"data": part.spec["data"], "layout": part.spec["layout"]},
                config=part.spec["config"],
                theme=None,
                width="stretch",
                key=f"{key}_plot_{n}" if key else None,
            )
        elif isinstance(part, Search) and not key:
            st.text_input(part.label, key="q", bind="query-params", icon=":material/search:", width=320)
