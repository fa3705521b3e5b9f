"""Load and check the data directory (indicators.yaml, glossary.yaml, exclusions.yaml, the report texts in source/).

Why one entry point: the command line and the app must agree on what "valid" means, so both call
`load_dataset`, which either returns a complete Dataset or raises DataErrors with every problem.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from yaml.nodes import Node

from kpi.data.errors import DataError, DataErrors, make_error, show_input
from kpi.data.file_checks import covered, file_checks
from kpi.data.icons import is_valid_icon
from kpi.data.model import (
    ExclusionsFile,
    GlossaryFile,
    Indicator,
    IndicatorsFile,
    Milestone,
    Report,
    Source,
    Target,
    Term,
)
from kpi.data.series import Observation, observations, report_order
from kpi.data.yaml_reader import locate, read_yaml
from kpi.numbers import number_in_text, numbers_in, plain
from kpi.periods import is_full_year, parse_period
from kpi.report import ReportTextError, decode_report, section_titles, sentence_span
from kpi.site import RESERVED_PATHS

T = TypeVar("T")
REPO_ROOT = Path(__file__).resolve().parents[2]
INDICATORS, GLOSSARY, SOURCE_DIR = "indicators.yaml", "glossary.yaml", "source"
EXCLUSIONS = "exclusions.yaml"  # optional: without it nothing is excluded, so the check lists more, never less


def data_dir() -> Path:
    """The data directory: $KPI_DATA_DIR when set, else the repository root."""
    return Path(os.environ.get("KPI_DATA_DIR") or REPO_ROOT)


def data_stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime_ns, size) of each data file and report text: changes whenever staff save an edit."""
    names = [INDICATORS, GLOSSARY, EXCLUSIONS, *sorted(f"{SOURCE_DIR}/{p.name}" for p in (directory / SOURCE_DIR).glob("*"))]
    stamps = []
    for name in names:
        try:
            stat = (directory / name).stat()
            stamps.append((name, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((name, 0, -1))
    return tuple(stamps)


@dataclass(frozen=True)
class Vintage:
    """How old the figures are: the newest report, and the periods its figures cover."""

    report: Report
    periods: Counter[str]  # period → how many figures of that report cover it

    @property
    def main(self) -> str:
        """The period most of the newest report's figures cover, whole years first: what pages need not repeat."""
        return max(self.periods, key=lambda p: (is_full_year(p), self.periods[p]))


@dataclass(frozen=True)
class Dataset:
    """Everything the app shows, validated."""

    content: IndicatorsFile
    glossary: GlossaryFile
    report_texts: dict[str, str]  # report id → its text
    lines: dict[str, int] = field(default_factory=dict)  # item id → its line in indicators.yaml, for staff
    exclusions: ExclusionsFile | None = None  # None: the data directory has no exclusions.yaml
    exclusion_lines: dict[tuple[str, int], int] = field(default_factory=dict)  # ("numbers", 3) → its line, for staff
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once for this dataset: what pages derive from it (charts, tables) is the same for every
        viewer until staff save an edit, which gives a new Dataset and so a fresh memo. Callers never mutate
        what they get back."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def reports(self) -> dict[str, Report]:
        """Report id → report, oldest first."""
        return {r.id: r for r in sorted(self.content.reports, key=report_order)}

    @cached_property
    def latest_report(self) -> Report:
        return list(self.reports.values())[-1]

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.content.indicators}

    @cached_property
    def terms(self) -> dict[str, Term]:
        return {t.id: t for t in self.glossary.terms}

    @cached_property
    def _series(self) -> dict[str, list[Observation]]:
        return {i.id: observations(i, self.reports) for i in self.content.indicators}

    def theme_indicators(self, theme: str) -> list[Indicator]:
        return [i for i in self.content.indicators if i.theme == theme]

    def series(self, indicator: Indicator) -> list[Observation]:
        """The figure's periods in time order, each as the newest report states it."""
        return self._series[indicator.id]

    def latest(self, indicator: Indicator) -> Observation:
        return self._series[indicator.id][-1]

    def previous(self, indicator: Indicator) -> Observation | None:
        """The period before the latest (for the change on a tile), if any."""
        series = self._series[indicator.id]
        return series[-2] if len(series) > 1 else None

    def baseline(self, target: Target) -> Observation | None:
        """The baseline figure of the year before the target's plan year (what the target builds on)."""
        if target.baseline is None:
            return None
        year = self.plan_year(target) - 1
        same_year = [o for o in self._series[target.baseline] if parse_period(o.period)[1].year == year]
        return same_year[-1] if same_year else None

    def plan_year(self, item: Target | Milestone) -> int:
        """Targets and milestones belong to the year their report plans for (every report is known once loaded)."""
        return self.content.plan_year(item)

    @cached_property
    def plan_years(self) -> list[int]:
        """Every plan year that has targets or milestones, in order."""
        return sorted({self.plan_year(x) for x in (*self.content.targets, *self.content.milestones)})

    def planned(self, year: int) -> tuple[list[Target], list[Milestone]]:
        """The targets and milestones set for one plan year."""
        return ([x for x in self.content.targets if self.plan_year(x) == year],
                [x for x in self.content.milestones if self.plan_year(x) == year])

    @cached_property
    def vintage(self) -> Vintage:
        """The newest report that states a figure. Why not simply the newest report: staff paste a new report's
        entry before its figures, and the header must not name a report whose figures are not in yet."""
        stated = Counter((v.source.report, v.period) for i in self.content.indicators for v in i.values)
        report = [r for r in self.reports.values() if any(rid == r.id for rid, _ in stated)][-1]
        return Vintage(report, Counter({period: n for (rid, period), n in stated.items() if rid == report.id}))


@dataclass(frozen=True)
class ParsedFile:
    """A file's validated model with its node tree, for locating later cross-file errors."""

    name: str
    model: BaseModel
    root: Node | None

    def error(self, loc: tuple[str | int, ...], code: str, **params: object) -> DataError:
        line, column = locate(self.root, loc)
        return make_error(self.name, line, column, field_path(loc, self.model), code, **params)

    def line(self, loc: tuple[str | int, ...]) -> int:
        return locate(self.root, loc)[0]


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
    lines = {item.id: indicators.line((group, index)) for group, index, item in _items(indicators.model)}
    exclusion_lines = {(group, index): excluded.line((group, index)) for group in ("numbers", "statements")
                       for index in range(len(getattr(excluded.model, group)))} if excluded else {}
    return Dataset(indicators.model, parsed[GLOSSARY].model, texts, lines, excluded.model if excluded else None, exclusion_lines)


def parse_file(path: Path, name: str, model: type[BaseModel],
               id_groups: tuple[tuple[str, ...], ...] = ()) -> tuple[ParsedFile | None, list[DataError]]:
    """The file read into its model (None when the model refuses it) and every problem found on the way.

    A file that is not YAML at all raises DataErrors. Mistakes of the hand (kpi/data/file_checks.py) are said in
    their own words, and the model's errors they explain are left out.
    """
    data, root = read_yaml(path, name)
    findings = file_checks(data, root, id_groups)
    errors = [make_error(name, *locate(root, f.loc), field_path(f.loc, data), f.code, **f.params) for f in findings]
    try:
        return ParsedFile(name, model.model_validate(data), root), errors
    except ValidationError as exc:
        return None, errors + [_from_pydantic(err, name, root, data) for err in exc.errors() if not covered(tuple(err["loc"]), findings)]


def _from_pydantic(err: dict, name: str, root: Node | None, data: object) -> DataError:
    loc = tuple(err["loc"])
    line, column = locate(root, loc)
    ctx = {k: v for k, v in (err.get("ctx") or {}).items() if k in ("expected", "min_length", "ge", "le")}
    if "expected" in ctx:  # pydantic's "'a', 'b' or 'c'" reads as English; "'a' / 'b' / 'c'" reads in both
        ctx["expected"] = str(ctx["expected"]).replace(" or ", ", ").replace(", ", " / ")
    return make_error(name, line, column, field_path(loc, data), err["type"],
                      input=show_input(err.get("input")), detail=err["msg"], **ctx)


def field_path(loc: tuple[str | int, ...], data: object) -> str:
    """`indicators[economy.x].values[0].value`: list items named by their id when they have one.

    `data` is the raw YAML data (dicts and lists) or the validated model; either names the items.
    """
    text, node = "", data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            label = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
            text, node = f"{text}[{label if isinstance(label, str) else part}]", item
        else:
            child = node.get(part) if isinstance(node, dict) else getattr(node, str(part), None)
            text, node = f"{text}.{part}" if text else str(part), child
    return text


def report_path(directory: Path, file: str) -> Path | None:
    """The report text's path, or None when `file` would reach outside source/.

    Why so strict: the public report page shows the file's text, so a path must never reach other files
    (no absolute paths, no `..`, no backslashes, no symbolic link out of source/).
    """
    relative = PurePosixPath(file)
    if "\\" in file or relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != (SOURCE_DIR,) \
            or len(relative.parts) < 2:
        return None
    path = directory / relative
    return path if path.resolve().is_relative_to((directory / SOURCE_DIR).resolve()) else None


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


def _items(content: IndicatorsFile) -> Iterator[tuple[str, int, BaseModel]]:
    for group in ("indicators", "programmes", "breakdowns", "targets", "milestones"):
        for index, item in enumerate(getattr(content, group)):
            yield group, index, item


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
    for group, index, item in _items(content):
        if item.theme not in themes:
            yield parsed.error((group, index, "theme"), "unknown_theme", input=item.theme, expected=", ".join(themes))
        refs = [((name,), getattr(item, name, None)) for name in ("baseline", "total")]
        refs += [(("parts", n, "indicator"), part.indicator) for n, part in enumerate(getattr(item, "parts", []))
                 if group == "programmes"]
        refs += [(("parts", n), part) for n, part in enumerate(getattr(item, "parts", [])) if group == "breakdowns"]
        for where, ref in refs:
            if ref is not None and ref not in indicators:
                yield parsed.error((group, index, *where), "unknown_indicator", input=ref)


def sourced(content: IndicatorsFile) -> Iterator[tuple[tuple, Source, float | str | None]]:
    """(location, source, the number or the words it must hold) of every sentence the indicators file quotes."""
    for index, indicator in enumerate(content.indicators):
        for number, value in enumerate(indicator.values):
            yield ("indicators", index, "values", number), value.source, value.words.zh if value.words else value.value
    for group in ("targets", "milestones"):
        for index, item in enumerate(getattr(content, group)):
            yield (group, index), item.source, getattr(item, "value", None)
            if item.outcome is not None and item.outcome.source is not None:
                yield (group, index, "outcome"), item.outcome.source, getattr(item.outcome, "value", None)


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
