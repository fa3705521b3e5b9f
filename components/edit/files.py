"""Edit a file (issue 29, item 3): indicators.yaml, glossary.yaml or exclusions.yaml in the browser, for anything the
forms do not cover. No other path can be read or written through the page: the choice is this list, and the core
refuses any other path anyway (kpi/edit/check.py).

Why the text the editing started from is kept beside what is typed: if the file changes on the server meanwhile
(another staff member, an edit on the server, `kpi apply`), the save merges the two, or refuses and shows what
changed; it never writes over it.
"""

from __future__ import annotations

import streamlit as st

from components.edit.flow import change_panel
from components.edit.page import Editing
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS
from kpi.edit.change import Change
from kpi.edit.check import read_texts
from kpi.texts import t

FILES = (INDICATORS, GLOSSARY, EXCLUSIONS)


def file_part(ed: Editing) -> None:
    """The file's text in a text area, checked as a whole; its errors shown at their lines."""
    lang = ed.lang
    chosen = st.selectbox(t("field_file", lang), FILES, key="edit_file_name")
    inputs = ed.inputs(f"file:{chosen}")
    if inputs.restore():
        st.caption(":material/restore: " + t("edit_kept", lang))
    now = read_texts(ed.directory, [chosen])[chosen] or ""
    base_key, text_key = inputs.key("base"), inputs.key("text")
    if base_key not in st.session_state or text_key not in st.session_state:
        st.session_state[base_key], st.session_state[text_key] = now, now
    st.text_area(t("field_text", lang), key=text_key, height=560, on_change=inputs.keep)
    if st.session_state[text_key] != now and st.button(t("button_discard", lang), key=inputs.key("discard")):
        inputs.forget()
        st.rerun()
    typed, base = st.session_state[text_key], st.session_state[base_key]

    def make() -> Change:
        return Change(f"{chosen}: edited in the browser", {chosen: _as_file(typed, base)}, {chosen: base})
    change_panel(inputs, make, ed.directory, ed.dataset, lang, ed.viewer.may_save)


def _as_file(typed: str, base: str) -> str:
    """What was typed, with the file's own line ends: a browser sends \\n, and a Windows file keeps \\r\\n."""
    return typed.replace("\r\n", "\n").replace("\n", "\r\n") if "\r\n" in base else typed.replace("\r\n", "\n")
