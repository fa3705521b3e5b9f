"""Widget state that lives in the URL, so a shared link reproduces the view.

Why not `bind="query-params"`: with a `format_func`, Streamlit 1.67 puts the *displayed* label in the
URL (?lang=English, or a theme's Chinese name that changes with the language). Here the URL holds the
stable value (?lang=en, ?theme=economy), anything unparseable is ignored, and defaults stay out of it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st


def one_of(*allowed: str) -> Callable[[str], str | None]:
    """A parser that accepts only the given values."""
    return lambda raw: raw if raw in allowed else None


def iso_date(raw: str) -> date | None:
    """A parser for YYYY-MM-DD; anything else is ignored."""
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        return None


def state_from_url(key: str, default: Any, parse: Callable[[str], Any], sticky: bool = False) -> None:
    """Set the widget `key`'s value from ?key= before it is drawn; unknown values give the default.

    Sticky values (language, meeting mode, as-of date) keep the session's choice when a page change has
    dropped them from the URL; the caller then writes them back with `state_to_url`.
    """
    raw = st.query_params.get(key)
    value = parse(raw) if raw is not None else None
    if value is not None:
        st.session_state[key] = value
    elif not sticky or key not in st.session_state:
        st.session_state[key] = default


def state_to_url(key: str, default: Any) -> None:
    """Write the widget `key`'s value to ?key= (removed when it is the default). Use as on_change too."""
    value = st.session_state.get(key)
    text = None if value is None or value == default else (value.isoformat() if isinstance(value, date) else str(value))
    if text is None:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text
