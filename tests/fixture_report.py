"""The fictional next report (tests/data/report_2024_fictional), added to a data directory by the README's steps."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.yaml_edit import append_to_item, append_to_list

FIXTURE = Path(__file__).parent / "data" / "report_2024_fictional"
ADDITIONS = yaml.safe_load((FIXTURE / "additions.yaml").read_text(encoding="utf-8"))
REPORT_ID = "report_2024_fictional"


def pasted_blocks() -> list[str]:
    """Every block of lines staff paste for this report, in the README's order."""
    return [ADDITIONS["report"], *ADDITIONS["values"].values(), ADDITIONS["indicators"], *ADDITIONS["outcomes"].values(),
            ADDITIONS["targets"], ADDITIONS["milestones"], ADDITIONS["terms"]]


def lines_added() -> int:
    return sum(len(block.rstrip("\n").split("\n")) for block in pasted_blocks())


def indent(block: str, spaces: int) -> str:
    return "".join(" " * spaces + line if line else line for line in block.splitlines(keepends=True))


def add_fixture_report(directory: Path) -> Path:
    """README "A new report arrives", step by step, on a copy of the data."""
    # 1. The report's text goes into source/.
    shutil.copy(FIXTURE / "report.txt", directory / ADDITIONS["file"])
    path = directory / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    # 2. The report is listed under `reports:`.
    text = append_to_list(text, "reports", ADDITIONS["report"])
    # 3. Each figure it gives: one more value at the end of that indicator (restated years too).
    for indicator_id, block in ADDITIONS["values"].items():
        text = append_to_item(text, indicator_id, indent(block, 2))
    # 4. A figure not seen before: a new indicator.
    text = append_to_list(text, "indicators", ADDITIONS["indicators"])
    # 5. Last plan year's targets and milestones get their outcomes.
    for item_id, block in ADDITIONS["outcomes"].items():
        text = append_to_item(text, item_id, indent(block, 2))
    # 6. This year's targets and milestones.
    text = append_to_list(text, "targets", ADDITIONS["targets"])
    text = append_to_list(text, "milestones", ADDITIONS["milestones"])
    path.write_text(text, encoding="utf-8")
    # 7. New glossary terms.
    glossary = directory / "glossary.yaml"
    glossary.write_text(append_to_list(glossary.read_text(encoding="utf-8"), "terms", ADDITIONS["terms"]), encoding="utf-8")
    return directory
