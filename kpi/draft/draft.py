"""Draft a new report's data: every figure it states, matched to the indicators and targets already kept.

Why a draft and not an edit: curating a report by hand takes days, but most of it is mechanical (find the
number, its unit, its qualifier, its sentence, the indicator it continues). The draft does that part and
says how sure it is; staff judge, paste and run `validate`. indicators.yaml is never written here.

Matching is by what the text says: the unit must fit, then the words of the indicator's name in the
number's phrase, clause and sentence, and the phrase of the indicator's earlier quote. One value per
indicator and period; the best-scoring pairs are taken first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from kpi.data.dataset import themed_items
from kpi.data.model import IndicatorsFile, Milestone, Source, Target
from kpi.draft.mentions import Closing, Evidence, Mention, MilestoneMatch, close_year, continued_milestones
from kpi.draft.naming import occurrences
from kpi.draft.report_numbers import Figure, bigrams, find_figures
from kpi.draft.terms import NewTerm, new_terms
from kpi.report.layout import words_of
from kpi.texts import t

MIN_MATCH = 0.3  # below this a result becomes a proposed new indicator
FULL_SCORE = 0.7  # a score this high (most of the name's words in the phrase) is full confidence
LOW_CONFIDENCE = 0.6  # below this a match is marked for review
_WEIGHTS = (1.0, 0.7, 0.4)  # a name's word in the number's phrase, clause, sentence
CLOSEST_PHRASE = 0.2  # a kept indicator is named as "closest" only when this much of it stands in the number's phrase
_AT_MOST_WORDS = ("不超过", "控制在", "以内", "低于")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Match:
    """A figure of the new report proposed for an item of the data (indicator, target or milestone)."""

    figure: Figure
    item_id: str
    score: float
    confidence: float
    runner_up: str = ""  # the next best item, when it came close


@dataclass(frozen=True)
class NewItem:
    """A figure no kept item matches: proposed as a new indicator or target, with a guessed theme."""

    figure: Figure
    item_id: str
    theme: str
    closest: tuple[float, str] = (0.0, "")  # the kept indicator nearest it (score, id): maybe the same figure


@dataclass(frozen=True)
class NewMilestone:
    """A clause of part two naming a milestone of the closing year: that work, proposed for the new plan year."""

    mention: Mention  # its item_id is the closing year's milestone it continues
    item_id: str


@dataclass(frozen=True)
class ReportFacts:
    """What the draft needs to know about the report being drafted."""

    report_id: str
    text: str
    reviews: int
    plans: int


@dataclass(frozen=True)
class Draft:
    """Everything proposed for one report, and everything skipped with its reason."""

    report: ReportFacts
    figures: list[Figure]
    values: list[Match]  # results continuing a kept indicator
    new_indicators: list[NewItem]
    outcomes: list[Match]  # last plan year's target ← a result of this report
    continued_targets: list[Match]  # this report's targets, each continuing last plan year's target
    new_targets: list[NewItem]
    already: list[tuple[Figure, str]]  # figures the data already holds for this report, with the item id
    target_ids: dict[int, str] = field(default_factory=dict)  # figure start → id proposed for a continued target
    closing: Closing = field(default_factory=lambda: Closing(0, [], [], []))  # the closing year's other outcomes
    new_milestones: list[NewMilestone] = field(default_factory=list)
    new_terms: list[NewTerm] = field(default_factory=list)

    @property
    def milestone_outcomes(self) -> list[MilestoneMatch]:
        """Last plan year's milestones the review names, with what it says of them."""
        return self.closing.milestones

    @property
    def skipped(self) -> list[Figure]:
        """The numbers that are not figures, each with its reason."""
        return [f for f in self.figures if f.kind == "skipped"]

    def low_confidence(self) -> list[Match]:
        """The matches staff should look at first."""
        return [m for m in (*self.values, *self.outcomes, *self.continued_targets) if m.confidence < LOW_CONFIDENCE]


def draft_report(
    content: IndicatorsFile, report: ReportFacts, progress: Progress | None = None, kept_terms: Iterable[str] = ()
) -> Draft:
    """Find, classify and match every number of the report against the kept data; propose an outcome for every
    open item of the year it reviews, the work it promises again, and its new glossary terms (`kept_terms`: the
    terms glossary.yaml holds)."""
    named = _sections(content)
    used = {item.id for _, _, item in themed_items(content)}
    figures = find_figures(report.text, report.reviews, named)
    results = [f for f in figures if f.kind == "result"]
    values, new_indicators, kept_values = _draft_results(content, report, results, used, progress)
    previous = [t for t in content.targets if content.plan_year(t) == report.reviews]
    targets, new_targets, kept_targets = _draft_targets(content, report, figures, previous, values, used)
    already = {**kept_values, **kept_targets}
    outcomes = _outcomes(report, results, previous, values)
    matched: dict[str, list[int]] = {}
    for match in values:
        matched.setdefault(match.item_id, []).append(match.figure.start)
    evidence = Evidence(figures, matched, phrase_of)
    return Draft(
        report,
        figures,
        values,
        new_indicators,
        outcomes,
        targets,
        new_targets,
        [(f, already[f.start]) for f in figures if f.start in already],
        _continued_ids(targets, report.plans, used),
        close_year(content, report.text, report.reviews, named, [m.item_id for m in outcomes], evidence),
        [
            NewMilestone(m, _next_year_id(m.item_id, report.plans, used))
            for m in continued_milestones(content, report.text, report.report_id, report.reviews, named)
        ],
        new_terms(report.text, kept_terms, report.reviews),
    )


def _draft_results(
    content: IndicatorsFile, report: ReportFacts, results: list[Figure], used: set[str], progress: Progress | None
) -> tuple[list[Match], list[NewItem], dict[int, str]]:
    """Part one's figures: values of kept indicators, new indicators, and those the data already holds.

    A figure kept as a target's outcome is not proposed as a new indicator again (staff chose to keep it as the
    outcome only), though it is still matched to a kept indicator it continues.
    """
    kept = _already_kept(report, results, _value_sources(content))
    fresh = [f for f in results if f.start not in kept]
    values = _match_values(content, report.report_id, fresh, progress)
    matched = {m.figure.start for m in values}
    outcomes = _already_kept(report, [f for f in fresh if f.start not in matched], _outcome_sources(content))
    new = [f for f in fresh if f.start not in matched and f.start not in outcomes]
    return values, _new_items(content, new, report.reviews, values, used), kept | outcomes


def _draft_targets(
    content: IndicatorsFile,
    report: ReportFacts,
    figures: list[Figure],
    previous: list[Target],
    values: list[Match],
    used: set[str],
) -> tuple[list[Match], list[NewItem], dict[int, str]]:
    """Part two's figures: targets continuing last plan year's, new targets, and those the data already holds."""
    kept = _already_kept(report, figures, ((t.id, t.source, t.value) for t in content.targets))
    tasks = [f for f in figures if f.kind == "target" and f.start not in kept]
    targets = _assign(tasks, previous, _target_score, lambda t, f: t.id)
    continued = {m.figure.start for m in targets}
    return (
        targets,
        _new_items(content, [f for f in tasks if f.start not in continued], report.plans, values, used),
        kept,
    )


# ── What the data already holds ────────────────────────────────────────────────────────────────────


def _sections(content: IndicatorsFile) -> set[str]:
    """Every section label the data cites (a closing paragraph's label, such as 政府自身建设, comes from here)."""
    sources = [v.source for i in content.indicators for v in i.values]
    planned: list[Target | Milestone] = [*content.targets, *content.milestones]
    return {s.section for s in sources + [item.source for item in planned]}


def _value_sources(content: IndicatorsFile) -> Iterator[tuple[str, Source, float | None]]:
    """(indicator id, source, value) of every indicator value: what a new draft must not propose again."""
    for indicator in content.indicators:
        for value in indicator.values:
            yield indicator.id, value.source, value.value


def _outcome_sources(content: IndicatorsFile) -> Iterator[tuple[str, Source, float | None]]:
    """(target id, source, value) of every target outcome that quotes its report."""
    for target in content.targets:
        if target.outcome is not None and target.outcome.source is not None:
            yield target.id, target.outcome.source, target.outcome.value


def _already_kept(
    report: ReportFacts, figures: list[Figure], sources: Iterable[tuple[str, Source, float | None]]
) -> dict[int, str]:
    """Figure start → id of the item whose source already quotes that figure from this report.

    Why per kind: a figure kept as an indicator's value may still be a target's outcome, and the other way round.
    """
    kept: dict[int, str] = {}
    for item_id, source, value in sources:
        if source.report != report.report_id:
            continue
        for start in occurrences(report.text, source.quote):
            inside = [
                f
                for f in figures
                if start <= f.start < start + len(source.quote)
                and f.value == value
                and f.kind != "skipped"
                and f.start not in kept
            ]
            if inside:
                kept[inside[0].start] = item_id
                break
    return kept


# ── Scores ─────────────────────────────────────────────────────────────────────────────────────────


def name_score(name: str, figure: Figure, weights: tuple[float, float, float] = _WEIGHTS) -> float:
    """Share of the name's character pairs found near the number (its phrase counts most, its sentence least)."""
    grams = bigrams(words_of(name))
    if not grams:
        return 0.0
    places = [bigrams(figure.near) | bigrams(figure.unit), bigrams(figure.clause), bigrams(figure.sentence_words)]
    # sorted: a float sum in set order would differ from run to run (string hashing is random per process)
    return sum(next((w for w, place in zip(weights, places) if g in place), 0.0) for g in sorted(grams)) / len(grams)


@lru_cache(maxsize=4096)
def phrase_of(quote: str, value: float) -> str:
    """The words of the phrase around a value in an earlier quote, number out and unit last (引进企业家).

    Read the way the new report's numbers are read, so the two phrases compare like with like.
    """
    found = [f for f in find_figures(quote, 0) if f.value == value]
    return found[0].near + found[0].unit if found else ""


def dice(a: set[str], b: set[str]) -> float:
    """Overlap of two sets of character pairs, 0 to 1."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def quote_score(quote: str, value: float, figure: Figure) -> float:
    """How alike the number's phrase and sentence are to those of an earlier quote.

    Why the sentence too: a phrase such as 覆盖…人次 recurs for different figures; the sentence tells them apart.
    """
    phrase = phrase_of(quote, value)
    if not phrase:
        return 0.0
    near = dice(bigrams(phrase), bigrams(figure.near + figure.unit))
    return 0.6 * near + 0.4 * dice(bigrams(words_of(quote)), bigrams(figure.sentence_words))


def unit_fits(unit: str, figure: Figure) -> bool:
    """Whether an item counted in `unit` can take this figure (个小区 fits 3个小区, and so does 个)."""
    return unit in figure.units


def _indicator_score(indicator, figure: Figure) -> float:
    """How well a kept indicator fits a result: 0 unless the unit fits, else its name or earlier phrases."""
    if not unit_fits(indicator.unit.zh, figure):
        return 0.0
    earlier = [quote_score(v.source.quote, v.value, figure) for v in indicator.values]
    return max([name_score(indicator.name.zh, figure), *earlier])


def _target_score(target: Target, figure: Figure) -> float:
    """How well last plan year's target fits a figure: 0 unless the unit fits, else its name or quote."""
    if not unit_fits(target.unit.zh, figure):
        return 0.0
    return max(name_score(target.name.zh, figure), quote_score(target.source.quote, target.value, figure))


# ── Assignment ─────────────────────────────────────────────────────────────────────────────────────


def _assign(
    figures: list[Figure],
    items: list,
    score: Callable,
    slot: Callable,
    taken: Iterable = (),
    progress: Progress | None = None,
) -> list[Match]:
    """Best pairs first: each figure once, each item slot (an indicator and period, a target) once."""
    table = []
    for n, figure in enumerate(figures):
        table += [(s, n, slot(item, figure), item.id) for item in items if (s := score(item, figure)) >= MIN_MATCH]
        if progress:
            progress(n + 1, len(figures))
    used_figures, used_slots, matches = set(), set(taken), []
    for s, n, key, item_id in sorted(table, key=lambda row: (-row[0], row[1], str(row[2]))):
        if n in used_figures or key in used_slots:
            continue
        used_figures.add(n)
        used_slots.add(key)
        rivals = [
            (r, other if m == n else figures[m].written)
            for r, m, k, other in table
            if (m == n and k != key) or (k == key and m != n)
        ]
        matches.append(_match(figures[n], item_id, s, rivals))
    return sorted(matches, key=lambda m: m.figure.start)


def _match(figure: Figure, item_id: str, score: float, rivals: list[tuple[float, str]]) -> Match:
    """A match, its confidence lowered when another item (or figure) scored close to it."""
    best_rival = max(rivals, default=(0.0, ""))
    margin = score - best_rival[0]
    confidence = min(1.0, score / FULL_SCORE) * (0.6 + 0.4 * min(1.0, max(0.0, margin) / 0.25))
    return Match(figure, item_id, round(score, 2), round(confidence, 2), best_rival[1] if margin < 0.25 else "")


def _match_values(
    content: IndicatorsFile, report_id: str, results: list[Figure], progress: Progress | None
) -> list[Match]:
    """Results to kept indicators: one value per indicator, period and report."""
    taken = {(i.id, v.period) for i in content.indicators for v in i.values if v.source.report == report_id}
    return _assign(results, list(content.indicators), _indicator_score, lambda i, f: (i.id, f.period), taken, progress)


def _outcomes(report: ReportFacts, results: list[Figure], previous: list[Target], values: list[Match]) -> list[Match]:
    """Last plan year's targets without an outcome, each with the result of that year that answers it.

    A target the words do not match is still answered by the figure of that year the draft matched to its
    baseline indicator: the baseline counts the same thing (README, "A new report arrives").
    """
    open_targets = [t for t in previous if t.outcome is None]
    of_the_year = [f for f in results if f.period == str(report.reviews)]
    found = _assign(of_the_year, open_targets, _target_score, lambda t, f: t.id)
    figures, closed = {m.figure.start for m in found}, {m.item_id for m in found}
    for target in (open_target for open_target in open_targets if open_target.id not in closed):
        same = [
            m
            for m in values
            if m.item_id == target.baseline
            and m.figure.period == str(report.reviews)
            and m.figure.start not in figures
            and unit_fits(target.unit.zh, m.figure)
        ]
        if same:
            figures.add(same[0].figure.start)
            found.append(Match(same[0].figure, target.id, same[0].score, same[0].confidence))
    return sorted(found, key=lambda m: m.figure.start)


def _continued_ids(targets: list[Match], plans: int, used: set[str]) -> dict[int, str]:
    """Ids for this year's targets that continue last year's: safety.new_safety_posts_2024 → …_2025."""
    return {match.figure.start: _next_year_id(match.item_id, plans, used) for match in targets}


def _next_year_id(item_id: str, plans: int, used: set[str]) -> str:
    """The id of last year's item for the new plan year: its year replaced (or added), unique."""
    return _unique(f"{re.sub(r'_[0-9]{4}$', '', item_id)}_{plans}", used)


def _unique(item_id: str, used: set[str]) -> str:
    """The id, or the id with _2, _3… when the data already has it."""
    candidate, number = item_id, 2
    while candidate in used:
        candidate, number = f"{item_id}_{number}", number + 1
    used.add(candidate)
    return candidate


# ── New items ──────────────────────────────────────────────────────────────────────────────────────


def _new_items(
    content: IndicatorsFile, figures: list[Figure], year: int, values: list[Match], used: set[str]
) -> list[NewItem]:
    """A proposed new indicator (or target) for each figure nothing kept matches.

    Its id holds TODO (housing.TODO_2024_1): a review mark, so validate and apply refuse it until a person names it.
    """
    items = []
    for number, figure in enumerate(figures, start=1):
        theme = _theme_of(content, figure, values)
        item_id = _unique(f"{theme}.TODO_{year}_{number}", used)
        items.append(NewItem(figure, item_id, theme, closest_indicator(content, figure)))
    return items


def _theme_of(content: IndicatorsFile, figure: Figure, values: list[Match]) -> str:
    """The theme of the kept indicator whose name is nearest the figure, else of its section's matches."""
    indicators = {i.id: i for i in content.indicators}
    scored = max(((name_score(i.name.zh, figure), i.theme) for i in content.indicators), default=(0.0, ""))
    if scored[0] >= 0.25:
        return scored[1]
    same_section = Counter(indicators[m.item_id].theme for m in values if m.figure.section == figure.section)
    return same_section.most_common(1)[0][0] if same_section else content.themes[0].id


def closest_indicator(content: IndicatorsFile, figure: Figure) -> tuple[float, str]:
    """(score, id) of the kept indicator in the figure's unit that scores highest for it: a hint for staff.

    For a new indicator it may be the same figure after all; for a new target it may be the baseline. Only a
    plausible one is named: its name, or its earlier phrase, must stand in the number's own phrase or clause
    (sharing words with the sentence alone named unrelated figures).
    """
    plausible = [i for i in content.indicators if _phrase_score(i, figure) >= CLOSEST_PHRASE]
    return max(((round(_indicator_score(i, figure), 2), i.id) for i in plausible), default=(0.0, ""))


def _phrase_score(indicator, figure: Figure) -> float:
    """How much of the indicator stands in the number's phrase and clause (its sentence not counted)."""
    if not unit_fits(indicator.unit.zh, figure):
        return 0.0
    near = bigrams(figure.near + figure.unit)
    earlier = [dice(bigrams(phrase_of(v.source.quote, v.value)), near) for v in indicator.values]
    return max([name_score(indicator.name.zh, figure, (1.0, 0.7, 0.0)), *earlier])


def comparison_of(figure: Figure) -> str:
    """at_most where the sentence caps the number (不超过, 控制在…以内), else at_least."""
    return "at_most" if any(word in figure.clause for word in _AT_MOST_WORDS) else "at_least"


# ── Summary ────────────────────────────────────────────────────────────────────────────────────────


def summary(draft: Draft, lang: str = "zh") -> str:
    """One paragraph: numbers found, matched, new, skipped (by reason), the closing year's outcomes by what the
    draft proposes, and how many need a close look."""
    reasons = Counter(f.reason for f in draft.skipped)
    closing = draft.closing
    states = Counter(m.status for m in closing.milestones)
    return t(
        "draft_summary",
        lang,
        numbers=len(draft.figures),
        results=len(draft.values) + len(draft.new_indicators),
        values=len(draft.values),
        new_figures=len(draft.new_indicators),
        targets=len(draft.continued_targets) + len(draft.new_targets),
        continued=len(draft.continued_targets),
        new_targets=len(draft.new_targets),
        year=draft.report.reviews,
        open=len(draft.outcomes) + len(closing.milestones) + len(closing.targets_named) + len(closing.silent),
        outcomes=len(draft.outcomes),
        named=len(closing.milestones),
        done=states["done"],
        not_done=states["not_done"],
        decide=states["unclear"],
        named_targets=len(closing.targets_named),
        silent=len(closing.silent),
        milestones=len(draft.new_milestones),
        terms=len(draft.new_terms),
        already=len(draft.already),
        skipped=len(draft.skipped),
        reasons=", ".join(f"{reason} {count}" for reason, count in sorted(reasons.items())),
        low=len(draft.low_confidence()),
    )
