"""Tell staff, in the app, what is wrong with the data files (as the validate command would)."""

from __future__ import annotations

import streamlit as st

from kpi.errors import DataError
from kpi.texts import t

MAX_SHOWN = 30


def data_errors_notice(errors: list[DataError], lang: str, have_data: bool) -> None:
    """A warning above the page (or an error when nothing can be shown), the messages, and the staff page."""
    lines = "\n".join(e.format(lang) for e in errors[:MAX_SHOWN])
    more = f"\n… (+{len(errors) - MAX_SHOWN})" if len(errors) > MAX_SHOWN else ""
    show = st.warning if have_data else st.error
    show(t("data_errors" if have_data else "data_broken", lang), icon=":material/warning:")
    st.code(lines + more, language=None, wrap_lines=True)
    if have_data:  # the data-check page needs a good copy to show alongside
        st.markdown(f"[{t('open_check', lang)}](check)")
