"""The editing page's New report, without the page: the fictional 2024 report drafted as `kpi draft` drafts it,
reviewed entry by entry as a person does in the browser (the reviewer's edits of tests/helpers/fixture_report.py
REVIEW, made as accept / change / exclude calls on the entries, never as string replaces on the whole draft), and
applied as one Change whose texts are the very bytes `kpi apply` writes for the same reviewed draft.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.draft.review import (
    ACCEPTED,
    CHANGED,
    EXCLUDED,
    NUMBER_REASONS,
    SECTIONS,
    STATEMENT_REASONS,
    UNDECIDED,
    Review,
    ReviewError,
    start,
    unsaved_key,
)
from kpi.edit.unsaved import Unsaved
from kpi.report.statements import check_report
from tests.conftest import copy_data_dir
from tests.helpers.fixture_report import FIXTURE, REPORT_FILE, REPORT_ID, decide_as_reviewer, review

RAW = (FIXTURE / "report.txt").read_bytes()
NAME = Path(REPORT_FILE).name  # report_2024_fictional.txt


def kpi_in(directory: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m kpi …` run from the data directory, as staff run it beside the files."""
    result = subprocess.run(
        [sys.executable, "-m", "kpi", *args, "--data", "."],
        cwd=directory,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A copy of the shipped data the tests only read."""
    return copy_data_dir(REPO_ROOT, tmp_path_factory.mktemp("shipped"))


@pytest.fixture(scope="module")
def started(data) -> dict:
    """The fictional report, started once; each test takes its own Review of it."""
    return start(RAW, NAME, REPORT_ID, data).to_dict()


@pytest.fixture
def fresh(started) -> Review:
    return Review.from_dict(started)


def by_key(reviewed: Review) -> dict:
    return {entry.key: entry for entry in reviewed.entries()}


def written(directory: Path, texts: dict[str, str | None]) -> Path:
    for name, text in texts.items():
        (directory / name).write_bytes(text.encode("utf-8"))
    return directory


# ── Start ──────────────────────────────────────────────────────────────────────────────────────────


def test_start_drafts_what_kpi_draft_writes(shipped_dir, started):
    (shipped_dir / REPORT_FILE).write_bytes(RAW)
    kpi_in(shipped_dir, "draft", REPORT_FILE, "--report", REPORT_ID, "--out", "draft.yaml")
    reviewed = Review.from_dict(started)
    assert reviewed.draft == (shipped_dir / "draft.yaml").read_text(encoding="utf-8")
    assert (reviewed.report_id, reviewed.file, reviewed.text) == (REPORT_ID, REPORT_FILE, RAW.decode("utf-8"))


def test_a_notepad_file_reads_the_same_and_the_name_may_say_source(data, started):
    notepad = b"\xef\xbb\xbf" + RAW.replace(b"\n", b"\r\n")
    reviewed = start(notepad, REPORT_FILE, REPORT_ID, data)
    assert (reviewed.text, reviewed.draft, reviewed.file) == (started["text"], started["draft"], REPORT_FILE)


@pytest.mark.parametrize(
    ("raw", "file", "report", "message"),
    [
        (
            "东明路街道办事处2024年工作报告\n第一部分 2024年工作回顾\n".encode("gbk"),
            NAME,
            REPORT_ID,
            "source/report_2024_fictional.txt:1:1: the file is not UTF-8 (byte 0xb6); if it is GBK, save it as UTF-8",
        ),
        (
            RAW,
            "../report.txt",
            REPORT_ID,
            "new_report:0:0: file_name: the file name must be source/NAME.txt (NAME not starting "
            "with a dot, without / \\ or control characters), not '../report.txt'",
        ),
        (
            RAW,
            "reports/2024.txt",
            REPORT_ID,
            "new_report:0:0: file_name: the file name must be source/NAME.txt (NAME not starting "
            "with a dot, without / \\ or control characters), not 'reports/2024.txt'",
        ),
        (
            RAW,
            "report.docx",
            REPORT_ID,
            "new_report:0:0: file_name: the file name must be source/NAME.txt (NAME not starting "
            "with a dot, without / \\ or control characters), not 'report.docx'",
        ),
        (
            RAW,
            NAME,
            "report_2023",
            "new_report:0:0: report_id: report 'report_2023' is already listed in indicators.yaml (line {line})",
        ),
        (
            RAW,
            NAME,
            "Report 2024",
            "new_report:0:0: report_id: a report id is lowercase letters, digits and _, starting with a letter, "
            "like report_2024; not 'Report 2024'",
        ),
        (
            RAW,
            "000_c9a0b06722f75ec0.txt",
            REPORT_ID,
            "new_report:0:0: file_name: 'source/000_c9a0b06722f75ec0.txt' is already the text of report 'report_2023'",
        ),
        (
            "东明路街道办事处2024年工作报告\n没有第一部分\n".encode(),
            NAME,
            REPORT_ID,
            "source/report_2024_fictional.txt:1:1: no heading "
            "like “第一部分 2024年工作回顾”, so the year the report reviews is unknown",
        ),
    ],
    ids=[
        "GBK",
        "outside source",
        "another folder",
        "not .txt",
        "report listed",
        "not an id",
        "another report's file",
        "no part one",
    ],
)
def test_an_upload_that_cannot_be_drafted_is_refused_where_it_is_wrong(data, raw, file, report, message):
    with pytest.raises(ReviewError) as refused:
        start(raw, file, report, data)
    line = next(
        n
        for n, text in enumerate((data / INDICATORS).read_text(encoding="utf-8").split("\n"), 1)
        if text == "- id: report_2023"
    )
    assert [e.format("en") for e in refused.value.errors] == [message.format(line=line)]
    assert refused.value.summary("en") in ("1 problem(s); nothing was changed.",)
    assert sorted(p.name for p in (data / "source").iterdir()) == sorted(
        p.name for p in (REPO_ROOT / "source").iterdir()
    )


def test_a_file_already_in_source_with_other_bytes_is_refused_in_both_languages(shipped_dir):
    (shipped_dir / REPORT_FILE).write_bytes(RAW + b"\n")
    with pytest.raises(ReviewError) as refused:
        start(RAW, NAME, REPORT_ID, shipped_dir)
    [error] = refused.value.errors
    assert (error.file, error.field, error.code) == ("new_report", "file_name", "new_report_file_exists")
    assert error.zh == "source/ 中已有文件 'source/report_2024_fictional.txt'，内容与这份报告不同；请换一个文件名"
    assert refused.value.summary("zh") == "1 处问题，未作任何改动。"
    (shipped_dir / REPORT_FILE).write_bytes(RAW)  # the same bytes: the text is already there, which is fine
    assert start(RAW, NAME, REPORT_ID, shipped_dir).file == REPORT_FILE


# ── Entries ────────────────────────────────────────────────────────────────────────────────────────


def test_the_entries_are_every_item_of_the_draft_in_its_order(fresh):
    draft = yaml.safe_load(fresh.draft)
    counted = {
        section: len(draft[section])
        for section in ("reports", "indicators", "outcomes", "targets", "milestones", "terms")
    }
    counted["values"] = sum(len(group["values"]) for group in draft["values"])
    entries = fresh.entries()
    assert Counter(entry.section for entry in entries) == counted
    assert len(entries) == sum(counted.values()) == fresh.counts().total == 189
    assert [entry.section for entry in entries] == sorted((e.section for e in entries), key=SECTIONS.index)
    assert len({entry.key for entry in entries}) == len(entries)
    at = 0
    for entry in entries:  # each entry is its lines of the draft, one after the other
        at = fresh.draft.index("\n".join(entry.lines), at)
    assert fresh.draft_now() == fresh.draft and fresh.counts().decided == 0


def test_an_entry_is_shown_beside_the_sentence_it_quotes(fresh):
    entries = by_key(fresh)
    value = entries["values:economy.total_fiscal_revenue:2023"]
    assert (value.title, value.name, value.number, value.where, value.report_line) == (
        "economy.total_fiscal_revenue 2023",
        "财政总收入（亿元）",
        2.9,
        "第一部分 一(一)",
        6,
    )
    assert value.lines[:2] == (
        "  # 置信度 confidence 1.00 · 2.90亿元",
        "  - period: '2023'",
    )  # the draft's note is part of it
    assert value.paragraph == (
        "(一)招商引资。2024年,引进企业152家,吸引内资3.8亿元,实到外资1700万美元。实现财政总收入3.02亿元。",
        "经核定,2023年实现财政总收入2.90亿元。",
        "",
    )
    target = entries["targets:housing.TODO_2025_1"]
    assert target.lines[-1].startswith("  # baseline: housing.lifts_signed")  # the hint below it belongs to it
    assert target.reasons == NUMBER_REASONS + STATEMENT_REASONS  # a number, in a commitment of part two
    outcome = entries["outcomes:city.digital_twin_map"]
    assert (outcome.name, outcome.quote, outcome.reasons) == (
        "事项 加快建设全域数字孪生地图",
        "依托全域数字孪生地图研判风险隐患",
        STATEMENT_REASONS,
    )
    silent = entries["outcomes:government.joint_oversight_mechanism"]
    assert (silent.quote, silent.paragraph, silent.report_line, silent.reasons) == ("", ("", "", ""), 0, ())
    assert by_key(fresh)["reports:report_2024_fictional"].reasons == by_key(fresh)["terms:TODO_2024_1"].reasons == ()


MARKS = {
    "reports:report_2024_fictional": ["review_translate", "review_null", "review_null"],
    **{
        f"indicators:{item}": ["review_todo_id", "review_translate", "review_translate", "review_null"]
        for item in ("housing.TODO_2024_1", "housing.TODO_2024_2", "elderly.TODO_2024_3")
    },
    "outcomes:livelihood.healthy_living_festival_2024": ["review_decide"],
    "outcomes:city.digital_twin_map": ["review_decide"],
    "targets:housing.TODO_2025_1": ["review_todo_id", "review_translate", "review_translate"],
    "terms:TODO_2024_1": ["review_todo_id", "review_translate", "review_translate"],
}


def test_the_review_marks_are_found_in_their_entries_at_their_lines(fresh):
    assert {e.key: [m.code for m in e.marks] for e in fresh.entries() if e.marks} == MARKS
    assert fresh.counts().marks == sum(len(codes) for codes in MARKS.values()) == 23
    report = by_key(fresh)["reports:report_2024_fictional"]
    assert [m.format("en") for m in report.marks][1] == (
        "reports:report_2024_fictional:4:3: reports[report_2024_fictional].published: "
        "to fill in: 'published' is still null (a value the draft left for you); "
        "write the real value"
    )
    assert report.lines[3].startswith("  published: null")


# ── Deciding ───────────────────────────────────────────────────────────────────────────────────────


def test_accept_is_refused_while_the_entry_holds_a_mark(fresh):
    key = "outcomes:city.digital_twin_map"
    with pytest.raises(ReviewError) as refused:
        fresh.accept(key)
    assert refused.value.errors == list(by_key(fresh)[key].marks)
    assert refused.value.summary("en").startswith("This entry still holds 1 review mark(s)")
    assert by_key(fresh)[key].decision == UNDECIDED
    fresh.accept("outcomes:housing.pocket_parks")
    assert by_key(fresh)["outcomes:housing.pocket_parks"].decision == ACCEPTED and fresh.counts().decided == 1


OUTCOME, VALUE = "outcomes:city.digital_twin_map", "values:economy.total_fiscal_revenue:2023"


@pytest.mark.parametrize(
    ("key", "old", "new", "expected"),
    [
        (
            OUTCOME,
            "status: '待定 to decide: done / not_done'",
            "status: 'done",
            ["outcomes:city.digital_twin_map:9:15: YAML syntax error: did not find expected"],
        ),
        (
            OUTCOME,
            "  outcome:",
            "outcome:",
            ["outcomes:city.digital_twin_map:4:1: YAML syntax error: did not find expected '-' indicator"],
        ),
        (
            VALUE,
            "    value: 2.9",
            "value: 2.9",
            [
                "values:economy.total_fiscal_revenue:2023:3:1: these lines must be exactly one entry: "
                "one item starting with -, indented as before (the - in column 3)"
            ],
        ),
        (
            VALUE,
            "    value: 2.9",
            "    value: 两点九",
            [
                "values:economy.total_fiscal_revenue:2023:3:5: values[3].values[1].value: 'value' "
                "must be a number, not '两点九'"
            ],
        ),
        (
            OUTCOME,
            "      quote: '依托全域数字孪生地图研判风险隐患'",
            "      quote: '依托全域数字孪生地图研判风险隐患'\n- id: city.another\n"
            "  outcome: {not_mentioned_in: report_2024_fictional}",
            [
                "outcomes:city.digital_twin_map:1:1: these lines must be exactly "
                "one entry: one item starting with -, indented as before (the - in "
                "column 1)"
            ],
        ),
        (
            OUTCOME,
            "      report: report_2024_fictional",
            "      report: report_2024_fictional\n      report: report_2023",
            [
                "outcomes:city.digital_twin_map:8:7: key 'report' appears twice (first on line 7); the later one would overwrite it"
            ],
        ),
        (
            OUTCOME,
            "- id: city.digital_twin_map",
            "- id: city.TODO_map",
            [
                "outcomes:city.digital_twin_map:1:3: outcomes[city.TODO_map].id: to name: replace TODO in the id city.TODO_map with "
                "meaningful words (lowercase letters, digits, _)",
                "outcomes:city.digital_twin_map:5:5: outcomes[city.TODO_map].outcome.status: to decide: 'status' still starts with "
                "'待定 to decide:' (the report names this item but does not say whether it was done); read the quoted clause and write "
                "done or not_done",
            ],
        ),
    ],
    ids=[
        "quote left open",
        "not indented as YAML",
        "not indented as its list",
        "not a number",
        "two entries",
        "key twice",
        "marks left",
    ],
)
def test_a_change_that_breaks_the_draft_is_refused_at_its_line_and_changes_nothing(fresh, key, old, new, expected):
    before = by_key(fresh)[key]
    text = "\n".join(before.lines)
    assert old in text
    with pytest.raises(ReviewError) as refused:
        fresh.change(key, text.replace(old, new))
    assert [e.format("en")[: len(x)] for e, x in zip(refused.value.errors, expected, strict=True)] == expected
    assert by_key(fresh)[key] == before and fresh.draft_now() == fresh.draft


def test_a_change_is_taken_and_undo_brings_back_the_drafted_lines(fresh):
    key = "outcomes:city.digital_twin_map"
    drafted = by_key(fresh)[key]
    fresh.change(key, "\r\n".join(drafted.lines).replace("'待定 to decide: done / not_done'", "done") + "\r\n\r\n")
    changed = by_key(fresh)[key]
    assert (changed.decision, changed.marks, changed.lines[4]) == (CHANGED, (), "    status: done")
    assert fresh.counts() == (1, 189, 22)
    fresh.undo(key)
    assert by_key(fresh)[key] == drafted and fresh.counts().decided == 0
    with pytest.raises(ReviewError):
        fresh.change(key, drafted.lines)  # the lines as drafted still hold the mark


def test_lines_changed_back_to_the_draft_count_as_accepted(fresh):
    key = "outcomes:housing.pocket_parks"
    fresh.change(key, list(by_key(fresh)[key].lines))
    assert by_key(fresh)[key].decision == ACCEPTED


def test_an_entry_changed_into_one_that_breaks_another_is_refused(fresh):
    key = "targets:housing.community_gardens_2025"
    text = "\n".join(by_key(fresh)[key].lines).replace(
        "- id: housing.community_gardens_2025", "- id: safety.new_safety_posts_2025"
    )
    with pytest.raises(ReviewError) as refused:
        fresh.change(key, text)
    assert [(e.file, e.code) for e in refused.value.errors] == [
        ("targets:safety.new_safety_posts_2025", "duplicate_id")
    ]


def test_an_entry_quoting_no_sentence_of_its_own_cannot_be_excluded(fresh):
    for key in ("reports:report_2024_fictional", "outcomes:government.joint_oversight_mechanism", "terms:TODO_2024_1"):
        with pytest.raises(ReviewError) as refused:
            fresh.exclude(key, "date")
        assert [e.code for e in refused.value.errors] == ["new_report_not_excludable"]
    assert fresh.counts().decided == 0


def test_an_exclusion_needs_a_reason_that_fits_and_a_note_in_both_languages_or_none(fresh):
    with pytest.raises(ReviewError) as refused:
        fresh.exclude("values:economy.enterprise_service_events:2024", "attitude", "只有中文", "")
    assert [e.format("en") for e in refused.value.errors] == [
        "new_report:0:0: note_en: this field is required",
        "new_report:0:0: reason: the reason must be one of: date / plan_period / ordinal / name / not_a_measurement / glossary; "
        "not 'attitude'",
    ]
    assert fresh.counts().decided == 0


def test_a_group_or_a_section_left_empty_by_exclusions_still_reads_as_a_draft(fresh):
    for key in (
        "indicators:housing.TODO_2024_1",
        "indicators:housing.TODO_2024_2",
        "indicators:elderly.TODO_2024_3",
        "values:economy.total_fiscal_revenue:2024",
        "values:economy.total_fiscal_revenue:2023",
    ):
        fresh.exclude(key, "not_a_measurement")
    draft = yaml.safe_load(fresh.draft_now())
    assert draft["indicators"] == [] and "economy.total_fiscal_revenue" not in [g["indicator"] for g in draft["values"]]
    assert len(draft["values"]) == len(yaml.safe_load(fresh.draft)["values"]) - 1
    assert fresh.counts() == (5, 189, 23 - 12)
    assert all(not e.marks for e in fresh.entries() if e.section == "indicators")
    fresh.undo("indicators:elderly.TODO_2024_3")
    assert len(yaml.safe_load(fresh.draft_now())["indicators"]) == 1 and fresh.counts().marks == 15


# ── Applying ───────────────────────────────────────────────────────────────────────────────────────


def test_the_reviewers_decisions_give_the_bytes_kpi_apply_writes_for_the_reviewed_draft(shipped_dir, fresh):
    decide_as_reviewer(fresh)
    assert fresh.counts() == (189, 189, 0)
    change = fresh.change_for(shipped_dir)
    # The same review made in a text editor, applied by the command, on another copy of the same data.
    (shipped_dir / "by_hand").mkdir()
    by_hand = copy_data_dir(shipped_dir, shipped_dir / "by_hand")
    (by_hand / REPORT_FILE).write_bytes(RAW)
    (by_hand / "draft.yaml").write_text(review(fresh.draft), encoding="utf-8")
    applied = kpi_in(by_hand, "apply", "draft.yaml", "--lang", "en")
    assert change.files == [
        GLOSSARY,
        INDICATORS,
        REPORT_FILE,
    ]  # both exclusions are quoted by the outcomes: none needed
    for name in change.files:
        assert change.texts[name].encode("utf-8") == (by_hand / name).read_bytes(), name
    assert change.base == {
        name: (shipped_dir / name).read_text(encoding="utf-8") for name in (GLOSSARY, INDICATORS)
    } | {REPORT_FILE: None}
    assert change.summary == (
        "report_2024_fictional: 14 values into 12 figures, 1 new figure, 160 outcomes, 3 targets, 7 milestones, "
        "1 glossary term"
    )
    assert applied.stdout.startswith(change.summary + ". Written to")
    dataset = load_dataset(written(shipped_dir, change.texts))
    assert (
        list(dataset.reports)[-1] == REPORT_ID
        and dataset.indicators["elderly.community_canteens_opened"].direction == "higher"
    )


def test_exclusions_the_data_needs_are_appended_and_validate(shipped_dir, fresh):
    decide_as_reviewer(fresh)
    fresh.exclude(
        "values:economy.enterprise_service_events:2024", "not_a_measurement", "活动场次不是指标", "events are no figure"
    )
    fresh.exclude("milestones:economy.continued_enterprise_visits_2025", "no_deliverable")
    fresh.exclude(
        "outcomes:housing.pocket_parks", "under_way"
    )  # its clause is no statement the check lists: nothing to write
    change = fresh.change_for(shipped_dir)
    base, text = change.base[EXCLUSIONS], change.texts[EXCLUSIONS]
    added = [line for line in text.split("\n") if line not in base.split("\n")]
    assert added == [
        "- {report: report_2024_fictional, reason: not_a_measurement, text: 开展“三送进企业”活动40余场, "
        "note: {zh: 活动场次不是指标, en: events are no figure}}",
        "- {report: report_2024_fictional, reason: no_deliverable, text: 持续开展企业走访}",
    ]
    assert text.replace(added[0] + "\n", "").replace(added[1] + "\n", "") == base  # lines added, none changed
    assert change.summary.endswith(", 6 milestones, 1 glossary term, 2 exclusions")
    dataset = load_dataset(written(shipped_dir, change.texts))
    check = check_report(dataset.content, dataset.exclusions, REPORT_ID, dataset.report_texts[REPORT_ID])
    excluded = {(group, getattr(dataset.exclusions, group)[index].text) for _, group, index in check.excluded}
    assert {("numbers", "开展“三送进企业”活动40余场"), ("statements", "持续开展企业走访")} <= excluded
    assert check.stale == ()


def test_marks_left_block_applying_at_their_entries(shipped_dir, fresh):
    fresh.accept("outcomes:housing.pocket_parks")
    with pytest.raises(ReviewError) as refused:
        fresh.change_for(shipped_dir)
    assert refused.value.key == "apply_marks" and refused.value.summary("en").startswith(
        "The draft still holds 23 review mark(s)"
    )
    assert sorted({e.file for e in refused.value.errors}) == sorted(MARKS)
    assert not (shipped_dir / REPORT_FILE).exists()


def test_entries_the_data_has_are_refused_at_their_entries(shipped_dir, started):
    first = decide_as_reviewer(Review.from_dict(started))
    written(shipped_dir, first.change_for(shipped_dir).texts)  # someone applied the report meanwhile
    with pytest.raises(ReviewError) as refused:
        decide_as_reviewer(Review.from_dict(started)).change_for(shipped_dir)
    assert refused.value.key == "apply_already"
    assert {e.file for e in refused.value.errors} == {e.key for e in first.entries() if e.decision != EXCLUDED}
    report = next(e for e in refused.value.errors if e.file == "reports:report_2024_fictional")
    assert report.format("en").startswith(
        "reports:report_2024_fictional:1:3: reports[report_2024_fictional].id: report "
        "'report_2024_fictional' is already listed in indicators.yaml"
    )


def test_the_change_is_made_again_on_newer_files(shipped_dir, fresh):
    change = decide_as_reviewer(fresh).change_for(shipped_dir)
    newer = {INDICATORS: change.base[INDICATORS].replace("\nthemes:", "\n# a note someone added meanwhile\nthemes:", 1)}
    assert newer[INDICATORS] != change.base[INDICATORS]
    again = change.remake(newer)
    assert again.base[INDICATORS] == newer[INDICATORS] and "# a note someone added meanwhile" in again.texts[INDICATORS]
    assert again.texts[INDICATORS].replace("# a note someone added meanwhile\n", "", 1) == change.texts[INDICATORS]
    assert again.texts[GLOSSARY] == change.texts[GLOSSARY] and again.remake is not None
    assert (shipped_dir / INDICATORS).read_text(encoding="utf-8") == change.base[INDICATORS]  # nothing written


# ── Kept between visits ────────────────────────────────────────────────────────────────────────────


def test_a_review_kept_as_json_comes_back_with_every_decision(tmp_path, fresh):
    fresh.change(
        "outcomes:city.digital_twin_map",
        "\n".join(by_key(fresh)["outcomes:city.digital_twin_map"].lines).replace(
            "'待定 to decide: done / not_done'", "done"
        ),
    )
    fresh.exclude("values:economy.enterprise_service_events:2024", "not_a_measurement", "活动场次", "events")
    fresh.accept("outcomes:housing.pocket_parks")
    kept = Unsaved("张三", tmp_path)
    assert kept.keep(unsaved_key(REPORT_ID), fresh.to_dict())
    back = Review.from_dict(kept.load("report:report_2024_fictional"))
    assert back.entries() == fresh.entries() and back.counts() == fresh.counts() == (3, 189, 22)
    assert back.draft_now() == fresh.draft_now() and back.to_dict() == json.loads(json.dumps(fresh.to_dict()))
    assert by_key(back)["values:economy.enterprise_service_events:2024"].note == ("活动场次", "events")


@pytest.mark.parametrize(
    "broken",
    [
        {},
        {"kind": "new_report", "version": 99},
        {"kind": "new_report", "version": 1, "report_id": 1},
        "decisions",
        "no reason",
    ],
    ids=["empty", "another version", "not text", "an unknown entry", "an exclusion without its reason"],
)
def test_anything_but_a_kept_review_is_refused_as_lost_work(started, broken):
    if broken == "no reason":
        decided = {"decision": EXCLUDED, "lines": None, "reason": None, "note": None, "exclusion": ["numbers", "52座"]}
        broken = {**started, "decisions": {"values:economy.enterprise_service_events:2024": decided}}
    if broken == "decisions":
        broken = {
            **started,
            "decisions": {
                "outcomes:nowhere": {
                    "decision": ACCEPTED,
                    "lines": None,
                    "reason": None,
                    "note": None,
                    "exclusion": None,
                }
            },
        }
    with pytest.raises(ValueError):
        Review.from_dict(broken)
