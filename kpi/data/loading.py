"""Load and check the data directory (indicators.yaml, glossary.yaml, exclusions.yaml, the report texts in source/).

Why one entry point: the command line and the app must agree on what "valid" means, so both call
`load_dataset`, which either returns a complete Dataset or raises DataErrors with every problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kpi.data.dataset import Dataset, sourced, themed_items
from kpi.data.errors import DataError, DataErrors, show_input
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, report_path
from kpi.data.icons import is_valid_icon
from kpi.data.model import ExclusionsFile, GlossaryFile, Indicator, IndicatorsFile
from kpi.data.parsing import ParsedFile, parse_file
from kpi.data.series import observations
from kpi.numbers import number_in_text, numbers_in, plain
from kpi.periods import parse_period
from kpi.report import ReportTextError, decode_report, section_titles, sentence_span
from kpi.site import RESERVED_PATHS


# Lists whose items share one set of ids, per file: an id used twice in them is said once, before the model reads.
ID_GROUPS = {INDICATORS: (("reports",), ("themes",), ("indicators", "programmes", "breakdowns", "targets", "milestones")),
             GLOSSARY: (("terms",),), EXCLUSIONS: ()}


def load_dataset(directory: Path) -> Dataset:
    """Read, validate and cross-check the data directory; raise DataErrors with every problem."""
    errors: list[DataError] = []
    parsed = {}
    files = [(INDICATORS, IndicatorsFile), (GLOSSARY, GlossaryFile)]
    if (directory / EXCLUSIONS).exists():
        files.append((EXCLUSIONS, ExclusionsFile))
    for name, model in files:
        try:
            result, found = parse_file(directory / name, name, model, ID_GROUPS[name])
        except DataErrors as exc:
            errors += exc.errors
            continue
        errors += found
        if result is not None:
            parsed[name] = result
    if INDICATORS in parsed:
        texts, text_errors = _report_texts(parsed[INDICATORS], directory)
        errors += text_errors + _cross_check(parsed[INDICATORS], texts)
        if GLOSSARY in parsed:
            errors += list(_glossary_checks(parsed[GLOSSARY], parsed[INDICATORS].model, texts))
        if EXCLUSIONS in parsed:
            errors += list(_exclusion_checks(parsed[EXCLUSIONS], parsed[INDICATORS].model, texts))
    if errors:
        raise DataErrors(errors)
    indicators, excluded = parsed[INDICATORS], parsed.get(EXCLUSIONS)
    lines = {item.id: indicators.line((group, index)) for group, index, item in themed_items(indicators.model)}
    exclusion_lines = {(group, index): excluded.line((group, index)) for group in ("numbers", "statements")
                       for index in range(len(getattr(excluded.model, group)))} if excluded else {}
    return Dataset(indicators.model, parsed[GLOSSARY].model, texts, lines, excluded.model if excluded else None, exclusion_lines)


def _report_texts(parsed: ParsedFile, directory: Path) -> tuple[dict[str, str], list[DataError]]:
    """Each report's text by id; errors for unsafe, missing, unreadable or shared files and repeated ids."""
    texts, errors = {}, []
    first_file: dict[str, tuple[str, int]] = {}
    for index, report in enumerate(parsed.model.reports):
        loc = ("reports", index)
        if report.file in first_file:
            other, line = first_file[report.file]
            errors.append(parsed.error(loc + ("file",), "duplicate_report_file", input=report.file, other=other, first=line))
        first_file.setdefault(report.file, (report.id, parsed.line(loc + ("file",))))
        path = report_path(directory, report.file)
        if path is None:
            errors.append(parsed.error(loc + ("file",), "report_outside_source", input=show_input(report.file)))
        elif not path.is_file():
            errors.append(parsed.error(loc + ("file",), "report_missing", input=report.file))
        else:
            try:  # read exactly as `python -m kpi draft` reads a report
                texts.setdefault(report.id, decode_report(path.read_bytes()))
            except ReportTextError as exc:
                errors.append(parsed.error(loc + ("file",), "report_not_utf8", input=f"{report.file}:{exc.line}:{exc.column}"))
    return texts, errors


def _cross_check(parsed: ParsedFile, texts: dict[str, str]) -> list[DataError]:
    """Checks one field cannot make alone: references, quotes against their reports (ids are checked as written)."""
    checks = (_themes(parsed), _report_years(parsed), _references(parsed), _progress(parsed), _sources(parsed, texts),
              _periods_reviewed(parsed), _outcomes(parsed), _related(parsed, texts), _headings(parsed, texts),
              _programme_totals(parsed))
    return [error for check in checks for error in check]


def _themes(parsed: ParsedFile) -> Iterator[DataError]:
    """A theme is a page: its id is its URL path, which no page of the app's own may have (kpi/site.py), and its
    icon must be one Streamlit shows (kpi/data/icons.py). Either mistake would stop every page, not just this one."""
    reserved = ", ".join(sorted(RESERVED_PATHS))
    for index, theme in enumerate(parsed.model.themes):
        if theme.id in RESERVED_PATHS:
            yield parsed.error(("themes", index, "id"), "theme_id_reserved", input=theme.id, expected=reserved)
        if not is_valid_icon(theme.icon):
            yield parsed.error(("themes", index, "icon"), "icon_invalid", input=show_input(theme.icon))


def _report_years(parsed: ParsedFile) -> Iterator[DataError]:
    """Each January's report reviews the year just ended and plans the next: published after the year it reviews,
    planning the year after it. The order of reports (by date) is the order in which their figures replace others."""
    for index, report in enumerate(parsed.model.reports):
        if report.plans != report.reviews + 1:
            yield parsed.error(("reports", index, "plans"), "plans_not_next_year", input=report.plans,
                               expected=report.reviews + 1)
        if report.published.year <= report.reviews:
            yield parsed.error(("reports", index, "published"), "published_before_review_ends",
                               input=report.published.isoformat(), reviews=report.reviews)


def _programme_totals(parsed: ParsedFile) -> Iterator[DataError]:
    """A programme's chart draws its parts inside its total: parts that add up to more than the whole cannot be drawn."""
    content: IndicatorsFile = parsed.model
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
            yield parsed.error(("programmes", index, "parts"), "programme_parts_exceed_total", input=plain(parts),
                               expected=plain(latest(programme.total)), total=programme.total)


def _references(parsed: ParsedFile) -> Iterator[DataError]:
    content: IndicatorsFile = parsed.model
    themes = [t.id for t in content.themes]
    indicators = {i.id for i in content.indicators}
    for group, index, item in themed_items(content):
        if item.theme not in themes:
            yield parsed.error((group, index, "theme"), "unknown_theme", input=item.theme, expected=", ".join(themes))
        refs = [((name,), getattr(item, name, None)) for name in ("baseline", "total")]
        refs += [(("parts", n, "indicator"), part.indicator) for n, part in enumerate(getattr(item, "parts", []))
                 if group == "programmes"]
        refs += [(("parts", n), part) for n, part in enumerate(getattr(item, "parts", [])) if group == "breakdowns"]
        for where, ref in refs:
            if ref is not None and ref not in indicators:
                yield parsed.error((group, index, *where), "unknown_indicator", input=ref)


def _sources(parsed: ParsedFile, texts: dict[str, str]) -> Iterator[DataError]:
    """Each source names a known report; its quote stands verbatim in that report, holding its number."""
    reports = [r.id for r in parsed.model.reports]
    for loc, source, value in sourced(parsed.model):
        if source.report not in reports:
            yield parsed.error(loc + ("source", "report"), "unknown_report", input=source.report, expected=", ".join(reports))
        elif source.report not in texts:
            continue  # the report file itself is wrong, and said so once
        elif source.quote not in texts[source.report]:
            yield parsed.error(loc + ("source", "quote"), "quote_not_in_report", input=show_input(source.quote),
                               report=source.report)
        elif isinstance(value, str) and value not in source.quote:
            yield parsed.error(loc + ("words", "zh"), "words_not_in_quote", input=show_input(value))
        elif isinstance(value, float) and not number_in_text(value, source.quote):
            yield parsed.error(loc + ("value",), "value_not_in_quote", input=plain(value))


def _headings(parsed: ParsedFile, texts: dict[str, str]) -> Iterator[DataError]:
    """A heading's Chinese is the report's own title of that section, word for word."""
    for index, report in enumerate(parsed.model.reports):
        titles = section_titles(texts.get(report.id, ""))
        for number, heading in enumerate(report.headings):
            expected = titles.get(heading.section, heading.section.split(" ", 1)[1])
            if report.id in texts and heading.title.zh != expected:
                yield parsed.error(("reports", index, "headings", number, "title", "zh"), "heading_not_in_report",
                                   input=show_input(heading.title.zh), expected=expected, section=heading.section)


def _periods_reviewed(parsed: ParsedFile) -> Iterator[DataError]:
    """A report can only state figures for years it looks back on."""
    reports = {r.id: r for r in parsed.model.reports}
    for index, indicator in enumerate(parsed.model.indicators):
        for number, value in enumerate(indicator.values):
            report = reports.get(value.source.report)
            if report is not None and parse_period(value.period)[1].year > report.reviews:
                yield parsed.error(("indicators", index, "values", number, "period"), "period_after_report",
                                   input=value.period, report=report.id, reviews=report.reviews)


def _outcomes(parsed: ParsedFile) -> Iterator[DataError]:
    """An outcome comes from the report that reviews the item's plan year, whether it states it or is silent."""
    reports = {r.id: r for r in parsed.model.reports}
    for group in ("targets", "milestones"):
        for index, item in enumerate(getattr(parsed.model, group)):
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
                    yield parsed.error(loc, "unknown_report", input=told, expected=", ".join(reports))
            elif reports[told].reviews != planned.plans:
                yield parsed.error(loc, "outcome_wrong_report", input=told, year=planned.plans, reviews=reports[told].reviews)


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


def _related(parsed: ParsedFile, texts: dict[str, str]) -> Iterator[DataError]:
    """A part-of-whole or a breakdown is drawn only where one sentence of the report gives all its parts."""
    content: IndicatorsFile = parsed.model
    indicators = {i.id: i for i in content.indicators}
    groups = [(("programmes", n), p.total, [(("parts", k, "indicator"), part.indicator) for k, part in enumerate(p.parts)])
              for n, p in enumerate(content.programmes)]
    groups += [(("breakdowns", n), b.parts[0], [(("parts", k), part) for k, part in enumerate(b.parts)][1:])
               for n, b in enumerate(content.breakdowns)]
    for loc, anchor, parts in groups:
        for where, part in parts:
            if anchor in indicators and part in indicators and not _one_sentence(indicators[anchor], indicators[part], texts):
                yield parsed.error(loc + where, "programme_unrelated", input=part)
    for index, breakdown in enumerate(content.breakdowns):
        units = [indicators[part].unit.zh for part in breakdown.parts if part in indicators]
        for number, unit in enumerate(units):
            if unit != units[0]:
                yield parsed.error(("breakdowns", index, "parts", number), "breakdown_units_differ", input=unit,
                                   expected=units[0])


def _progress(parsed: ParsedFile) -> Iterator[DataError]:
    """Targets must be reachable numbers; progress must be a dated series, in order, within the plan year."""
    content: IndicatorsFile = parsed.model
    plans = {r.id: r.plans for r in content.reports}
    for index, target in enumerate(content.targets):
        if target.value < 0 or (target.value == 0 and target.comparison != "at_most"):
            yield parsed.error(("targets", index, "value"), "target_not_positive", input=plain(target.value))
        for number, entry in enumerate(target.progress):
            loc = ("targets", index, "progress", number)
            if entry.value < 0:
                yield parsed.error(loc + ("value",), "progress_negative", input=plain(entry.value))
            if entry.unit is not None and entry.unit != target.unit.zh:
                yield parsed.error(loc + ("unit",), "progress_unit_mismatch", input=entry.unit, expected=target.unit.zh)
    for group in ("targets", "milestones"):
        for index, item in enumerate(getattr(content, group)):
            if item.source.report in plans:
                yield from _dated_series(parsed, (group, index), plans[item.source.report], [e.date for e in item.progress])


def _dated_series(parsed: ParsedFile, loc: tuple, year: int, dates: list) -> Iterator[DataError]:
    for number, (previous, current) in enumerate(zip([None, *dates], dates)):
        where = loc + ("progress", number, "date")
        if current.year < year:
            yield parsed.error(where, "progress_before_period", input=current.isoformat(), year=year)
        if previous is not None and current == previous:
            yield parsed.error(where, "progress_duplicate_date", input=current.isoformat())
        elif previous is not None and current < previous:
            yield parsed.error(where, "progress_out_of_order", input=current.isoformat())


def _glossary_checks(parsed: ParsedFile, content: IndicatorsFile, texts: dict[str, str]) -> Iterator[DataError]:
    """Terms are unique (ids are checked as written), name a known report, and define themselves in that report's words."""
    reports = [r.id for r in content.reports]
    first_term: dict[str, int] = {}
    for index, term in enumerate(parsed.model.terms):
        loc = ("terms", index)
        if term.term.zh in first_term:
            yield parsed.error(loc + ("term", "zh"), "duplicate_term", input=term.term.zh, first=first_term[term.term.zh])
        first_term.setdefault(term.term.zh, parsed.line(loc + ("term", "zh")))
        if term.report not in reports:
            yield parsed.error(loc + ("report",), "unknown_report", input=term.report, expected=", ".join(reports))
        elif term.report in texts and term.definition.zh not in texts[term.report]:
            yield parsed.error(loc + ("definition", "zh"), "quote_not_in_report", input=show_input(term.definition.zh),
                               report=term.report)


def _exclusion_checks(parsed: ParsedFile, content: IndicatorsFile, texts: dict[str, str]) -> Iterator[DataError]:
    """Each exclusion names a known report and stands in it verbatim (a number's, holding a number), once."""
    reports = [r.id for r in content.reports]
    for group in ("numbers", "statements"):
        first: dict[tuple[str, str], int] = {}
        for index, entry in enumerate(getattr(parsed.model, group)):
            loc = (group, index)
            if (entry.report, entry.text) in first:
                yield parsed.error(loc + ("text",), "duplicate_exclusion", input=show_input(entry.text),
                                   first=first[entry.report, entry.text])
            first.setdefault((entry.report, entry.text), parsed.line(loc))
            if entry.report not in reports:
                yield parsed.error(loc + ("report",), "unknown_report", input=entry.report, expected=", ".join(reports))
            elif entry.report in texts and entry.text not in texts[entry.report]:
                yield parsed.error(loc + ("text",), "exclusion_not_in_report", input=show_input(entry.text), report=entry.report)
            elif group == "numbers" and not any(numbers_in(entry.text)):
                yield parsed.error(loc + ("text",), "exclusion_without_number", input=show_input(entry.text))
