"""Edits to a copy of the minimal data (tests/data/minimal), and the errors the loader gives for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.data.errors import DataErrors
from kpi.data.files import EXCLUSIONS
from kpi.data.loading import load_dataset

I = "indicators.yaml"


def errors_after_edit(directory: Path, file: str, old: str, new: str) -> list:
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test case does not match the fixture: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(directory)
    return caught.value.errors


def said_at(errors: list, file: str, line: int, fragment: str) -> bool:
    """Whether one of the errors stands in `file` at `line` and its Chinese message holds `fragment`."""
    return any(e.file == file and e.line == line and fragment in e.zh for e in errors)


SECOND = """  plans: 2024
- id: report_2024
  title: {zh: 示例报告二, en: Sample report two}
  publisher: {zh: 示例街道, en: Sample subdistrict}
  published: 2025-01-22
  url: https://example.org/report-2
  file: source/report_2024.txt
  reviews: 2024
  plans: 2025
"""

SECOND_TEXT = (
    "示例报告二\n第一部分 2024年工作回顾\n2024年,引进企业150家。\n第二部分 2025年主要任务\n新建20座社区平安屋。\n"
)


def add_second_report(directory: Path) -> Path:
    """The minimal data with a second (fictional) report listed and its text in source/."""
    (directory / "source" / "report_2024.txt").write_text(SECOND_TEXT, encoding="utf-8")
    path = directory / I
    path.write_text(path.read_text(encoding="utf-8").replace("  plans: 2024\n", SECOND, 1), encoding="utf-8")
    return directory


# A small exclusions.yaml that is valid for the minimal data.
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
