"""The report due and not entered, from the data's years and a named date."""

from __future__ import annotations

from datetime import date

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.due import due_date, due_reports, report_id

DATASET = load_dataset(REPO_ROOT)
NEWEST = max(r.plans for r in DATASET.content.reports)  # 2024 in the shipped data: report_2023 plans it


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(NEWEST, 12, 31), []),  # the plan year is still running
        (date(NEWEST + 1, 1, 31), []),  # the report comes in January: not late yet
        (date(NEWEST + 1, 2, 1), [NEWEST]),
        (date(NEWEST + 2, 12, 7), [NEWEST, NEWEST + 1]),  # 2026-12-07 with the shipped data: 2024's, then 2025's
    ],
)
def test_a_report_is_due_once_the_january_after_its_year_is_over(as_of, expected):
    assert due_reports(DATASET, as_of) == expected


def test_due_date_and_id():
    assert due_date(2024) == date(2025, 2, 1)
    assert report_id(2024) == "report_2024" and DATASET.latest_report.id == report_id(DATASET.latest_report.reviews)
