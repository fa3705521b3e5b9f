"""The README's promises to staff: its example messages are what `validate` really prints for those edits."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from kpi.dataset import REPO_ROOT
from kpi.site import RESERVED_PATHS

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
PEACE_QUOTE = "    quote: 新建49座社区平安屋,建立屋长负责、24小时人员固守制度。\n"


def progress(*entries: tuple[str, str]) -> str:
    return PEACE_QUOTE + "  progress:\n" + "".join(f"  - date: {d}\n    value: {v}\n" for d, v in entries)


# The edits the README describes, each with the message it quotes.
EDITS = [
    ("    value: 139\n", "    value: 一百\n", "'value' 应为数字，实际为 '一百'"),
    (PEACE_QUOTE, progress(("2024-06-30", "20"), ("2024-03-31", "10")), "进展记录应按日期先后排列；2024-03-31 早于上一条"),
    (PEACE_QUOTE, progress(("2024-03-31", "二十")), "'value' 应为数字，实际为 '二十'"),
]


@pytest.mark.parametrize(("old", "new", "message"), EDITS, ids=["number", "date order", "progress number"])
def test_readme_error_examples_are_real(shipped_dir, old, new, message):
    [quoted] = [line for line in README.splitlines() if line.startswith("indicators.yaml:") and line.endswith(message)]
    path = shipped_dir / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kpi", "validate", str(shipped_dir)], cwd=REPO_ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 1
    assert quoted in result.stdout.splitlines()


def test_readme_names_the_two_commands_and_ci_runs_the_test_one():
    commands = re.findall(r"```bash\n(.+?)\n```", README)
    assert commands[:2] == ["bash scripts/run", "bash scripts/test"]
    assert "bash scripts/test" in (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_names_every_path_a_theme_may_not_take():
    [paragraph] = [p for p in README.split("\n\n") if "dashboard's own" in p]
    assert set(re.findall(r"`([a-z_]+)`", paragraph)) >= RESERVED_PATHS
