"""Load and check the data directory (indicators.yaml, glossary.yaml, exclusions.yaml, the report texts in source/).

Why one entry point: the command line and the app must agree on what "valid" means, so both call `parse_dataset`
(through `load_dataset`, which reads the directory first), which either returns a complete Dataset or raises
DataErrors with every problem: each file's (kpi/data/parsing.py), its report texts' (here), and every rule across
files (kpi/data/rules.py). Why parse bytes already read: the directory is read once, as one snapshot
(kpi/data/reading.py), and the data's version is the digest of those bytes, so it names exactly what was parsed.
"""

from __future__ import annotations

from pathlib import Path

from kpi.data.dataset import Dataset, themed_items
from kpi.data.errors import DataError, DataErrors, make_error, show_input
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, report_path
from kpi.data.model import ExclusionsFile, GlossaryFile, IndicatorsFile
from kpi.data.parsing import Model, ParsedFile, parse_file
from kpi.data.reading import Contents, read_contents
from kpi.data.rules import RULES, Files
from kpi.data.yaml_reader import MAX_BYTES, too_large
from kpi.report.text import ReportTextError, decode_report

# Lists whose items share one set of ids, per file: an id used twice in them is said once, before the model reads.
ID_GROUPS = {
    INDICATORS: (
        ("reports",),
        ("themes",),
        ("indicators", "programmes", "breakdowns", "targets", "milestones", "results"),
    ),
    GLOSSARY: (("terms",),),
    EXCLUSIONS: (),
}


def load_dataset(directory: Path) -> Dataset:
    """Read the data directory once, then validate and cross-check what was read; raise DataErrors with every problem."""
    return parse_dataset(read_contents(directory))


def parse_dataset(contents: Contents) -> Dataset:
    """Validate and cross-check the files as read; raise DataErrors with every problem."""
    errors: list[DataError] = []
    indicators = _parsed(contents, INDICATORS, IndicatorsFile, errors)
    glossary = _parsed(contents, GLOSSARY, GlossaryFile, errors)
    excluded = _parsed(contents, EXCLUSIONS, ExclusionsFile, errors) if contents.size(EXCLUSIONS) >= 0 else None
    if indicators is not None:
        texts, text_errors = read_report_texts(indicators, contents)
        files = Files(indicators, texts, glossary, excluded)
        errors += text_errors + [error for rule in RULES for error in rule(files)]  # every rule, so every problem
    if errors:
        raise DataErrors(errors)
    assert indicators is not None and glossary is not None, "a file that did not parse left an error"
    lines = {item.id: indicators.line((group, index)) for group, index, item in themed_items(indicators.model)}
    exclusion_lines = (
        {
            (group, index): excluded.line((group, index))
            for group in ("numbers", "statements")
            for index in range(len(getattr(excluded.model, group)))
        }
        if excluded
        else {}
    )
    return Dataset(
        indicators.model, glossary.model, texts, lines, excluded.model if excluded else None, exclusion_lines
    )


def _parsed(contents: Contents, name: str, model: type[Model], errors: list[DataError]) -> ParsedFile[Model] | None:
    """One file read into its model, its problems added to `errors`; None when it could not be read or validated."""
    try:
        result, found = parse_file(file_bytes(contents, name), name, model, ID_GROUPS[name])
    except DataErrors as exc:
        errors += exc.errors
        return None
    errors += found
    return result


def file_bytes(contents: Contents, name: str) -> bytes:
    """A data file's bytes as read; DataErrors when it is missing or too large to read."""
    if name in contents.files:
        return contents.files[name]
    too_large(name, contents.size(name))
    raise DataErrors([make_error(name, 1, 1, "", "file_missing")])


def read_report_texts(parsed: ParsedFile[IndicatorsFile], contents: Contents) -> tuple[dict[str, str], list[DataError]]:
    """Each report's text by id; errors for unsafe, missing, unreadable or shared files and repeated ids."""
    texts: dict[str, str] = {}
    errors: list[DataError] = []
    first_file: dict[str, tuple[str, int]] = {}
    for index, report in enumerate(parsed.model.reports):
        loc = ("reports", index)
        if report.file in first_file:
            other, line = first_file[report.file]
            errors.append(
                parsed.error(loc + ("file",), "duplicate_report_file", input=report.file, other=other, first=line)
            )
        first_file.setdefault(report.file, (report.id, parsed.line(loc + ("file",))))
        if report_path(contents.directory, report.file) is None:
            errors.append(parsed.error(loc + ("file",), "report_outside_source", input=show_input(report.file)))
        elif contents.size(report.file) > MAX_BYTES:
            errors.append(
                parsed.error(loc + ("file",), "file_too_large", size=contents.size(report.file), limit=MAX_BYTES)
            )
        elif report.file not in contents.files:
            errors.append(parsed.error(loc + ("file",), "report_missing", input=report.file))
        else:
            try:  # read exactly as `python -m kpi draft` reads a report
                texts.setdefault(report.id, decode_report(contents.files[report.file]))
            except ReportTextError as exc:
                errors.append(
                    parsed.error(loc + ("file",), "report_not_utf8", input=f"{report.file}:{exc.line}:{exc.column}")
                )
    return texts, errors
