"""What the new report says, in words, of the plan year it closes and of the year it plans.

Why a module of its own: numbers close targets (kpi/draft/draft.py), but most items of a plan year are
milestones, which the report names in words or not at all. For every item of the closing year still without
an outcome the draft proposes one, so that after review no item of that year is left "outcome not entered":
- a milestone named by a clause of the review: done or not done, with the clause (`MilestoneMatch`);
- a target named without a figure: its clause, and the figure left for a person (`Mention`);
- an item no clause names: not mentioned in this report (`Silent`), with the nearest clause to check.
A clause of part two naming a milestone of the closing year proposes that work again for the new plan year.

A milestone is looked for by its key phrase: the share of its name's (or its quote's) character pairs that a
clause holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kpi.data.model import IndicatorsFile, Milestone, Target
from kpi.draft.report_numbers import bigrams
from kpi.report.layout import REVIEW, TASKS, clauses, words_of

MILESTONE_MATCH = 0.75  # share of a name's character pairs a clause must hold to name the item
NEAREST_HINT = 0.5  # below MILESTONE_MATCH but this close: shown beside "not mentioned", to check
# The clause says the work was done (or, for a promise to start it, that it started).
DONE_WORDS = ("完成", "建成", "落成", "投用", "投入使用", "启动", "举办", "成立", "上线", "开通", "挂牌", "实现")
# A promise to finish something: only a done word keeps it. Any other promise (启动, 深化, 持续, 推进…) is
# to start or to carry on work, which the report keeps by saying the work goes on.
_FINISH_PROMISES = ("建成", "完成", "落成", "投用", "投入使用", "举办", "成立", "上线", "开通", "挂牌", "实现", "创建",
                    "建立", "设立", "推出", "出台", "召开", "竣工", "交付")
_WORK_GOES_ON = ("推进", "开展", "深化", "持续", "实施", "运行", "运营", "完善", "提升", "加强", "强化", "落实", "深入",
                 "拓展", "扩大", "优化", "开工", "在建", "建设中")


@dataclass(frozen=True)
class Mention:
    """A clause of the new report that names an item of the data."""

    item_id: str
    quote: str  # the clause, verbatim
    section: str
    confidence: float


@dataclass(frozen=True)
class MilestoneMatch:
    """A clause of the new report's review that names last plan year's milestone, and what it says of it."""

    milestone_id: str
    quote: str
    section: str
    confidence: float
    done: bool  # the clause says it was done (完成, 建成, 启动…)
    carried_on: bool = False  # the milestone promised to start or carry on work, and the clause says the work goes on

    @property
    def status(self) -> str:
        """The proposed outcome: done when the clause says so or the promised work goes on; else not done.

        Why not done by default: a milestone that promised to finish something (建成, 举办) and is named only as
        under way was not finished that year; saying "done" would claim more than the sentence.
        """
        return "done" if self.done or self.carried_on else "not_done"


@dataclass(frozen=True)
class Silent:
    """An item of the closing year no clause of the report names: its outcome is "not mentioned"."""

    item_id: str
    nearest: tuple[float, str, str] = (0.0, "", "")  # (score, clause, section) of the clause closest to naming it


@dataclass(frozen=True)
class Closing:
    """An outcome proposed for every item of the closing plan year that has none yet."""

    year: int
    milestones: list[MilestoneMatch]
    targets_named: list[Mention]  # targets a clause names without the figure a target outcome needs
    silent: list[Silent]


def close_year(content: IndicatorsFile, text: str, year: int, named: set[str], closed_by_figures: Iterable[str]) -> Closing:
    """What the report says of each open item of `year`; `closed_by_figures`: targets a figure already closes."""
    clauses = list(clauses_of(text, named, REVIEW))
    closed = set(closed_by_figures)
    milestones, targets, silent = [], [], []
    for item in (*content.targets, *content.milestones):
        if content.plan_year(item) != year or item.outcome is not None or item.id in closed:
            continue
        score, quote, section = best_clause(item, clauses)
        if score < MILESTONE_MATCH:
            silent.append(Silent(item.id, (round(score, 2), quote, section) if score >= NEAREST_HINT else (0.0, "", "")))
        elif isinstance(item, Milestone):
            milestones.append(milestone_match(item, quote, section, score))
        else:
            targets.append(Mention(item.id, quote, section, round(score, 2)))
    return Closing(year, milestones, targets, silent)


def milestone_match(milestone: Milestone, quote: str, section: str, score: float) -> MilestoneMatch:
    """What a clause says of a milestone: done, the promised work going on, or neither."""
    done = any(word in quote for word in DONE_WORDS)
    promise = milestone.source.quote
    carried_on = not any(word in promise for word in _FINISH_PROMISES) and any(word in quote for word in _WORK_GOES_ON)
    return MilestoneMatch(milestone.id, quote, section, round(score, 2), done, carried_on)


def continued_milestones(content: IndicatorsFile, text: str, report_id: str, year: int, named: set[str]) -> list[Mention]:
    """Clauses of part two naming a milestone of the closing year `year`: that work, promised again."""
    kept = [m.source.quote for m in content.milestones if m.source.report == report_id]
    clauses = [c for c in clauses_of(text, named, TASKS)
               if not re.search(r"[0-9]", c[0]) and not any(c[0] in quote or quote in c[0] for quote in kept)]
    found, used = [], set()
    for milestone in content.milestones:
        if content.plan_year(milestone) != year:
            continue
        score, quote, section = best_clause(milestone, clauses)
        if score >= MILESTONE_MATCH and quote not in used:
            used.add(quote)
            found.append(Mention(milestone.id, quote, section, round(score, 2)))
    return found


def best_clause(item: Target | Milestone, clauses: list[tuple[str, str, str]]) -> tuple[float, str, str]:
    """(score, clause, section) of the clause that best names the item; the first of equals."""
    best = (0.0, "", "")
    for quote, section, words in clauses:
        score = clause_score(item, words)
        if score > best[0]:
            best = (score, quote, section)
    return best


def clause_score(item: Target | Milestone, words: str) -> float:
    """Share of the item name's character pairs in a clause (its quote's count too, for a milestone).

    Why not a target's quote: it holds the number and often other targets too (约10座、约14座…).
    """
    places = bigrams(words)
    texts = (item.name.zh, item.source.quote) if isinstance(item, Milestone) else (item.name.zh,)
    shares = [len(grams & places) / len(grams) for grams in (bigrams(words_of(x)) for x in texts) if grams]
    return max(shares, default=0.0)


def clauses_of(text: str, named: set[str], part: str) -> Iterator[tuple[str, str, str]]:
    """(clause verbatim, section, its words) of every clause of one part of the report (kpi/report/layout.py splits them)."""
    for clause in clauses(text, named):
        if clause.part == part and not clause.chapter:  # a chapter's heading names a field of work, never one item
            yield clause.text, clause.section, words_of(clause.text)
