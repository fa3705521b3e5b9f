"""The status table (kpi/status.py): one row per status, in reading order, each with what it may describe."""

from __future__ import annotations

from typing import get_args

import pytest

from kpi.status import BY_ID, STATUSES, MilestoneStatus, TargetStatus, status_rank


def test_each_status_is_listed_once_and_found_by_its_id():
    assert len({s.id for s in STATUSES}) == len(STATUSES) and list(BY_ID) == [s.id for s in STATUSES]


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        (
            TargetStatus,
            (
                "missed",
                "lagging",
                "needs_acceleration",
                "on_track",
                "achieved",
                "not_due",
                "not_reported",
                "not_mentioned",
                "outcome_missing",
            ),
        ),
        (
            MilestoneStatus,
            (
                "not_done",
                "in_progress",
                "done",
                "not_started",
                "not_due",
                "not_reported",
                "not_mentioned",
                "outcome_missing",
            ),
        ),
    ],
)
def test_the_models_allowed_values_come_from_the_table_in_its_order(literal, expected):
    assert get_args(literal) == expected


@pytest.mark.parametrize(("status", "rank"), [("missed", 0), ("not_done", 1), ("achieved", 6), ("outcome_missing", 12)])
def test_a_status_ranks_by_its_place_in_the_table(status, rank):
    assert status_rank(status) == rank


def test_the_neutral_statuses_come_last():
    assert [s.neutral for s in STATUSES] == sorted(s.neutral for s in STATUSES)
    assert {s.id for s in STATUSES if s.neutral} == {"not_due", "not_reported", "not_mentioned", "outcome_missing"}
