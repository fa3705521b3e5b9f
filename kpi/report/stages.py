"""The report's own stage phrases (持续推动, 加快建设, 协调推动 …) and the clauses of a sentence that govern a quote.

Why read them from the text: a hand list of stage words grows one audit at a time and still misses the report's
next phrase (it listed 推进 but not 持续推动 or 加快建设). The phrases are the verb phrases that open the clauses of
part two, built from a small seed of heads, verbs and modifiers (kpi/vocabulary.yaml, `stage_phrases`); whatever
the report opens a commitment with, the rule sees.

Why the whole sentence: a clause is limited by the clause that governs it. 「力争优化市政路网,协调推动云台路贯通」
aims at the road link (力争), and 「以凌一为试点,建成…」 limits the scope; a rule that reads only the item's own
clause calls both delivered outright.
"""

from __future__ import annotations

import re
from functools import cache

from kpi.report.layout import CLAUSE, TASKS, clauses
from kpi.report.text import sentence_span
from kpi.vocabulary import STAGE_SEED, LimitingWord

PILOT = re.compile(r"以[^,，;；。]*为试点")  # a scope set for what follows: 以凌一为试点
TITLE = re.compile(r"《[^》]*》")
AMONG = "其中"  # 其中…: the clause before it is the whole this part is of
_OPENING_BREAK = re.compile(r"[:：]")  # 统筹“三个一批”:加快建设一批 — a phrase after a colon opens too


def phrase_of(modifier: LimitingWord | None, head: LimitingWord) -> LimitingWord:
    """The limiting word a stage phrase is checked as: the head's renderings, and the modifier's too."""
    if modifier is None:
        return head
    return LimitingWord(modifier.zh + head.zh, "stage", head.en, head.not_in, modifier.en)


@cache
def stage_phrases(text: str) -> tuple[LimitingWord, ...]:
    """Every stage phrase that opens a clause of the report's part two, longest first.

    A head opens a phrase alone or after a modifier (推进, 持续推进); a verb only after a modifier (加快建设, never
    建设 alone, which says what is delivered)."""
    seed = STAGE_SEED
    candidates = [phrase_of(None, head) for head in seed.heads]
    candidates += [phrase_of(mod, head) for mod in seed.modifiers for head in (*seed.heads, *seed.verbs)]
    openings = [
        part.strip() for clause in clauses(text) if clause.part == TASKS for part in _OPENING_BREAK.split(clause.text)
    ]
    found = {word.zh: word for word in candidates if any(opening.startswith(word.zh) for opening in openings)}
    return tuple(sorted(found.values(), key=lambda word: -len(word.zh)))


def words_standing_in(clause: str, words: tuple[LimitingWord, ...]) -> list[LimitingWord]:
    """The words that stand in the clause, without one that stands only inside a longer one (推动 in 持续推动), nor one
    inside a document's title (老旧 in 《老旧住宅小区物业达标补贴实施办法》 names the rules, it limits nothing)."""
    clause = TITLE.sub(lambda m: "　" * len(m[0]), clause)
    standing = [word for word in words if word.stands_in(clause)]
    spans = {word.zh: [(m.start(), m.end()) for m in re.finditer(re.escape(word.zh), clause)] for word in standing}
    return [
        word
        for word in standing
        if not all(
            any(a <= s and e <= b and (b - a) > (e - s) for other in standing for a, b in spans[other.zh])
            for s, e in spans[word.zh]
        )
    ]


def governing_clauses(text: str, quote: str, commitments: frozenset[int] = frozenset(), own: str = "") -> list[str]:
    """The clauses of the quote's sentence that govern it, outside the quote: the sentence's opening clause, a clause
    before it that sets a pilot scope (以…为试点), and the clause before a 其中 clause that the quote starts in.

    `commitments`: where the data's items start their own clauses. An opening clause one of them starts in is a
    commitment of its own, one of a list (持续推动01-07地块开发建设,…,启动凌兆…建设), and governs nothing; an opening
    clause no item starts in leads the clauses after it (力争优化市政路网,协调推动云台路贯通…). `own`: the item's own
    clause in the quote (a figure's: the clause of its number), when the quote holds more."""
    span, start = sentence_span(text, quote), text.find(quote)
    if span is None:
        return []
    start += max(quote.find(own), 0) if own else 0
    parts = [(m.start() + span[0], m.end() + span[0], m[0].strip()) for m in CLAUSE.finditer(text[span[0] : span[1]])]
    before = [(a, b, clause) for a, b, clause in parts if b <= start]
    leads = bool(before) and not any(before[0][0] <= at < before[0][1] for at in commitments)
    governing = [clause for n, (_, _, clause) in enumerate(before) if (n == 0 and leads) or PILOT.search(clause)]
    mine = next((clause for a, b, clause in parts if a <= start < b), "")
    if before and (mine.startswith(AMONG) or (own or quote).startswith(AMONG)):
        governing.append(before[-1][2])
    return list(dict.fromkeys(governing))


def governing_spans(
    text: str, quote: str, commitments: frozenset[int] = frozenset(), own: str = ""
) -> list[tuple[int, int, str]]:
    """governing_clauses with their places in the text, for the rule that keeps an exclusion off them."""
    span = sentence_span(text, quote)
    places = (
        [(text.find(clause, span[0]), clause) for clause in governing_clauses(text, quote, commitments, own)]
        if span
        else []
    )
    return [(at, at + len(clause), clause) for at, clause in places if at >= 0]
