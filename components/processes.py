"""For staff, on the data-check page: the deploy's processes as supervisord sees them, and the publisher's pulse.

Why here: a killed process comes back within seconds (scripts/deploy runs everything under supervisord), so what
staff need to see is whether something keeps dying (its unexpected exits), and whether the publisher is still
writing the public pages (its heartbeat, refreshed on every loop; stale after 30 s). Without supervisord (plain
`streamlit run`, AppTest) the section says so.
"""

from __future__ import annotations

import os
import xmlrpc.client
from datetime import UTC, datetime, timedelta

import pandas as pd
import streamlit as st

from components.publish import read_status, site_dir
from components.supervisor import SOCKET_ENV, processes
from kpi.local_time import shanghai_time
from kpi.texts import t

STALE_AFTER_S = 30


def supervised_processes(lang: str) -> None:
    """Each supervised process's state, unexpected exits and uptime; then the publisher's heartbeat and last write."""
    st.subheader(t("check_processes", lang))
    path = os.environ.get(SOCKET_ENV)
    if not path:
        st.caption(t("processes_unsupervised", lang))
        return
    try:
        found = processes(path)
    except (OSError, xmlrpc.client.Error) as exc:
        st.warning(t("processes_unreachable", lang, error=type(exc).__name__), icon=":material/warning:")
        return
    now = datetime.now(UTC)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("col_process", lang): p.name,
                    t("col_state", lang): p.state,
                    t("col_restarts", lang): p.restarts,
                    t("col_uptime", lang): str(timedelta(seconds=int(p.uptime))) if p.state == "RUNNING" else "—",
                    t("col_started", lang): shanghai_time(now - timedelta(seconds=int(p.uptime)), lang)
                    if p.state == "RUNNING"
                    else "—",
                }
                for p in found
            ]
        ),
        hide_index=True,
    )
    publisher_pulse(lang)


def heartbeat_age(heartbeat: str, now: datetime | None = None) -> float | None:
    """Seconds since the publisher's heartbeat (ISO time with its zone); None when there is none or it is unreadable."""
    try:
        beat = datetime.fromisoformat(heartbeat)
    except (TypeError, ValueError):
        return None
    return ((now or datetime.now(beat.tzinfo)) - beat).total_seconds()


def publisher_pulse(lang: str) -> None:
    """The publisher's last heartbeat and last write; a warning when the heartbeat is missing or older than 30 s."""
    status = read_status(site_dir())
    beat = getattr(status, "heartbeat", "") if status else ""  # the publisher's status.json field (contracts)
    written = shanghai_time(status.written if status else None, lang)
    age, at = heartbeat_age(beat), shanghai_time(beat, lang)
    if age is None or age > STALE_AFTER_S:
        st.warning(t("publisher_stale", lang, at=at, written=written, s=STALE_AFTER_S), icon=":material/warning:")
    else:
        st.caption(t("publisher_pulse", lang, at=at, written=written))
