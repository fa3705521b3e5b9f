"""A status as a badge: icon, words and colour together (never colour alone)."""

from __future__ import annotations

import streamlit as st

from kpi.status import BY_ID
from kpi.texts import t, text


def status_badge(status: str, lang: str, year: int, overridden: bool = False, count: int | None = None) -> None:
    """A coloured badge that also carries an icon and words, optionally with a count."""
    shown = BY_ID[status]
    label = text(shown.words, lang).format(year=year) + (t("overridden", lang) if overridden else "")
    st.badge(label if count is None else f"{label} {count}", icon=shown.icon, color=shown.colour)
