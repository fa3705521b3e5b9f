"""The README's promises to staff: its example messages are what `validate` really prints for those edits."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from kpi.data.files import REPO_ROOT
from kpi.site import RESERVED_PATHS
from kpi.status import STATUSES

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
PEACE_QUOTE = "    quote: 新建49座社区平安屋,建立屋长负责、24小时人员固守制度。\n"


def progress(*entries: tuple[str, str]) -> str:
    return PEACE_QUOTE + "  progress:\n" + "".join(f"  - date: {d}\n    value: {v}\n" for d, v in entries)


PASTED = "- period: 2024\n  value: 152\n  source:\n    report: report_2023\n    section: 第一部分 一(二)\n    quote: 引进企业152家\n"
SECOND = "\n- id: economy.domestic_investment_attracted\n"

# The edits the README describes, each with the message it quotes.
EDITS = [
    ("    value: 139\n", "    value: 一百\n", "'value' 应为数字，实际为 '一百'"),
    (
        PEACE_QUOTE,
        progress(("2024-06-30", "20"), ("2024-03-31", "10")),
        "进展记录应按日期先后排列；2024-03-31 早于上一条",
    ),
    (PEACE_QUOTE, progress(("2024-03-31", "二十")), "'value' 应为数字，实际为 '二十'"),
    (
        "  published: 2024-01-29\n",
        "  published: null\n",
        "待填写：'published' 还是 null（草稿留给你填写的值），请填上实际的值",
    ),
    (
        SECOND,
        "\n" + PASTED + SECOND,
        "这几行应写在上面一项 'economy.enterprises_attracted' 的 values: 之下：请在这几行每行前加 2 个空格",
    ),
    (
        "name: {zh: 启动凌兆生活服务综合体建设,",
        "name: {zh: 凌兆生活服务综合体,",
        "中文名称 '凌兆生活服务综合体' 没有写出；请写进名称，或在 name_omits 写明不写的理由",
    ),
    ("    value: 139\n", "    value： 139\n", "YAML 只认半角冒号“:”，冒号后再加一个空格。请改为“value: 139”"),
]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    EDITS,
    ids=["number", "date order", "progress number", "mark", "pasted", "limiting word", "full-width colon"],
)
def test_readme_error_examples_are_real(shipped_dir, old, new, message):
    [quoted] = [line for line in README.splitlines() if line.startswith("indicators.yaml:") and line.endswith(message)]
    path = shipped_dir / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kpi", "validate", str(shipped_dir)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 1
    # Line numbers move whenever staff add data; the README's example keeps its wording, field and message.
    assert unlocated(quoted) in [unlocated(line) for line in result.stdout.splitlines()]


def unlocated(message: str) -> str:
    """`indicators.yaml:98:5: field: message` without its line and column."""
    return re.sub(r"^([^:]+):\d+:\d+:", r"\1:", message)


def test_the_readme_lists_every_status_override_takes_with_its_words():
    rows = re.findall(r"^\| `([a-z_]+)` \| (.+?) \| (.+?) \|\s*(✓?)\s*\|\s*(✓?)\s*\|$", README, re.MULTILINE)
    assert rows == [(s.id, *s.words, "✓" if s.targets else "", "✓" if s.milestones else "") for s in STATUSES]


def test_the_readme_shows_how_to_write_not_mentioned():
    assert "  outcome: {not_mentioned_in: report_2024}" in README.splitlines()


def test_readme_names_the_two_commands_and_ci_runs_the_test_one():
    commands = re.findall(r"```bash\n(.+?)\n```", README)
    assert commands[:2] == ["bash scripts/run", "bash scripts/test"]
    assert "bash scripts/test" in (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_names_every_path_a_theme_may_not_take():
    [paragraph] = [p for p in README.split("\n\n") if "what the pages rely on" in p]
    assert set(re.findall(r"`([a-z_]+)`", paragraph)) >= RESERVED_PATHS
