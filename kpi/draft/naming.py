"""Whether a clause of the new report names an item of the plan year it closes, however the report refers to it.

Why more than the key phrase: a report calls the same work by several names. Of the seven items the first
fictional next report plainly closed, the key phrase alone found three (issue 23). A clause names an item by
- its key phrase: most of the character pairs of its name (or, for a milestone, of its quote), each long form
  read as the reports' short form (加装电梯 as 加梯: abbreviations.yaml beside this file);
- a distinctive part: a quoted name (“服务包”, “三送进企业”), a short form, or one part of a compound name, that
  no other open item holds, standing in the clause and not inside another item's longer part (明家悦享服务包);
- a figure: the clause holds a figure the draft matched to the item's indicator (a target's baseline; for a
  milestone, the indicator whose name it continues: 持续开展企业走访 → 走访联系企业).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kpi.data.model import Indicator, Milestone, Target
from kpi.draft.report_numbers import bigrams
from kpi.report.layout import clauses, words_of

ABBREVIATIONS = Path(__file__).with_name("abbreviations.yaml")
PHRASE_MATCH = 0.75  # share of a name's character pairs a clause must hold to name the item
LINK_MATCH = 0.66  # share of a milestone's core pairs an indicator's name or phrase must hold to be its indicator
MIN_PART = 3  # characters a quoted name or a part of a compound name needs to name an item alone
_QUOTED = re.compile(r"[“\"《「]([^”\"》」]+)[”\"》」]")
_COMPOUND = re.compile(r"[、：:；;，,]|及|与")
# Words of a task that say how the work is done, not what it is (持续开展企业走访 is about 企业走访). A name keeps
# its sentence's stage phrase (力争协调推动云台路贯通, kpi/report/stages.py); the next report names the thing.
_LEAD = re.compile(
    r"^(力争)?(持续|深入|积极|全面|合力|协调|加快|全力|扎实|继续|不断|有序)?"
    r"(开展|推进|推动|深化|实施|打造|建设|构建|实现|推广|用好)?"
)


@dataclass(frozen=True)
class ReportClause:
    """A clause of one part of the report: verbatim, where it stands, and its words with short forms."""

    text: str
    section: str
    words: str  # canonical: letters and Chinese characters only, each long form as its short form
    start: int
    end: int


@dataclass(frozen=True)
class Naming:
    """A clause that names an item, and how: `phrase`, `part 服务包` or `figure economy.enterprise_visits`."""

    clause: ReportClause
    score: float
    how: str


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    """(short, long) of each entry of abbreviations.yaml, longest long form first (so it is replaced first)."""
    entries = yaml.safe_load(ABBREVIATIONS.read_text(encoding="utf-8"))
    pairs = [(entry["short"], entry["long"]) for entry in entries]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[1])))


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    """The words of a text with each long form written as its short form: 既有多层住宅加装电梯 → 既有多层住宅加梯."""
    words = words_of(text)
    for short, long in abbreviations():
        words = words.replace(long, short)
    return words


def report_clauses(text: str, named: set[str], part: str) -> list[ReportClause]:
    """Every clause of one part of the report, chapter headings left out (they name a field of work, never one item)."""
    return [
        ReportClause(c.text, c.section, canonical(c.text), c.start, c.end)
        for c in clauses(text, named)
        if c.part == part and not c.chapter
    ]


# ── The key phrase ─────────────────────────────────────────────────────────────────────────────────


def phrase_score(item: Target | Milestone, words: str) -> float:
    """Share of the item name's character pairs in a clause's words (its quote's count too, for a milestone).

    Why not a target's quote: it holds the number and often other targets too (约10座、约14座…).
    """
    places = bigrams(words)
    name = _LEAD.sub("", item.name.zh) or item.name.zh
    texts = (name, item.source.quote) if isinstance(item, Milestone) else (name,)
    shares = [len(grams & places) / len(grams) for grams in map(_pairs, texts) if grams]
    return max(shares, default=0.0)


@lru_cache(maxsize=8192)
def _pairs(text: str) -> frozenset[str]:
    """The character pairs of a name or quote, short forms in (asked once per clause: cached)."""
    return frozenset(bigrams(canonical(text)))


def nearest(item: Target | Milestone, found: list[ReportClause]) -> tuple[float, ReportClause | None]:
    """The clause whose words come closest to the item's key phrase (the first of equals), with its score."""
    best: tuple[float, ReportClause | None] = (0.0, None)
    for clause in found:
        score = phrase_score(item, clause.words)
        if score > best[0]:
            best = (score, clause)
    return best


# ── Distinctive parts ──────────────────────────────────────────────────────────────────────────────


def parts_of(item: Target | Milestone) -> set[str]:
    """What may name the item alone: its quoted names, the short forms in it, the parts of a compound name.

    A milestone's quote counts (用好重点企业“服务包”…“三送进企业”活动等资源); a target's does not (it holds other
    targets too).
    """
    texts = [item.name.zh, *([item.source.quote] if isinstance(item, Milestone) else [])]
    found = {canonical(q) for text in texts for q in _QUOTED.findall(text)}
    found |= {short for short, _ in abbreviations() for text in texts if short in canonical(text)}
    pieces = [canonical(piece) for piece in _COMPOUND.split(re.sub(_QUOTED, "", item.name.zh))]
    found |= set(pieces) if len([p for p in pieces if p]) > 1 else set()
    return {part for part in found if len(part) >= MIN_PART or part in dict(abbreviations())}


@dataclass(frozen=True)
class Parts:
    """The distinctive parts of the open items, and for each part the longer parts of other items that hold it."""

    of_item: dict[str, frozenset[str]]
    longer: dict[str, tuple[str, ...]]


def distinctive_parts(items: Iterable[Target | Milestone]) -> Parts:
    """Each item's parts that no other of the items has (a part two items share names neither)."""
    parts = {item.id: parts_of(item) for item in items}
    counts = Counter(part for mine in parts.values() for part in mine)
    every = set(counts)
    of_item = {item_id: frozenset(p for p in mine if counts[p] == 1) for item_id, mine in parts.items()}
    longer = {
        p: tuple(q for q in every if p in q and q != p and q not in parts[item_id])
        for item_id, mine in of_item.items()
        for p in mine
    }
    return Parts(of_item, longer)


def part_naming(item_id: str, clause: ReportClause, parts: Parts) -> str:
    """The item's part that stands in the clause outside every longer part of another item, or ""."""
    for part in sorted(parts.of_item.get(item_id, ()), key=lambda p: (-len(p), p)):
        for start in occurrences(clause.words, part):
            if not any(_covers(clause.words, other, part, start) for other in parts.longer[part]):
                return part
    return ""


def occurrences(text: str, part: str) -> Iterator[int]:
    """Every start of `part` in `text` (a name or a quote may stand more than once)."""
    start = text.find(part)
    while start >= 0:
        yield start
        start = text.find(part, start + 1)


def _covers(words: str, longer: str, part: str, start: int) -> bool:
    """Whether an occurrence of `longer` in `words` covers the occurrence of `part` at `start`."""
    return any(s <= start and start + len(part) <= s + len(longer) for s in occurrences(words, longer))


# ── Figures ────────────────────────────────────────────────────────────────────────────────────────


def indicator_of(item: Target | Milestone, indicators: list[Indicator], phrases: dict[str, set[str]]) -> str:
    """The indicator whose figures name the item: a target's baseline; for a milestone the indicator whose name
    or earlier phrase holds most of the milestone's core (持续开展企业走访 → 走访联系企业), if one alone does.

    `phrases`: indicator id → the character pairs of its name and earlier phrases (link_phrases).
    """
    if isinstance(item, Target):
        return item.baseline or ""
    core = bigrams(_LEAD.sub("", canonical(item.name.zh)) or canonical(item.name.zh))
    scored = sorted(
        ((len(core & pairs) / len(core), i.id) for i in indicators if (pairs := phrases[i.id])), reverse=True
    )
    if not scored or scored[0][0] < LINK_MATCH or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return ""
    return scored[0][1]


def link_phrases(indicators: list[Indicator], phrase_of: Callable[[str, float], str]) -> dict[str, set[str]]:
    """Indicator id → the character pairs of its name and of the phrase around each of its earlier values."""
    return {
        i.id: bigrams(canonical(i.name.zh)).union(
            *(bigrams(canonical(phrase_of(v.source.quote, v.value))) for v in i.values)
        )
        for i in indicators
    }


def figure_naming(indicator: str, clause: ReportClause, matched: dict[str, list[int]]) -> bool:
    """Whether the clause holds a figure the draft matched to that indicator (`matched`: indicator → figure starts)."""
    return bool(indicator) and any(clause.start <= start < clause.end for start in matched.get(indicator, ()))


def namings(
    item: Target | Milestone, found: list[ReportClause], parts: Parts, indicator: str, matched: dict[str, list[int]]
) -> list[Naming]:
    """Every clause that names the item, in the report's order, each with how it names it."""
    named = []
    for clause in found:
        score = phrase_score(item, clause.words)
        if score >= PHRASE_MATCH:
            named.append(Naming(clause, round(score, 2), "phrase"))
        elif part := part_naming(item.id, clause, parts):
            named.append(Naming(clause, round(score, 2), f"part {part}"))
        elif figure_naming(indicator, clause, matched):
            named.append(Naming(clause, round(score, 2), f"figure {indicator}"))
    return named
