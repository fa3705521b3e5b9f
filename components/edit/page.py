"""The editing page's frame: only staff read it, only a signed-in person saves, and it offers each part as a choice
kept in the address (?part=file), so a link opens the same part."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from components.data import current_data
from components.edit.inputs import Inputs
from components.frame import page_frame
from components.signin import SIGN_IN
from components.staff import PROXY_SECRET_ENV, StaffViewer, signed_in_html, staff_viewer
from components.url_state import one_of, state_from_url, state_to_url
from components.views.html import html
from components.views.page import document_title
from kpi.data.dataset import Dataset
from kpi.data.errors import DataError
from kpi.data.files import data_dir
from kpi.texts import t

PARTS = ("progress", "outcome", "figure", "term", "report", "file", "history")


@dataclass(frozen=True)
class Editing:
    """What every part of the page works with: who, in which language, on which data."""

    lang: str
    viewer: StaffViewer
    directory: Path
    dataset: Dataset  # the data the public sees now (the files' own, or the last good copy while they fail the check)
    errors: list[DataError]  # why the files themselves are not shown, if they fail the check
    today: date

    def inputs(self, part: str) -> Inputs:
        return Inputs(part, self.viewer.name)


def edit_page(parts: dict[str, Callable[[Editing], None]]) -> None:
    """The page: refused to the public, who is signed in, the part chosen, and that part."""
    frame = page_frame()
    lang = frame.lang
    st.set_page_config(page_title=document_title(t("edit", lang), lang))
    viewer = staff_viewer()
    if not viewer.may_read:  # nginx asks for a sign-in first; this is the websocket's own check (components/staff.py)
        st.info(t("staff_only", lang), icon=":material/lock:")
        st.stop()
    st.header(t("edit", lang), divider="gray")
    _who(viewer, lang)
    st.caption(t("edit_intro", lang))
    loaded = current_data()
    if loaded.errors:
        st.warning(t("edit_files_invalid", lang), icon=":material/warning:")
    state_from_url("part", PARTS[0], one_of(*PARTS))
    st.segmented_control(
        t("edit_part", lang),
        PARTS,
        key="part",
        format_func=lambda part: t(f"part_{part}", lang),
        on_change=state_to_url,
        args=("part", PARTS[0]),
        required=True,
    )
    state_to_url("part", PARTS[0])
    editing = Editing(lang, viewer, data_dir(), frame.dataset, loaded.errors, date.today())
    parts[st.session_state["part"]](editing)


def _who(viewer: StaffViewer, lang: str) -> None:
    """Who saves: the signed-in name and Sign out; else why nothing can be saved here, and where to sign in."""
    if viewer.name:
        st.html(signed_in_html(viewer.name, lang))
    elif os.environ.get(PROXY_SECRET_ENV):
        suffix = "&lang=en" if lang == "en" else ""
        st.warning(t("edit_sign_in", lang), icon=":material/login:")
        # A link in this tab (st.link_button opens a new one): the sign-in page comes back here.
        st.html(
            html(
                '<p class="kb kb-note"><a href="{}" target="_self">{}</a></p>',
                f"{SIGN_IN}?next=/edit{suffix}",
                t("edit_sign_in_link", lang),
            )
        )
    else:
        st.info(t("edit_no_deploy", lang), icon=":material/info:")
