"""How a closed plan year's commitments ended, for the overview: the meeting's first question is "did we do what we
promised?", so it comes right after the year's results and before the new plan year.

Why only when the report that reviews the year is in: a plan year's outcomes come from the next report (achieved,
missed, done, not done, not mentioned). Before it, the year's items await that report, which the header says once;
a what-if date inside the year shows the year as it stood then, on the targets page.
"""

from __future__ import annotations

from datetime import date

from components.views.charts import target_words
from components.views.commitments import assessments, status_chip, status_counts
from components.views.html import Markup, html, join, link, table
from components.views.once import per_day
from components.views.page import view_params
from components.views.targets import assessed_target, reached_words
from kpi.data.dataset import Dataset
from kpi.data.model import Report
from kpi.periods import parse_period
from kpi.status import STATUSES
from kpi.texts import status_words, t, text


def closing_report(dataset: Dataset, as_of: date) -> Report | None:
    """The newest report, when it reviews a plan year the data holds commitments for and that year is over on `as_of`."""
    report = dataset.vintage.report
    if report.reviews not in dataset.plan_years or as_of <= parse_period(str(report.reviews))[1]:
        return None
    return report


@per_day
def closed_year(dataset: Dataset, as_of: date, lang: str) -> Markup:
    """Each state of the closed year with its count (a link to those items), then each numeric target as target →
    result → state; nothing when no report has closed a year (see `closing_report`)."""
    report = closing_report(dataset, as_of)
    if report is None:
        return Markup()
    year = report.reviews
    assessed = assessments(dataset, as_of)
    counts = status_counts(dataset, assessed, year)
    keep = view_params(lang, as_of)
    states = join(
        (
            link(
                "targets",
                html("{} <b>{}</b>", status_chip(s.id, lang, year), counts[s.id]),
                year=str(year),
                status=s.id,
                **keep,
            )
            for s in STATUSES
            if counts[s.id]
        ),
        " ",
    )
    targets = dataset.planned(year)[0]
    rows = [
        (
            text(x.name, lang),
            f"{target_words(x, lang)} → {reached_words(x, assessed_target(assessed, x), lang) or '—'}",
            status_words(assessed[x.id].status, lang, year),
        )
        for x in targets
    ]
    listed = table((t("col_target", lang), t("col_target_result", lang), t("status", lang)), rows) if rows else ""
    source = t("closed_source", lang, report=text(report.title, lang), date=report.published.isoformat())
    return html(
        '<div class="kb"><h2>{}</h2><p class="kb-src">{} · {}</p><p class="kb-statuses">{}</p>{}</div>',
        t("closed_heading", lang, year=year),
        source,
        link("source", t("read_report", lang), report=report.id, **keep),
        states,
        listed,
    )
