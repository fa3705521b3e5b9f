"""The fictional next reports (tests/data/report_2024_fictional, tests/data/report_2025_fictional), added to a copy
of the data by the README's steps: the report's text into source/, draft, review, apply, validate; then the check:
what the data-check page lists as not curated is excluded with its reason (each report's exclusions.yaml).

The first reviews 2024 and closes the 2024 items of the real 2023 report; the second reviews 2025 and closes the
2025 items the first one set. Added one after the other, the data holds three reports and two closed plan years.

The review is what a person does with each draft (REVIEW and REVIEW_2025 below): each review mark filled and each
decision taken, one row per edit, so the count of edits is a measured figure, not a guess.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from kpi.data.file_checks import DECIDE_MARK
from kpi.data.files import EXCLUSIONS as EXCLUSIONS_FILE
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.draft.draft import Draft, ReportFacts, draft_report
from kpi.draft.report_numbers import report_years
from kpi.draft.review import UNDECIDED, Review
from kpi.report.text import decode_report
from tests.helpers.yaml_edit import append_to_list

DATA = Path(__file__).parents[1] / "data"
Edit = tuple[str, str | None]  # (what the draft says, what the reviewer writes); None deletes the whole entry


@dataclass(frozen=True)
class FixtureReport:
    """One fictional report beside its yardstick (additions.yaml) and the reviewer's exclusions (exclusions.yaml)."""

    report_id: str
    draft: str  # the draft's file name, beside the data files as the README writes it
    review: list[Edit]

    @property
    def folder(self) -> Path:
        return DATA / self.report_id

    @property
    def additions(self) -> dict:
        """What the added data must hold, written by hand from the report: the yardstick tests/kpi/draft/test_draft.py measures
        the draft against (every figure, outcome and target in it must be proposed)."""
        return yaml.safe_load((self.folder / "additions.yaml").read_text(encoding="utf-8"))

    @property
    def report_file(self) -> str:
        return self.additions["file"]  # source/report_2024_fictional.txt

    @property
    def exclusions(self) -> str:
        """The entries of exclusions.yaml the reviewer adds after the check (step 5): pasted at the end of `numbers:`."""
        text = (self.folder / "exclusions.yaml").read_text(encoding="utf-8")
        return "\n".join(line for line in text.splitlines() if not line.startswith("#")) + "\n"


def decided(section: str, quote: str, status: str) -> Edit:
    """The edit that decides an outcome the draft left to a person (`待定 to decide:`): the status written over the
    mark in the entry quoting that clause. One edit, however many lines it has to name to be unique."""
    tail = f"    source:\n      report: {{report}}\n      section: {section}\n      quote: '{quote}'"
    return (f"status: '{DECIDE_MARK} done / not_done'\n{tail}", f"status: {status}\n{tail}")


# The reviewer's edits, in the order the draft shows the entries. Decisions the reviewer reads and keeps as proposed
# (the values, the outcomes, the continued targets and milestones, the "not mentioned") need no edit and are not listed.
REVIEW: list[Edit] = [
    # The report's entry: its English title, and the date and address the text does not give (three marks).
    (
        "en: '待译 to translate: 东明路街道办事处2024年工作报告（虚构测试数据）'",
        "en: '2024 Work Report of the Dongming Road Subdistrict Office (fictional test data)'",
    ),
    ("published: null", "published: 2025-01-22"),
    ("url: null", "url: https://example.invalid/fictional-test-report"),
    # Two proposed figures only close 2024 targets, as the draft notes beside them: not kept as figures of their own.
    ("- id: housing.TODO_2024_1", None),
    ("- id: housing.TODO_2024_2", None),
    # The new figure: its id, its English name and unit, its direction (four marks).
    ("id: elderly.TODO_2024_3", "id: elderly.community_canteens_opened"),
    ("en: '待译 to translate: 新开社区长者食堂'", "en: 'Community canteens for older people opened'"),
    ("en: '待译 to translate: 家'", "en: 'canteens'"),
    ("direction: null", "direction: higher"),
    # Two milestones the report names without saying they were done (two marks): the reviewer reads and decides.
    # 反响热烈: the festival drew a warm response, so it was held. 依托…地图研判: the map is in use, so it was built.
    decided("第一部分 三(二)", "首届“健康生活节”反响热烈", "done"),
    decided("第一部分 五(一)", "依托全域数字孪生地图研判风险隐患", "done"),
    # The new target (four marks, one hint taken): its id, its English name and unit, the baseline the draft offers.
    ("id: housing.TODO_2025_1", "id: housing.lifts_signed_2025"),
    ("en: '待译 to translate: 加梯签约'", "en: 'Lift additions signed'"),
    ("en: '待译 to translate: 台'", "en: 'lifts'"),
    ("  # baseline: housing.lifts_signed  #", "  baseline: housing.lifts_signed  #"),
    # The milestone continued into 2025 promises completion: its name, in both languages, says so (no mark asked it).
    ("name: {zh: '启动凌兆生活服务综合体建设'", "name: {zh: '建成凌兆生活服务综合体'"),
    ("en: 'Start of construction of the Lingzhao service complex'}", "en: 'Lingzhao service complex completed'}"),
    # The festival continued into 2025 is the second one: last year's name said "first" (no mark asked it).
    (
        "name: {zh: '首届“健康生活节”', en: 'First Healthy Living Festival'}",
        "name: {zh: '第二届“健康生活节”', en: 'Second Healthy Living Festival'}",
    ),
    # The glossary term: its id and English (three marks).
    ("id: TODO_2024_1", "id: peace_house"),
    ("en: '待译 to translate: 平安屋'", "en: 'Community safety post'"),
    ("en: '待译 to translate: 社区治安值守点。'", "en: 'A community post for public safety.'"),
]

REVIEW_2025: list[Edit] = [
    # The report's entry (three marks).
    (
        "en: '待译 to translate: 东明路街道办事处2025年工作报告（虚构测试数据）'",
        "en: '2025 Work Report of the Dongming Road Subdistrict Office (fictional test data)'",
    ),
    ("published: null", "published: 2026-01-21"),
    ("url: null", "url: https://example.invalid/fictional-test-report-2025"),
    # The stations are named only as what the fire-safety campaign relied on: nothing was built that the report says.
    decided("第一部分 四(二)", "依托街区微型消防站", "not_done"),
]

FIRST = FixtureReport("report_2024_fictional", "draft_2024.yaml", REVIEW)
SECOND = FixtureReport("report_2025_fictional", "draft_2025.yaml", REVIEW_2025)

# The first report's names, as the tests of one new report use them.
FIXTURE = FIRST.folder
ADDITIONS = FIRST.additions
REPORT_ID = FIRST.report_id
REPORT_FILE = FIRST.report_file  # source/report_2024_fictional.txt
DRAFT = FIRST.draft
EXCLUSIONS = FIRST.exclusions


def review(draft: str, edits: list[Edit] = REVIEW, report_id: str = REPORT_ID) -> str:
    """The draft after the reviewer's edits: every edit made once, where the draft has it."""
    for old, new in edits:
        old = old.replace("{report}", report_id)
        assert old in draft, f"the draft no longer holds {old!r}: update the review"
        draft = delete_entry(draft, old) if new is None else draft.replace(old, new.replace("{report}", report_id), 1)
    return draft


def delete_entry(text: str, first_line: str) -> str:
    """`text` without the entry whose first line starts with `first_line` (that line and the indented ones after it)."""
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(first_line))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return "\n".join(lines[:start] + lines[end:])


# How the reviewer excludes an entry REVIEW deletes: two proposed figures that only close 2024 targets.
EXCLUDED_AS = ("not_a_measurement", "只是一个目标的结果", "only a target's outcome")


def reviewer_decisions(
    reviewed: Review, edits: list[Edit] = REVIEW, report_id: str = REPORT_ID
) -> dict[str, str | None]:
    """The reviewer's edits as decisions in the browser: each entry they touch → its lines with all its edits made,
    or None for an entry they delete (excluded). Each edit goes to the first entry still in the draft that holds it, as
    the draft reads top to bottom."""
    typed: dict[str, str | None] = {}
    entries = reviewed.entries()
    for old, new in edits:
        old = old.replace("{report}", report_id)
        entry = next(
            e
            for e in entries
            if not (e.key in typed and typed[e.key] is None) and old in (typed.get(e.key) or "\n".join(e.lines))
        )
        if new is None:
            typed[entry.key] = None
        else:
            typed[entry.key] = (typed.get(entry.key) or "\n".join(entry.lines)).replace(
                old, new.replace("{report}", report_id), 1
            )
    return typed


def decide_as_reviewer(
    reviewed: Review, edits: list[Edit] = REVIEW, leave: frozenset[str] = frozenset(), accept_rest: bool = True
) -> Review:
    """The reviewer's decisions made (tests/kpi/draft/test_review.py; the browser test makes a few of them itself):
    exclude() for each entry they delete, one change() per entry with all its edits, then accept() for every other
    entry (unless `accept_rest` is False: an undecided entry without a mark goes in as proposed). Entries in `leave`
    are left undecided."""
    decisions = {key: lines for key, lines in reviewer_decisions(reviewed, edits).items() if key not in leave}
    for key in [key for key, lines in decisions.items() if lines is None]:
        reviewed.exclude(key, *EXCLUDED_AS)
    for key, lines in decisions.items():
        if lines is not None:
            reviewed.change(key, lines)
    for entry in reviewed.entries() if accept_rest else ():
        if entry.decision == UNDECIDED and entry.key not in leave:
            reviewed.accept(entry.key)
    return reviewed


def kpi(*args: str) -> subprocess.CompletedProcess:
    """`python -m kpi …` as staff run it: a new process."""
    return subprocess.run(
        [sys.executable, "-m", "kpi", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def add_report(directory: Path, fixture: FixtureReport, said: dict[str, str] | None = None, check: bool = True) -> Path:
    """README "A new report arrives", step by step, on the data in `directory`; what each command printed goes to `said`.

    `check=False` stops after apply and validate: the data as the data-check page first sees it.
    """
    # 1. The report's text goes into source/.
    shutil.copy(fixture.folder / "report.txt", directory / fixture.report_file)
    # 2. Draft its data.
    draft = directory / fixture.draft
    drafted = kpi(
        "draft",
        str(directory / fixture.report_file),
        "--report",
        fixture.report_id,
        "--out",
        str(draft),
        "--data",
        str(directory),
    )
    assert drafted.returncode == 0, drafted.stdout + drafted.stderr
    # 3. Review it: fill the marks, take the decisions.
    draft.write_text(review(draft.read_text(encoding="utf-8"), fixture.review, fixture.report_id), encoding="utf-8")
    # 4. Apply it; 5. validate.
    for step in (("apply", str(draft), "--data", str(directory)), ("validate", str(directory))):
        result = kpi(*step)
        assert result.returncode == 0, result.stdout + result.stderr
        if said is not None:
            said[step[0]] = result.stdout
    if check:
        # 5. Check: what the data-check page lists as not curated, the reviewer excludes with its reason.
        path = directory / EXCLUSIONS_FILE
        path.write_text(
            append_to_list(path.read_text(encoding="utf-8"), "numbers", fixture.exclusions), encoding="utf-8"
        )
        result = kpi("validate", str(directory))
        assert result.returncode == 0, result.stdout + result.stderr
    return directory


def add_fixture_report(directory: Path, said: dict[str, str] | None = None, check: bool = True) -> Path:
    """The first fictional report added to the data: two reports, the 2024 plan year closed."""
    return add_report(directory, FIRST, said, check)


def add_both_reports(directory: Path, said: dict[str, dict[str, str]] | None = None, check: bool = True) -> Path:
    """Both fictional reports added, one after the other, each by the README's steps: three reports, the 2024 and
    2025 plan years closed. `said`: what each command printed, per report id. `check=False` leaves the second
    report's exclusions out (the first one's check is done before the second report arrives)."""
    for fixture in (FIRST, SECOND):
        printed: dict[str, str] = {}
        add_report(directory, fixture, printed, check or fixture is FIRST)
        if said is not None:
            said[fixture.report_id] = printed
    return directory


def drafted(directory: Path, fixture: FixtureReport) -> tuple[Draft, object]:
    """The draft of a fictional report against the data in `directory`, as `python -m kpi draft` makes it."""
    dataset = load_dataset(directory)
    text = decode_report((fixture.folder / "report.txt").read_bytes())
    facts = ReportFacts(fixture.report_id, text, *report_years(text))
    return draft_report(dataset.content, facts, kept_terms=[t.term.zh for t in dataset.glossary.terms]), dataset.content
