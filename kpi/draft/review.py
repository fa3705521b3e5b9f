"""The editing page's "New report", Streamlit-free: a report's text drafted exactly as `python -m kpi draft` drafts
it, reviewed entry by entry (accept, change, exclude with a reason), and put into the data exactly as `python -m kpi
apply` puts it, as one Change (kpi/edit/change.py) for the page's check and save.

Why entry by entry, and not the draft in a text area: a draft holds some 180 proposals in 850 lines; a reviewer reads
each beside the report's sentence it quotes and decides it, over several days. An entry is its lines as they stand
in the draft, the draft's `#` notes included (they say why it is proposed). What goes in is the draft composed of the
entries' lines as decided, read, refused and planned by the very functions `kpi apply` uses (kpi/draft/apply.py), so
the page and the command put a reviewed draft in alike, byte for byte.

Why a Review is a dict too: a half-reviewed draft is kept on the server (kpi/edit/unsaved.py, under
`unsaved_key(report_id)`) between visits; the dict holds the report's text, the draft as drafted and each decision,
so the entries, their keys and their decisions come back exactly as they were.

The decisions: an entry is undecided until it is accepted (refused while it holds a review mark), changed (its new
lines must read as one entry with no mark left) or excluded with a reason of exclusions.yaml (it leaves the draft,
and the report's number or statement it held is excluded, so the data-check page does not list it as uncurated; an
exclusion the data does not need, because another entry quotes the same words, is not written). An undecided entry
without a mark goes in as proposed, as an entry left alone in the text editor does; one with a mark blocks applying.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, get_args

import yaml

from kpi.data.dataset import Dataset
from kpi.data.errors import DataError, DataErrors, make_error, show_input
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, SOURCE_DIR, report_path
from kpi.data.loading import load_dataset
from kpi.data.model import NumberReason, StatementReason
from kpi.data.parsing import ParsedFile
from kpi.data.yaml_reader import read_yaml
from kpi.draft.apply import ApplyError, DraftFile, Planned, parse_draft, plan_draft, refusal_key, validate_copy
from kpi.draft.command import DraftInputError, applied_parts, draft_text, report_facts
from kpi.draft.draft import draft_report
from kpi.edit.change import Change, Texts
from kpi.edit.forms import MAX_TEXT
from kpi.edit.layout import Node, content_lines, layout
from kpi.edit.yaml_text import (
    DataText,
    NoPlace,
    append_item,
    dash_line,
    index_of,
    layout_of,
    render_bilingual,
    render_text,
)
from kpi.report.numbers import value_of
from kpi.report.statements import Statement, check_report, find_statements
from kpi.report.text import ReportTextError, decode_report, paragraph_around
from kpi.texts import counted, t

NEW_REPORT = (
    "new_report"  # the form's name: a problem with one of its inputs (file name, report id, reason, note) stands at it
)
SECTIONS = ("reports", "values", "indicators", "outcomes", "targets", "milestones", "terms")
UNDECIDED, ACCEPTED, CHANGED, EXCLUDED = "undecided", "accepted", "changed", "excluded"
NUMBER_REASONS: tuple[str, ...] = get_args(NumberReason)
STATEMENT_REASONS: tuple[str, ...] = get_args(StatementReason)
MAX_REPORT_BYTES = 1024 * 1024  # a year's report is some 20 KB of text: fifty times that is no report's text
_REPORT_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# source/<name>.txt, one level, no hidden file, no separator or control character (Chinese names are fine), as the
# edit check (kpi/edit/check.py) takes a report text.
_SOURCE_NAME = re.compile(r"^source/[^./\\\x00-\x1f\x7f][^/\\\x00-\x1f\x7f]*\.txt$")
_VERSION = 1
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Place = (
    tuple[str, int] | None
)  # a line of the composed draft: (the entry's key, its line within the entry), or between entries


def unsaved_key(report_id: str) -> str:
    """The key a half-reviewed draft is kept under in kpi/edit/unsaved.py."""
    return f"report:{report_id}"


class ReviewError(Exception):
    """Nothing was changed: every problem, located, and the catalogue key (kpi/texts.py) of the line summing them up.

    Where an error stands, by its `file`: NEW_REPORT for an input of the form (its `field` names the input: file_name,
    report_id, reason, note_zh, note_en); an entry's key for a line of that entry (`line` counts within its lines);
    `source/NAME.txt` for a line of the report's text; a data file for a line of it.
    """

    def __init__(self, key: str, errors: list[DataError]):
        self.key, self.errors = key, sorted(set(errors))
        super().__init__("\n".join(e.format("en") for e in self.errors) or key)

    def summary(self, lang: str) -> str:
        """ "3 problems; nothing was changed." in the reader's language (marks counted as marks)."""
        marks = [e for e in self.errors if e.code.startswith("review_")]
        return t(self.key, lang, n=len(marks) if self.key in ("apply_marks", "new_report_marks") else len(self.errors))


@dataclass(frozen=True)
class Entry:
    """One proposal of the draft, as the page shows it beside the report's sentence."""

    section: str  # the draft's section: reports, values, indicators, outcomes, targets, milestones, terms
    key: str  # stable while the review lasts: "outcomes:city.digital_twin_map", "values:economy.total_fiscal_revenue:2023"
    title: str  # its id as it stands ("economy.total_fiscal_revenue 2023" for a value)
    name: str  # its Chinese name or term, else the draft's note naming it ("" when none)
    lines: tuple[str, ...]  # its YAML lines as they stand in the draft, the draft's notes (# …) included
    quote: str  # the sentence of the report it quotes ("" when none)
    where: str  # the report's section the entry cites for it: 第一部分 一(一) ("" when none)
    paragraph: tuple[
        str, str, str
    ]  # the quote's paragraph in the report: (before, quote, after); ("", "", "") when not found
    report_line: int  # the line of the report's text holding the quote (0 when none)
    number: float | None  # the figure it proposes (a value, a target, an outcome's value)
    marks: tuple[DataError, ...]  # the review marks it still holds, each at its line among `lines` (file = key)
    decision: str  # undecided, accepted, changed or excluded
    reasons: tuple[str, ...]  # the reasons exclude() takes for it; empty when it cannot be excluded
    original: tuple[str, ...]  # its lines as drafted (what undo() brings back)
    reason: str | None = None  # why it was excluded
    note: tuple[str, str] | None = None  # the exclusion's note (zh, en), when one was given


class Counts(NamedTuple):
    """How far the review has come."""

    decided: int
    total: int
    marks: int  # review marks left in entries not excluded: while any is left, applying is refused


@dataclass(frozen=True)
class _Span:
    """Where an entry stands in the draft as drafted."""

    section: str
    key: str
    first: int  # 0-based line, the notes before it included
    last: int  # 0-based line, the notes after it included
    column: int  # the column of its `-`
    group: int | None = None  # a value's: the index of the `- indicator:` group it is under
    owner: str = ""  # a value's: the indicator it continues
    context: str = ""  # the note beside the line heading it: a value's figure, an outcome's item


@dataclass(frozen=True)
class _Shape:
    """The draft as drafted, taken apart: each entry's span, each value group's head, each section's key line."""

    lines: list[str]
    spans: list[_Span]
    heads: dict[int, range]  # values group → the lines of its `- indicator:` and `values:` before its first value
    key_lines: dict[int, str]  # line of a section's key (`terms:`) → the section


@dataclass(frozen=True)
class _Decision:
    """What the reviewer decided of one entry."""

    decision: str
    lines: tuple[str, ...] | None = None  # its lines when changed
    reason: str | None = None
    note: tuple[str, str] | None = None
    exclusion: tuple[str, str] | None = None  # (numbers or statements, the report's words) when excluded


@dataclass(frozen=True)
class _Exclusion:
    """A line for exclusions.yaml, and the entry whose exclusion made it."""

    key: str
    group: str
    reason: str
    words: str
    note: tuple[str, str] | None

    def line(self, report_id: str) -> str:
        note = f", note: {render_bilingual(*self.note)}" if self.note else ""
        return f"- {{report: {report_id}, reason: {self.reason}, text: {render_text(self.words, flow=True)}{note}}}"


# ── Start: the report's text drafted ───────────────────────────────────────────────────────────────


def start(report_bytes: bytes, file_name: str, report_id: str, directory: Path) -> Review:
    """The report's text (uploaded or pasted) drafted against the data in `directory`, as `kpi draft` drafts it.

    `file_name` is where the text will go: `source/NAME.txt` or `NAME.txt`. Refused (ReviewError, every problem at
    once) for a name outside source/, a file there with other bytes or another report's, a report id that is not
    one or that the data lists, a text that is not UTF-8 (said at its line), no part-one heading, invalid data.
    """
    errors: list[DataError] = []
    file = _source_file(file_name, errors)
    if not _REPORT_ID.match(report_id or ""):
        errors.append(make_error(NEW_REPORT, 0, 0, "report_id", "new_report_id", input=show_input(report_id)))
    text = _report_text(report_bytes, file or str(file_name), errors)
    dataset = _dataset(directory)
    errors += _taken(dataset, directory, file, report_id, report_bytes)
    if errors or text is None or file is None:
        raise ReviewError("new_report_refused", errors)
    try:
        facts = report_facts(report_id, text, dataset.content)
    except DraftInputError:
        raise ReviewError("new_report_refused", [make_error(file, 1, 1, "", "new_report_no_review_heading")]) from None
    draft = draft_report(dataset.content, facts, None, [term.term.zh for term in dataset.glossary.terms])
    command = f"python -m kpi draft {file} --report {report_id}"  # as staff run it beside the data files
    return Review(report_id, file, text, draft_text(draft, dataset.content, file, command))


def _source_file(name: str, errors: list[DataError]) -> str | None:
    """`source/NAME.txt` for a name given with or without `source/`; None (and said) for any other."""
    name = name if isinstance(name, str) else ""
    file = name if name.startswith(f"{SOURCE_DIR}/") else f"{SOURCE_DIR}/{name}"
    if _SOURCE_NAME.match(file):
        return file
    errors.append(make_error(NEW_REPORT, 0, 0, "file_name", "new_report_file_name", input=show_input(name)))
    return None


def _report_text(raw: bytes, file: str, errors: list[DataError]) -> str | None:
    """The text as `kpi draft` reads a report (UTF-8, BOM and CRLF fine); a GBK file is said at its line."""
    if len(raw) > MAX_REPORT_BYTES:
        errors.append(
            make_error(NEW_REPORT, 0, 0, "file", "new_report_too_large", size=len(raw), limit=MAX_REPORT_BYTES)
        )
        return None
    try:
        return decode_report(raw)
    except ReportTextError as exc:
        errors.append(DataError(file, exc.line, exc.column, "", "report_text", exc.zh, exc.en))
        return None


def _dataset(directory: Path) -> Dataset:
    """The data as it is: it must be valid before a report is drafted against it."""
    try:
        return load_dataset(directory)
    except DataErrors as exc:
        raise ReviewError("apply_data_errors", exc.errors) from None


def _taken(dataset: Dataset, directory: Path, file: str | None, report_id: str, raw: bytes) -> list[DataError]:
    """The report id already listed; the file another report's, or there with other bytes."""
    errors = []
    if report_id in dataset.reports:
        text = DataText.read(directory / INDICATORS).text
        root, index = layout_of(text), index_of(text, "reports", report_id)
        listed = root.get("reports", index) if root is not None and index is not None else None
        assert listed is not None, "the data was loaded from this file, and lists the report"
        at = listed.line + 1
        errors.append(make_error(NEW_REPORT, 0, 0, "report_id", "apply_report_listed", id=report_id, at=at))
    if file is None:
        return errors
    path = report_path(directory, file)
    if path is None:
        errors.append(make_error(NEW_REPORT, 0, 0, "file_name", "new_report_file_name", input=show_input(file)))
    elif owner := next((r.id for r in dataset.content.reports if r.file == file), None):
        errors.append(
            make_error(NEW_REPORT, 0, 0, "file_name", "new_report_file_used", input=show_input(file), id=owner)
        )
    elif path.exists() and path.read_bytes() != raw:
        errors.append(make_error(NEW_REPORT, 0, 0, "file_name", "new_report_file_exists", input=show_input(file)))
    return errors


# ── The review ─────────────────────────────────────────────────────────────────────────────────────


class Review:
    """A new report's draft under review: the report, the draft as drafted, and each entry's decision."""

    def __init__(self, report_id: str, file: str, text: str, draft: str, decisions: dict[str, _Decision] | None = None):
        self.report_id, self.file, self.text, self.draft = report_id, file, text, draft
        self._shape = _shape(draft)
        self._spans = {span.key: span for span in self._shape.spans}
        self._decisions: dict[str, _Decision] = dict(decisions or {})
        self._parses: dict[str, tuple[ParsedFile[DraftFile] | None, list[DataError]]] = {}

    @property
    def name(self) -> str:
        """The draft's name in the messages of the parse (each is then placed at its entry)."""
        return f"draft_{self.report_id}.yaml"

    # ── Reading ──

    def entries(self) -> list[Entry]:
        """Every entry of the draft, in the draft's order (section by section), with what it holds and its decision."""
        marks = self._marks()
        return [self._entry(span, marks.get(span.key, ())) for span in self._shape.spans]

    def entry(self, key: str) -> Entry:
        """One entry by its key; ReviewError for a key the draft does not have."""
        return self._entry(self._span(key), self._marks().get(key, ()))

    def counts(self) -> Counts:
        """Entries decided of all, and review marks left."""
        decided = sum(1 for d in self._decisions.values() if d.decision != UNDECIDED)
        return Counts(decided, len(self._shape.spans), sum(len(marks) for marks in self._marks().values()))

    def draft_now(self) -> str:
        """The draft as reviewed so far: each entry's lines as decided, excluded ones left out (what apply reads)."""
        return self._composed()[0]

    # ── Deciding ──

    def accept(self, key: str) -> None:
        """The entry goes in as it stands; refused while it holds a review mark (or anything apply would refuse)."""
        lines = self._lines(key)
        inside, _ = self._checked(key, lines)
        if inside:
            marks = [e for e in inside if e.code.startswith("review_")]
            raise ReviewError("new_report_marks" if len(marks) == len(inside) else "new_report_refused", inside)
        self._decide(key, lines)

    def change(self, key: str, new_lines: Sequence[str] | str) -> None:
        """The entry's lines replaced by the reviewer's; refused, with nothing changed, when they are not one entry
        of its list, not YAML, wrong for its model, still hold a review mark, or break another entry."""
        span = self._span(key)
        lines = _typed(new_lines)
        errors = _one_entry(key, lines, span.column)
        if not errors:
            before = {_where(e) for e in self._checked(key, self._lines(key) if self._included(key) else None)[1]}
            inside, elsewhere = self._checked(key, lines)
            errors = inside + [e for e in elsewhere if _where(e) not in before]
        if errors:
            raise ReviewError("new_report_refused", errors)
        self._decide(key, lines)

    def exclude(self, key: str, reason: str, note_zh: str | None = None, note_en: str | None = None) -> None:
        """The entry leaves the draft, with the reason (one of `Entry.reasons`) and an optional note in both languages;
        the report's number (the clause holding it) or statement (the clauses its quote stands in) is kept for
        exclusions.yaml. An entry quoting no sentence of its own (the report's, an outcome not mentioned, a term)
        cannot be excluded."""
        entry = self.entry(key)
        if not entry.reasons:
            raise ReviewError("new_report_refused", [make_error(key, 1, 1, "", "new_report_not_excludable")])
        errors: list[DataError] = []
        if reason not in entry.reasons:
            errors.append(
                make_error(
                    NEW_REPORT,
                    0,
                    0,
                    "reason",
                    "new_report_reason",
                    input=show_input(reason),
                    expected=" / ".join(entry.reasons),
                )
            )
        note = _note(note_zh, note_en, errors)
        if errors:
            raise ReviewError("new_report_refused", errors)
        decided = self._decisions.get(key)
        self._decisions[key] = _Decision(
            EXCLUDED, decided.lines if decided else None, reason, note, self._words(reason, entry.quote, entry.number)
        )

    def undo(self, key: str) -> None:
        """Back to undecided, with the lines as drafted."""
        self._span(key)
        self._decisions.pop(key, None)

    # ── Applying ──

    def change_for(self, directory: Path) -> Change:
        """The whole review as one Change on the data in `directory`: the report's text under source/ (when it is not
        there yet), indicators.yaml and glossary.yaml as `kpi apply` writes them for the reviewed draft, exclusions.yaml
        with the exclusions the data needs appended. Refused (ReviewError with apply's key: marks left, entries the
        data has, the result not valid) with every problem placed at its entry, or at its line of a data file."""
        text, places = self._composed()
        made = _Made(self.report_id, self.file, self.text, self.name, text, tuple(places), tuple(self._exclusions()))
        return made.change(directory)

    # ── Kept between visits ──

    def to_dict(self) -> dict:
        """Everything, as JSON-ready data (kpi/edit/unsaved.py keeps it)."""
        return {
            "kind": NEW_REPORT,
            "version": _VERSION,
            "report_id": self.report_id,
            "file": self.file,
            "text": self.text,
            "draft": self.draft,
            "decisions": {key: _decision_dict(d) for key, d in self._decisions.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Review:
        """The review kept by to_dict; ValueError for anything else (the page then says the work was lost)."""
        try:
            if data["kind"] != NEW_REPORT or data["version"] != _VERSION:
                raise ValueError("not a review this version keeps")
            report_id, file, text, draft = (data[name] for name in ("report_id", "file", "text", "draft"))
            if not all(isinstance(value, str) for value in (report_id, file, text, draft)):
                raise ValueError("a review's texts are strings")
            review = cls(report_id, file, text, draft, {key: _decision_of(v) for key, v in data["decisions"].items()})
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a kept review: {exc!r}") from None
        if set(review._decisions) - set(review._spans):
            raise ValueError("a decision for an entry the draft does not have")
        return review

    # ── Inside ──

    def _span(self, key: str) -> _Span:
        if key not in self._spans:
            raise ReviewError(
                "new_report_refused",
                [make_error(NEW_REPORT, 0, 0, "key", "new_report_unknown_entry", input=show_input(key))],
            )
        return self._spans[key]

    def _original(self, key: str) -> tuple[str, ...]:
        span = self._spans[key]
        return tuple(self._shape.lines[span.first : span.last + 1])

    def _lines(self, key: str) -> tuple[str, ...]:
        """The entry's lines as they stand (an excluded entry's too)."""
        decided = self._decisions.get(key)
        return decided.lines if decided and decided.lines is not None else self._original(key)

    def _included(self, key: str) -> bool:
        decided = self._decisions.get(key)
        return decided is None or decided.decision != EXCLUDED

    def _decide(self, key: str, lines: tuple[str, ...]) -> None:
        """Accepted as drafted, or changed."""
        self._decisions[key] = _Decision(ACCEPTED) if lines == self._original(key) else _Decision(CHANGED, lines)

    def _composed(self, key: str | None = None, lines: tuple[str, ...] | None = None) -> tuple[str, list[Place]]:
        """The draft with each entry as decided; `key` with `lines` instead (None: left out) when given."""
        current = {k: self._lines(k) if self._included(k) else None for k in self._spans}
        if key is not None:
            current[key] = lines
        return _compose(self._shape, current)

    def _parsed(self, text: str) -> tuple[ParsedFile[DraftFile] | None, list[DataError]]:
        """The composed draft read as `kpi apply` reads its file; the last few remembered (each page run asks again)."""
        if text not in self._parses:
            if len(self._parses) > 3:
                self._parses.pop(next(iter(self._parses)))
            self._parses[text] = _parse_text(text, self.name)
        return self._parses[text]

    def _errors(self, key: str | None = None, lines: tuple[str, ...] | None = None) -> list[DataError]:
        """Every problem of the (composed) draft, each placed at its entry."""
        text, places = self._composed(key, lines)
        return [_at_entry(error, self.name, places) for error in self._parsed(text)[1]]

    def _checked(self, key: str, lines: tuple[str, ...] | None) -> tuple[list[DataError], list[DataError]]:
        """The draft's problems with the entry's lines set: (those in the entry, those elsewhere)."""
        errors = self._errors(key, lines)
        return [e for e in errors if e.file == key], [e for e in errors if e.file != key]

    def _marks(self) -> dict[str, tuple[DataError, ...]]:
        """Each entry's review marks, as the draft stands."""
        marks: dict[str, list[DataError]] = {}
        for error in self._errors():
            if error.code.startswith("review_") and error.file in self._spans:
                marks.setdefault(error.file, []).append(error)
        return {key: tuple(found) for key, found in marks.items()}

    def _entry(self, span: _Span, marks: tuple[DataError, ...]) -> Entry:
        """An entry as the page shows it: its lines now, what they quote and where the report has it, its decision."""
        lines = self._lines(span.key)
        title, name, quote, where, number = _facts(span, _item(lines, span.column))
        decided = self._decisions.get(span.key) or _Decision(UNDECIDED)
        at = self.text.find(quote) if quote else -1
        paragraph = paragraph_around(self.text, quote) if quote else ("", "", "")
        return Entry(
            span.section,
            span.key,
            title,
            name,
            lines,
            quote,
            where,
            paragraph,
            self.text.count("\n", 0, at) + 1 if at >= 0 else 0,
            number,
            marks if self._included(span.key) else (),
            decided.decision,
            _reasons(quote, number, where),
            self._original(span.key),
            decided.reason,
            decided.note,
        )

    @cached_property
    def _statements(self) -> list[Statement]:
        """What the completeness check finds in the report (kpi/report/statements.py): the words an exclusion needs."""
        return find_statements(self.text)

    def _words(self, reason: str, quote: str, number: float | None) -> tuple[str, str]:
        """(numbers or statements, the report's words to exclude): the clause holding the entry's number, or the
        clauses its quote stands in; the quote itself when the check finds nothing there."""
        at = self.text.find(quote)
        end = at + len(quote)
        if reason in NUMBER_REASONS:
            found = [
                s.text
                for s in self._statements
                if s.kind == "number"
                and at <= s.start
                and s.end <= end
                and number is not None
                and value_of(self.text[s.start : s.end]) == number
            ]
            return "numbers", found[0] if at >= 0 and found else quote
        clauses = [s for s in self._statements if s.kind != "number" and s.start < end and at < s.end]
        if at < 0 or not clauses:
            return "statements", quote
        return "statements", self.text[min(s.start for s in clauses) : max(s.end for s in clauses)]

    def _exclusions(self) -> list[_Exclusion]:
        """The excluded entries' lines for exclusions.yaml, each pair of list and words once."""
        found: dict[tuple[str, str], _Exclusion] = {}
        for span in self._shape.spans:
            decided = self._decisions.get(span.key)
            if decided and decided.decision == EXCLUDED and decided.exclusion:
                group, words = decided.exclusion
                assert decided.reason is not None, "exclude() gives an exclusion its reason; _decision_of keeps both"
                found.setdefault((group, words), _Exclusion(span.key, group, decided.reason, words, decided.note))
        return list(found.values())


# ── The draft taken apart, and put together ────────────────────────────────────────────────────────


def _shape(draft: str) -> _Shape:
    """Each entry's span in the draft: an item of a section's list, or one value of a `- indicator:` group."""
    lines, root, clean = draft.split("\n"), layout(draft), content_lines(draft)
    spans: list[_Span] = []
    heads: dict[int, range] = {}
    key_lines: dict[int, str] = {}
    present = root.keys if root is not None else {}  # an empty draft has no sections
    for section in SECTIONS:
        if section not in present:
            continue
        key_line, _, node = present[section]
        if node.kind != "sequence" or node.flow:
            continue
        key_lines[key_line] = section
        for index, item in enumerate(node.items):
            if section != "values":
                spans.append(_span(section, lines, clean, node, item, f"{section}:{item.scalar('id') or index}"))
                continue
            values = _values_of(lines, clean, node, item, index)
            if values:
                heads[index] = range(dash_line(clean, item, node.column), values[0].first)
            spans += values
    return _Shape(lines, _unique(spans), heads, key_lines)


def _values_of(lines: list[str], clean: list[str | None], groups: Node, group: Node, index: int) -> list[_Span]:
    """One span per value of a `- indicator:` group."""
    values = group.get("values")
    if values is None or values.kind != "sequence" or values.flow:
        return []
    owner = group.scalar("indicator") or ""
    context = _note_on(lines[dash_line(clean, group, groups.column)], clean[dash_line(clean, group, groups.column)])
    return [
        replace(
            _span("values", lines, clean, values, value, f"values:{owner}:{value.scalar('period')}"),
            group=index,
            owner=owner,
            context=context,
        )
        for value in values.items
    ]


def _span(section: str, lines: list[str], clean: list[str | None], items: Node, item: Node, key: str) -> _Span:
    """An item's lines, with the notes that belong to it: those just above it at its own indentation (a value's
    confidence), and those just below it indented deeper (a target's possible baseline). Notes at column 0 head a
    part of a section and belong to no entry."""
    column = items.column
    dash = dash_line(clean, item, column)
    first, last = dash, item.last_line
    while column > 0 and first > 0 and _comment_column(lines[first - 1]) == column:
        first -= 1
    while last + 1 < len(lines) and _comment_column(lines[last + 1]) > column:
        last += 1
    return _Span(section, key, first, last, column, context=_note_on(lines[dash], clean[dash]))


def _comment_column(line: str) -> int:
    """The column of a line that is only a comment; -1 for any other line."""
    stripped = line.lstrip(" ")
    return len(line) - len(stripped) if stripped.startswith("#") else -1


def _note_on(line: str, content: str | None) -> str:
    """The comment at the end of a line (`- id: x  # 目标 打造中型社区花园 5座` → "目标 打造中型社区花园 5座")."""
    return line[len(content or "") :].strip().lstrip("#").strip() if content else ""


def _unique(spans: list[_Span]) -> list[_Span]:
    """Keys made unique where two entries would share one (`#2` after the second)."""
    seen: dict[str, int] = {}
    unique = []
    for span in spans:
        seen[span.key] = seen.get(span.key, 0) + 1
        unique.append(span if seen[span.key] == 1 else replace(span, key=f"{span.key}#{seen[span.key]}"))
    return unique


def _compose(shape: _Shape, current: dict[str, tuple[str, ...] | None]) -> tuple[str, list[Place]]:
    """The draft with each entry's lines as given (None: left out), and for each line the entry it belongs to.

    A value group whose values are all left out goes with them, and a section whose entries all are becomes
    `section: []`, so what is left reads as a draft.
    """
    starts = {span.first: span for span in shape.spans}
    inside = {n for span in shape.spans for n in range(span.first, span.last + 1)}
    gone = {
        n
        for group, head in shape.heads.items()
        if all(current[s.key] is None for s in shape.spans if s.group == group)
        for n in head
    }
    empty = {s.section for s in shape.spans} - {s.section for s in shape.spans if current[s.key] is not None}
    out: list[str] = []
    places: list[Place] = []
    for number, line in enumerate(shape.lines):
        if number in starts:
            entry = current[starts[number].key] or ()
            out += entry
            places += [(starts[number].key, offset) for offset in range(len(entry))]
        elif number not in inside and number not in gone:
            section = shape.key_lines.get(number)
            out.append(f"{section}: []" if section in empty else line)
            places.append(None)
    return "\n".join(out), places


def _at_entry(error: DataError, name: str, places: Sequence[Place]) -> DataError:
    """An error at a line of the composed draft, placed at its entry (file = key, line within the entry); a line
    between entries counts as the next entry's first."""
    if error.file != name:
        return error
    index = error.line - 1
    place = places[index] if 0 <= index < len(places) else None
    if place is None:
        after = [p for p in places[max(index, 0) :] if p] or [p for p in reversed(places[: max(index, 0)]) if p]
        if not after:
            return error
        return replace(error, file=after[0][0], line=1, column=1)
    return replace(error, file=place[0], line=place[1] + 1)


def _where(error: DataError) -> tuple:
    """An error without its words: two parses of drafts of different lengths say the same line number differently."""
    return error.file, error.line, error.column, error.field, error.code


def _parse_text(text: str, name: str) -> tuple[ParsedFile[DraftFile] | None, list[DataError]]:
    """A draft's text read exactly as `kpi apply` reads its file (the same reader, marks, checks and model)."""
    with tempfile.TemporaryDirectory(prefix="kpi-review-") as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return parse_draft(path, name)


def _typed(new_lines: Sequence[str] | str) -> tuple[str, ...]:
    """Lines as typed in a text area (a browser's CRLF read as one line end), blank lines around them left out."""
    text = new_lines if isinstance(new_lines, str) else "\n".join(new_lines)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return tuple(lines)


def _one_entry(key: str, lines: tuple[str, ...], column: int) -> list[DataError]:
    """Lines that read as exactly one item of the entry's list at its indentation; else where they do not (YAML read
    as the loader reads it: a key twice, an alias, a syntax error are said at their line of the entry)."""
    dedented: list[str] = []
    for number, line in enumerate(lines, start=1):
        moved = _dedented(line, column)
        if moved is None:
            return [make_error(key, number, 1, "", "new_report_one_entry", dash=column + 1)]
        dedented.append(moved)
    text = "\n".join(dedented)
    with tempfile.TemporaryDirectory(prefix="kpi-review-") as tmp:
        path = Path(tmp) / "entry.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            read_yaml(path, key)
        except DataErrors as exc:
            return [replace(error, column=error.column + column) for error in exc.errors]
    root = layout(text)
    if root is None or root.kind != "sequence" or root.flow or len(root.items) != 1:
        return [make_error(key, 1, 1, "", "new_report_one_entry", dash=column + 1)]
    return []


def _dedented(line: str, column: int) -> str | None:
    """A line of an entry moved left to column 0 of its list: a comment wherever it stands; None for content left of it."""
    if not line[:column].strip():
        return line[column:]
    return line.lstrip(" ") if line.lstrip(" ").startswith("#") else None


def _item(lines: Sequence[str], column: int) -> dict:
    """The entry's data (its lines read as the one item they are); {} when they cannot be read."""
    try:
        data = yaml.load("\n".join(_dedented(line, column) or "" for line in lines), Loader=_LOADER)
    except yaml.YAMLError:
        return {}
    return data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else {}


# Where an entry of each section keeps its source (quote and section), its number and its name.
_SOURCE = {
    "values": ("source",),
    "indicators": ("values", 0, "source"),
    "outcomes": ("outcome", "source"),
    "targets": ("source",),
    "milestones": ("source",),
}
_NUMBER = {
    "values": ("value",),
    "indicators": ("values", 0, "value"),
    "outcomes": ("outcome", "value"),
    "targets": ("value",),
}
_NAME = {
    "reports": ("title", "zh"),
    "indicators": ("name", "zh"),
    "targets": ("name", "zh"),
    "milestones": ("name", "zh"),
    "terms": ("term", "zh"),
}


def _facts(span: _Span, data: dict) -> tuple[str, str, str, str, float | None]:
    """(title, name, quote, section cited, number) of an entry, from its data as it stands. A value's name and an
    outcome's are the draft's note beside the line heading them (the figure's name and unit; the item's kind and name)."""
    source = _SOURCE.get(span.section)
    title = f"{span.owner} {_text_at(data, 'period')}".strip() if span.section == "values" else _text_at(data, "id")
    name = _text_at(data, *_NAME[span.section]) if span.section in _NAME else span.context.split(" · ")[0]
    quote, where = (_text_at(data, *source, "quote"), _text_at(data, *source, "section")) if source else ("", "")
    found = _value_at(data, *_NUMBER[span.section]) if span.section in _NUMBER else None
    number = float(found) if isinstance(found, int | float) and not isinstance(found, bool) else None
    return title, name, quote, where, number


def _value_at(data: object, *path: str | int) -> object:
    """The value at `path` (keys and list indexes) of an entry's data; None when it has none there."""
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def _text_at(data: object, *path: str | int) -> str:
    value = _value_at(data, *path)
    return value if isinstance(value, str) else ""


def _reasons(quote: str, number: float | None, where: str) -> tuple[str, ...]:
    """The reasons of exclusions.yaml that fit an entry: a number's when it gives one, a statement's when it has no
    number or its clause is a commitment of part two; none when it quotes no sentence of its own."""
    if not quote:
        return ()
    if number is None:
        return STATEMENT_REASONS
    return NUMBER_REASONS + (STATEMENT_REASONS if where.startswith("第二部分") else ())


def _note(zh: str | None, en: str | None, errors: list[DataError]) -> tuple[str, str] | None:
    """A note in both languages or none; one alone, or text no file should hold, is said at its input."""
    given = bool((zh or "").strip() or (en or "").strip())
    if not given:
        return None
    both = [_text(field, value, errors) for field, value in (("note_zh", zh), ("note_en", en))]
    return (both[0], both[1]) if both[0] is not None and both[1] is not None else None


def _text(field: str, value: str | None, errors: list[DataError]) -> str | None:
    """Typed text as the forms take it (kpi/edit/forms.py): required, not too long, no Tab, no control character."""
    value = (value or "").replace("\r\n", "\n").strip()
    bad = next((c for c in value if c != "\n" and unicodedata.category(c) in ("Cc", "Cs")), None)
    code = (
        "form_required"
        if not value
        else "form_too_long"
        if len(value) > MAX_TEXT
        else "form_tab"
        if "\t" in value
        else "form_control"
        if bad
        else None
    )
    if code:
        errors.append(
            make_error(
                NEW_REPORT, 0, 0, field, code, size=len(value), limit=MAX_TEXT, input=f"U+{ord(bad):04X}" if bad else ""
            )
        )
        return None
    return value


def _decision_dict(decided: _Decision) -> dict:
    return {
        "decision": decided.decision,
        "lines": list(decided.lines) if decided.lines is not None else None,
        "reason": decided.reason,
        "note": list(decided.note) if decided.note else None,
        "exclusion": list(decided.exclusion) if decided.exclusion else None,
    }


def _decision_of(data: dict) -> _Decision:
    """A decision as to_dict kept it; ValueError for anything else."""
    decision, lines, note, exclusion = data["decision"], data["lines"], data["note"], data["exclusion"]
    if (
        decision not in (ACCEPTED, CHANGED, EXCLUDED)
        or not all(isinstance(x, list | None) for x in (lines, note, exclusion))
        or (exclusion and not isinstance(data["reason"], str))
    ):
        raise ValueError(f"not a decision: {data!r}")
    return _Decision(
        decision,
        tuple(lines) if lines is not None else None,
        data["reason"],
        tuple(note) if note else None,
        tuple(exclusion) if exclusion else None,
    )


# ── The Change ─────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Made:
    """What a Change is made of, fixed when it was asked for, so `remake` makes the same change on newer files."""

    report_id: str
    file: str
    text: str
    name: str
    draft: str
    places: tuple[Place, ...]
    exclusions: tuple[_Exclusion, ...]

    def change(self, directory: Path) -> Change:
        """Read, refused or planned, validated in a copy, as `kpi apply` does; with the report's text and exclusions."""
        self._source_free(directory)
        texts = _data_texts(directory, self.file)
        parsed, errors = _parse_text(self.draft, self.name)
        if errors or parsed is None:
            raise ReviewError(refusal_key(errors), self._placed(errors))
        planned = self._planned(parsed, directory)
        appended = self._appended(texts[EXCLUSIONS], self.exclusions)
        dataset = self._valid(directory, planned, appended)
        kept = self._needed(dataset)
        new: dict[str, str | None] = {
            file: planned.texts[file].whole(text) for file, (text, _) in planned.merged.items()
        }
        # The texts the plan read.
        base: dict[str, str | None] = {file: planned.texts[file].whole(planned.texts[file].text) for file in new}
        if texts[self.file] is None:
            new[self.file], base[self.file] = self.text, None
        if kept:
            new[EXCLUSIONS], base[EXCLUSIONS] = self._appended(texts[EXCLUSIONS], kept), texts[EXCLUSIONS]
        return Change(self._summary(planned, kept), new, base, remake=lambda newer: self._again(directory, newer))

    def _summary(self, planned: Planned, kept: list[_Exclusion]) -> str:
        """The history's line: "report_2024: 14 values into 12 figures, 1 new figure, …, 2 exclusions"."""
        excluded = [counted("new_report_n_exclusions", "en", len(kept))] if kept else []
        return f"{self.report_id}: " + ", ".join([applied_parts(planned.applied.counts, "en"), *excluded])

    def _again(self, directory: Path, newer: Texts) -> Change:
        """The same change made on the data as `newer` says it is now (the rest as `directory` has it)."""
        with tempfile.TemporaryDirectory(prefix="kpi-review-") as tmp:
            copy = _copied(directory, Path(tmp), newer)
            return replace(self.change(copy), remake=lambda newest: self._again(directory, newest))

    def _source_free(self, directory: Path) -> None:
        """The report's file, if someone put one there meanwhile, must be this report's text."""
        path = directory / self.file
        try:
            same = not path.exists() or decode_report(path.read_bytes()) == self.text
        except ReportTextError:
            same = False
        if not same:
            raise ReviewError(
                "new_report_refused",
                [make_error(self.file, 1, 1, "", "new_report_file_exists", input=show_input(self.file))],
            )

    def _planned(self, parsed: ParsedFile[DraftFile], directory: Path) -> Planned:
        try:
            return plan_draft(parsed, self.draft, directory)
        except ApplyError as exc:
            raise ReviewError(exc.key, self._placed(exc.errors)) from None

    def _valid(self, directory: Path, planned: Planned, exclusions: str | None) -> Dataset:
        """The data with everything in, loaded from a copy; every rule's error placed at its entry."""
        files = {**planned.encoded(), self.file: self.text.encode("utf-8")}
        if exclusions is not None:
            files[EXCLUSIONS] = exclusions.encode("utf-8")
        try:
            return validate_copy(directory, files, planned.origins(), self.name)
        except ApplyError as exc:
            raise ReviewError(exc.key, self._placed(exc.errors, exclusions)) from None

    def _appended(self, text: str | None, exclusions: Sequence[_Exclusion]) -> str | None:
        """exclusions.yaml with the lines at the end of `numbers:` and `statements:` (None: nothing to add)."""
        if not exclusions:
            return None
        for group in ("numbers", "statements"):
            lines = [e.line(self.report_id) for e in exclusions if e.group == group]
            if lines and text is not None and text.strip():
                try:
                    text = append_item(text, EXCLUSIONS, group, lines)
                except NoPlace as exc:
                    raise ReviewError("apply_refused", [exc.error]) from None
            elif lines:
                text = (text or "") + "\n".join([f"{group}:", *lines, ""])
        return text

    def _needed(self, dataset: Dataset) -> list[_Exclusion]:
        """The exclusions that exclude something: one whose words another entry quotes anyway is left out, as the
        data-check page would list it as not needed."""
        if not self.exclusions:
            return []
        check = check_report(dataset.content, dataset.exclusions, self.report_id, dataset.report_texts[self.report_id])
        stale = {(group, getattr(dataset.exclusions, group)[index].text) for group, index in check.stale}
        return [e for e in self.exclusions if (e.group, e.words) not in stale]

    def _placed(self, errors: list[DataError], exclusions: str | None = None) -> list[DataError]:
        """Errors placed at their entries: the draft's lines by the composed draft, exclusions.yaml's by their words."""
        lines = exclusions.removeprefix("\ufeff").split("\n") if exclusions else []
        made = {e.line(self.report_id): e.key for e in self.exclusions}
        placed = []
        for error in errors:
            line = lines[error.line - 1].strip() if error.file == EXCLUSIONS and 0 < error.line <= len(lines) else ""
            at_entry = replace(error, file=made[line], line=1, column=1) if line in made else None
            placed.append(at_entry or _at_entry(error, self.name, self.places))
        return placed


def _data_texts(directory: Path, file: str) -> dict[str, str | None]:
    """exclusions.yaml and the report's file as they are now (the plan reads the other two): their whole texts (a
    byte-order mark kept), None when absent."""
    texts: dict[str, str | None] = {}
    for name in (EXCLUSIONS, file):
        path = directory / name
        read = DataText.read(path) if path.is_file() else None
        texts[name] = read.whole(read.text) if read else None
    return texts


def _copied(directory: Path, target: Path, newer: Texts) -> Path:
    """A copy of the data files and report texts of `directory`, with the data files `newer` gives as it gives them."""
    for name in (INDICATORS, GLOSSARY, EXCLUSIONS):
        if (directory / name).is_file():
            shutil.copy2(directory / name, target / name)
    shutil.copytree(directory / SOURCE_DIR, target / SOURCE_DIR)
    for name, text in newer.items():
        path = target / name if name in (INDICATORS, GLOSSARY, EXCLUSIONS) else report_path(target, name)
        if path is None:
            continue
        if text is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(text.encode("utf-8"))
    return target
