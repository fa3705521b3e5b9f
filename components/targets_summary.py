"""How a plan year stands, most urgent first: what staff must enter, what was missed, then the rest."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from components.frame import Frame
from kpi.progress import MilestoneAssessment, TargetAssessment, assess_all
from kpi.status import STATUSES
from kpi.texts import t, text

Assessed = dict[str, TargetAssessment | MilestoneAssessment]


def assessments(frame: Frame) -> Assessed:
    """Every status on the frame's date (see Frame.dated)."""
    return frame.dated(("assessments",), lambda: assess_all(frame.dataset.content, frame.as_of))


def status_counts(frame: Frame, year: int, assessed: Assessed) -> Counter[str]:
    targets, milestones = frame.dataset.planned(year)
    return Counter(assessed[item.id].status for item in [*targets, *milestones])


def plan_summary(frame: Frame, year: int, assessed: Assessed) -> None:
    """A red notice when outcomes are missing (an action for staff), then one link per status with its count."""
    lang = frame.lang
    counts = status_counts(frame, year, assessed)
    if counts["outcome_missing"]:
        st.error(t("outcomes_missing", lang, n=counts["outcome_missing"], year=year), icon=":material/edit_note:")
    with st.container(horizontal=True, gap="small"):
        for status in STATUSES:
            if counts[status.id]:
                st.page_link(frame.pages["targets"], label=f"{text(status.words, lang).format(year=year)} **{counts[status.id]}**",
                             icon=status.icon, query_params={"year": str(year), "status": status.id})


def earlier_years_missing(frame: Frame, assessed: Assessed) -> None:
    """Older plan years whose outcomes are still not entered: they stay on the first screen until they are."""
    for year in frame.dataset.plan_years[:-1]:
        missing = status_counts(frame, year, assessed)["outcome_missing"]
        if missing:
            st.page_link(frame.pages["targets"], label=t("earlier_missing", frame.lang, year=year, n=missing),
                         icon=":material/edit_note:", query_params={"year": str(year), "status": "outcome_missing"})
