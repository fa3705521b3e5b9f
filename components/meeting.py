"""Meeting mode for the projector: no chrome, larger tiles, and an optional page rotation (a TV playlist).

Why a fragment timer: Streamlit has no playlist. A fragment that reruns every N seconds switches to the
next page once the page has been shown for N seconds; a full run of any page restarts the clock, so the
session is reused (no new sessions, nothing accumulating) however long the rotation runs.
"""

from __future__ import annotations

import time

import streamlit as st

from components.texts import t
from components.url_state import state_to_url

ROTATE_MIN, ROTATE_MAX = 5, 3600
_DUE = "rotation_due"
_PAUSED = "rotation_paused"

# Only the size of text changes, and only in meeting mode: nothing from the YAML goes into this.
_LARGE_TEXT = """<style>
[data-testid="stMetricValue"] { font-size: 3.2rem; }
[data-testid="stMetricLabel"] p { font-size: 1.35rem; }
</style>"""


def parse_rotate(raw: str) -> int | None:
    """`?rotate=30` → 30 seconds; anything else (or out of range) is ignored."""
    return int(raw) if raw.isdigit() and ROTATE_MIN <= int(raw) <= ROTATE_MAX else None


def leave_meeting() -> None:
    """Button callback: back to the normal view, in the session and in the URL."""
    st.session_state.update(mode="", rotate=0)
    for key, default in (("mode", ""), ("rotate", 0)):
        state_to_url(key, default)


def enlarge_text() -> None:
    st.html(_LARGE_TEXT)


def rotation(next_page: st.Page, seconds: int, lang: str) -> None:
    """Switch to `next_page` after `seconds`, with a pause button."""
    st.session_state[_DUE] = time.monotonic() + seconds
    paused = st.session_state.get(_PAUSED, False)
    st.button(t("resume" if paused else "pause", lang, seconds=seconds), key="rotation_button",
              icon=":material/play_arrow:" if paused else ":material/pause:",
              on_click=lambda: st.session_state.update({_PAUSED: not paused}))

    @st.fragment(run_every=seconds)
    def tick() -> None:
        if not st.session_state.get(_PAUSED) and time.monotonic() >= st.session_state[_DUE] - 0.5:
            st.switch_page(next_page)

    tick()
