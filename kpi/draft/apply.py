"""`python -m kpi apply DRAFT`: a reviewed draft put into indicators.yaml and glossary.yaml, every other byte kept.

Why text insertion and not load-and-dump: see kpi/edit/yaml_text.py, the one writer of YAML text, which the
editing page's forms use too. Here each entry's lines are copied from the draft, without its review comments,
re-indented to the list they join, and inserted after the located last line of that list or item; the rest of
the file is untouched, so a diff shows only added lines.

Why so careful: the result is validated in a temporary copy of the data directory before anything is
written, then each file is replaced through a temporary file and a rename. A draft that still holds a review
mark, or an entry the data already has (the same figure, period and report; an outcome already recorded; an
id already taken), is refused and nothing changes, so applying a draft twice changes nothing. Every message
is located (FILE:LINE:COL) in the draft when the problem is in a line that came from it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kpi.data.dataset import Dataset
from kpi.data.errors import DataError, DataErrors, show_input
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, SOURCE_DIR, write_files
from kpi.data.loading import load_dataset
from kpi.data.model import Indicator, ItemId, Milestone, Report, StrictModel, Target, Term, Value
from kpi.data.parsing import ParsedFile, parse_file
from kpi.edit.history import locked
from kpi.edit.layout import Node, content_lines, layout
from kpi.edit.yaml_text import DataText, Insertion, items_as_new_list, items_into_list, keys_into_item, merge

# Refusals that mean "this entry is in the data already": when they are all there is, the draft was applied.
ALREADY = (
    "apply_report_listed",
    "apply_value_there",
    "apply_outcome_there",
    "apply_override_there",
    "apply_id_taken",
    "apply_term_there",
)
_DRAFT_ID_GROUPS = (("reports",), ("indicators", "targets", "milestones"), ("outcomes",), ("terms",))
_LISTS = (
    ("reports", INDICATORS),
    ("indicators", INDICATORS),
    ("targets", INDICATORS),
    ("milestones", INDICATORS),
    ("terms", GLOSSARY),
)


class DraftValues(StrictModel):
    """New values of one kept indicator."""

    indicator: ItemId = Field(description="已有指标的编号 / Id of the kept indicator")
    values: list[Value] = Field(min_length=1, description="新数值 / The new values")


class DraftOutcome(StrictModel):
    """The outcome (or a status set by hand) of one target or milestone of the closing year."""

    id: ItemId = Field(description="目标或事项的编号 / Id of the target or milestone")
    outcome: dict | None = Field(None, description="结果 / Outcome")
    override: dict | None = Field(None, description="人工状态 / Status set by hand")

    @model_validator(mode="after")
    def _something(self) -> DraftOutcome:
        if self.outcome is None and self.override is None:
            raise PydanticCustomError("missing", "an outcome entry needs outcome or override")
        return self


class DraftFile(StrictModel):
    """The draft `python -m kpi draft` writes, each section a list apply puts in its place."""

    reports: list[Report] = []
    values: list[DraftValues] = []
    indicators: list[Indicator] = []
    outcomes: list[DraftOutcome] = []
    targets: list[Target] = []
    milestones: list[Milestone] = []
    terms: list[Term] = []


@dataclass(frozen=True)
class Applied:
    """What was put in, counted for the closing line."""

    report: str
    counts: dict[str, int]
    files: list[str]


class ApplyError(Exception):
    """Nothing was written: the located problems, and the catalogue key of the line that sums them up."""

    def __init__(self, key: str, errors: list[DataError]):
        super().__init__(key)
        self.key, self.errors = key, sorted(set(errors))


def apply_draft(draft_path: Path, name: str, directory: Path) -> Applied:
    """Check the draft against the data, insert it, validate the result in a copy, write; or raise ApplyError."""
    planned = plan_draft(_read_draft(draft_path, name), DataText.read(draft_path).text, directory)
    validate_copy(directory, planned.encoded(), planned.origins(), name)
    # Under the history's lock, as the editing page saves, and only onto the very texts the plan read: a save that
    # came in between is never written over (kpi/edit/save.py); the server commits what apply wrote afterwards.
    # Typed as write_files takes it (None there removes a file; a plan never does).
    contents: dict[str, bytes | None] = {**planned.encoded()}
    with locked(directory):
        if not write_files(directory, contents, still=lambda: planned.unchanged(directory)):
            raise ApplyError("apply_changed_meanwhile", [])
    return planned.applied


@dataclass(frozen=True)
class Planned:
    """A draft's entries put into the data files' texts, nothing written yet.

    Why apart from writing: the editing page's "New report" (kpi/draft/review.py) makes the same texts into one
    Change for the page's check and save, so the command and the page put a draft in alike.
    """

    texts: dict[str, DataText]  # the data files the draft goes into, as they were read
    merged: dict[
        str, tuple[str, list]
    ]  # each file the draft changes → (its new text, where each of its lines came from)
    applied: Applied

    def encoded(self) -> dict[str, bytes]:
        """Each changed file's new bytes, with its own byte-order mark."""
        return {file: self.texts[file].encoded(text) for file, (text, _) in self.merged.items()}

    def unchanged(self, directory: Path) -> bool:
        """Whether the data files are still the texts the plan read."""
        return all(DataText.read(directory / file) == text for file, text in self.texts.items())

    def origins(self) -> dict[str, list]:
        """Where each line of each changed file came from (kpi/edit/yaml_text.py merge), to locate errors."""
        return {file: origins for file, (_, origins) in self.merged.items()}


def plan_draft(draft: ParsedFile[DraftFile], draft_text: str, directory: Path) -> Planned:
    """Where each entry of a read draft goes in the data files of `directory`, and the files' new texts; nothing is
    written. ApplyError when the data is not valid, when it already has an entry, when an entry has no place."""
    dataset = _load(directory)
    texts = {file: DataText.read(directory / file) for file in (INDICATORS, GLOSSARY)}
    layouts = {file: layout(text.text) for file, text in texts.items()}
    refusals = list(refused(draft, dataset, layouts))
    if refusals:
        already = all(e.code in ALREADY for _, e in refusals) and len({entry for entry, _ in refusals}) == _entries(
            draft.model
        )
        raise ApplyError("apply_already" if already else "apply_refused", [error for _, error in refusals])
    insertions, problems = _plan(draft.model, dataset, layout(draft_text), content_lines(draft_text), texts, layouts)
    if problems:
        raise ApplyError("apply_refused", problems)
    if not insertions:
        raise ApplyError("apply_empty", [])
    merged = {file: merge(texts[file].text, [i for i in insertions if i.file == file]) for file in texts}
    merged = {file: result for file, result in merged.items() if result[0] != texts[file].text}
    return Planned(texts, merged, Applied(_report_of(draft.model), _counts(draft.model), list(merged)))


def _read_draft(path: Path, name: str) -> ParsedFile[DraftFile]:
    """The draft read into its model; its marks and shape mistakes refuse it."""
    parsed, errors = parse_draft(path, name)
    if errors or parsed is None:
        raise ApplyError(refusal_key(errors), errors)
    return parsed


def refusal_key(errors: list[DataError]) -> str:
    """The closing line for a draft that cannot be read: "marks left" when marks are all there is."""
    marks = [e for e in errors if e.code.startswith("review_")]
    return "apply_marks" if marks and len(marks) == len(errors) else "apply_refused"


def parse_draft(path: Path, name: str) -> tuple[ParsedFile[DraftFile] | None, list[DataError]]:
    """The draft read into its model (None when it cannot be) and every problem: review marks, YAML, fields."""
    try:
        return parse_file(path, name, DraftFile, _DRAFT_ID_GROUPS)
    except DataErrors as exc:
        return None, exc.errors


def _load(directory: Path) -> Dataset:
    """The data as it is: it must be valid before a draft goes in."""
    try:
        return load_dataset(directory)
    except DataErrors as exc:
        raise ApplyError("apply_data_errors", exc.errors) from None


# ── What the data already has ──────────────────────────────────────────────────────────────────────

Refusal = tuple[tuple[str | int, ...], DataError]  # (the draft entry refused, why)


def _node(root: Node | None, *path: str | int) -> Node:
    """The node of an entry that the model read from the same file has (the loaded data's, the read draft's).

    Why it cannot be missing: the model and the layout are two readings of one text, entry for entry.
    """
    node = root.get(*path) if root is not None else None
    assert node is not None, f"the model has {path}, the layout of its text does not"
    return node


def refused(draft: ParsedFile[DraftFile], dataset: Dataset, layouts: dict[str, Node | None]) -> Iterator[Refusal]:
    """Every entry of the draft the data already has, or that names something the data does not have."""
    model: DraftFile = draft.model
    data = layouts[INDICATORS]
    for index, report in enumerate(model.reports):
        if report.id in dataset.reports:
            kept = [r.id for r in dataset.content.reports].index(report.id)
            yield (
                ("reports", index),
                draft.error(
                    ("reports", index, "id"),
                    "apply_report_listed",
                    id=report.id,
                    at=_node(data, "reports", kept).line + 1,
                ),
            )
    yield from _values_there(draft, dataset, data)
    for group in ("indicators", "targets", "milestones"):
        for index, item in enumerate(getattr(model, group)):
            if item.id in dataset.lines:
                yield (
                    (group, index),
                    draft.error(
                        (group, index, "id"),
                        "apply_id_taken",
                        id=item.id,
                        data_file=INDICATORS,
                        at=dataset.lines[item.id],
                    ),
                )
    yield from _outcomes_there(draft, dataset, data)
    yield from _terms_there(draft, dataset, layouts[GLOSSARY])


def _values_there(draft: ParsedFile[DraftFile], dataset: Dataset, data: Node | None) -> Iterator[Refusal]:
    """A value for an indicator that does not exist, or one the indicator has (same period, same report)."""
    index = {indicator.id: n for n, indicator in enumerate(dataset.content.indicators)}
    for g, group in enumerate(draft.model.values):
        if group.indicator not in index:
            yield ("values", g), draft.error(("values", g, "indicator"), "apply_unknown_indicator", id=group.indicator)
            continue
        kept = dataset.indicators[group.indicator].values
        for v, value in enumerate(group.values):
            for k, old in enumerate(kept):
                if (old.period, old.source.report) == (value.period, value.source.report):
                    line = _node(data, "indicators", index[group.indicator], "values", k).line + 1
                    yield (
                        ("values", g, v),
                        draft.error(
                            ("values", g, "values", v),
                            "apply_value_there",
                            id=group.indicator,
                            period=value.period,
                            report=value.source.report,
                            at=line,
                        ),
                    )


def _outcomes_there(draft: ParsedFile[DraftFile], dataset: Dataset, data: Node | None) -> Iterator[Refusal]:
    """An outcome for an item that is not a target or milestone, or for one that has it already."""
    content = dataset.content
    places = {
        item.id: (group, n, item)
        for group in ("targets", "milestones")
        for n, item in enumerate(getattr(content, group))
    }
    for index, entry in enumerate(draft.model.outcomes):
        if entry.id not in places:
            yield ("outcomes", index), draft.error(("outcomes", index, "id"), "apply_unknown_item", id=entry.id)
            continue
        group, n, item = places[entry.id]
        for key in ("outcome", "override"):
            if getattr(entry, key) is not None and getattr(item, key) is not None:
                yield (
                    ("outcomes", index),
                    draft.error(
                        ("outcomes", index, key),
                        f"apply_{key}_there",
                        id=entry.id,
                        at=_node(data, group, n).keys[key][0] + 1,
                    ),
                )


def _terms_there(draft: ParsedFile[DraftFile], dataset: Dataset, glossary: Node | None) -> Iterator[Refusal]:
    """A term whose id or whose Chinese term glossary.yaml already has."""
    ids = {term.id: n for n, term in enumerate(dataset.glossary.terms)}
    words = {term.term.zh: n for n, term in enumerate(dataset.glossary.terms)}
    for index, term in enumerate(draft.model.terms):
        if term.id in ids:
            yield (
                ("terms", index),
                draft.error(
                    ("terms", index, "id"),
                    "apply_id_taken",
                    id=term.id,
                    data_file=GLOSSARY,
                    at=_node(glossary, "terms", ids[term.id]).line + 1,
                ),
            )
        elif term.term.zh in words:
            yield (
                ("terms", index),
                draft.error(
                    ("terms", index, "term", "zh"),
                    "apply_term_there",
                    input=show_input(term.term.zh),
                    at=_node(glossary, "terms", words[term.term.zh]).line + 1,
                ),
            )


def _entries(model: DraftFile) -> int:
    """How many entries the draft holds (each value counts as one)."""
    return sum(
        len(getattr(model, key)) for key in ("reports", "indicators", "outcomes", "targets", "milestones", "terms")
    ) + sum(len(group.values) for group in model.values)


def _counts(model: DraftFile) -> dict[str, int]:
    """What the draft puts in, by kind, for the closing line."""
    return {
        "values": sum(len(group.values) for group in model.values),
        "figures": len({g.indicator for g in model.values}),
        "new_indicators": len(model.indicators),
        "outcomes": len(model.outcomes),
        "targets": len(model.targets),
        "milestones": len(model.milestones),
        "terms": len(model.terms),
    }


def _report_of(model: DraftFile) -> str:
    """The report the draft brings: its new entry, else the report its sources name most."""
    if model.reports:
        return model.reports[0].id
    # A new figure has no source of its own: its values have.
    sourced: list[Value | Target | Milestone] = [
        *(v for g in model.values for v in g.values),
        *(v for x in model.indicators for v in x.values),
        *model.targets,
        *model.milestones,
    ]
    sources = [x.source.report for x in sourced] + [t.report for t in model.terms]
    return Counter(sources).most_common(1)[0][0] if sources else ""


# ── Where each entry goes ──────────────────────────────────────────────────────────────────────────


def _plan(
    model: DraftFile,
    dataset: Dataset,
    draft: Node | None,
    clean: list[str | None],
    texts: dict[str, DataText],
    layouts: dict[str, Node | None],
) -> tuple[list[Insertion], list[DataError]]:
    """One insertion per list the draft adds to, per indicator it adds values to, per item it gives an outcome."""
    planned: list[Insertion | DataError] = []
    for key, file in _LISTS:
        if getattr(model, key):
            planned.append(
                _append_items(key, _node(draft, key), clean, file, texts[file].text.split("\n"), layouts[file])
            )
    data = layouts[INDICATORS]
    index = {indicator.id: n for n, indicator in enumerate(dataset.content.indicators)}
    for g, group in enumerate(model.values):
        values = _node(data, "indicators", index[group.indicator], "values")
        planned.append(
            items_into_list(
                _node(draft, "values", g, "values"),
                values,
                clean,
                INDICATORS,
                texts[INDICATORS].text.split("\n"),
                3,
                f"indicators[{group.indicator}].values",
            )
        )
    places = {
        item.id: (group, n)
        for group in ("targets", "milestones")
        for n, item in enumerate(getattr(dataset.content, group))
    }
    for index_, entry in enumerate(model.outcomes):
        kind, n = places[entry.id]
        planned.append(
            keys_into_item(
                _node(draft, "outcomes", index_),
                ("outcome", "override"),
                _node(data, kind, n),
                clean,
                INDICATORS,
                f"{kind}[{entry.id}]",
            )
        )
    return [p for p in planned if isinstance(p, Insertion)], [p for p in planned if isinstance(p, DataError)]


def _append_items(
    key: str, items: Node, clean: list[str | None], file: str, lines: list[str], root: Node | None
) -> Insertion | DataError:
    """The draft's items of one list at the end of that list in the data file (or a new list at its end)."""
    target = root.get(key) if root is not None else None
    if target is not None:
        return items_into_list(items, target, clean, file, lines, 1, key)
    return items_as_new_list(key, items, clean, file, lines)


# ── Check, then write ──────────────────────────────────────────────────────────────────────────────


def validate_copy(directory: Path, files: dict[str, bytes], origins: dict[str, list], name: str) -> Dataset:
    """Load the result from a temporary copy of the data directory, `files` (data files, report texts) written into
    it; its errors, located where their lines came from. The dataset it loaded, when valid."""
    with tempfile.TemporaryDirectory(prefix="kpi-apply-") as tmp:
        copy = Path(tmp)
        for file in (INDICATORS, GLOSSARY, EXCLUSIONS):
            if (directory / file).exists():
                shutil.copy2(directory / file, copy / file)
        shutil.copytree(directory / SOURCE_DIR, copy / SOURCE_DIR)
        for file, data in files.items():
            (copy / file).parent.mkdir(parents=True, exist_ok=True)
            (copy / file).write_bytes(data)
        try:
            return load_dataset(copy)
        except DataErrors as exc:
            raise ApplyError("apply_invalid", [located(e, origins, name) for e in exc.errors]) from None


def located(error: DataError, origins: dict[str, list], name: str) -> DataError:
    """An error in the merged file, moved to the line it came from: the data file's own line, or the draft's."""
    lines = origins.get(error.file)
    origin = lines[error.line - 1] if lines and 0 < error.line <= len(lines) else None
    if origin is None:
        return error
    kind, line, shift = origin
    if kind == "data":
        return replace(error, line=line + 1)
    return replace(error, file=name, line=line + 1, column=max(1, error.column - shift))
