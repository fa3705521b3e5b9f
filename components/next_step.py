"""For staff, first on the data-check page: the report that is due and not entered, and the two ways to enter it.

Why first: once January's report is out, every outcome of the plan year waits for it, and the page listed them one by
one with "add an outcome at this line", never naming the draft that proposes them all. The editing page's "New
report" and `python -m kpi draft` are the same draft (kpi/draft/review.py); staff choose where they work.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from kpi.data.dataset import Dataset
from kpi.data.model import Milestone, Target
from kpi.due import due_date, due_reports, report_id
from kpi.texts import t

EDIT_PAGE = "pages/edit.py"


def draft_commands(year: int) -> str:
    """The command line's way, as the README's "New report" gives it: draft, (review the file), apply, validate."""
    report = report_id(year)
    return "\n".join(
        [
            f".venv/bin/python -m kpi draft source/{report}.txt --report {report} --out draft_{year}.yaml",
            f".venv/bin/python -m kpi apply draft_{year}.yaml",
            ".venv/bin/python -m kpi validate",
        ]
    )


def next_step(dataset: Dataset, assessed: dict, as_of: date, lang: str) -> int | None:
    """The due report's block, when one is due on `as_of`; returns the year it reviews (None when none is due)."""
    due = due_reports(dataset, as_of)
    if not due:
        return None
    year = due[0]
    targets, milestones = dataset.planned(year)
    items: list[Target | Milestone] = [*targets, *milestones]
    waiting = sum(assessed[x.id].status == "outcome_missing" for x in items)
    with st.container(border=True):
        st.subheader(t("next_step", lang, year=year), anchor="next")
        st.markdown(t("next_step_why", lang, year=year, due=due_date(year).year, n=waiting))
        st.markdown(t("next_step_page", lang))
        st.page_link(
            EDIT_PAGE,
            label=t("next_step_link", lang),
            icon=":material/post_add:",
            query_params={"part": "report", **({"lang": lang} if lang != "zh" else {})},
        )
        st.caption(t("next_step_command", lang))
        # Each command as inline code that wraps: a code block's highlighter fails contrast, and unhighlighted it is a
        # scroll box a keyboard cannot reach.
        st.markdown("\n".join(f"- `{command}`" for command in draft_commands(year).splitlines()))
        if len(due) > 1:
            st.caption(
                t(
                    "next_step_later",
                    lang,
                    years="、".join(map(str, due[1:])) if lang == "zh" else ", ".join(map(str, due[1:])),
                )
            )
    return year
