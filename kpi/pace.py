"""Pace that fits the commitment: when an item is due, and what "done" means for work that never finishes.

Why a module of its own: the status engine (kpi/progress.py), the targets page and the tests all ask the same two
questions, and each answer is a rule read off the report's words, not a list kept by hand. A season comes only from
the data's `due` (its words stand in the quote, `validate` checks it); whether a milestone is ongoing work is read
off the verb that opens the clause holding it (持续开展…, 深化…), unless the data says otherwise (`done_when`).
"""

from __future__ import annotations

import re
from datetime import date

from kpi.data.model import DoneWhen, Milestone, Target

# Verbs that open an ongoing commitment, by what its next report must say for "done": that the work went on
# (持续开展, 继续开展, 坚持, 保持), or that it was taken a step further: 深化, 深入推进, 进一步, 巩固, 不断, and the
# verbs that improve a thing that already exists and name no end (完善, 做实, 做强, 做深做实, 用好).
ONGOING_VERBS: dict[str, DoneWhen] = {
    "持续": "continued",
    "继续": "continued",
    "坚持": "continued",
    "保持": "continued",
    "深化": "taken_further",
    "深入推进": "taken_further",
    "进一步": "taken_further",
    "巩固": "taken_further",
    "不断": "taken_further",
    "完善": "taken_further",
    "做实": "taken_further",
    "做强": "taken_further",
    "做深做实": "taken_further",
    "用好": "taken_further",
}
_CLAUSE_END = re.compile(r"[,，;；。:：]")
_NOT_WORDS = re.compile(r"[\s“”\"'、·()（）《》]")


def item_clause(quote: str, name: str) -> str:
    """The clause of the quote that holds the item: the one sharing most characters with its Chinese name (the
    first on a tie). Why: a quote may open with another commitment (深化…品牌建设,启动第二轮培育计划)."""
    clauses = [c for c in _CLAUSE_END.split(quote) if c.strip()]
    wanted = set(_NOT_WORDS.sub("", name))
    return max(clauses, key=lambda c: len(wanted & set(c)), default=quote)


def ongoing_by_verb(quote: str, name: str) -> DoneWhen:
    """What the next report must say for "done", read off the verb that opens the item's clause: "finished"
    unless that verb says the work goes on."""
    clause = item_clause(quote, name)
    return next((kind for verb, kind in ONGOING_VERBS.items() if clause.startswith(verb)), "finished")


def done_when(milestone: Milestone) -> DoneWhen:
    """The data's word when it gives one, else the verb's."""
    return milestone.done_when or ongoing_by_verb(milestone.source.quote, milestone.name.zh)


def due_from(item: Target | Milestone, year: int) -> date | None:
    """The first day the item can be judged in its plan year: its season's first day, or the day after the year
    ends for an award decided at year end; None when it is judged all year (the report names no season)."""
    if item.due is None:
        return None
    if item.due.year_end:
        return date(year + 1, 1, 1)
    return date(year, int(item.due.season[:2]), 1)  # type: ignore[index]


def season_period(item: Target | Milestone, year: int) -> str | None:
    """The season as a period ("2024-07..2024-08"), so pace is measured over the months the work runs in."""
    if item.due is None or item.due.season is None:
        return None
    first, last = item.due.season.split("..")
    return f"{year}-{first}..{year}-{last}"
