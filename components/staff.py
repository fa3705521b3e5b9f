"""Who may open the data-check page: anyone on a server of its own, only staff behind the deploy's nginx.

Why the app asks too, not only nginx: Streamlit draws every page over one websocket, so a viewer who may not load
/check could still ask for its page over the websocket of any other page. Behind scripts/deploy/, nginx tells each
websocket whether its viewer is staff (an allowed network, or the staff cookie it sets after the password), in a
header a viewer cannot set; the deploy sets KPI_STAFF_HEADER so the app reads it.
"""

from __future__ import annotations

import os

import streamlit as st

STAFF_HEADER_ENV = "KPI_STAFF_HEADER"  # the header nginx sets: X-Kpi-Staff
STAFF_HEADER = "X-Kpi-Staff"


def is_staff() -> bool:
    """Whether this viewer may see the staff's lists (always, without the deploy's nginx in front)."""
    if not os.environ.get(STAFF_HEADER_ENV):
        return True
    return st.context.headers.get(STAFF_HEADER) == "1"
