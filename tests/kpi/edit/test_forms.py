"""The editing page's forms (kpi/edit/forms.py): each entry goes in as the lines it needs and nothing else, loads
with every rule, is made again on newer texts, and bad input is refused at its field in both languages."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.data.dataset import Dataset
from kpi.data.files import GLOSSARY, INDICATORS, REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.model import MilestoneEntry, ProgressEntry, Text
from kpi.data.yaml_reader import read_yaml
from kpi.edit.change import Change
from kpi.edit.forms import (
    ADD_PROGRESS,
    ADD_TERM,
    CORRECT_FIGURE,
    CORRECT_TERM,
    MAX_TEXT,
    RECORD_OUTCOME,
    FormError,
    SourceFields,
    add_progress,
    add_term,
    awaiting_outcome,
    correct_figure,
    correct_term,
    figure_values,
    plan_items,
    record_outcome,
)
from kpi.edit.yaml_text import append_item
from tests.conftest import MINIMAL
from tests.helpers.fixture_report import FIRST

TARGET, MILESTONE = "housing.community_gardens_2024", "housing.yanhuo_lingyan_block"
AFTER_2024 = dt.date(2025, 3, 1)  # the plan year 2024 is over
IN_2024 = dt.date(2024, 7, 1)
REPORT_2024 = "report_2024_fictional"
GARDENS_2024 = SourceFields(REPORT_2024, "第一部分 二(一)", "打造中型社区花园3座")


def texts_of(directory: Path) -> dict[str, str]:
    """The data files' texts as a Change holds them: the bytes decoded, nothing taken away."""
    return {name: (directory / name).read_bytes().decode("utf-8") for name in (INDICATORS, GLOSSARY)}


@pytest.fixture(scope="module")
def shipped() -> dict[str, str]:
    return texts_of(REPO_ROOT)


def diff(before: str, after: str) -> list[str]:
    """The diff's lines that are not context: '+ added', '- removed'."""
    return [line for line in difflib.ndiff(before.split("\n"), after.split("\n")) if line[:1] in "+-"]


def only_added(change: Change) -> list[str]:
    """The lines a change adds, after asserting it removes or alters none."""
    [(name, text)] = change.texts.items()
    lines = diff(change.base[name], text)
    assert [line for line in lines if not line.startswith("+ ")] == [], lines
    return [line[2:] for line in lines]


def saved(directory: Path, change: Change) -> Dataset:
    """The change written into a data directory, then loaded with every rule."""
    for name, text in change.texts.items():
        (directory / name).write_bytes(text.encode("utf-8"))
    return load_dataset(directory)


def refused(make) -> list[tuple[str, str, str]]:
    """(file, field, code) of each error a form refuses with; every message is the catalogue's own, in both languages."""
    with pytest.raises(FormError) as raised:
        make()
    for error in raised.value.errors:
        assert error.zh and "is invalid:" not in error.en, error  # not the catalogue's fallback for an unknown code
    return [(e.file, e.field, e.code) for e in raised.value.errors]


@pytest.fixture
def with_2024_report(shipped_dir) -> Path:
    """The shipped data and the fictional 2024 report (the one that closes 2024): its text and its entry."""
    shutil.copy(FIRST.folder / "report.txt", shipped_dir / FIRST.report_file)
    path = shipped_dir / INDICATORS
    entry = FIRST.additions["report"].rstrip("\n").split("\n")
    path.write_text(append_item(path.read_text(encoding="utf-8"), INDICATORS, "reports", entry), encoding="utf-8")
    return shipped_dir


# ── Add progress ───────────────────────────────────────────────────────────────────────────────────


def test_progress_on_a_target_adds_only_its_lines_and_loads(shipped, shipped_dir, dataset):
    change = add_progress(
        shipped,
        dataset,
        TARGET,
        "2024-06-30",
        "3",
        note_zh="第二季度: 建成#1",
        note_en="- 3 built, 'early'",
        today=AFTER_2024,
    )
    assert change.summary == f"targets[{TARGET}]: progress 2024-06-30 = 3"
    assert only_added(change) == [
        "  progress:",
        "  - date: 2024-06-30",
        "    value: 3",
        "    note: {zh: '第二季度: 建成#1', en: '- 3 built, ''early'''}",
    ]
    [target] = [t for t in saved(shipped_dir, change).content.targets if t.id == TARGET]
    note = Text(zh="第二季度: 建成#1", en="- 3 built, 'early'")
    assert target.progress == [ProgressEntry(date=dt.date(2024, 6, 30), value=3, note=note)]


def test_progress_on_a_milestone_is_a_status(shipped, shipped_dir, dataset):
    change = add_progress(shipped, dataset, MILESTONE, dt.date(2024, 4, 15), status="in_progress", today=AFTER_2024)
    assert change.summary == f"milestones[{MILESTONE}]: progress 2024-04-15 = in_progress"
    assert only_added(change) == ["  progress:", "  - date: 2024-04-15", "    status: in_progress"]
    [milestone] = [m for m in saved(shipped_dir, change).content.milestones if m.id == MILESTONE]
    assert milestone.progress == [MilestoneEntry(date=dt.date(2024, 4, 15), status="in_progress")]


def test_a_second_entry_follows_the_first_in_its_list(shipped, shipped_dir, dataset):
    first = add_progress(shipped, dataset, TARGET, "2024-03-31", "1", today=AFTER_2024)
    second = add_progress({**shipped, **first.texts}, dataset, TARGET, "2024-06-30", 2.5, today=AFTER_2024)
    assert only_added(second) == ["  - date: 2024-06-30", "    value: 2.5"]
    [target] = [t for t in saved(shipped_dir, second).content.targets if t.id == TARGET]
    assert [(e.date.month, e.value) for e in target.progress] == [(3, 1), (6, 2.5)]


def test_an_empty_list_on_one_line_takes_the_first_entry(minimal_dir):
    texts, dataset = texts_of(minimal_dir), load_dataset(minimal_dir)
    change = add_progress(texts, dataset, "safety.new_safety_posts_2024", "2024-06-30", "20", today=AFTER_2024)
    assert diff(texts[INDICATORS], change.texts[INDICATORS]) == [
        "-   progress: []",
        "+   progress:",
        "+   - date: 2024-06-30",
        "+     value: 20",
    ]
    assert saved(minimal_dir, change).content.targets[0].progress[0].value == 20


def test_remade_on_a_newer_text_both_entries_stay(shipped, shipped_dir, dataset):
    mine = add_progress(shipped, dataset, TARGET, "2024-09-30", "4", note_zh="三季度", note_en="Q3", today=AFTER_2024)
    theirs = add_progress(shipped, dataset, TARGET, "2024-06-30", "2", today=AFTER_2024)
    again = mine.remake({**shipped, **theirs.texts})
    assert again.base == theirs.texts and again.summary == mine.summary
    [target] = [t for t in saved(shipped_dir, again).content.targets if t.id == TARGET]
    assert [(e.date.month, e.value) for e in target.progress] == [(6, 2), (9, 4)]


def test_remade_after_a_later_entry_it_is_refused_at_its_date(shipped, dataset):
    mine = add_progress(shipped, dataset, TARGET, "2024-06-30", "2", today=AFTER_2024)
    theirs = add_progress(shipped, dataset, TARGET, "2024-09-30", "4", today=AFTER_2024)
    assert refused(lambda: mine.remake({**shipped, **theirs.texts})) == [
        (ADD_PROGRESS, "date", "form_date_not_after_last")
    ]


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({"date": "2025-01-01"}, [("date", "form_date_outside_year")]),
        ({"date": "2023-12-31"}, [("date", "form_date_outside_year")]),
        ({"date": "2024-08-01", "today": IN_2024}, [("date", "form_date_future")]),
        ({"date": "2024-13-01"}, [("date", "date_parsing")]),
        ({"date": "30/06/2024"}, [("date", "date_parsing")]),
        ({"date": ""}, [("date", "form_required")]),
        ({"value": "一百"}, [("value", "form_not_a_number")]),
        ({"value": "30 座"}, [("value", "form_not_a_number")]),
        ({"value": "nan"}, [("value", "form_not_a_number")]),
        ({"value": "1e999"}, [("value", "finite_number")]),
        ({"value": float("inf")}, [("value", "finite_number")]),
        ({"value": "-1"}, [("value", "progress_negative")]),
        ({"value": " "}, [("value", "form_required")]),
        ({"status": "done"}, [("status", "form_status_for_milestones")]),
        ({"item": MILESTONE, "value": None, "status": "finished"}, [("status", "literal_error")]),
        ({"item": MILESTONE, "value": None, "status": None}, [("status", "form_required")]),
        ({"item": MILESTONE, "status": "done"}, [("value", "form_value_for_targets")]),
        ({"item": "housing.no_such_target"}, [("item", "form_unknown_item")]),
        ({"note_zh": "只有中文"}, [("note_en", "form_required")]),
        ({"note_zh": "x" * (MAX_TEXT + 1), "note_en": "x"}, [("note_zh", "form_too_long")]),
        ({"note_zh": "甲\t乙", "note_en": "x"}, [("note_zh", "form_tab")]),
        ({"note_zh": "甲", "note_en": "bell\x07"}, [("note_en", "form_control")]),
        ({"note_zh": "甲", "note_en": "a\rb"}, [("note_en", "form_control")]),
        (
            {"date": "2025-01-01", "value": "一百", "note_en": "x"},
            [("date", "form_date_outside_year"), ("note_zh", "form_required"), ("value", "form_not_a_number")],
        ),
    ],
    ids=lambda x: str(x)[:40] if isinstance(x, dict) else None,
)
def test_bad_progress_is_refused_at_its_field(shipped, dataset, inputs, expected):
    given = {"item": TARGET, "date": "2024-06-30", "value": "3", "today": AFTER_2024} | inputs
    assert refused(lambda: add_progress(shipped, dataset, **given)) == [(ADD_PROGRESS, f, c) for f, c in expected]


@pytest.mark.parametrize("date", ["2024-06-30", "2024-03-31"], ids=["same day", "earlier"])
def test_an_entry_not_after_the_last_one_is_refused(shipped, dataset, date):
    first = add_progress(shipped, dataset, TARGET, "2024-06-30", "2", today=AFTER_2024)
    with pytest.raises(FormError) as raised:
        add_progress({**shipped, **first.texts}, dataset, TARGET, date, "3", today=AFTER_2024)
    [error] = raised.value.errors
    assert (
        error.en
        == f"the date must be after that of the last progress entry, 2024-06-30 (entries go in date order, one a "
        f"day), not {date}"
    )


def test_a_browsers_line_ends_in_a_note_are_one_new_line(shipped, dataset):
    change = add_progress(
        shipped, dataset, TARGET, "2024-06-30", "3", note_zh="一\r\n二", note_en="one\r\ntwo", today=AFTER_2024
    )
    assert only_added(change)[-1] == '    note: {zh: "一\\n二", en: "one\\ntwo"}'


NOTES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from("\n:#'\"-,{}[] "),
    min_size=1,
    max_size=40,
).filter(str.strip)


@given(zh=NOTES, en=NOTES)
def test_any_note_reads_back_exactly_as_typed(minimal_texts, tmp_path_factory, zh, en):
    texts, dataset = minimal_texts
    change = add_progress(
        texts, dataset, "safety.new_safety_posts_2024", "2024-06-30", "20", note_zh=zh, note_en=en, today=AFTER_2024
    )
    path = tmp_path_factory.getbasetemp() / "note.yaml"
    path.write_text(change.texts[INDICATORS], encoding="utf-8")
    data, _ = read_yaml(path, INDICATORS)
    assert data["targets"][0]["progress"][-1]["note"] == {"zh": zh, "en": en}


@pytest.fixture(scope="module")
def minimal_texts() -> tuple[dict[str, str], Dataset]:
    return texts_of(MINIMAL), load_dataset(MINIMAL)


# ── Record an outcome ──────────────────────────────────────────────────────────────────────────────


def test_a_targets_outcome_becomes_its_last_key(with_2024_report):
    texts, dataset = texts_of(with_2024_report), load_dataset(with_2024_report)
    change = record_outcome(texts, dataset, TARGET, value="3", source=GARDENS_2024, today=AFTER_2024)
    assert change.summary == f"targets[{TARGET}]: outcome = 3 ({REPORT_2024})"
    assert only_added(change) == [
        "  outcome:",
        "    value: 3",
        "    source:",
        f"      report: {REPORT_2024}",
        "      section: 第一部分 二(一)",
        "      quote: 打造中型社区花园3座",
    ]
    [target] = [t for t in saved(with_2024_report, change).content.targets if t.id == TARGET]
    assert (target.outcome.value, target.outcome.source.quote) == (3, "打造中型社区花园3座")


def test_an_outcome_the_report_is_silent_on_is_one_line(with_2024_report):
    texts, dataset = texts_of(with_2024_report), load_dataset(with_2024_report)
    change = record_outcome(texts, dataset, MILESTONE, not_mentioned_in=REPORT_2024, today=AFTER_2024)
    assert change.summary == f"milestones[{MILESTONE}]: outcome = not mentioned in {REPORT_2024}"
    assert only_added(change) == [f"  outcome: {{not_mentioned_in: {REPORT_2024}}}"]
    [milestone] = [m for m in saved(with_2024_report, change).content.milestones if m.id == MILESTONE]
    assert milestone.outcome.not_mentioned_in == REPORT_2024


def test_a_milestones_outcome_may_rest_on_a_note(shipped, shipped_dir, dataset):
    change = record_outcome(
        shipped, dataset, MILESTONE, status="done", note_zh="街区已开放", note_en="The block is open", today=AFTER_2024
    )
    assert change.summary == f"milestones[{MILESTONE}]: outcome = done (note)"
    assert only_added(change) == ["  outcome:", "    status: done", "    note: {zh: 街区已开放, en: The block is open}"]
    [milestone] = [m for m in saved(shipped_dir, change).content.milestones if m.id == MILESTONE]
    assert (milestone.outcome.status, milestone.outcome.note.en) == ("done", "The block is open")


def test_an_outcome_remade_on_a_newer_text_keeps_the_other_entry(shipped, shipped_dir, dataset):
    mine = record_outcome(
        shipped, dataset, MILESTONE, status="not_done", note_zh="未完成", note_en="Not finished", today=AFTER_2024
    )
    theirs = add_progress(shipped, dataset, TARGET, "2024-12-31", "5", today=AFTER_2024)
    loaded = saved(shipped_dir, mine.remake({**shipped, **theirs.texts}))
    assert [t.progress[-1].value for t in loaded.content.targets if t.id == TARGET] == [5]
    assert [m.outcome.status for m in loaded.content.milestones if m.id == MILESTONE] == ["not_done"]
    recorded = record_outcome(
        shipped, dataset, MILESTONE, status="done", note_zh="完成", note_en="Done", today=AFTER_2024
    )
    assert refused(lambda: mine.remake({**shipped, **recorded.texts})) == [
        (RECORD_OUTCOME, "item", "form_outcome_there")
    ]


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({"today": IN_2024}, [("item", "form_year_open")]),
        (
            {"source": SourceFields("report_2023", "第一部分 二(一)", "打造中型社区花园3座")},
            [("report", "outcome_wrong_report")],
        ),
        (
            {"source": SourceFields("report_2099", "第一部分 二(一)", "打造中型社区花园3座")},
            [("report", "unknown_report")],
        ),
        (
            {"source": SourceFields(REPORT_2024, "第一部分 二(一)", "打造中型社区花园三座")},
            [("quote", "quote_not_in_report")],
        ),
        ({"value": "4"}, [("value", "value_not_in_quote")]),
        (
            {"source": SourceFields(REPORT_2024, "第三部分", "打造中型社区花园3座")},
            [("section", "string_pattern_mismatch")],
        ),
        ({"source": SourceFields(REPORT_2024, "", "")}, [("quote", "form_required"), ("section", "form_required")]),
        ({"qualifier": "roughly"}, [("qualifier", "literal_error")]),
        ({"not_mentioned_in": REPORT_2024}, [("not_mentioned_in", "outcome_both")]),
        (
            {"status": "done", "note_zh": "完成"},
            [("note_zh", "form_note_for_milestones"), ("status", "form_status_for_milestones")],
        ),
        ({"item": MILESTONE, "status": "done"}, [("value", "form_value_for_targets")]),
        (
            {"item": MILESTONE, "value": None, "status": "finished", "source": SourceFields()},
            [("note_en", "form_required"), ("note_zh", "form_required"), ("status", "literal_error")],
        ),
        ({"item": "housing.no_such_target"}, [("item", "form_unknown_item")]),
    ],
    ids=lambda x: str(x)[:40] if isinstance(x, dict) else None,
)
def test_a_bad_outcome_is_refused_at_its_field(with_2024_report, inputs, expected):
    texts, dataset = texts_of(with_2024_report), load_dataset(with_2024_report)
    given = {"value": "3", "source": GARDENS_2024, "today": AFTER_2024} | inputs
    item = given.pop("item", TARGET)
    assert refused(lambda: record_outcome(texts, dataset, item, **given)) == [
        (RECORD_OUTCOME, f, c) for f, c in expected
    ]


def test_an_outcome_recorded_already_is_refused(shipped, dataset):
    first = record_outcome(shipped, dataset, MILESTONE, status="done", note_zh="完成", note_en="Done", today=AFTER_2024)

    def again():
        return record_outcome(
            {**shipped, **first.texts},
            dataset,
            MILESTONE,
            status="done",
            note_zh="完成",
            note_en="Done",
            today=AFTER_2024,
        )

    assert refused(again) == [(RECORD_OUTCOME, "item", "form_outcome_there")]


# ── Correct a figure ───────────────────────────────────────────────────────────────────────────────

ATTRACTED = ("economy.enterprises_attracted", "2023-01..2023-11", "report_2023")
CENSUS = ("economy.census_enterprises_verified", "2023", "report_2023")


@pytest.mark.parametrize(
    ("figure", "value", "qualifier", "lines", "summary"),
    [
        (ATTRACTED, "1619", "exact", ["-     value: 139", "+     value: 1619"], "value 139 → 1619"),
        (ATTRACTED, 139, "more_than", ["+     qualifier: more_than"], "qualifier exact → more_than"),
        (CENSUS, "4000", "exact", ["-     qualifier: more_than"], "qualifier more_than → exact"),
        (
            CENSUS,
            "4000",
            "about",
            ["-     qualifier: more_than", "+     qualifier: about"],
            "qualifier more_than → about",
        ),
    ],
)
def test_a_correction_changes_exactly_the_value_lines(
    shipped, shipped_dir, dataset, figure, value, qualifier, lines, summary
):
    indicator, period, report = figure
    change = correct_figure(shipped, dataset, indicator, period, report, value, qualifier)
    assert diff(shipped[INDICATORS], change.texts[INDICATORS]) == lines
    assert change.summary == f"indicators[{indicator}]: {period} ({report}) {summary}"
    [stated] = [v for v in saved(shipped_dir, change).indicators[indicator].values if v.period == period]
    assert (stated.value, stated.qualifier) == (float(value), qualifier)


def test_a_correction_to_what_is_there_changes_nothing(shipped, dataset):
    assert not correct_figure(shipped, dataset, *ATTRACTED, "139").changes_anything()


@pytest.mark.parametrize(
    ("figure", "value", "qualifier", "expected"),
    [
        (ATTRACTED, "140", "exact", [("value", "value_not_in_quote")]),
        (ATTRACTED, "abc", "exact", [("value", "form_not_a_number")]),
        (ATTRACTED, "139", "roughly", [("qualifier", "literal_error")]),
        (("economy.nope", "2023", "report_2023"), "1", "exact", [("indicator", "unknown_indicator")]),
        (("economy.enterprises_attracted", "2022", "report_2023"), "1", "exact", [("period", "form_unknown_value")]),
    ],
)
def test_a_bad_correction_is_refused_at_its_field(shipped, dataset, figure, value, qualifier, expected):
    assert refused(lambda: correct_figure(shipped, dataset, *figure, value, qualifier)) == [
        (CORRECT_FIGURE, f, c) for f, c in expected
    ]


def test_a_correction_remade_after_another_of_the_same_value_is_refused(shipped, shipped_dir, dataset):
    mine = correct_figure(shipped, dataset, *ATTRACTED, "139", "more_than")
    elsewhere = add_progress(shipped, dataset, TARGET, "2024-06-30", "2", today=AFTER_2024)
    loaded = saved(shipped_dir, mine.remake({**shipped, **elsewhere.texts}))
    assert loaded.indicators[ATTRACTED[0]].values[0].qualifier == "more_than"
    theirs = correct_figure(shipped, dataset, *ATTRACTED, "1619")
    assert refused(lambda: mine.remake({**shipped, **theirs.texts})) == [
        (CORRECT_FIGURE, "value", "form_changed_meanwhile")
    ]


# ── Glossary terms ─────────────────────────────────────────────────────────────────────────────────

NEW_TERM = {
    "term_id": "investment_drive",
    "report": "report_2023",
    "term_zh": "招商引税",
    "term_en": "Investment drive",
    "definition_zh": "主动出击招商引税",
    "definition_en": "Going out to attract investment: a note, with a colon",
}


def test_a_new_term_goes_at_the_end_of_the_glossary(shipped, shipped_dir, dataset):
    change = add_term(shipped, dataset, **NEW_TERM, forms=["招商引税"])
    assert change.summary == "terms[investment_drive]: new term 招商引税"
    added = only_added(change)  # a blank line, then the term (difflib may pair the blank line with the file's last)
    assert added.count("") == 1 and [line for line in added if line] == [
        "- id: investment_drive",
        "  report: report_2023",
        "  term: {zh: 招商引税, en: Investment drive}",
        "  definition: {zh: 主动出击招商引税, en: 'Going out to attract investment: a note, with a colon'}",
        "  forms:",
        "  - 招商引税",
    ]
    assert "  - 三所联动\n\n- id: investment_drive\n" in change.texts[GLOSSARY]
    term = saved(shipped_dir, change).terms["investment_drive"]
    assert (term.definition.en, term.forms) == (NEW_TERM["definition_en"], ["招商引税"])


def test_a_new_term_remade_after_another_was_added_keeps_both(shipped, shipped_dir, dataset):
    mine = add_term(shipped, dataset, **NEW_TERM)
    theirs = add_term(
        shipped, dataset, **(NEW_TERM | {"term_id": "attracting", "term_zh": "招商", "definition_zh": "招商引税"})
    )
    terms = saved(shipped_dir, mine.remake({**shipped, **theirs.texts})).terms
    assert list(terms)[-2:] == ["attracting", "investment_drive"]
    assert refused(lambda: mine.remake({**shipped, **mine.texts})) == [(ADD_TERM, "id", "form_id_taken")]


def test_a_terms_fields_are_corrected_where_they_stand(shipped, shipped_dir, dataset):
    change = correct_term(shipped, dataset, "pearl_program", term_en="Pearl Programme", forms=["明珠计划", "明珠"])
    assert change.summary == "terms[pearl_program]: corrected term.en, forms"
    assert diff(shipped[GLOSSARY], change.texts[GLOSSARY]) == [
        "-   term: {zh: 明珠计划, en: Pearl Program}",
        "+   term: {zh: 明珠计划, en: Pearl Programme}",
        "+   - 明珠",
    ]
    term = saved(shipped_dir, change).terms["pearl_program"]
    assert (term.term.en, term.forms) == ("Pearl Programme", ["明珠计划", "明珠"])


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({"term_id": "Investment-Drive"}, [("id", "form_term_id")]),
        ({"term_id": "pearl_program"}, [("id", "form_id_taken")]),
        ({"term_zh": "明珠计划"}, [("term_zh", "form_term_there")]),
        ({"definition_zh": "不在报告里的话"}, [("definition_zh", "quote_not_in_report")]),
        ({"report": "report_2099"}, [("report", "unknown_report")]),
        ({"term_en": "", "definition_en": "\x00"}, [("definition_en", "form_control"), ("term_en", "form_required")]),
    ],
    ids=lambda x: str(x)[:40] if isinstance(x, dict) else None,
)
def test_a_bad_new_term_is_refused_at_its_field(shipped, dataset, inputs, expected):
    assert refused(lambda: add_term(shipped, dataset, **(NEW_TERM | inputs))) == [(ADD_TERM, f, c) for f, c in expected]


@pytest.mark.parametrize(
    ("term_id", "inputs", "expected"),
    [
        ("no_such_term", {"term_en": "x"}, [("id", "form_unknown_term")]),
        ("pearl_program", {"term_zh": "三送进企业"}, [("term_zh", "form_term_there")]),
        ("pearl_program", {"definition_zh": "不在报告里的话"}, [("definition_zh", "quote_not_in_report")]),
        ("pearl_program", {"term_en": " "}, [("term_en", "form_required")]),
        ("pearl_program", {"forms": ["明珠", "", "明\t珠"]}, [("forms[2]", "form_tab")]),
    ],
)
def test_a_bad_correction_of_a_term_is_refused_at_its_field(shipped, dataset, term_id, inputs, expected):
    assert refused(lambda: correct_term(shipped, dataset, term_id, **inputs)) == [
        (CORRECT_TERM, f, c) for f, c in expected
    ]


def test_fields_left_as_they_were_are_not_rewritten(shipped, dataset):
    term = dataset.terms[
        "two_exemptions_from_submission"
    ]  # its definition is quoted in the file, though it need not be
    change = correct_term(
        shipped,
        dataset,
        term.id,
        term_zh=term.term.zh,
        term_en="Two exemptions",
        definition_zh=term.definition.zh,
        definition_en=term.definition.en,
        forms=["", *term.forms],
    )
    assert change.summary == f"terms[{term.id}]: corrected term.en"
    assert diff(shipped[GLOSSARY], change.texts[GLOSSARY]) == [
        "-   term: {zh: 两免提交, en: Two Exemptions from Submission}",
        "+   term: {zh: 两免提交, en: Two exemptions}",
    ]
    unchanged = correct_term(shipped, dataset, term.id, term_zh=term.term.zh, forms=term.forms)
    assert unchanged.summary == f"terms[{term.id}]: corrected nothing" and not unchanged.changes_anything()


def test_a_term_corrected_meanwhile_is_refused_and_another_field_is_not(shipped, dataset):
    mine = correct_term(shipped, dataset, "pearl_program", term_en="Pearl Programme")
    theirs = correct_term(shipped, dataset, "pearl_program", term_en="The Pearl Program")
    assert refused(lambda: mine.remake({**shipped, **theirs.texts})) == [
        (CORRECT_TERM, "term_en", "form_changed_meanwhile")
    ]
    other = correct_term(shipped, dataset, "pearl_program", definition_en="A talent programme of Pudong.")
    both = mine.remake({**shipped, **other.texts})
    assert both.summary == "terms[pearl_program]: corrected term.en"
    assert (
        "en: Pearl Programme}" in both.texts[GLOSSARY] and "en: A talent programme of Pudong.}" in both.texts[GLOSSARY]
    )


# ── A Notepad file: byte-order mark and Windows line ends ──────────────────────────────────────────


def test_every_form_keeps_a_notepad_files_mark_and_line_ends(with_2024_report):
    for name in (INDICATORS, GLOSSARY):
        path = with_2024_report / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    texts, dataset = texts_of(with_2024_report), load_dataset(with_2024_report)
    changes = [
        add_progress(texts, dataset, TARGET, "2024-06-30", "2", note_zh="甲\n乙", note_en="a", today=AFTER_2024),
        record_outcome(texts, dataset, TARGET, value="3", source=GARDENS_2024, today=AFTER_2024),
        correct_figure(texts, dataset, *CENSUS, "4000", "about"),
        add_term(texts, dataset, **NEW_TERM, forms=["招商引税"]),
        correct_term(texts, dataset, "pearl_program", term_en="Pearl Programme", forms=["明珠计划", "明珠"]),
    ]
    for change in changes:
        [(name, text)] = change.texts.items()
        assert text.startswith("\ufeff#") and text.count("\n") == text.count("\r\n") and text != texts[name]
        saved(with_2024_report, change)  # loads, with every rule
        (with_2024_report / name).write_bytes(texts[name].encode("utf-8"))


# ── Choices for the page ───────────────────────────────────────────────────────────────────────────


def test_a_plan_years_items_come_with_their_last_entry(shipped, shipped_dir, dataset):
    items = plan_items(dataset, 2024)
    assert [x.group for x in items] == ["targets"] * 10 + ["milestones"] * 150 and all(x.last is None for x in items)
    first = add_progress(shipped, dataset, TARGET, "2024-03-31", "1", today=AFTER_2024)
    second = add_progress({**shipped, **first.texts}, dataset, TARGET, "2024-06-30", "2", today=AFTER_2024)
    [gardens] = [x for x in plan_items(saved(shipped_dir, second), 2024) if x.item.id == TARGET]
    assert (gardens.year, gardens.last.date, gardens.last.value) == (2024, dt.date(2024, 6, 30), 2)


def test_the_items_awaiting_an_outcome_are_those_of_closed_years_without_one(shipped, shipped_dir, dataset):
    assert awaiting_outcome(dataset, IN_2024) == [] and len(awaiting_outcome(dataset, AFTER_2024)) == 160
    change = record_outcome(
        shipped, dataset, MILESTONE, status="done", note_zh="完成", note_en="Done", today=AFTER_2024
    )
    assert MILESTONE not in [x.item.id for x in awaiting_outcome(saved(shipped_dir, change), AFTER_2024)]


def test_a_figures_values_are_its_choices(dataset):
    assert [(v.period, v.source.report) for v in figure_values(dataset, ATTRACTED[0])] == [ATTRACTED[1:]]
    assert figure_values(dataset, "economy.nope") == []
