"""How a plan year stands, for the public and for leaders: each status with its count, and the numeric commitments.

Why neutral words for what is still to come: once a plan year is over, its outcomes arrive with the next report.
Until staff enter them the public reads "awaiting the next report", never a to-do list; the to-do list, with the
lines to edit, is on the data-check page.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from components.charts import target_words
from components.html import esc, link, table
from components.once import per_day
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


def view_params(lang: str, as_of: date) -> dict[str, str]:
    """What a link keeps of the viewer's view: the language, and a what-if date."""
    return {"lang": "en" if lang == "en" else "", "as_of": "" if as_of == date.today() else as_of.isoformat()}


def status_chip(status: str, lang: str, year: int) -> str:
    return f'<span class="kb-status kb-{BY_ID[status].colour}">{esc(status_words(status, lang, year))}</span>'


def status_line(dataset: Dataset, as_of: date, year: int, lang: str) -> str:
    """Each status of the plan year with its count, in reading order, each a link to the matching items."""
    counts = status_counts(dataset, assessments(dataset, as_of), year)
    parts = [link("targets", f"{status_chip(s.id, lang, year)} <b>{counts[s.id]}</b>", year=str(year), status=s.id,
                  **view_params(lang, as_of)) for s in STATUSES if counts[s.id]]
    return f'<p class="kb-statuses">{" ".join(parts)}</p>'


@per_day
def commitments(dataset: Dataset, as_of: date, year: int, lang: str) -> str:
    """The plan year at a glance: how its items stand, then each numeric target with its status."""
    assessed = assessments(dataset, as_of)
    targets, milestones = dataset.planned(year)
    rows = [(text(x.name, lang), target_words(x, lang), status_words(assessed[x.id].status, lang, year)) for x in targets]
    listed = table((t("col_target", lang), t("col_value", lang), t("status", lang)), rows) if rows else ""
    more = link("targets", esc(t("all_commitments", lang, targets=len(targets), milestones=len(milestones))) + " →",
                year=str(year), **view_params(lang, as_of))
    heading = esc(t("plan_status", lang, year=year))
    return f'<div class="kb"><h2>{heading}</h2>{status_line(dataset, as_of, year, lang)}{listed}<p>{more}</p></div>'
