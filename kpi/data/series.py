"""A figure across reports: one observation per period, each from the newest report that states it.

Why not just a list of values: every January's report reviews a new year and sometimes restates an
earlier one (a figure revised once the year's books are closed). Both statements stay, each with its
sentence; the newest report's is the one shown, and the older ones are there to compare.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kpi.data.model import Indicator, Report, Value
from kpi.periods import parse_period


@dataclass(frozen=True)
class Statement:
    """What one report says a figure was for one period."""

    value: Value
    report: Report


@dataclass(frozen=True)
class Observation:
    """A figure for one period: the newest report's statement, and earlier statements it replaces."""

    period: str
    current: Statement
    earlier: tuple[Statement, ...]  # newest first

    @property
    def value(self) -> Value:
        return self.current.value

    def revised(self) -> tuple[Statement, ...]:
        """Earlier statements that gave a different figure (a revision, not just a repetition)."""
        now = (self.value.value, self.value.qualifier)
        return tuple(s for s in self.earlier if (s.value.value, s.value.qualifier) != now)


def report_order(report: Report) -> tuple:
    """Reports sort by publication date: the newest report speaks last."""
    return report.published, report.id


def observations(indicator: Indicator, reports: Mapping[str, Report]) -> list[Observation]:
    """Every period of a figure in time order, each with the newest report's statement first."""
    by_period: dict[str, list[Statement]] = {}
    for value in indicator.values:
        by_period.setdefault(value.period, []).append(Statement(value, reports[value.source.report]))
    result = []
    for period, statements in by_period.items():
        newest_first = sorted(statements, key=lambda s: report_order(s.report), reverse=True)
        result.append(Observation(period, newest_first[0], tuple(newest_first[1:])))
    return sorted(result, key=lambda o: parse_period(o.period)[::-1])
