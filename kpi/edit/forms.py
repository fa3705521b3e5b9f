"""The editing page's forms, Streamlit-free: what a staff member typed becomes a Change, or is refused with every
problem at its field.

Why each form is `(texts, dataset, ...inputs) -> Change`: the page, the check and the save treat a form's entry
like any other edit (kpi/edit/change.py). `texts` are the data files as they are now (written into, through
kpi/edit/yaml_text.py, so a diff shows only the lines the change needs); `dataset` is the loaded data the inputs
are checked against (plan years, reports and their texts, the status table). A Change's `remake` makes the same
entry again on newer texts: when someone else saved first, a new progress entry still goes in on top, and what
cannot (an entry now earlier than the last one, an outcome someone recorded meanwhile, a value someone else
corrected meanwhile) is refused at its field, never written over.

Why the forms check at all, when every rule runs before a save (kpi/edit/check.py): a message at the field the
staff member typed in ("after the last entry, 2024-06-30") says more than a line of a file they never opened.
They refuse what they can see from the inputs and never let through what a rule would refuse; the full check
still runs on every change.

A FormError's DataErrors stand at a form's field: `file` is the form's name (ADD_PROGRESS…), `field` the input's
name (`date`, `value`, `note_zh`…), line and column 0 (a form has no lines). A file written so that the entry has
no place in it (a list on one line) is said at its line in the file instead.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar, get_args

from kpi.data.dataset import Dataset
from kpi.data.errors import DataError, make_error, show_input
from kpi.data.files import GLOSSARY, INDICATORS
from kpi.data.model import (
    Milestone,
    MilestoneEntry,
    MilestoneOutcomeState,
    MilestoneState,
    ProgressEntry,
    Qualifier,
    Target,
    Value,
)
from kpi.edit.change import Change, Texts
from kpi.edit.yaml_text import (
    NoPlace,
    add_key,
    add_list_item,
    append_item,
    index_of,
    layout_of,
    remove_key,
    render_bilingual,
    render_date,
    render_number,
    render_text,
    set_key,
    set_list,
    set_scalar,
)
from kpi.report.numbers import number_in_text

ADD_PROGRESS, RECORD_OUTCOME, CORRECT_FIGURE = "add_progress", "record_outcome", "correct_figure"
ADD_TERM, CORRECT_TERM = "add_term", "correct_term"
MAX_TEXT = 4000  # characters in one field: the longest definition of the glossary is under 1,000; a paste of a
#                  whole report is a slip of the hand
MILESTONE_STATES: tuple[str, ...] = get_args(MilestoneState)  # not_started, in_progress, done
OUTCOME_STATES: tuple[str, ...] = get_args(MilestoneOutcomeState)  # done, not_done
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)  # exact, more_than, nearly, about, over
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TERM_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_SECTION = re.compile(r"^第[一二]部分 \S+$")
_T = TypeVar("_T")


class FormError(Exception):
    """Nothing was made: every problem of the form's inputs, each at its field."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(e.format("en") for e in self.errors))


# ── Add progress ───────────────────────────────────────────────────────────────────────────────────


def add_progress(
    texts: Texts,
    dataset: Dataset,
    item: str,
    date: dt.date | str | None,
    value: float | str | None = None,
    status: str | None = None,
    note_zh: str | None = None,
    note_en: str | None = None,
    *,
    today: dt.date | None = None,
) -> Change:
    """A progress entry at the end of a target's (date, cumulative value) or a milestone's (date, status) progress.

    Fields: item, date, value (a target's), status (a milestone's: not_started / in_progress / done), note_zh and
    note_en (optional, both or neither).
    """
    today = today or dt.date.today()
    form = _Form(ADD_PROGRESS)
    found = form.plan_item("item", dataset, item)
    when, note = form.date("date", date), form.note(note_zh, note_en)
    state = form.progress_state(found, value, status)
    text = form.file(texts, INDICATORS)
    index = form.in_text(text, found, "item")
    if found and when:
        form.date_in_plan_year(when, dataset.plan_year(found[1]), today)
        form.date_after_last(when, _progress_dates(text, found[0], index))
    form.done()
    (group, planned), day, at = form.checked(found), form.checked(when), form.checked(index)
    entry = [f"- date: {render_date(day)}", state, *([f"  note: {render_bilingual(*note)}"] if note else [])]
    new = form.written(lambda: add_list_item(text, INDICATORS, (group, at), "progress", entry))
    summary = f"{group}[{planned.id}]: progress {render_date(day)} = {state.split(': ', 1)[1]}"
    return Change(
        summary,
        {INDICATORS: new},
        {INDICATORS: text},
        remake=lambda newer: add_progress(
            newer, dataset, planned.id, when, value, status, note_zh, note_en, today=today
        ),
    )


def _progress_dates(text: str, group: str, index: int | None) -> list[dt.date]:
    """The dates of an item's progress entries as the text has them now (what a new entry must come after)."""
    root = layout_of(text)
    entries = root.get(group, index, "progress") if root is not None and index is not None else None
    dates = [_iso_date(entry.scalar("date")) for entry in (entries.items if entries else [])]
    return [d for d in dates if d is not None]


# ── Record an outcome ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SourceFields:
    """A sentence of a report the outcome quotes: which report, which section, the words."""

    report: str | None = None
    section: str | None = None
    quote: str | None = None

    def given(self) -> bool:
        return any(x not in (None, "") for x in (self.report, self.section, self.quote))


def record_outcome(
    texts: Texts,
    dataset: Dataset,
    item: str,
    *,
    value: float | str | None = None,
    qualifier: str = "exact",
    status: str | None = None,
    source: SourceFields = SourceFields(),
    note_zh: str | None = None,
    note_en: str | None = None,
    not_mentioned_in: str | None = None,
    today: dt.date | None = None,
) -> Change:
    """The outcome of a closed plan year's target or milestone, as its item's last key: the fields `kpi apply` writes.

    A target: value (+ qualifier) and the source. A milestone: status (done / not_done) and the source, or a note
    (both languages) where no sentence says it. Either: `not_mentioned_in` alone, the report that is silent on it.
    Fields: item, value, qualifier, status, report, section, quote, note_zh, note_en, not_mentioned_in.
    """
    today = today or dt.date.today()
    form = _Form(RECORD_OUTCOME)
    found = form.plan_item("item", dataset, item)
    text = form.file(texts, INDICATORS)
    index = form.in_text(text, found, "item")
    if found and index is not None:
        form.year_closed(dataset.plan_year(found[1]), today)
        form.no_outcome_yet(text, found, index)
    body = form.outcome(dataset, found, value, qualifier, status, source, note_zh, note_en, not_mentioned_in)
    form.done()
    (group, planned), at = form.checked(found), form.checked(index)
    new = form.written(lambda: add_key(text, INDICATORS, (group, at), body))
    summary = f"{group}[{planned.id}]: outcome = {_outcome_words(body, not_mentioned_in, source)}"
    return Change(
        summary,
        {INDICATORS: new},
        {INDICATORS: text},
        remake=lambda newer: record_outcome(
            newer,
            dataset,
            planned.id,
            value=value,
            qualifier=qualifier,
            status=status,
            source=source,
            note_zh=note_zh,
            note_en=note_en,
            not_mentioned_in=not_mentioned_in,
            today=today,
        ),
    )


def _outcome_words(body: list[str], not_mentioned_in: str | None, source: SourceFields) -> str:
    """`52 (report_2024)`, `done (note)`, `not mentioned in report_2024`: the outcome in the history's line."""
    if not_mentioned_in:
        return f"not mentioned in {not_mentioned_in.strip()}"
    stated = body[1].split(": ", 1)[1]
    if not source.given():
        return f"{stated} (note)"
    assert source.report is not None, "a given source names its report: _Form.source_lines refuses one that does not"
    return f"{stated} ({source.report.strip()})"


# ── Correct a figure ───────────────────────────────────────────────────────────────────────────────


def correct_figure(
    texts: Texts,
    dataset: Dataset,
    indicator: str,
    period: str,
    report: str,
    value: float | str | None,
    qualifier: str = "exact",
) -> Change:
    """One value of a figure (chosen by its period and its report) and its qualifier, corrected where they stand; the
    quote stays verbatim and must still hold the number. Fields: indicator, period, value, qualifier."""
    return _correct_figure(texts, dataset, indicator, period, report, value, qualifier, was=None)


def _correct_figure(
    texts: Texts,
    dataset: Dataset,
    indicator: str,
    period: str,
    report: str,
    value: float | str | None,
    qualifier: str,
    was: tuple[str | None, str | None] | None,
) -> Change:
    form = _Form(CORRECT_FIGURE)
    stated = form.figure_value(dataset, indicator, period, report)
    number, qualifier_ = form.number("value", value), form.choice("qualifier", qualifier or "exact", QUALIFIERS)
    if stated and number is not None and stated.words is None and not number_in_text(number, stated.source.quote):
        form.error("value", "value_not_in_quote", input=render_number(number))
    text = form.file(texts, INDICATORS)
    place = _value_place(text, dataset.current_id(indicator), period, report) if stated else None
    if stated and place is None:
        form.error("period", "form_unknown_value", input=period, id=indicator, report=report)
    now = _figure_now(text, place)
    if was is not None and now != was:
        form.error("value", "form_changed_meanwhile", input=" ".join(x for x in now if x))
    form.done()
    at, figure, chosen = form.checked(place), form.checked(number), form.checked(qualifier_)
    new = form.written(lambda: _figure_written(text, at, render_number(figure), chosen))
    summary = f"indicators[{dataset.current_id(indicator)}]: {period} ({report}) " + _figure_words(now, figure, chosen)
    return Change(
        summary,
        {INDICATORS: new},
        {INDICATORS: text},
        remake=lambda newer: _correct_figure(newer, dataset, indicator, period, report, value, qualifier, was=now),
    )


def _value_place(text: str, indicator: str, period: str, report: str) -> tuple[int, int] | None:
    """(indicator index, value index) in the text as it is of the value stated for `period` by `report`."""
    index = index_of(text, "indicators", indicator)
    root = layout_of(text)
    if index is None or root is None:  # no such indicator (an empty file has none)
        return None
    values = root.get("indicators", index, "values")
    for number, entry in enumerate(values.items if values else []):
        source = entry.get("source")
        if entry.scalar("period") == period and source is not None and source.scalar("report") == report:
            return index, number
    return None


def _figure_now(text: str, place: tuple[int, int] | None) -> tuple[str | None, str | None]:
    """The value's and the qualifier's text as the file has them now (what a remade correction must still find)."""
    root = layout_of(text) if place else None
    entry = root.get("indicators", place[0], "values", place[1]) if root is not None and place else None
    return (entry.scalar("value"), entry.scalar("qualifier")) if entry is not None else (None, None)


def _figure_written(text: str, place: tuple[int, int], number: str, qualifier: str) -> str:
    """The value's line(s) rewritten: the number, and the qualifier set, added after the value, or taken out for exact."""
    path = ("indicators", place[0], "values", place[1])
    if _figure_now(text, place)[0] != number:
        text = set_scalar(text, INDICATORS, (*path, "value"), number)
    if qualifier == "exact":
        return remove_key(text, INDICATORS, path, "qualifier")
    if _figure_now(text, place)[1] == qualifier:
        return text
    return set_key(text, INDICATORS, path, "qualifier", qualifier, after="value")


def _figure_words(now: tuple[str | None, str | None], number: float, qualifier: str) -> str:
    """`value 139 → 140, qualifier exact → more_than`: what changed, for the history's line."""
    parts = [f"value {now[0]} → {render_number(number)}"] if now[0] != render_number(number) else []
    if (now[1] or "exact") != qualifier:
        parts.append(f"qualifier {now[1] or 'exact'} → {qualifier}")
    return ", ".join(parts) or "unchanged"


# ── Glossary terms ─────────────────────────────────────────────────────────────────────────────────


def add_term(
    texts: Texts,
    dataset: Dataset,
    term_id: str,
    report: str,
    term_zh: str | None,
    term_en: str | None,
    definition_zh: str | None,
    definition_en: str | None,
    forms: Sequence[str] = (),
) -> Change:
    """A term at the end of glossary.yaml. Fields: id, report, term_zh, term_en, definition_zh, definition_en, forms
    (the ways the report's text writes it; `forms[0]`… for each)."""
    form = _Form(ADD_TERM)
    text = form.file(texts, GLOSSARY)
    form.new_term_id(term_id, text, dataset)
    known = form.report("report", report, dataset)
    words = {
        name: form.text(name, value)
        for name, value in (
            ("term_zh", term_zh),
            ("term_en", term_en),
            ("definition_zh", definition_zh),
            ("definition_en", definition_en),
        )
    }
    shapes = _shapes(form, forms)
    form.term_unique(words["term_zh"], dataset, None)
    form.defined_in_report(words["definition_zh"], known, dataset)
    form.done()
    given = {name: form.checked(value) for name, value in words.items()}
    entry = [
        f"- id: {term_id}",
        f"  report: {report}",
        f"  term: {render_bilingual(given['term_zh'], given['term_en'])}",
        f"  definition: {render_bilingual(given['definition_zh'], given['definition_en'])}",
    ]
    entry += ["  forms:", *(f"  - {render_text(form.checked(shape))}" for shape in shapes)] if shapes else []
    new = form.written(lambda: append_item(text, GLOSSARY, "terms", entry))
    return Change(
        f"terms[{term_id}]: new term {given['term_zh']}",
        {GLOSSARY: new},
        {GLOSSARY: text},
        remake=lambda newer: add_term(
            newer, dataset, term_id, report, term_zh, term_en, definition_zh, definition_en, forms
        ),
    )


_TERM_FIELDS = {
    "term_zh": ("term", "zh"),
    "term_en": ("term", "en"),
    "definition_zh": ("definition", "zh"),
    "definition_en": ("definition", "en"),
}


def correct_term(
    texts: Texts,
    dataset: Dataset,
    term_id: str,
    *,
    term_zh: str | None = None,
    term_en: str | None = None,
    definition_zh: str | None = None,
    definition_en: str | None = None,
    forms: Sequence[str] | None = None,
) -> Change:
    """A term's words corrected where they stand; None leaves a field as it is. Fields: id, term_zh, term_en,
    definition_zh, definition_en, forms."""
    inputs = {"term_zh": term_zh, "term_en": term_en, "definition_zh": definition_zh, "definition_en": definition_en}
    return _correct_term(texts, dataset, term_id, inputs, forms, was=None)


def _correct_term(
    texts: Texts,
    dataset: Dataset,
    term_id: str,
    inputs: dict[str, str | None],
    forms: Sequence[str] | None,
    was: dict[str, object] | None,
) -> Change:
    form = _Form(CORRECT_TERM)
    text = form.file(texts, GLOSSARY)
    index = index_of(text, "terms", term_id)
    if term_id not in dataset.terms or index is None:
        form.error("id", "form_unknown_term", input=show_input(term_id))
    words = {name: form.text(name, value) for name, value in inputs.items() if value is not None}
    shapes = None if forms is None else _shapes(form, forms)
    if term_id in dataset.terms:
        form.term_unique(words.get("term_zh"), dataset, term_id)
        form.defined_in_report(words.get("definition_zh"), dataset.terms[term_id].report, dataset)
    now = _term_now(text, index, [*_TERM_FIELDS, "forms"])
    # Only what differs from the file is this form's change: a field shown filled in and left as it was is not
    # rewritten (its quoting stays), and someone else's correction of it meanwhile does not refuse this one.
    words = {name: value for name, value in words.items() if value != now[name]}
    shapes = shapes if shapes != now["forms"] else None
    for name, before in (was or {}).items():
        if now[name] != before:
            form.error(name, "form_changed_meanwhile", input=show_input(now[name]))
    form.done()
    at, given = form.checked(index), {name: form.checked(value) for name, value in words.items()}
    new_shapes = None if shapes is None else [form.checked(shape) for shape in shapes]
    new = form.written(lambda: _term_written(text, at, given, new_shapes))
    changed = [*words, *(["forms"] if shapes is not None else [])]
    summary = f"terms[{term_id}]: corrected " + (
        ", ".join(".".join(_TERM_FIELDS.get(n, (n,))) for n in changed) or "nothing"
    )
    return Change(
        summary,
        {GLOSSARY: new},
        {GLOSSARY: text},
        remake=lambda newer: _correct_term(
            newer,
            dataset,
            term_id,
            {n: inputs[n] for n in words},
            forms if shapes is not None else None,
            was={n: now[n] for n in changed},
        ),
    )


def _shapes(form: _Form, forms: Sequence[str]) -> list[str | None]:
    """The ways the report writes a term, as typed; an input left empty is no form (a page shows a spare one)."""
    return [form.text(f"forms[{n}]", shape) for n, shape in enumerate(forms) if (shape or "").strip()]


def _term_now(text: str, index: int | None, names: Iterable[str]) -> dict[str, object]:
    """Each named field of the term as the text has it now: a scalar's text, or the list of forms."""
    root = layout_of(text)
    term = root.get("terms", index) if root is not None and index is not None else None
    found: dict[str, object] = {}
    for name in names:
        node = term.get(*_TERM_FIELDS.get(name, (name,))) if term is not None else None
        if node is None:
            found[name] = None
        else:
            found[name] = [item.value for item in node.items] if name == "forms" else node.value
    return found


def _term_written(text: str, index: int, words: dict[str, str], shapes: list[str] | None) -> str:
    """The term's fields replaced one by one where they stand; its forms replaced as a list."""
    for name, value in words.items():
        text = set_scalar(text, GLOSSARY, ("terms", index, *_TERM_FIELDS[name]), render_text(value, flow=True))
    if shapes is not None:
        text = set_list(text, GLOSSARY, ("terms", index), "forms", [render_text(shape, flow=True) for shape in shapes])
    return text


# ── Choices for the page ───────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class PlanItem:
    """A target or milestone as a form offers it: its list, the item, its plan year and its last progress entry."""

    group: str  # "targets" or "milestones"
    item: Target | Milestone
    year: int
    last: ProgressEntry | MilestoneEntry | None


def plan_items(dataset: Dataset, year: int) -> list[PlanItem]:
    """The targets, then the milestones, of one plan year, each with its newest progress entry (the one a new entry
    must come after): the choices of "Add progress"."""
    targets, milestones = dataset.planned(year)
    return [
        PlanItem(group, item, year, max(item.progress, key=lambda e: e.date, default=None))
        for group, items in (("targets", targets), ("milestones", milestones))
        for item in items
    ]


def awaiting_outcome(dataset: Dataset, today: dt.date | None = None) -> list[PlanItem]:
    """The targets and milestones of every plan year over by `today` that have no outcome yet: the choices of
    "Record outcome" (one whose last progress entry, dated on the year's last day, stands for its outcome is listed
    too: the next report's words may still be recorded)."""
    today = today or dt.date.today()
    return [
        entry
        for year in dataset.plan_years
        if dt.date(year, 12, 31) < today
        for entry in plan_items(dataset, year)
        if entry.item.outcome is None
    ]


def figure_values(dataset: Dataset, indicator: str) -> list[Value]:
    """The values of one figure, as stated (each period by each report): the choices of "Correct a figure"."""
    found = dataset.indicators.get(dataset.current_id(indicator))
    return list(found.values) if found else []


# ── One form's inputs, checked ─────────────────────────────────────────────────────────────────────


class _Form:
    """The errors of one form's inputs, gathered field by field so that all are said at once."""

    def __init__(self, name: str):
        self.name = name
        self.errors: list[DataError] = []

    def error(self, field: str, code: str, **params: object) -> None:
        self.errors.append(make_error(self.name, 0, 0, field, code, **params))

    def done(self) -> None:
        """Refuse the form when anything was wrong."""
        if self.errors:
            raise FormError(self.errors)

    def checked(self, value: _T | None) -> _T:
        """An input's value once `done()` let the form through.

        Why it cannot be None then: every check below that gives None for a required input says why in an error,
        and `done()` refused the form on it.
        """
        assert value is not None and not self.errors, f"{self.name}: an input is None with no error said for it"
        return value

    def written(self, edit: Callable[[], str]) -> str:
        """The new text the edit makes; a file that has no place for it refuses the form at its line."""
        try:
            return edit()
        except NoPlace as exc:
            raise FormError([exc.error]) from None

    def file(self, texts: Texts, name: str) -> str:
        text = texts.get(name)
        if text is None:
            raise FormError([make_error(name, 1, 1, "", "file_missing")])
        return text

    # ── Values typed ──

    def text(self, field: str, value: str | None, required: bool = True) -> str | None:
        """Text as typed (a browser's CRLF read as one new line): None when empty, said when required, too long,
        or holding a Tab or a control character."""
        value = (value or "").replace("\r\n", "\n")
        if not value.strip():
            if required:
                self.error(field, "form_required")
            return None
        if len(value) > MAX_TEXT:
            self.error(field, "form_too_long", size=len(value), limit=MAX_TEXT)
        elif "\t" in value:
            self.error(field, "form_tab")
        elif bad := next((c for c in value if c != "\n" and unicodedata.category(c) in ("Cc", "Cs")), None):
            self.error(field, "form_control", input=f"U+{ord(bad):04X}")
        else:
            return value
        return None

    def note(self, zh: str | None, en: str | None, required: bool = False) -> tuple[str, str] | None:
        """A note in both languages, or none at all; one language alone is missing the other."""
        given = required or bool((zh or "").strip() or (en or "").strip())
        zh_text, en_text = self.text("note_zh", zh, given), self.text("note_en", en, given)
        return (zh_text, en_text) if zh_text is not None and en_text is not None else None

    def number(self, field: str, value: float | str | None) -> float | None:
        """A finite number, typed (30, 3.45, full-width digits too) or given."""
        if value is None or (isinstance(value, str) and not value.strip()):
            self.error(field, "form_required")
            return None
        if isinstance(value, str):
            typed = unicodedata.normalize("NFKC", value).strip()
            if not _NUMBER.match(typed):
                self.error(field, "form_not_a_number", input=show_input(value))
                return None
            value = float(typed)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.error(field, "finite_number", input=show_input(value))
            return None
        return float(value)

    def date(self, field: str, value: dt.date | str | None) -> dt.date | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        parsed = _iso_date(value.strip()) if isinstance(value, str) else None
        if parsed is None:
            self.error(field, "form_required" if not value else "date_parsing", input=show_input(value))
        return parsed

    def choice(self, field: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
        """One word of a closed list (a status of the table, a qualifier)."""
        if value in allowed:
            return value
        self.error(
            field,
            "form_required" if not value else "literal_error",
            input=show_input(value),
            expected=" / ".join(allowed),
        )
        return None

    # ── What the inputs name ──

    def plan_item(self, field: str, dataset: Dataset, item_id: str) -> tuple[str, Target | Milestone] | None:
        """(its list, the target or milestone) named by an id (or an id it had before)."""
        current = dataset.current_id(item_id or "")
        for group in ("targets", "milestones"):
            for item in getattr(dataset.content, group):
                if item.id == current:
                    return group, item
        self.error(field, "form_unknown_item", input=show_input(item_id))
        return None

    def in_text(self, text: str, found: tuple[str, Target | Milestone] | None, field: str) -> int | None:
        """The item's index in the text as it is; said when the text no longer has it (renamed or removed meanwhile)."""
        if found is None:
            return None
        index = index_of(text, found[0], found[1].id)
        if index is None:
            self.error(field, "form_unknown_item", input=show_input(found[1].id))
        return index

    def figure_value(self, dataset: Dataset, indicator: str, period: str, report: str) -> Value | None:
        found = dataset.indicators.get(dataset.current_id(indicator or ""))
        if found is None:
            self.error("indicator", "unknown_indicator", input=indicator)
            return None
        stated = next((v for v in found.values if (v.period, v.source.report) == (period, report)), None)
        if stated is None:
            self.error("period", "form_unknown_value", input=period, id=found.id, report=report)
        return stated

    def report(self, field: str, report: str | None, dataset: Dataset, year: int | None = None) -> str | None:
        """A known report; with `year`, the one that reviews it (where a plan year's outcome is told)."""
        if not report:
            self.error(field, "form_required")
            return None
        if report not in dataset.reports:
            self.error(field, "unknown_report", input=report, expected=", ".join(dataset.reports))
            return None
        if year is not None and dataset.reports[report].reviews != year:
            self.error(field, "outcome_wrong_report", input=report, year=year, reviews=dataset.reports[report].reviews)
            return None
        return report

    # ── Progress ──

    def progress_state(
        self, found: tuple[str, Target | Milestone] | None, value: float | str | None, status: str | None
    ) -> str:
        """The entry's second line: a target's `  value: 30`, a milestone's `  status: in_progress`."""
        if found is None:
            return ""
        if found[0] == "targets":
            self.not_given("status", status, "form_status_for_milestones")
            number = self.number("value", value)
            if number is not None and number < 0:
                self.error("value", "progress_negative", input=render_number(number))
            return f"  value: {render_number(number)}" if number is not None else ""
        self.not_given("value", value, "form_value_for_targets")
        state = self.choice("status", status, MILESTONE_STATES)
        return f"  status: {state}"

    def date_in_plan_year(self, when: dt.date, year: int, today: dt.date) -> None:
        if when.year != year:
            self.error("date", "form_date_outside_year", input=when.isoformat(), year=year)
        elif when > today:
            self.error("date", "form_date_future", input=when.isoformat(), today=today.isoformat())

    def date_after_last(self, when: dt.date, dates: list[dt.date]) -> None:
        """Entries are in date order, one a day: a new one comes after the last."""
        if dates and when <= max(dates):
            self.error("date", "form_date_not_after_last", input=when.isoformat(), last=max(dates).isoformat())

    # ── Outcomes ──

    def year_closed(self, year: int, today: dt.date) -> None:
        if today <= dt.date(year, 12, 31):
            self.error("item", "form_year_open", year=year)

    def no_outcome_yet(self, text: str, found: tuple[str, Target | Milestone], index: int) -> None:
        root = layout_of(text)
        assert root is not None, "`index` was found in this text"
        item = root.get(found[0], index)
        if item is not None and "outcome" in item.keys:
            self.error("item", "form_outcome_there", input=found[1].id)

    def outcome(
        self,
        dataset: Dataset,
        found: tuple[str, Target | Milestone] | None,
        value: float | str | None,
        qualifier: str,
        status: str | None,
        source: SourceFields,
        note_zh: str | None,
        note_en: str | None,
        not_mentioned_in: str | None,
    ) -> list[str]:
        """The outcome's lines, at column 0 (`outcome:` and its value), from the inputs that fit the item."""
        if found is None:
            return []
        year = dataset.plan_year(found[1])
        if not_mentioned_in:
            stated = (
                value not in (None, "")
                or status
                or source.given()
                or (note_zh or "").strip()
                or (note_en or "").strip()
            )
            if stated:
                self.error("not_mentioned_in", "outcome_both")
            report = self.report("not_mentioned_in", not_mentioned_in.strip(), dataset, year)
            return [f"outcome: {{not_mentioned_in: {report}}}"]
        if found[0] == "targets":
            self.not_given("status", status, "form_status_for_milestones")
            self.not_given("note_zh", note_zh, "form_note_for_milestones")
            self.not_given("note_en", note_en, "form_note_for_milestones")
            return self.target_outcome(dataset, year, value, qualifier, source)
        self.not_given("value", value, "form_value_for_targets")
        return self.milestone_outcome(dataset, year, status, source, note_zh, note_en)

    def not_given(self, field: str, value: object, code: str) -> None:
        """A field the item does not take (a target's outcome has no status): said, never silently dropped."""
        if value not in (None, "") and not (isinstance(value, str) and not value.strip()):
            self.error(field, code)

    def target_outcome(
        self, dataset: Dataset, year: int, value: float | str | None, qualifier: str, source: SourceFields
    ) -> list[str]:
        number = self.number("value", value)
        chosen = self.choice("qualifier", qualifier or "exact", QUALIFIERS)
        lines = self.source_lines(dataset, year, source, number)
        if number is None:
            return []
        return [
            "outcome:",
            f"  value: {render_number(number)}",
            *([f"  qualifier: {chosen}"] if chosen != "exact" else []),
            *lines,
        ]

    def milestone_outcome(
        self,
        dataset: Dataset,
        year: int,
        status: str | None,
        source: SourceFields,
        note_zh: str | None,
        note_en: str | None,
    ) -> list[str]:
        state = self.choice("status", status, OUTCOME_STATES)
        lines = self.source_lines(dataset, year, source, None) if source.given() else []
        note = self.note(note_zh, note_en, required=not source.given())
        return ["outcome:", f"  status: {state}", *lines, *([f"  note: {render_bilingual(*note)}"] if note else [])]

    def source_lines(self, dataset: Dataset, year: int, source: SourceFields, number: float | None) -> list[str]:
        """`  source:` and its report, section and quote; the quote must stand in that report and hold the number."""
        report = self.report("report", (source.report or "").strip(), dataset, year)
        section = (source.section or "").strip()
        if not section:
            self.error("section", "form_required")
        elif not _SECTION.match(section):
            self.error("section", "string_pattern_mismatch", input=show_input(section))
        quote = self.text("quote", source.quote)
        if report and quote and quote not in dataset.report_texts.get(report, ""):
            self.error("quote", "quote_not_in_report", input=show_input(quote), report=report)
        elif quote and number is not None and not number_in_text(number, quote):
            self.error("value", "value_not_in_quote", input=render_number(number))
        return [
            "  source:",
            f"    report: {report}",
            f"    section: {render_text(section)}",
            f"    quote: {render_text(quote or '')}",
        ]

    # ── Terms ──

    def new_term_id(self, term_id: str, text: str, dataset: Dataset) -> None:
        if not _TERM_ID.match(term_id or ""):
            self.error("id", "form_term_id", input=show_input(term_id))
        elif term_id in dataset.terms or index_of(text, "terms", term_id) is not None:
            self.error("id", "form_id_taken", input=term_id)

    def term_unique(self, term_zh: str | None, dataset: Dataset, own_id: str | None) -> None:
        """A term (its Chinese) stands once in the glossary."""
        if term_zh is not None and any(t.term.zh == term_zh and t.id != own_id for t in dataset.glossary.terms):
            self.error("term_zh", "form_term_there", input=show_input(term_zh))

    def defined_in_report(self, definition_zh: str | None, report: str | None, dataset: Dataset) -> None:
        """The Chinese definition stands verbatim in the report whose glossary defines the term."""
        if definition_zh is not None and report and definition_zh not in dataset.report_texts.get(report, ""):
            self.error("definition_zh", "quote_not_in_report", input=show_input(definition_zh), report=report)


def _iso_date(text: str | None) -> dt.date | None:
    """A date written 2024-06-30 (what the files and a date field give), else None."""
    if not text or not _DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
