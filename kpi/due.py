"""Which reports are due and not entered on a given day: the staff's next step, from the data's years and a date.

Why from the data: the report comes each January and reviews the year before it, so the report on the newest plan
year is due once that year's following January is over; no year is written in code, and a test names its date.
"""

from __future__ import annotations

from datetime import date

from kpi.data.dataset import Dataset

DUE_MONTH = 2  # the report is published in January: due once January is over, on the 1st of February


def due_date(year: int) -> date:
    """The day the report on `year` counts as late: the 1st of February of the year after."""
    return date(year + 1, DUE_MONTH, 1)


def due_reports(dataset: Dataset, as_of: date) -> list[int]:
    """The years whose report is due on `as_of` and not entered, oldest first: the first is the one to enter next
    (its outcomes are those of the newest plan year), the later ones follow it."""
    year, due = max(report.plans for report in dataset.content.reports), []
    while due_date(year) <= as_of:
        due.append(year)
        year += 1
    return due


def report_id(year: int) -> str:
    """The id a new report on `year` takes, as the shipped ones do (report_2023 reviews 2023)."""
    return f"report_{year}"
