"""Load and check the data directory (indicators.yaml, glossary.yaml, the report text).

Why one entry point: the command line and the app must agree on what "valid" means, so both call
`load_dataset`, which either returns a complete Dataset or raises DataErrors with every problem.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError
from yaml.nodes import Node

from kpi.errors import DataError, DataErrors, make_error, show_input
from kpi.model import GlossaryFile, Indicator, IndicatorsFile, Term
from kpi.numbers import number_in_text, plain
from kpi.periods import parse_period
from kpi.yaml_source import locate, read_yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
INDICATORS, GLOSSARY = "indicators.yaml", "glossary.yaml"


def data_dir() -> Path:
    """The data directory: $KPI_DATA_DIR when set, else the repository root."""
    return Path(os.environ.get("KPI_DATA_DIR") or REPO_ROOT)


def data_stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime_ns, size) of each data file: changes whenever staff save an edit."""
    stamps = []
    for name in (INDICATORS, GLOSSARY):
        try:
            stat = (directory / name).stat()
            stamps.append((name, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((name, 0, -1))
    return tuple(stamps)


@dataclass(frozen=True)
class Dataset:
    """Everything the app shows, validated."""

    content: IndicatorsFile
    glossary: GlossaryFile
    report_text: str

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.content.indicators}

    @cached_property
    def terms(self) -> dict[str, Term]:
        return {t.id: t for t in self.glossary.terms}

    def theme_indicators(self, theme: str) -> list[Indicator]:
        return [i for i in self.content.indicators if i.theme == theme]


@dataclass(frozen=True)
class _Parsed:
    """A file's validated model with its node tree, for locating later cross-file errors."""

    name: str
    model: BaseModel
    root: Node | None

    def error(self, loc: tuple[str | int, ...], code: str, **params: object) -> DataError:
        line, column = locate(self.root, loc)
        return make_error(self.name, line, column, field_path(loc, self.model), code, **params)


def load_dataset(directory: Path) -> Dataset:
    """Read, validate and cross-check the data directory; raise DataErrors with every problem."""
    errors: list[DataError] = []
    parsed = {}
    for name, model in ((INDICATORS, IndicatorsFile), (GLOSSARY, GlossaryFile)):
        try:
            parsed[name] = _parse(directory / name, name, model)
        except DataErrors as exc:
            errors += exc.errors
    if INDICATORS in parsed:
        errors += _cross_check(parsed[INDICATORS], directory)
    if errors:
        raise DataErrors(errors)
    content = parsed[INDICATORS].model
    return Dataset(content, parsed[GLOSSARY].model, _report_text(directory, content))


def _parse(path: Path, name: str, model: type[BaseModel]) -> _Parsed:
    data, root = read_yaml(path, name)
    try:
        return _Parsed(name, model.model_validate(data), root)
    except ValidationError as exc:
        raise DataErrors([_from_pydantic(err, name, root, data) for err in exc.errors()]) from None


def _from_pydantic(err: dict, name: str, root: Node | None, data: object) -> DataError:
    loc = tuple(err["loc"])
    line, column = locate(root, loc)
    ctx = {k: v for k, v in (err.get("ctx") or {}).items() if k in ("expected", "min_length")}
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


def _report_text(directory: Path, content: IndicatorsFile) -> str:
    return (directory / content.report.file).read_text(encoding="utf-8")


def _cross_check(parsed: _Parsed, directory: Path) -> list[DataError]:
    """Checks one field cannot make alone: unique ids, references, quotes against the report."""
    content: IndicatorsFile = parsed.model
    errors = list(_duplicate_ids(parsed)) + list(_references(parsed)) + list(_progress(parsed))
    report = directory / content.report.file
    if not report.is_file():
        return errors + [parsed.error(("report", "file"), "report_missing", input=content.report.file)]
    return errors + list(_quotes(parsed, report.read_text(encoding="utf-8")))


def _items(content: IndicatorsFile) -> Iterator[tuple[str, int, BaseModel]]:
    for group in ("indicators", "programmes", "targets", "milestones"):
        for index, item in enumerate(getattr(content, group)):
            yield group, index, item


def _duplicate_ids(parsed: _Parsed) -> Iterator[DataError]:
    first: dict[str, int] = {}
    for group, index, item in _items(parsed.model):
        line = locate(parsed.root, (group, index, "id"))[0]
        if item.id in first:
            yield parsed.error((group, index, "id"), "duplicate_id", id=item.id, first=first[item.id])
        first.setdefault(item.id, line)
    themes = [t.id for t in parsed.model.themes]
    for index, theme in enumerate(themes):
        if theme in themes[:index]:
            yield parsed.error(("themes", index, "id"), "duplicate_id", id=theme,
                               first=locate(parsed.root, ("themes", themes.index(theme), "id"))[0])


def _references(parsed: _Parsed) -> Iterator[DataError]:
    content: IndicatorsFile = parsed.model
    themes = [t.id for t in content.themes]
    indicators = {i.id for i in content.indicators}
    for group, index, item in _items(content):
        if item.theme not in themes:
            yield parsed.error((group, index, "theme"), "unknown_theme", input=item.theme, expected=", ".join(themes))
        for field in ("baseline", "total", "done", "in_progress"):
            ref = getattr(item, field, None)
            if ref is not None and ref not in indicators:
                yield parsed.error((group, index, field), "unknown_indicator", input=ref)


def _progress(parsed: _Parsed) -> Iterator[DataError]:
    """Targets must be reachable numbers; progress must be a dated series, in order, within the period."""
    content: IndicatorsFile = parsed.model
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
            yield from _dated_series(parsed, (group, index), item.period, [e.date for e in item.progress])


def _dated_series(parsed: _Parsed, loc: tuple, period: str, dates: list) -> Iterator[DataError]:
    start = parse_period(period)[0]
    for number, (previous, current) in enumerate(zip([None, *dates], dates)):
        where = loc + ("progress", number, "date")
        if current < start:
            yield parsed.error(where, "progress_before_period", input=current.isoformat())
        if previous is not None and current == previous:
            yield parsed.error(where, "progress_duplicate_date", input=current.isoformat())
        elif previous is not None and current < previous:
            yield parsed.error(where, "progress_out_of_order", input=current.isoformat())


def _quotes(parsed: _Parsed, report: str) -> Iterator[DataError]:
    """Every quote stands verbatim in the report, and every figure's number stands in its quote."""
    for group, index, item in _items(parsed.model):
        sourced = [((group, index, "values", i), v.source, v.value) for i, v in enumerate(getattr(item, "values", []))]
        if hasattr(item, "source"):
            sourced.append(((group, index), item.source, getattr(item, "value", None)))
        for loc, source, value in sourced:
            if source.quote not in report:
                yield parsed.error(loc + ("source", "quote"), "quote_not_in_report", input=show_input(source.quote))
            elif value is not None and not number_in_text(value, source.quote):
                yield parsed.error(loc + ("value",), "value_not_in_quote", input=plain(value))
