"""Targets versus progress: one explainable status per target or milestone, in its plan year.

Why this shape: leaders ask "how are we doing against the year?" (序时进度). During the plan year a numeric
target is judged by its pace: the share of the target reached, divided by the share of the year elapsed
on the as-of date. Bands follow Open SDG: pace ≥ 95 % is on track, 60–95 % needs acceleration, below
60 % lagging. Once the year is over, the target is judged by its outcome — the following report's figure,
or a staff entry dated on the year's last day or later, or the report's silence ("not mentioned") — and
without one its outcome is missing: an action for staff on the data-check page. Every input of the judgement is returned, so the page can
show how a status was computed. An item the report ties to a season (暑托班: July–August) or to the year's end (an
award) is "not due" until then, and a seasonal target's pace is measured over its season (kpi/pace.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpi.data.model import IndicatorsFile, Milestone, MilestoneEntry, ProgressEntry, Target, Text
from kpi.pace import due_from, season_period
from kpi.periods import parse_period
from kpi.status import MilestoneStatus, TargetStatus

ON_TRACK, NEEDS_ACCELERATION = 0.95, 0.60
# "约10座" is not "at least 10": within 10 % of an approximate target counts as reaching it. A stated
# tolerance, shown beside every such status, rather than a silent rounding.
APPROXIMATE = 0.10


@dataclass(frozen=True)
class TargetAssessment:
    """A target's status and everything that went into it."""

    status: TargetStatus
    computed: TargetStatus  # before any manual override
    override_reason: Text | None
    as_of: date
    period: str  # the plan year (or span) the target belongs to
    latest: ProgressEntry | None  # the newest entry on or before as_of
    ignored_later: int  # entries dated after as_of, not counted
    final: float | None  # the year's outcome, once the year is over and one is recorded
    reached: float | None  # the outcome, else the latest value
    threshold: float  # the value that counts as reaching the target (约 widens it)
    percent: float | None  # reached ÷ target × 100 (None for a zero target)
    expected: float  # share of the period elapsed on as_of, 0–1
    pace: float | None  # at least: percent ÷ expected; at most: its mirror
    due: date | None = None  # not judged before this day (its season, or the year's end), when the report says so


@dataclass(frozen=True)
class MilestoneAssessment:
    status: MilestoneStatus
    computed: MilestoneStatus
    override_reason: Text | None
    as_of: date
    period: str
    latest: MilestoneEntry | None
    ignored_later: int
    due: date | None = None  # not judged before this day (its season, or the year's end), when the report says so


def elapsed_share(period: str, as_of: date) -> float:
    """Share of the period elapsed by the end of as_of (0 before it starts, 1 after it ends)."""
    start, end = parse_period(period)
    days = (as_of - start).days + 1
    return min(max(days / ((end - start).days + 1), 0.0), 1.0)


def threshold(target: Target) -> float:
    """The value that counts as reaching the target: the target, or within the tolerance for 约."""
    if target.qualifier != "about":
        return target.value
    return target.value * (1 + APPROXIMATE if target.comparison == "at_most" else 1 - APPROXIMATE)


def meets(target: Target, value: float) -> bool:
    """Whether a cumulative value reaches the target (stays within it, for "at most")."""
    return value <= threshold(target) if target.comparison == "at_most" else value >= threshold(target)


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


def _after_the_year(target: Target, final: float | None, reached: float | None) -> TargetStatus:
    if final is not None:
        return "achieved" if meets(target, final) else "missed"
    # Values are cumulative: a goal reached during the year stays reached, a ceiling passed stays passed.
    if reached is not None and target.comparison != "at_most" and meets(target, reached):
        return "achieved"
    if reached is not None and target.comparison == "at_most" and not meets(target, reached):
        return "missed"
    return "outcome_missing"


def _during_the_year(target: Target, reached: float | None, pace: float | None) -> TargetStatus:
    if reached is None:
        return "not_reported"
    if target.comparison == "at_most":
        return _band(pace) if meets(target, reached) and pace is not None else "lagging"  # at most: pace is a number
    if meets(target, reached):
        return "achieved"
    return "lagging" if pace is None else _band(pace)


def _latest_by(entries: list, as_of: date) -> tuple:
    """The newest entry dated on or before as_of (or None), and how many entries come after it."""
    counted = [e for e in entries if e.date <= as_of]
    return max(counted, key=lambda e: e.date, default=None), len(entries) - len(counted)


def assess_target(target: Target, period: str, as_of: date) -> TargetAssessment:
    """The status of a numeric target of the plan period on a date."""
    latest, ignored_later = _latest_by(target.progress, as_of)
    end = parse_period(period)[1]
    ended = as_of > end
    outcome = target.outcome if ended else None
    silent = outcome is not None and outcome.not_mentioned_in is not None  # the next report says nothing of it
    final = None
    if outcome is not None and not silent:
        final = outcome.value
    elif outcome is None and ended and latest is not None and latest.date >= end:
        final = latest.value
    reached = final if final is not None else (None if latest is None else latest.value)
    due = due_from(target, end.year)
    waiting = not ended and due is not None and as_of < due and not (reached is not None and meets(target, reached))
    expected = 0.0 if waiting else elapsed_share(season_period(target, end.year) or period, as_of)
    pace = None if reached is None or waiting else _pace(target.comparison, reached, target.value, expected)
    if silent:
        computed: TargetStatus = "not_mentioned"
    elif waiting:
        computed = "not_due"
    else:
        computed = _after_the_year(target, final, reached) if ended else _during_the_year(target, reached, pace)
    percent = None if reached is None or target.value == 0 else reached / target.value * 100
    override = target.override
    return TargetAssessment(
        override.status if override else computed,
        computed,
        override.reason if override else None,
        as_of,
        period,
        latest,
        ignored_later,
        final,
        reached,
        threshold(target),
        percent,
        expected,
        pace,
        due,
    )


def assess_milestone(milestone: Milestone, period: str, as_of: date) -> MilestoneAssessment:
    """The status of a milestone on a date: its latest state during the year, its outcome after it."""
    latest, ignored_later = _latest_by(milestone.progress, as_of)
    end = parse_period(period)[1]
    ended = as_of > end
    due = due_from(milestone, end.year)
    computed: MilestoneStatus
    if not ended and due is not None and as_of < due and (latest is None or latest.status == "not_started"):
        computed = "not_due"
    elif ended and milestone.outcome is not None:
        stated = milestone.outcome.status  # None exactly when the next report does not mention it (the model's rule)
        computed = "not_mentioned" if milestone.outcome.not_mentioned_in or stated is None else stated
    elif latest is not None and latest.status == "done":
        computed = "done"
    elif ended:
        computed = "not_done" if latest is not None and latest.date >= end else "outcome_missing"
    else:
        computed = "not_reported" if latest is None else latest.status
    override = milestone.override
    return MilestoneAssessment(
        override.status if override else computed,
        computed,
        override.reason if override else None,
        as_of,
        period,
        latest,
        ignored_later,
        due,
    )


def assess_all(content: IndicatorsFile, as_of: date) -> dict[str, TargetAssessment | MilestoneAssessment]:
    """Every target's and milestone's assessment on one date, by id, each in its report's plan year."""
    plans = {r.id: str(r.plans) for r in content.reports}
    assessed: dict[str, TargetAssessment | MilestoneAssessment] = {
        t.id: assess_target(t, plans[t.source.report], as_of) for t in content.targets
    }
    return assessed | {m.id: assess_milestone(m, plans[m.source.report], as_of) for m in content.milestones}
