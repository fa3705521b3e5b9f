"""2024 targets versus progress: one explainable status per target or milestone.

Why this shape: leaders ask "how are we doing against the year?" (序时进度). A numeric target is judged
by its pace: the share of the target reached, divided by the share of the period elapsed on the as-of
date. Bands follow Open SDG: pace ≥ 95 % is on track, 60–95 % needs acceleration, below 60 % lagging.
Every input of the judgement is returned, so the page can show how a status was computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpi.model import (IndicatorsFile, Milestone, MilestoneEntry, MilestoneStatus, ProgressEntry, Target,
                       TargetStatus, Text)
from kpi.periods import parse_period

ON_TRACK, NEEDS_ACCELERATION = 0.95, 0.60
# From worst to best: the order behind "more progress never gives a worse status".
TARGET_ORDER: tuple[TargetStatus, ...] = ("overdue", "lagging", "needs_acceleration", "on_track", "achieved", "not_reported")


@dataclass(frozen=True)
class TargetAssessment:
    """A target's status and everything that went into it."""

    status: TargetStatus
    computed: TargetStatus  # before any manual override
    override_reason: Text | None
    as_of: date
    latest: ProgressEntry | None  # the newest entry on or before as_of
    ignored_later: int  # entries dated after as_of, not counted
    reached: float | None  # latest value
    percent: float | None  # reached ÷ target × 100 (None for a zero target)
    expected: float  # share of the period elapsed on as_of, 0–1
    pace: float | None  # at least: percent ÷ expected; at most: its mirror


@dataclass(frozen=True)
class MilestoneAssessment:
    status: MilestoneStatus
    computed: MilestoneStatus
    override_reason: Text | None
    as_of: date
    latest: MilestoneEntry | None
    ignored_later: int


def elapsed_share(period: str, as_of: date) -> float:
    """Share of the period elapsed by the end of as_of (0 before it starts, 1 after it ends)."""
    start, end = parse_period(period)
    days = (as_of - start).days + 1
    return min(max(days / ((end - start).days + 1), 0.0), 1.0)


def _band(pace: float) -> TargetStatus:
    if pace >= ON_TRACK:
        return "on_track"
    return "needs_acceleration" if pace >= NEEDS_ACCELERATION else "lagging"


def _pace(comparison: str, reached: float, goal: float, expected: float) -> float | None:
    """At least/exactly: reached ÷ (expected × goal). At most: the mirror, allowance ÷ use."""
    allowance = expected * goal
    if comparison == "at_most":
        return float("inf") if reached == 0 else allowance / reached
    return None if allowance == 0 else reached / allowance


def _computed_status(target: Target, reached: float | None, expected: float, ended: bool) -> tuple[TargetStatus, float | None]:
    if reached is None:
        return "not_reported", None
    pace = _pace(target.comparison, reached, target.value, expected)
    if target.comparison == "at_most":
        if reached > target.value:
            return ("overdue" if ended else "lagging"), pace
        return ("achieved" if ended else _band(pace)), pace
    if reached >= target.value:
        return "achieved", pace
    if ended:
        return "overdue", pace
    return ("lagging" if pace is None else _band(pace)), pace


def _latest_by(entries: list, as_of: date) -> tuple:
    """The newest entry dated on or before as_of (or None), and how many entries come after it."""
    counted = [e for e in entries if e.date <= as_of]
    return max(counted, key=lambda e: e.date, default=None), len(entries) - len(counted)


def assess_target(target: Target, as_of: date) -> TargetAssessment:
    """The status of a numeric target on a date."""
    latest, ignored_later = _latest_by(target.progress, as_of)
    reached = None if latest is None else latest.value
    expected = elapsed_share(target.period, as_of)
    ended = as_of > parse_period(target.period)[1]
    computed, pace = _computed_status(target, reached, expected, ended)
    percent = None if reached is None or target.value == 0 else reached / target.value * 100
    override = target.override
    return TargetAssessment(override.status if override else computed, computed, override.reason if override else None,
                            as_of, latest, ignored_later, reached, percent, expected, pace)


def assess_milestone(milestone: Milestone, as_of: date) -> MilestoneAssessment:
    """The status of a milestone on a date: its latest reported state, overdue once the period is over."""
    latest, ignored_later = _latest_by(milestone.progress, as_of)
    computed: MilestoneStatus = "not_reported" if latest is None else latest.status
    if latest is not None and latest.status != "done" and as_of > parse_period(milestone.period)[1]:
        computed = "overdue"
    override = milestone.override
    return MilestoneAssessment(override.status if override else computed, computed,
                               override.reason if override else None, as_of, latest, ignored_later)


def assess_all(content: IndicatorsFile, as_of: date) -> dict[str, TargetAssessment | MilestoneAssessment]:
    """Every target's and milestone's assessment on one date, by id."""
    assessed: dict[str, TargetAssessment | MilestoneAssessment] = {t.id: assess_target(t, as_of) for t in content.targets}
    return assessed | {m.id: assess_milestone(m, as_of) for m in content.milestones}
