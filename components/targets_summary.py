"""The 2024 roll-up leaders read first: how many targets, how many reported, how many in each status."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from components.frame import Frame
from components.status import STATUS, status_badge
from components.texts import t
from kpi.progress import MilestoneAssessment, TargetAssessment

SUMMARY_WIDTH = {False: 240, True: 380}  # three small numbers in a row, also in meeting mode


def targets_summary(frame: Frame, assessed: dict[str, TargetAssessment | MilestoneAssessment]) -> None:
    """Counts of targets and milestones, reported share, and a badge per status present."""
    lang, content = frame.lang, frame.dataset.content
    groups = (("numeric_targets", content.targets), ("milestones", content.milestones))
    with st.container(horizontal=True, gap="small"):
        for label, items in groups:
            reported = sum(assessed[i.id].status != "not_reported" for i in items)
            st.metric(t(label, lang), len(items), border=True, width=SUMMARY_WIDTH[frame.meeting],
                      help=t("reported_of", lang, n=reported, m=len(items)))
        total = len(content.targets) + len(content.milestones)
        reported = sum(a.status != "not_reported" for a in assessed.values())
        st.metric(t("reported", lang), f"{reported} / {total}", border=True, width=SUMMARY_WIDTH[frame.meeting])
    counts = Counter(a.status for a in assessed.values())
    with st.container(horizontal=True, gap="small"):
        for status in STATUS:
            if counts[status]:
                status_badge(status, lang, count=counts[status])
    if reported == 0:
        st.info(t("nothing_reported", lang), icon=":material/info:")
