"""The shipped exclusions against the README: its example is a valid exclusion of the shipped report."""

from __future__ import annotations

import re

import yaml

from kpi.data.files import REPO_ROOT
from kpi.data.model import StatementExclusion

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_example_is_a_valid_exclusion_of_the_shipped_report(dataset):
    [example] = [
        block for block in re.findall(r"```yaml\n(.+?)```", README, re.DOTALL) if block.startswith("- {report: ")
    ]
    [entry] = [StatementExclusion.model_validate(item) for item in yaml.safe_load(example)]
    assert entry.text in dataset.report_texts[entry.report]
    assert entry in dataset.exclusions.statements  # and it is one the data really lists
