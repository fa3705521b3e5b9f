"""What the new report says, in words, of the plan year it closes and of the year it plans.

Why a module of its own: numbers close targets (kpi/draft/draft.py), but most items of a plan year are
milestones, which the report names in words or not at all. For every item of the closing year still without
an outcome the draft proposes one, so that after review no item of that year is left "outcome not entered":
- a milestone named by a clause of the review (kpi/draft/naming.py: its key phrase, a short form, a distinctive
  part, a figure of its indicator): done where the clause states a completion (a count, a completion verb; for a
  promise to start or carry on work, that it started or goes on), not done where it says the work is not done or,
  for a promise to finish, still under way; else a person decides (`MilestoneMatch`);
- a target named without a figure: its clause, and the figure left for a person (`Mention`);
- an item no clause names: not mentioned in this report (`Silent`), with the nearest clause, to check.
A clause of part two naming a milestone of the closing year proposes that work again for the new plan year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kpi.data.model import IndicatorsFile, Milestone, Target
from kpi.draft.naming import (
    PHRASE_MATCH,
    Naming,
    ReportClause,
    distinctive_parts,
    indicator_of,
    link_phrases,
    namings,
    nearest,
    report_clauses,
)
from kpi.draft.report_numbers import Figure
from kpi.report.layout import REVIEW, TASKS

MILESTONE_MATCH = PHRASE_MATCH  # kept for callers: the share of a name's pairs a clause must hold
# The clause says the work was done: a completion verb.
DONE_WORDS = (
    "完成",
    "建成",
    "落成",
    "投用",
    "投入使用",
    "举办",
    "成立",
    "上线",
    "开通",
    "挂牌",
    "实现",
    "竣工",
    "交付",
    "召开",
    "出台",
    "印发",
    "发布",
    "获评",
    "入选",
    "成功",
)
# For a promise to start (or carry on) work, starting it is what done means.
START_WORDS = ("启动", "开工", "开建")
# The clause says the work was not done.
NOT_DONE_WORDS = ("尚未", "未能", "未完成", "未实现", "未建成", "推迟", "延期", "暂缓", "搁置")
# A promise to finish something: only a completion keeps it. Any other promise (启动, 深化, 持续, 推进…) is
# to start or to carry on work, which the report keeps by saying the work started or goes on.
_FINISH_PROMISES = (
    "建成",
    "完成",
    "落成",
    "投用",
    "投入使用",
    "举办",
    "成立",
    "上线",
    "开通",
    "挂牌",
    "实现",
    "创建",
    "建立",
    "设立",
    "创设",
    "创办",
    "推出",
    "出台",
    "召开",
    "竣工",
    "交付",
    "编印",
    "制定",
)
_WORK_GOES_ON = (
    "推进",
    "开展",
    "深化",
    "持续",
    "实施",
    "运行",
    "运营",
    "完善",
    "提升",
    "加强",
    "强化",
    "落实",
    "深入",
    "拓展",
    "扩大",
    "优化",
    "开工",
    "在建",
    "建设中",
)
_UNDER_WAY = (*_WORK_GOES_ON, "筹备", "启动", "加快", "有序")
# A clause that states a completion with a count and names nothing of its own (建成3处, 完成5个, 办结36件): it counts
# what the clause before it in the same sentence names, so the two read together as that item's completion.
COUNTED_COMPLETION = re.compile(
    r"(?:完成|建成|办结|落成|竣工|投用|新建|新增|增设|设立|开设)(?:约|近|超)?[0-9.一二三四五六七八九十百千万两]+余?"
    r"(?:个|处|件|座|家|项|台|所|间|条|场|期|批|支|套)"
)
# How a clause reads, best first: the outcome it proposes, and why (the draft's note beside it).
READINGS = {
    "counted": "done",
    "completed_with_count": "done",
    "completed": "done",
    "started": "done",
    "carried_on": "done",
    "said_not_done": "not_done",
    "under_way": "not_done",
    "unclear": "unclear",
}


@dataclass(frozen=True)
class Mention:
    """A clause of the new report that names an item of the data."""

    item_id: str
    quote: str  # the clause, verbatim
    section: str
    confidence: float
    how: str = "phrase"  # how the clause names it (kpi/draft/naming.py)


@dataclass(frozen=True)
class MilestoneMatch:
    """A clause of the new report's review that names last plan year's milestone, and what it says of it."""

    milestone_id: str
    quote: str
    section: str
    confidence: float
    reading: str  # a key of READINGS: what the clause says of the work
    how: str = "phrase"

    @property
    def status(self) -> str:
        """The proposed outcome: done, not_done, or unclear (a person decides: the draft writes a review mark).

        Why no default for the unclear: "not done" for a thing the report names without saying it was done
        turned a built fire station into a failure (issue 23); "done" would claim more than the sentence.
        """
        return READINGS[self.reading]

    @property
    def done(self) -> bool:
        return self.status == "done"


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


@dataclass(frozen=True)
class Evidence:
    """What the draft has read in the report besides its words: the figures, and those matched to kept indicators."""

    figures: list[Figure] = field(default_factory=list)  # every number of the report, classified
    matched: dict[str, list[int]] = field(default_factory=dict)  # indicator id → starts of the figures matched to it
    phrase_of: Callable[[str, float], str] = lambda quote, value: ""  # an earlier quote's phrase around its value


def close_year(
    content: IndicatorsFile,
    text: str,
    year: int,
    named: set[str],
    closed_by_figures: Iterable[str],
    evidence: Evidence = Evidence(),
) -> Closing:
    """What the report says of each open item of `year`; `closed_by_figures`: targets a figure already closes."""
    found = report_clauses(text, named, REVIEW)
    closed = set(closed_by_figures)
    planned: list[Target | Milestone] = [*content.targets, *content.milestones]
    items = [x for x in planned if content.plan_year(x) == year and x.outcome is None and x.id not in closed]
    parts, phrases = distinctive_parts(items), link_phrases(content.indicators, evidence.phrase_of)
    milestones, targets, silent = [], [], []
    for item in items:
        named_by = namings(item, found, parts, indicator_of(item, content.indicators, phrases), evidence.matched)
        if not named_by:
            silent.append(_silent(item, found))
        elif isinstance(item, Milestone):
            milestones.append(_best_reading(item, named_by, evidence.figures, text))
        else:
            best = max(named_by, key=lambda n: n.score)
            targets.append(Mention(item.id, best.clause.text, best.clause.section, best.score, best.how))
    return Closing(year, milestones, targets, silent)


def _silent(item: Target | Milestone, found: list[ReportClause]) -> Silent:
    """Not mentioned, with the clause that came nearest (however weak), so a reviewer can overrule it."""
    score, clause = nearest(item, found)
    return Silent(item.id, (round(score, 2), clause.text, clause.section) if clause else (0.0, "", ""))


def _best_reading(milestone: Milestone, named_by: list[Naming], figures: list[Figure], text: str) -> MilestoneMatch:
    """Of the clauses naming the milestone, the one that says most of its outcome (done first), then the closest."""
    order = list(READINGS)
    readings = [
        _completed_with_count(milestone, n, text)
        or milestone_match(milestone, n.clause.text, n.clause.section, n.score, _counts(n.clause, figures), n.how)
        for n in named_by
    ]
    return min(readings, key=lambda m: (order.index(m.reading), -m.confidence))


def completion_after(text: str, end: int) -> str:
    """The clause right after `end` in the same sentence when it is only a completion with a count (建成3处), else "".

    Why: the report often names the work, then counts what was finished without naming it again
    (增设科学育儿指导站,建成3处); read alone, the naming clause says nothing of the outcome, or only that work went on.
    """
    follow = re.match(r"[,，]([^,，;；。]*)", text[end:])
    return follow.group(1) if follow and COUNTED_COMPLETION.fullmatch(follow.group(1)) else ""


def _completed_with_count(milestone: Milestone, naming: Naming, text: str) -> MilestoneMatch | None:
    """Done, quoting the naming clause with the count that completes it (verbatim: one span of the report)."""
    clause = naming.clause
    count = completion_after(text, clause.end)
    if not count or any(word in clause.text for word in NOT_DONE_WORDS):
        return None
    quote = text[clause.start : clause.end + 1 + len(count)]
    return MilestoneMatch(
        milestone.id, quote, clause.section, round(naming.score, 2), "completed_with_count", naming.how
    )


def _counts(clause: ReportClause, figures: list[Figure]) -> int:
    """How many counts of things the clause states (results in a unit other than a share: 3个, 40余场, 52台)."""
    return sum(
        1 for f in figures if f.kind == "result" and clause.start <= f.start < clause.end and f.unit not in ("%", "％")
    )


def milestone_match(
    milestone: Milestone, quote: str, section: str, score: float, counts: int = 0, how: str = "phrase"
) -> MilestoneMatch:
    """What a clause says of a milestone: `counts` is how many counts of things done it states."""
    return MilestoneMatch(
        milestone.id, quote, section, round(score, 2), reading(milestone.source.quote, quote, counts), how
    )


def reading(promise: str, clause: str, counts: int = 0) -> str:
    """How a clause reads against the promise: a key of READINGS.

    A count or a completion verb states a completion; for a promise to start work (启动…建设) starting is the
    completion, and for a promise to carry work on (深化, 持续, 推进), the work going on. 推进 alone never completes
    a promise to finish (建成, 举办): the work is then still under way, not done that year.
    """
    start = any(word in promise for word in START_WORDS)
    finish = not start and any(word in promise for word in _FINISH_PROMISES)
    if any(word in clause for word in NOT_DONE_WORDS):
        return "said_not_done"
    if any(word in clause for word in DONE_WORDS):
        return "completed"
    if not finish and any(word in clause for word in START_WORDS):
        return "started"
    if counts:
        return "counted"
    if not finish and any(word in clause for word in _WORK_GOES_ON):
        return "carried_on"
    if finish and any(word in clause for word in _UNDER_WAY):
        return "under_way"
    return "unclear"


def continued_milestones(
    content: IndicatorsFile, text: str, report_id: str, year: int, named: set[str]
) -> list[Mention]:
    """Clauses of part two naming a milestone of the closing year `year`: that work, promised again."""
    kept = [m.source.quote for m in content.milestones if m.source.report == report_id]
    found = [
        c
        for c in report_clauses(text, named, TASKS)
        if not re.search(r"[0-9]", c.text) and not any(c.text in quote or quote in c.text for quote in kept)
    ]
    mentions, used = [], set()
    for milestone in content.milestones:
        if content.plan_year(milestone) != year:
            continue
        score, clause = nearest(milestone, found)
        if clause is not None and score >= MILESTONE_MATCH and clause.text not in used:
            used.add(clause.text)
            mentions.append(Mention(milestone.id, clause.text, clause.section, round(score, 2)))
    return mentions
