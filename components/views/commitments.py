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
from kpi.data.model import Milestone, Target
from kpi.due import due_date, due_reports
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
    items: list[Target | Milestone] = [*targets, *milestones]
    return Counter(assessed[item.id].status for item in items)


def outcomes_pending(dataset: Dataset, as_of: date) -> int | None:
    """The latest plan year, when it is over on `as_of` and some of its outcomes are still to come; else None."""
    if not dataset.plan_years:
        return None
    year = dataset.plan_years[-1]
    ended = as_of > parse_period(str(year))[1]
    return year if ended and status_counts(dataset, assessments(dataset, as_of), year)["outcome_missing"] else None


def view_notes(dataset: Dataset, as_of: date, lang: str) -> list[str]:
    """Said once, beside the data's vintage: a next report that is due and not entered (so nobody reads old figures
    as this year's), the plan year's outcomes still to come, and the date statuses are judged on when it matters (a
    plan year running on that date, or a what-if date)."""
    notes = []
    overdue = due_reports(dataset, as_of)  # the same rule as the staff's next step on /check (kpi/due.py)
    if overdue:
        notes.append(t("next_report_missing", lang, year=overdue[0], due=due_date(overdue[0]).year))
    pending = outcomes_pending(dataset, as_of)
    if pending is not None and not overdue:  # an overdue report's note says the outcomes come with it
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


def one_state(dataset: Dataset, as_of: date, year: int) -> str | None:
    """The status every item of the plan year has, when they all have the same one: then a list of them says nothing
    one sentence does not (158 rows of "awaiting the next report" read as text cut off)."""
    counts = status_counts(dataset, assessments(dataset, as_of), year)
    return next(iter(counts)) if len(counts) == 1 else None


def one_line(dataset: Dataset, as_of: date) -> bool:
    """Whether the latest plan year is one sentence (all its items stand alike): then it is no turn of a rotation."""
    return bool(dataset.plan_years) and one_state(dataset, as_of, dataset.plan_years[-1]) is not None


def one_state_line(status: str, n: int, year: int, lang: str) -> str:
    """The plan year in one sentence, when all its `n` items share `status`."""
    if status == "outcome_missing":
        return t("all_awaiting", lang, year=year, n=n)
    return t("all_one_state", lang, year=year, n=n, status=text(BY_ID[status].words, lang).format(year=year))


def folded(sentence: str, listed: Markup | str, n: int, lang: str, meeting: bool) -> Markup:
    """One sentence, the list a tap away; on a projector the sentence alone (nobody taps a projector)."""
    more = (
        ""
        if meeting or not listed
        else html('<details class="kb-more"><summary>{}</summary>{}</details>', t("show_list", lang, n=n), listed)
    )
    return html('<p class="kb-one-state">{}</p>{}', sentence, more)


@per_day
def commitments(dataset: Dataset, as_of: date, year: int, lang: str, meeting: bool = False) -> Markup:
    """The plan year at a glance: how its items stand, then each numeric target with its status; when all stand
    alike, one sentence with the targets a tap away."""
    assessed = assessments(dataset, as_of)
    targets, milestones = dataset.planned(year)
    state = one_state(dataset, as_of, year)
    rows: list[tuple[str, ...]] = [
        (text(x.name, lang), target_words(x, lang), status_words(assessed[x.id].status, lang, year)) for x in targets
    ]
    if state is not None:
        rows = [row[:2] for row in rows]  # the status is the sentence's
    columns = (t("col_target", lang), t("col_value", lang), t("status", lang))[: 2 if state else 3]
    listed = table(columns, rows) if rows else ""
    more = link(
        "targets",
        t("all_commitments", lang, targets=len(targets), milestones=len(milestones)) + " →",
        year=str(year),
        **view_params(lang, as_of),
    )
    if state is not None:
        line = one_state_line(state, len(targets) + len(milestones), year, lang)
        body = folded(line, listed, len(rows), lang, meeting)
    else:
        body = status_line(dataset, as_of, year, lang) + listed
    return html(
        '<div class="kb"><h2>{}</h2>{}<p class="kb-noprojector">{}</p></div>',
        t("plan_status", lang, year=year),
        body,
        more,
    )
