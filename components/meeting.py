"""Meeting mode for the projector: no chrome, larger text, and an optional page rotation (a TV playlist).

Why a fragment timer: Streamlit has no playlist. A fragment that reruns every N seconds switches to the
next page once the page has been shown for N seconds; a full run of any page restarts the clock, so the
session is reused (no new sessions, nothing accumulating) however long the rotation runs. A page taller
than the screen moves a whole screen at a time during its turn, pausing on each, so its charts are seen too.
"""

from __future__ import annotations

import json
import time

import streamlit as st

from components.url_state import state_to_url
from kpi.texts import t

ROTATE_MIN, ROTATE_MAX = 5, 3600
_DUE = "rotation_due"
_PAUSED = "rotation_paused"

# Move through the page a whole screen at a time, each screen held still for an equal share of the turn: a room reads a
# still screen, not a scrolling one. The page's path is part of the script, so each page of a rotation gets a script of
# its own and moves in its turn (an identical element would be kept by the browser, and only the first page would move).
_SCREENS = """<script>
(() => {{
  const page = {page}, turn = {seconds} * 1000, start = performance.now();
  const step = () => {{
    const doc = window.parent.document, main = doc.querySelector('[data-testid="stMain"]') || doc.scrollingElement;
    const screen = main.clientHeight, screens = Math.max(1, Math.ceil((main.scrollHeight - 2) / screen));
    const shown = Math.min(screens - 1, Math.floor((performance.now() - start) / (turn / screens)));
    main.scrollTop = shown * screen;
    if (performance.now() - start < turn) setTimeout(step, 200);
  }};
  step();
}})();
</script>"""


def parse_rotate(raw: str) -> int | None:
    """`?rotate=30` → 30 seconds; anything else (or out of range) is ignored."""
    return int(raw) if raw.isdigit() and ROTATE_MIN <= int(raw) <= ROTATE_MAX else None


def leave_meeting() -> None:
    """Button callback: back to the normal view, in the session and in the URL."""
    st.session_state.update(mode="", rotate=0)
    for key, default in (("mode", ""), ("rotate", 0)):
        state_to_url(key, default)


def meeting_bar(playlist: list[st.Page], page: st.Page, seconds: int, lang: str) -> None:
    """The way out, and when rotating, the pause button and the timer that moves to the next page."""
    with st.container(horizontal=True, gap="small"):
        st.button(
            t("exit_meeting", lang), icon=":material/close_fullscreen:", key="exit_meeting", on_click=leave_meeting
        )
        if seconds:
            position = next((i for i, p in enumerate(playlist) if p.url_path == page.url_path), -1)
            _rotation(playlist[(position + 1) % len(playlist)], page.url_path, seconds, lang)


def _rotation(next_page: st.Page, page_path: str, seconds: int, lang: str) -> None:
    st.session_state[_DUE] = time.monotonic() + seconds
    paused = st.session_state.get(_PAUSED, False)
    st.button(
        t("resume" if paused else "pause", lang, seconds=seconds),
        key="rotation_button",
        icon=":material/play_arrow:" if paused else ":material/pause:",
        on_click=lambda: st.session_state.update({_PAUSED: not paused}),
    )
    if not paused:
        st.html(_SCREENS.format(seconds=seconds, page=json.dumps(page_path)), unsafe_allow_javascript=True)

    @st.fragment(run_every=seconds)
    def tick() -> None:
        if not st.session_state.get(_PAUSED) and time.monotonic() >= st.session_state[_DUE] - 0.5:
            st.switch_page(next_page)

    tick()
