"""exclusions.yaml: validated like the other data files, located in both languages, kept in the last good copy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kpi.data.errors import DataErrors
from kpi.data.files import EXCLUSIONS, REPO_ROOT, data_stamp
from kpi.data.loading import load_dataset
from kpi.data.model import StatementExclusion
from kpi.data.snapshot import snapshot_files

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
GOOD = """numbers:
- {report: report_2023, reason: date, text: 截至2023年11月}
statements:
- {report: report_2023, reason: attitude, text: '新建49座社区平安屋'}
"""


def write(directory: Path, text: str) -> Path:
    (directory / EXCLUSIONS).write_text(text, encoding="utf-8")
    return directory


def errors_of(directory: Path) -> list[tuple[int, int, str, str, str]]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(directory)
    return [(e.line, e.column, e.field, e.zh, e.en) for e in caught.value.errors if e.file == EXCLUSIONS]


def test_a_data_directory_without_the_file_excludes_nothing(minimal_dir):
    # Older data directories load: a missing file can only make the check list more, never hide anything.
    assert not (minimal_dir / EXCLUSIONS).exists()
    dataset = load_dataset(minimal_dir)
    assert dataset.exclusions is None and EXCLUSIONS not in snapshot_files(dataset)


def test_the_file_is_loaded_stamped_and_kept_in_the_last_good_copy(minimal_dir):
    before = dict((name, size) for name, _, size in data_stamp(minimal_dir))
    dataset = load_dataset(write(minimal_dir, GOOD))
    assert [e.text for e in dataset.exclusions.numbers] == ["截至2023年11月"]
    assert dataset.exclusion_lines == {("numbers", 0): 2, ("statements", 0): 4}
    assert EXCLUSIONS in snapshot_files(dataset)
    assert before[EXCLUSIONS] == -1 and dict((n, s) for n, _, s in data_stamp(minimal_dir))[EXCLUSIONS] == len(GOOD.encode())


@pytest.mark.parametrize(("old", "new", "located", "zh", "en"), [
    ("text: 截至2023年11月", "text: 截至2023年12月", (2, 39, "numbers[0].text"),
     "排除的原文在报告 'report_2023' 中找不到（须逐字一致，注意标点）：'截至2023年12月'",
     "excluded text not found in report 'report_2023' (must match exactly, punctuation included): '截至2023年12月'"),
    ("text: 截至2023年11月", "text: 引进企业", (2, 39, "numbers[0].text"),
     "排除的数字片段中没有阿拉伯数字：'引进企业'", "the text of an excluded number holds no Arabic number: '引进企业'"),
    ("report_2023, reason: attitude", "report_2024, reason: attitude", (4, 4, "statements[0].report"),
     "报告编号 'report_2024' 不存在；可用报告：report_2023", "report id 'report_2024' does not exist; reports: report_2023"),
    ("reason: attitude", "reason: vague", (4, 25, "statements[0].reason"), "'reason' 应为 'heading' / 'framing'",
     "'reason' must be one of 'heading' / 'framing'"),
    ("statements:\n", "- {report: report_2023, reason: name, text: 截至2023年11月}\nstatements:\n", (3, 39, "numbers[1].text"),
     "同一份报告的这段原文已经列出（第 2 行）：'截至2023年11月'", "this text of the same report is listed already (line 2): '截至2023年11月'"),
])
def test_each_mistake_is_located_in_both_languages(minimal_dir, old, new, located, zh, en):
    write(minimal_dir, GOOD.replace(old, new, 1))
    [(line, column, field, message_zh, message_en)] = errors_of(minimal_dir)
    assert (line, column, field) == located
    assert message_zh.startswith(zh) and message_en.startswith(en)


def test_every_mistake_at_once(minimal_dir):
    write(minimal_dir, GOOD.replace("截至2023年11月", "引进企业").replace("新建49座", "新建50座"))
    assert [field for _, _, field, _, _ in errors_of(minimal_dir)] == ["numbers[0].text", "statements[0].text"]


def test_the_readme_example_is_a_valid_exclusion_of_the_shipped_report(dataset):
    [example] = [block for block in re.findall(r"```yaml\n(.+?)```", README, re.DOTALL) if "reason: " in block]
    [entry] = [StatementExclusion.model_validate(item) for item in yaml.safe_load(example)]
    assert entry.text in dataset.report_texts[entry.report]
    assert entry in dataset.exclusions.statements  # and it is one the data really lists
