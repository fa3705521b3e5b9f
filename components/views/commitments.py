"""How a plan year stands, for the public and for leaders: each status with its count, and the numeric commitments.

Why neutral words for what is still to come: once a plan year is over, its outcomes arrive with the next report.
Until staff enter them the public reads "awaiting the next report", never a to-do list; the to-do list, with the
lines to edit, is on the data-check page.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from components.views.charts import target_words
from components.views.html import Markup, html, join, link, table
from components.views.once import per_day
from components.views.page import view_params
from kpi.data.dataset import Dataset
from kpi.periods import parse_period
from kpi.progress import MilestoneAssessment, TargetAssessment, assess_all
from kpi.status import BY_ID, STATUSES
from kpi.texts import status_words, t, text

Assessed = dict[str, TargetAssessment | MilestoneAssessment]


@per_day
def assessments(dataset: Dataset, as_of: date) -> Assessed:
    """Every target's and milestone's status on a date."""
    return assess_all(dataset.content, as_of)


def status_counts(dataset: Dataset, assessed: Assessed, year: int) -> Counter[str]:
    targets, milestones = dataset.planned(year)
    return Counter(assessed[item.id].status for item in [*targets, *milestones])


def outcomes_pending(dataset: Dataset, as_of: date) -> int | None:
    """The latest plan year, when it is over on `as_of` and some of its outcomes are still to come; else None."""
    if not dataset.plan_years:
        return None
    year = dataset.plan_years[-1]
    ended = as_of > parse_period(str(year))[1]
    return year if ended and status_counts(dataset, assessments(dataset, as_of), year)["outcome_missing"] else None


def view_notes(dataset: Dataset, as_of: date, lang: str) -> list[str]:
    """Said once, beside the data's vintage: the plan year's outcomes still to come, and the date statuses are judged on
    when it matters (a plan year running on that date, or a what-if date)."""
    notes = []
    pending = outcomes_pending(dataset, as_of)
    if pending is not None:
        notes.append(t("outcomes_pending", lang, year=pending))
    running = any(parse_period(str(year))[0] <= as_of <= parse_period(str(year))[1] for year in dataset.plan_years)
    if running or as_of != date.today():
        notes.append(t("judged_on", lang, date=as_of.isoformat()))
    return notes


def status_chip(status: str, lang: str, year: int) -> Markup:
    """A status as a coloured chip: its symbol and words (never colour alone)."""
    return html('<span class="kb-status kb-{}">{}</span>', BY_ID[status].colour, status_words(status, lang, year))


def status_line(dataset: Dataset, as_of: date, year: int, lang: str) -> Markup:
    """Each status of the plan year with its count, in reading order, each a link to the matching items."""
    counts = status_counts(dataset, assessments(dataset, as_of), year)
    parts = [
        link(
            "targets",
            html("{} <b>{}</b>", status_chip(s.id, lang, year), counts[s.id]),
            year=str(year),
            status=s.id,
            **view_params(lang, as_of),
        )
        for s in STATUSES
        if counts[s.id]
    ]
    return html('<p class="kb-statuses">{}</p>', join(parts, " "))


@per_day
def commitments(dataset: Dataset, as_of: date, year: int, lang: str) -> Markup:
    """The plan year at a glance: how its items stand, then each numeric target with its status."""
    assessed = assessments(dataset, as_of)
    targets, milestones = dataset.planned(year)
    rows = [
        (text(x.name, lang), target_words(x, lang), status_words(assessed[x.id].status, lang, year)) for x in targets
    ]
    listed = table((t("col_target", lang), t("col_value", lang), t("status", lang)), rows) if rows else ""
    more = link(
        "targets",
        t("all_commitments", lang, targets=len(targets), milestones=len(milestones)) + " →",
        year=str(year),
        **view_params(lang, as_of),
    )
    return html(
        '<div class="kb"><h2>{}</h2>{}{}<p>{}</p></div>',
        t("plan_status", lang, year=year),
        status_line(dataset, as_of, year, lang),
        listed,
        more,
    )
