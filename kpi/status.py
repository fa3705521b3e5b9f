"""The statuses a target or milestone can have: one table, in reading order, with its icon and its words.

Why one table: the model's allowed values, the status engine, the pages, the command line and the tests all
speak of the same statuses; each reads them from here, so a status cannot be added in one place and missed
in another. The order is the order a reader meets them, from worst to best (what fell short, what is behind,
what is running, what was reached), then the neutral states (no entry yet; not mentioned by the next report;
its outcome still to come).

Why no words function here: the model reads this table for its allowed values, and the model must not depend on the
UI's catalogue (kpi/texts.py); `status_words`, which words a status with the catalogue's "overridden", lives there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal


@dataclass(frozen=True)
class Status:
    """A status: which items can have it, how it looks (symbol for tables, icon and colour for badges), its words."""

    id: str
    targets: bool  # a numeric target can have it
    milestones: bool  # a milestone can have it
    symbol: str  # plain text, for tables and CSV, where icons cannot render
    icon: str
    colour: str
    words: tuple[str, str]  # {year} is the plan year
    neutral: bool = False  # says nothing of how the work went: left out of "how it stands" counts


STATUSES: tuple[Status, ...] = (
    Status("missed", True, False, "✖", ":material/cancel:", "red", ("未达成", "Missed")),
    Status("not_done", False, True, "✖", ":material/cancel:", "red", ("未完成", "Not done")),
    Status("lagging", True, False, "↘", ":material/trending_down:", "orange", ("滞后", "Lagging")),
    Status("needs_acceleration", True, False, "⚠", ":material/speed:", "orange", ("需加快", "Needs acceleration")),
    Status("on_track", True, False, "↗", ":material/trending_up:", "blue", ("进度正常", "On track")),
    Status("in_progress", False, True, "◐", ":material/pending:", "blue", ("推进中", "In progress")),
    Status("achieved", True, False, "✔", ":material/check_circle:", "green", ("已达成", "Achieved")),
    Status("done", False, True, "✔", ":material/check_circle:", "green", ("已完成", "Done")),
    Status("not_started", False, True, "○", ":material/radio_button_unchecked:", "gray", ("未开始", "Not started")),
    # Judged in a season or at the year's end only (the report's words, `due`): before then neither behind nor late.
    Status(
        "not_due",
        True,
        True,
        "◷",
        ":material/event_upcoming:",
        "gray",
        ("未到期", "Not due yet"),
        neutral=True,
    ),
    Status(
        "not_reported",
        True,
        True,
        "…",
        ":material/hourglass_empty:",
        "gray",
        ("尚无进展报告", "No progress reported yet"),
        neutral=True,
    ),
    Status(
        "not_mentioned",
        True,
        True,
        "–",
        ":material/remove:",
        "gray",
        ("{year}年报告未提及", "Not mentioned in the {year} report"),
        neutral=True,
    ),
    # The plan year is over and the next report's outcome is not in the data yet: a to-do for staff (the data-check
    # page), which the public reads as what it is, an outcome still to come, never as a failure.
    Status(
        "outcome_missing",
        True,
        True,
        "⋯",
        ":material/schedule:",
        "gray",
        ("待下一份报告", "Awaiting the next report"),
        neutral=True,
    ),
)
BY_ID = {status.id: status for status in STATUSES}
if TYPE_CHECKING:
    # A type checker cannot read a Literal built from the table; to it a status is a string (pydantic, at run time,
    # still refuses any id the table lacks).
    TargetStatus = str
    MilestoneStatus = str
else:
    TargetStatus = Literal[tuple(s.id for s in STATUSES if s.targets)]
    MilestoneStatus = Literal[tuple(s.id for s in STATUSES if s.milestones)]


def status_rank(status: str) -> int:
    """Position in reading order (0 first)."""
    return [s.id for s in STATUSES].index(status)
