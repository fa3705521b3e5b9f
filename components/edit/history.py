"""History (issue 29, item 6): every change to the data — who, when, what, the diff — and an undo, which is a change
like any other: checked, previewed, saved and recorded (kpi/edit/history.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.edit.flow import change_panel
from components.edit.page import Editing
from kpi.edit.history import GitError, diff, log, undo
from kpi.local_time import shanghai_time
from kpi.texts import t

LIMIT = 200


def history_part(ed: Editing) -> None:
    """The changes, newest first; one chosen shows its diff and can be undone."""
    lang = ed.lang
    try:
        entries = log(ed.directory, LIMIT)
    except GitError:
        entries = []  # no history yet: the deploy creates it, the first save too
    if not entries:
        st.info(t("history_empty", lang))
        return
    by_id = {entry.commit: entry for entry in entries}
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("history_when", lang): shanghai_time(entry.when, lang),
                    t("history_who", lang): t("history_server", lang) if entry.author == "server" else entry.author,
                    t("history_what", lang): entry.summary,
                    t("history_files", lang): ", ".join(entry.files),
                }
                for entry in entries
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    inputs = ed.inputs("history")
    inputs.restore()  # after an undo is saved: the same change stays chosen
    chosen = st.selectbox(
        t("history_choose", lang),
        list(by_id),
        key=inputs.field("commit", "choice"),
        format_func=lambda c: f"{by_id[c].short} · {by_id[c].summary}",
    )
    st.code(diff(ed.directory, chosen), language="diff")
    st.caption(t("history_undo_help", lang))
    change_panel(
        inputs,
        lambda: undo(ed.directory, chosen),
        ed.directory,
        ed.dataset,
        lang,
        ed.viewer.may_save,
        check_label=t("button_undo", lang),
    )
