"""The rules across files: what no single field can tell, each a small named function that says its rule.

Why small named rules in one tuple (the way sdg-build writes its checks): `RULES` is the one list of what
`validate` checks beyond the model, each rule's name and docstring say what it demands, and the loader runs
every rule, so one run reports every problem. A rule yields located DataErrors. Ids are checked as written
(kpi/data/file_checks.py), before any rule runs. A rule is silent where what it needs is wrong already (an unknown
report, a report text that could not be read): that mistake is said once, by the rule or check it belongs to.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from kpi.data.dataset import sourced, themed_items
from kpi.data.errors import DataError, show_input
from kpi.data.icons import is_valid_icon
from kpi.data.model import (
    ExclusionsFile,
    GlossaryFile,
    Indicator,
    IndicatorsFile,
    Milestone,
    Result,
    Source,
    StatementExclusion,
    Target,
)
from kpi.data.parsing import ParsedFile
from kpi.data.series import observations
from kpi.periods import parse_period
from kpi.report.layout import REVIEW, TASKS, clauses, clauses_holding
from kpi.report.numbers import every_number_in, number_in_text, plain
from kpi.report.stages import governing_clauses, governing_spans, stage_phrases, words_standing_in
from kpi.report.text import section_titles, sentence_span
from kpi.site import RESERVED_PATHS
from kpi.vocabulary import ID_VERBS, LIMITING, RECURRING, TERMS, LimitingWord, id_words, words_in


@dataclass(frozen=True)
class Files:
    """What the rules read: the parsed indicators file, the glossary and exclusions when they parsed, the report texts."""

    indicators: ParsedFile[IndicatorsFile]
    texts: dict[str, str]  # report id → its text; a report whose file is wrong has none
    glossary: ParsedFile[GlossaryFile] | None = None
    exclusions: ParsedFile[ExclusionsFile] | None = None

    @property
    def content(self) -> IndicatorsFile:
        return self.indicators.model


Rule = Callable[[Files], Iterator[DataError]]
ITEMS = ("indicators", "targets", "milestones", "results")  # the lists whose items have a name read against a sentence


# ── Themes and reports ───────────────────────────────────────────────────────────────────────────────


def theme_ids_are_not_app_paths(files: Files) -> Iterator[DataError]:
    """A theme's id, its page's URL path, is none of the app's own pages' paths (kpi/site.py): that stops every page."""
    reserved = ", ".join(sorted(RESERVED_PATHS))
    for index, theme in enumerate(files.content.themes):
        if theme.id in RESERVED_PATHS:
            yield files.indicators.error(
                ("themes", index, "id"), "theme_id_reserved", input=theme.id, expected=reserved
            )


def theme_icons_are_streamlit_icons(files: Files) -> Iterator[DataError]:
    """A theme's icon is one Streamlit shows (kpi/data/icons.py): any other stops every page."""
    for index, theme in enumerate(files.content.themes):
        if not is_valid_icon(theme.icon):
            yield files.indicators.error(("themes", index, "icon"), "icon_invalid", input=show_input(theme.icon))


def reports_plan_the_year_after_they_review(files: Files) -> Iterator[DataError]:
    """Each January's report reviews the year just ended and plans the next one."""
    for index, report in enumerate(files.content.reports):
        if report.plans != report.reviews + 1:
            yield files.indicators.error(
                ("reports", index, "plans"), "plans_not_next_year", input=report.plans, expected=report.reviews + 1
            )


def reports_are_published_after_the_year_they_review(files: Files) -> Iterator[DataError]:
    """A report is published after the year it reviews: the order of publication is the order figures replace others."""
    for index, report in enumerate(files.content.reports):
        if report.published.year <= report.reviews:
            yield files.indicators.error(
                ("reports", index, "published"),
                "published_before_review_ends",
                input=report.published.isoformat(),
                reviews=report.reviews,
            )


# ── References between items ─────────────────────────────────────────────────────────────────────────


def items_name_known_themes(files: Files) -> Iterator[DataError]:
    """Every figure, programme, breakdown, target and milestone names a theme of `themes:`."""
    themes = [t.id for t in files.content.themes]
    for group, index, item in themed_items(files.content):
        if item.theme not in themes:
            yield files.indicators.error(
                (group, index, "theme"), "unknown_theme", input=item.theme, expected=", ".join(themes)
            )


def references_name_known_indicators(files: Files) -> Iterator[DataError]:
    """A baseline, a programme's total and parts, and a breakdown's parts name indicators that exist."""
    indicators = {i.id for i in files.content.indicators}
    for group, index, item in themed_items(files.content):
        refs: list[tuple[tuple[str | int, ...], str | None]] = [
            ((name,), getattr(item, name, None)) for name in ("baseline", "total")
        ]
        refs += [
            (("parts", n, "indicator"), part.indicator)
            for n, part in enumerate(getattr(item, "parts", []))
            if group == "programmes"
        ]
        refs += [(("parts", n), part) for n, part in enumerate(getattr(item, "parts", [])) if group == "breakdowns"]
        for where, ref in refs:
            if ref is not None and ref not in indicators:
                yield files.indicators.error((group, index, *where), "unknown_indicator", input=ref)


def former_ids_belong_to_one_item(files: Files) -> Iterator[DataError]:
    """An old id belongs to one item only, not as another's id nor as another's former id: old links still open it."""
    current = {item.id: (group, index) for group, index, item in themed_items(files.content)}
    claimed: dict[str, tuple[str, int]] = {}
    for group, index, item in themed_items(files.content):
        for number, old in enumerate(getattr(item, "former_ids", [])):
            owner = current.get(old) or claimed.get(old)
            if owner is not None:
                yield files.indicators.error(
                    (group, index, "former_ids", number),
                    "former_id_taken",
                    input=old,
                    first=files.indicators.line(owner),
                )
            claimed.setdefault(old, (group, index))


# ── Targets and progress ─────────────────────────────────────────────────────────────────────────────


def targets_are_reachable_numbers(files: Files) -> Iterator[DataError]:
    """A target is above zero, or zero only as a ceiling (at_most): anything else cannot be reached or judged."""
    for index, target in enumerate(files.content.targets):
        if target.value < 0 or (target.value == 0 and target.comparison != "at_most"):
            yield files.indicators.error(("targets", index, "value"), "target_not_positive", input=plain(target.value))


def progress_entries_fit_their_target(files: Files) -> Iterator[DataError]:
    """A progress entry is not negative, and its unit, when given, is its target's."""
    for index, target in enumerate(files.content.targets):
        for number, entry in enumerate(target.progress):
            loc = ("targets", index, "progress", number)
            if entry.value < 0:
                yield files.indicators.error(loc + ("value",), "progress_negative", input=plain(entry.value))
            if entry.unit is not None and entry.unit != target.unit.zh:
                yield files.indicators.error(
                    loc + ("unit",), "progress_unit_mismatch", input=entry.unit, expected=target.unit.zh
                )


def progress_is_dated_in_order_within_the_plan_year(files: Files) -> Iterator[DataError]:
    """A target's or milestone's progress is a dated series, oldest first, one entry a day, from its plan year on."""
    plans = {r.id: r.plans for r in files.content.reports}
    for group in ("targets", "milestones"):
        for index, item in enumerate(getattr(files.content, group)):
            if item.source.report in plans:
                yield from _dated_series(
                    files.indicators, (group, index), plans[item.source.report], [e.date for e in item.progress]
                )


def due_seasons_are_the_reports_words(files: Files) -> Iterator[DataError]:
    """When an item is judged (a season, the year's end) rests on words of its own quote: never a date we invent."""
    for group in ("targets", "milestones"):
        for index, item in enumerate(getattr(files.content, group)):
            if item.due is not None and item.due.words not in item.source.quote:
                yield files.indicators.error(
                    (group, index, "due", "words"), "due_words_not_in_quote", input=show_input(item.due.words)
                )


def _dated_series(parsed: ParsedFile, loc: tuple, year: int, dates: list) -> Iterator[DataError]:
    for number, (previous, current) in enumerate(zip([None, *dates], dates)):
        where = loc + ("progress", number, "date")
        if current.year < year:
            yield parsed.error(where, "progress_before_period", input=current.isoformat(), year=year)
        if previous is not None and current == previous:
            yield parsed.error(where, "progress_duplicate_date", input=current.isoformat())
        elif previous is not None and current < previous:
            yield parsed.error(where, "progress_out_of_order", input=current.isoformat())


# ── The data against the reports' texts ──────────────────────────────────────────────────────────────


def quotes_stand_in_their_report(files: Files) -> Iterator[DataError]:
    """Each source names a known report; its quote stands verbatim in that report, holding its number or words."""
    reports = [r.id for r in files.content.reports]
    for loc, source, value in sourced(files.content):
        if source.report not in reports:
            yield files.indicators.error(
                loc + ("source", "report"), "unknown_report", input=source.report, expected=", ".join(reports)
            )
        elif source.report not in files.texts:
            continue  # the report file itself is wrong, and said so once
        elif source.quote not in files.texts[source.report]:
            yield files.indicators.error(
                loc + ("source", "quote"), "quote_not_in_report", input=show_input(source.quote), report=source.report
            )
        elif isinstance(value, str) and value not in source.quote:
            yield files.indicators.error(loc + ("words", "zh"), "words_not_in_quote", input=show_input(value))
        elif isinstance(value, float) and not number_in_text(value, source.quote):
            yield files.indicators.error(loc + ("value",), "value_not_in_quote", input=plain(value))


def headings_are_the_reports_own_titles(files: Files) -> Iterator[DataError]:
    """A heading's Chinese is the report's own title of that section, word for word."""
    for index, report in enumerate(files.content.reports):
        titles = section_titles(files.texts.get(report.id, ""))
        for number, heading in enumerate(report.headings):
            expected = titles.get(heading.section, heading.section.split(" ", 1)[1])
            if report.id in files.texts and heading.title.zh != expected:
                yield files.indicators.error(
                    ("reports", index, "headings", number, "title", "zh"),
                    "heading_not_in_report",
                    input=show_input(heading.title.zh),
                    expected=expected,
                    section=heading.section,
                )


def figures_are_for_years_their_report_reviews(files: Files) -> Iterator[DataError]:
    """A report can only state figures for years it looks back on."""
    reports = {r.id: r for r in files.content.reports}
    for index, indicator in enumerate(files.content.indicators):
        for number, value in enumerate(indicator.values):
            report = reports.get(value.source.report)
            if report is not None and parse_period(value.period)[1].year > report.reviews:
                yield files.indicators.error(
                    ("indicators", index, "values", number, "period"),
                    "period_after_report",
                    input=value.period,
                    report=report.id,
                    reviews=report.reviews,
                )


def outcomes_come_from_the_report_reviewing_the_plan_year(files: Files) -> Iterator[DataError]:
    """An outcome comes from the report that reviews the item's plan year, whether it states it or is silent."""
    reports = {r.id: r for r in files.content.reports}
    for group in ("targets", "milestones"):
        for index, item in enumerate(getattr(files.content, group)):
            outcome, planned = item.outcome, reports.get(item.source.report)
            if outcome is None or planned is None:
                continue
            field = ("not_mentioned_in",) if outcome.not_mentioned_in else ("source", "report")
            told = outcome.not_mentioned_in or (outcome.source.report if outcome.source else None)
            if told is None:
                continue  # a staff note
            loc = (group, index, "outcome", *field)
            if told not in reports:
                if outcome.not_mentioned_in:  # a quoted source's report is checked with its quote
                    yield files.indicators.error(loc, "unknown_report", input=told, expected=", ".join(reports))
            elif reports[told].reviews != planned.plans:
                yield files.indicators.error(
                    loc, "outcome_wrong_report", input=told, year=planned.plans, reviews=reports[told].reviews
                )


# ── Programmes and breakdowns ────────────────────────────────────────────────────────────────────────


def related_figures_share_one_sentence(files: Files) -> Iterator[DataError]:
    """A part-of-whole or a breakdown is drawn only where one sentence of the report gives all its parts."""
    content = files.content
    indicators = {i.id: i for i in content.indicators}
    groups: list[tuple[tuple[str, int], str, Sequence[tuple[tuple[str | int, ...], str]]]] = [
        (("programmes", n), p.total, [(("parts", k, "indicator"), part.indicator) for k, part in enumerate(p.parts)])
        for n, p in enumerate(content.programmes)
    ]
    groups += [
        (("breakdowns", n), b.parts[0], [(("parts", k), part) for k, part in enumerate(b.parts)][1:])
        for n, b in enumerate(content.breakdowns)
    ]
    for loc, anchor, parts in groups:
        for where, part in parts:
            if (
                anchor in indicators
                and part in indicators
                and not _one_sentence(indicators[anchor], indicators[part], files.texts)
            ):
                yield files.indicators.error(loc + where, "programme_unrelated", input=part)


def _one_sentence(a: Indicator, b: Indicator, texts: dict[str, str]) -> bool:
    """Whether some report states both figures in one sentence (a relation only that sentence can make)."""
    if any(v.source.report not in texts for v in (*a.values, *b.values)):
        return True  # a report text is missing or unreadable: said once already, nothing to check against
    for x in a.values:
        for y in b.values:
            text = texts[x.source.report]
            if x.source.report == y.source.report:
                span_x, span_y = sentence_span(text, x.source.quote), sentence_span(text, y.source.quote)
                if span_x and span_y and span_x[0] < span_y[1] and span_y[0] < span_x[1]:
                    return True
    return False


def breakdown_parts_share_one_unit(files: Files) -> Iterator[DataError]:
    """A breakdown's parts are counted in one unit, so its chart compares like with like."""
    indicators = {i.id: i for i in files.content.indicators}
    for index, breakdown in enumerate(files.content.breakdowns):
        units = [indicators[part].unit.zh for part in breakdown.parts if part in indicators]
        for number, unit in enumerate(units):
            if unit != units[0]:
                yield files.indicators.error(
                    ("breakdowns", index, "parts", number), "breakdown_units_differ", input=unit, expected=units[0]
                )


def programme_parts_fit_in_their_total(files: Files) -> Iterator[DataError]:
    """A programme's chart draws its parts inside its total: parts that add up to more than the whole cannot be drawn."""
    content = files.content
    reports = {r.id: r for r in content.reports}
    indicators = {i.id: i for i in content.indicators}
    if any(v.source.report not in reports for i in content.indicators for v in i.values):
        return  # an unknown report is said once already; the latest figures cannot be told without it

    def latest(indicator_id: str) -> float:
        return observations(indicators[indicator_id], reports)[-1].value.value

    for index, programme in enumerate(content.programmes):
        ids = [programme.total, *(part.indicator for part in programme.parts)]
        if not all(i in indicators for i in ids):
            continue  # an unknown id is said once already
        parts = sum(latest(part.indicator) for part in programme.parts)
        if parts > latest(programme.total):
            yield files.indicators.error(
                ("programmes", index, "parts"),
                "programme_parts_exceed_total",
                input=plain(parts),
                expected=plain(latest(programme.total)),
                total=programme.total,
            )


# ── Names against their sentences ────────────────────────────────────────────────────────────────────


def names_keep_the_limiting_words(files: Files) -> Iterator[DataError]:
    """A limiting word of the quoted clause or of a clause governing it (部分, 大幅, the report's stage phrases…) stands in both names, or name_omits says why."""
    commitments = _commitments(files)
    for group in ITEMS:
        for index, item in enumerate(getattr(files.content, group)):
            yield from _names_keep(files, (group, index), item, commitments)


def _names_keep(
    files: Files, loc: tuple, item: Indicator | Target | Milestone | Result, commitments: dict[str, frozenset[int]]
) -> Iterator[DataError]:
    """The limiting-word errors of one item, and the omissions it does not need."""
    omitted = {omission.word for omission in item.name_omits}
    needed = set()
    for word, clause, governs, words in _limiting_words(item, files.texts, commitments):
        zh_kept = word.zh in item.name.zh or any(word.zh in w.zh for w in words)
        en_kept = word.rendered_in(item.name.en) or any(word.rendered_in(w.en) for w in words)
        if zh_kept and en_kept:
            continue
        needed.add(word.zh)
        if word.zh in omitted:
            continue
        prefix = "limiting_word_governs" if governs else "limiting_word_dropped"
        said = {"word": word.zh, "clause": show_input(clause)}
        if not zh_kept:
            yield files.indicators.error(loc + ("name", "zh"), prefix + "_zh", input=show_input(item.name.zh), **said)
        if not en_kept:
            yield files.indicators.error(
                loc + ("name", "en"), prefix + "_en", input=show_input(item.name.en), expected=word.renderings, **said
            )
    for number, omission in enumerate(item.name_omits):
        if omission.word not in needed:
            yield files.indicators.error(
                loc + ("name_omits", number, "word"), "name_omission_unneeded", input=show_input(omission.word)
            )


def _stated(item: Indicator | Target | Milestone | Result) -> list[tuple[Source, float | str | None, list]]:
    """(source, the value its clause holds, the result's words) for each statement of the item.

    A figure's or a target's clause is the one holding its number (or its words): the other clauses of its sentence
    state other figures. A milestone quotes its commitment, all of it."""
    if isinstance(item, Indicator):
        return [(v.source, v.words.zh if v.words else v.value, [v.words] if v.words else []) for v in item.values]
    if isinstance(item, Target):
        return [(item.source, item.value, [])]
    return [(item.source, None, [])]


def _commitments(files: Files) -> dict[str, frozenset[int]]:
    """Report id → where the items start their own clauses in its text (a milestone its quote, a figure or a target
    the clause of its number): an opening clause one starts in is a commitment, not a lead (kpi/report/stages.py).

    In part two a lead is a clause the data treats as one, by excluding it (a heading, a lead-in): a clause quoted is
    a commitment, one neither quoted nor excluded is undecided (the completeness check lists it). Part one's clauses
    are not all statements, so there an opening clause no item starts in leads."""
    starts: dict[str, set[int]] = {}
    for group in ITEMS:
        for item in getattr(files.content, group):
            for source, value, _ in _stated(item):
                text = files.texts.get(source.report, "")
                at = text.find(source.quote)
                if at >= 0:
                    own = clauses_holding(source.quote, value)
                    starts.setdefault(source.report, set()).update(at + source.quote.find(c) for c in own)
    for report, text in files.texts.items():
        starts.setdefault(report, set()).update(_undecided(files, report, text))
    return {report: frozenset(found) for report, found in starts.items()}


def _undecided(files: Files, report: str, text: str) -> Iterator[int]:
    """Where the clauses of part two start that no exclusion holds: each is a commitment (quoted) or undecided."""
    entries = _statements(files)
    held = [(a, a + len(e.text)) for e in entries if e.report == report for a in _at(text, e.text)]
    for clause in clauses(text):
        if clause.part == TASKS and not any(a <= clause.start and clause.end <= b for a, b in held):
            yield clause.start


def _statements(files: Files) -> list[StatementExclusion]:
    """The statement exclusions of a parsed exclusions file (the caller knows it parsed)."""
    return cast(ExclusionsFile, files.exclusions.model).statements if files.exclusions else []


def _at(text: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), text)]


def _limiting_words(
    item: Indicator | Target | Milestone | Result, texts: dict[str, str], commitments: dict[str, frozenset[int]]
) -> Iterator[tuple[LimitingWord, str, bool, list]]:
    """(limiting word, the clause holding it, whether that clause governs the quote, the result's words) for each
    limiting word of the item's clauses and of the clauses of its sentence that govern them (kpi/report/stages.py)."""
    seen = set()
    for source, value, words in _stated(item):
        text = texts.get(source.report, "")
        vocabulary = LIMITING + stage_phrases(text)
        own = clauses_holding(source.quote, value)
        starts = commitments.get(source.report, frozenset())
        governing = [
            clause
            for mine in own
            for clause in governing_clauses(text, source.quote, starts, mine)
            if clause not in own
        ]
        for clause, governs in [(c, False) for c in own] + [(c, True) for c in dict.fromkeys(governing)]:
            for word in _limiting_in(clause, governs, source, vocabulary):
                if word.zh not in seen:
                    seen.add(word.zh)
                    yield word, clause, governs, words


def _limiting_in(
    clause: str, governs: bool, source: Source, vocabulary: tuple[LimitingWord, ...]
) -> list[LimitingWord]:
    """The limiting words of a clause that bind the item. Part one states its results as reached: the stage of the
    work its sentence opens with (推进燃气隐患治理, 完成软管更换4700余件) does not limit the count."""
    found = words_standing_in(clause, vocabulary)
    return [w for w in found if not (governs and w.kind == "stage" and source.section.startswith(REVIEW))]


def exclusions_leave_items_their_limiting_words(files: Files) -> Iterator[DataError]:
    """No exclusion covers a clause that governs an item of its sentence and holds a limiting word (力争优化市政路网)."""
    if files.exclusions is None:
        return
    commitments, said = _commitments(files), set()
    entries = list(enumerate(_statements(files)))
    for group in ITEMS:
        for item in getattr(files.content, group):
            for source, value, _ in _stated(item):
                text = files.texts.get(source.report, "")
                vocabulary = LIMITING + stage_phrases(text)
                starts = commitments.get(source.report, frozenset())
                for own in clauses_holding(source.quote, value):
                    for a, b, clause in governing_spans(text, source.quote, starts, own):
                        words = _limiting_in(clause, True, source, vocabulary)
                        for index, entry in entries:
                            at = text.find(entry.text) if entry.report == source.report and words else -1
                            if at >= 0 and at <= a and b <= at + len(entry.text) and index not in said:
                                said.add(index)
                                yield files.exclusions.error(
                                    ("statements", index, "text"),
                                    "exclusion_takes_limiting_word",
                                    input=show_input(entry.text),
                                    word=words[0].zh,
                                    item=item.id,
                                )


# ── Ids and themes against the report ───────────────────────────────────────────────────────────────


def ids_agree_with_their_names(files: Files) -> Iterator[DataError]:
    """An id holds no wording the vocabulary bans for its name (peace_house for 平安屋) nor a verb its name contradicts (rectified for 督促整改)."""
    for group in ITEMS:
        for index, item in enumerate(getattr(files.content, group)):
            words = id_words(item.id)
            banned = [
                bad
                for term in TERMS
                if term["zh"] in item.name.zh
                for bad in term.get("not_en", ())
                if _letters(bad) != _letters(term["en"])  # banned for its punctuation, which an id cannot hold
            ]
            banned += [bad for verb, bads in ID_VERBS.items() if verb in item.name.zh for bad in bads]
            for bad in (bad for bad in banned if words_in(words, bad)):
                yield files.indicators.error((group, index, "id"), "id_contradicts_name", input=item.id, word=bad)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def recurring_milestones_say_their_year(files: Files) -> Iterator[DataError]:
    """A milestone held every year (举办, 持续开展…) has an id ending in its plan year: next year's round is another item."""
    for index, milestone in enumerate(files.content.milestones):
        year = files.content.plan_year(milestone)
        if year and any(word in milestone.source.quote for word in RECURRING) and not milestone.id.endswith(f"_{year}"):
            yield files.indicators.error(
                ("milestones", index, "id"), "recurring_id_without_year", input=milestone.id, year=year
            )


def items_sit_in_their_sections_themes(files: Files) -> Iterator[DataError]:
    """An item's theme is one of its report section's (a theme holding a quarter of the section's items), or theme_reason says why not."""
    themes = _section_themes(files.content)
    for group in ITEMS:
        for index, item in enumerate(getattr(files.content, group)):
            elsewhere = [place for place in _places_of(item) if item.theme not in themes.get(place, {item.theme})]
            if elsewhere and item.theme_reason is None:
                report, section = elsewhere[0]
                yield files.indicators.error(
                    (group, index, "theme"),
                    "theme_not_sections",
                    input=item.theme,
                    section=section,
                    expected=", ".join(sorted(themes[report, section])),
                )
            elif not elsewhere and item.theme_reason is not None:
                yield files.indicators.error((group, index, "theme_reason"), "theme_reason_unneeded", input=item.theme)


def _places_of(item: Indicator | Target | Milestone | Result) -> list[tuple[str, str]]:
    """The (report, section) pairs an item is quoted from: a figure's, one per value."""
    sources = [v.source for v in item.values] if isinstance(item, Indicator) else [item.source]
    return list(dict.fromkeys((source.report, source.section) for source in sources))


SECTION_JUDGED = 4  # items a section needs before a lone item under another theme stands out (one of two is no rule)


def _section_themes(content: IndicatorsFile) -> dict[tuple[str, str], set[str]]:
    """(report, section) → the themes holding at least a quarter of its items: the report's own grouping, read off
    the data. A section with fewer than SECTION_JUDGED items is left out: it cannot tell a lone item from a pair.

    Why a quarter: a section may cover two subjects (生态 and 人居环境 in one section, 为老 and 生活圈 in another),
    each with several items; a lone item under another theme (one of nine) is the one to explain."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for group in ITEMS:
        for item in getattr(content, group):
            for place in _places_of(item):
                counts.setdefault(place, Counter())[item.theme] += 1
    return {
        place: {theme for theme, n in found.items() if 4 * n >= sum(found.values())}
        for place, found in counts.items()
        if sum(found.values()) >= SECTION_JUDGED
    }


# ── The glossary and the exclusions ──────────────────────────────────────────────────────────────────


def terms_are_unique(files: Files) -> Iterator[DataError]:
    """A term (its Chinese) stands once in the glossary."""
    if files.glossary is None:
        return
    first_term: dict[str, int] = {}
    for index, term in enumerate(files.glossary.model.terms):
        loc = ("terms", index, "term", "zh")
        if term.term.zh in first_term:
            yield files.glossary.error(loc, "duplicate_term", input=term.term.zh, first=first_term[term.term.zh])
        first_term.setdefault(term.term.zh, files.glossary.line(loc))


def terms_are_defined_in_their_reports_words(files: Files) -> Iterator[DataError]:
    """A term names a known report, and its Chinese definition stands verbatim in that report."""
    if files.glossary is None:
        return
    reports = [r.id for r in files.content.reports]
    for index, term in enumerate(files.glossary.model.terms):
        loc = ("terms", index)
        if term.report not in reports:
            yield files.glossary.error(
                loc + ("report",), "unknown_report", input=term.report, expected=", ".join(reports)
            )
        elif term.report in files.texts and term.definition.zh not in files.texts[term.report]:
            yield files.glossary.error(
                loc + ("definition", "zh"),
                "quote_not_in_report",
                input=show_input(term.definition.zh),
                report=term.report,
            )


def exclusions_are_unique(files: Files) -> Iterator[DataError]:
    """An exclusion (its report and words) stands once in its list."""
    if files.exclusions is None:
        return
    for group in ("numbers", "statements"):
        first: dict[tuple[str, str], int] = {}
        for index, entry in enumerate(getattr(files.exclusions.model, group)):
            if (entry.report, entry.text) in first:
                yield files.exclusions.error(
                    (group, index, "text"),
                    "duplicate_exclusion",
                    input=show_input(entry.text),
                    first=first[entry.report, entry.text],
                )
            first.setdefault((entry.report, entry.text), files.exclusions.line((group, index)))


def exclusions_stand_in_their_report(files: Files) -> Iterator[DataError]:
    """An exclusion names a known report and stands in it verbatim; a number's exclusion holds a number."""
    if files.exclusions is None:
        return
    reports = [r.id for r in files.content.reports]
    for group in ("numbers", "statements"):
        for index, entry in enumerate(getattr(files.exclusions.model, group)):
            loc = (group, index)
            if entry.report not in reports:
                yield files.exclusions.error(
                    loc + ("report",), "unknown_report", input=entry.report, expected=", ".join(reports)
                )
            elif entry.report in files.texts and entry.text not in files.texts[entry.report]:
                yield files.exclusions.error(
                    loc + ("text",), "exclusion_not_in_report", input=show_input(entry.text), report=entry.report
                )
            elif group == "numbers" and not every_number_in(entry.text):
                yield files.exclusions.error(loc + ("text",), "exclusion_without_number", input=show_input(entry.text))


# Every rule the loader runs, in the order of the sections above: what `python -m kpi validate` checks across files.
RULES: tuple[Rule, ...] = (
    theme_ids_are_not_app_paths,
    theme_icons_are_streamlit_icons,
    reports_plan_the_year_after_they_review,
    reports_are_published_after_the_year_they_review,
    items_name_known_themes,
    references_name_known_indicators,
    former_ids_belong_to_one_item,
    targets_are_reachable_numbers,
    progress_entries_fit_their_target,
    progress_is_dated_in_order_within_the_plan_year,
    due_seasons_are_the_reports_words,
    quotes_stand_in_their_report,
    headings_are_the_reports_own_titles,
    figures_are_for_years_their_report_reviews,
    outcomes_come_from_the_report_reviewing_the_plan_year,
    related_figures_share_one_sentence,
    breakdown_parts_share_one_unit,
    programme_parts_fit_in_their_total,
    names_keep_the_limiting_words,
    ids_agree_with_their_names,
    recurring_milestones_say_their_year,
    items_sit_in_their_sections_themes,
    terms_are_unique,
    terms_are_defined_in_their_reports_words,
    exclusions_are_unique,
    exclusions_stand_in_their_report,
    exclusions_leave_items_their_limiting_words,
)
