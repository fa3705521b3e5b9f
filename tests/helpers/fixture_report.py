"""The fictional next report (tests/data/report_2024_fictional), added to a copy of the data by the README's steps:
the report's text into source/, draft, review, apply, validate; then the check: what the data-check page lists as
not curated is excluded with its reason (EXCLUSIONS below).

The review is what a person does with the draft (REVIEW below): each review mark filled and each decision taken,
one row per edit, so the count of edits is a measured figure, not a guess.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from kpi.data.files import EXCLUSIONS as EXCLUSIONS_FILE
from kpi.data.files import REPO_ROOT
from tests.helpers.yaml_edit import append_to_list

FIXTURE = Path(__file__).parents[1] / "data" / "report_2024_fictional"
# What the added data must hold, written by hand from the report: the yardstick tests/kpi/draft/test_draft.py
# measures the draft against (every figure, outcome and target in it must be proposed).
ADDITIONS = yaml.safe_load((FIXTURE / "additions.yaml").read_text(encoding="utf-8"))
REPORT_ID = "report_2024_fictional"
REPORT_FILE = ADDITIONS["file"]  # source/report_2024_fictional.txt
DRAFT = "draft_2024.yaml"
# The entries of exclusions.yaml the reviewer adds after the check (step 5): pasted at the end of `numbers:`.
EXCLUSIONS = "\n".join(line for line in (FIXTURE / "exclusions.yaml").read_text(encoding="utf-8").splitlines()
                       if not line.startswith("#")) + "\n"

# The reviewer's edits, in the order the draft shows the entries: (what the draft says, what the reviewer writes).
# None deletes the whole entry whose first line that is. Decisions the reviewer reads and keeps as proposed
# (the values, the outcomes, the continued targets, the 135 "not mentioned") need no edit and are not listed.
REVIEW: list[tuple[str, str | None]] = [
    # The report's entry: its English title, and the date and address the text does not give (three marks).
    ("en: '待译 to translate: 东明路街道办事处2024年工作报告（虚构测试数据）'",
     "en: '2024 Work Report of the Dongming Road Subdistrict Office (fictional test data)'"),
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
    # The milestone continued into 2025 promises completion: its name, in both languages, says so (no mark asked it).
    ("name: {zh: '凌兆生活服务综合体'", "name: {zh: '建成凌兆生活服务综合体'"),
    ("en: 'Lingzhao service complex'}", "en: 'Lingzhao service complex completed'}"),
    # The glossary term: its id and English (three marks).
    ("id: TODO_2024_1", "id: peace_house"),
    ("en: '待译 to translate: 平安屋'", "en: 'Community safety post'"),
    ("en: '待译 to translate: 社区治安值守点。'", "en: 'A community post for public safety.'"),
]


def review(draft: str) -> str:
    """The draft after REVIEW: every edit made once, where the draft has it."""
    for old, new in REVIEW:
        assert old in draft, f"the draft no longer holds {old!r}: update REVIEW"
        draft = delete_entry(draft, old) if new is None else draft.replace(old, new, 1)
    return draft


def delete_entry(text: str, first_line: str) -> str:
    """`text` without the entry whose first line starts with `first_line` (that line and the indented ones after it)."""
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(first_line))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return "\n".join(lines[:start] + lines[end:])


def kpi(*args: str) -> subprocess.CompletedProcess:
    """`python -m kpi …` as staff run it: a new process."""
    return subprocess.run([sys.executable, "-m", "kpi", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def add_fixture_report(directory: Path, said: dict[str, str] | None = None, check: bool = True) -> Path:
    """README "A new report arrives", step by step, on a copy of the data; what each command printed goes to `said`.

    `check=False` stops after apply and validate: the data as the data-check page first sees it.
    """
    # 1. The report's text goes into source/.
    shutil.copy(FIXTURE / "report.txt", directory / REPORT_FILE)
    # 2. Draft its data.
    draft = directory / DRAFT  # beside the data files, as the README writes it
    drafted = kpi("draft", str(directory / REPORT_FILE), "--report", REPORT_ID, "--out", str(draft), "--data", str(directory))
    assert drafted.returncode == 0, drafted.stdout + drafted.stderr
    # 3. Review it: fill the marks, take the decisions.
    draft.write_text(review(draft.read_text(encoding="utf-8")), encoding="utf-8")
    # 4. Apply it; 5. validate.
    for step in (("apply", str(draft), "--data", str(directory)), ("validate", str(directory))):
        result = kpi(*step)
        assert result.returncode == 0, result.stdout + result.stderr
        if said is not None:
            said[step[0]] = result.stdout
    if check:
        # 5. Check: what the data-check page lists as not curated, the reviewer excludes with its reason.
        path = directory / EXCLUSIONS_FILE
        path.write_text(append_to_list(path.read_text(encoding="utf-8"), "numbers", EXCLUSIONS), encoding="utf-8")
        result = kpi("validate", str(directory))
        assert result.returncode == 0, result.stdout + result.stderr
    return directory
