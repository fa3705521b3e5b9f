"""`python -m kpi`: exit codes and text as staff and CI see them (a real subprocess, no mocks)."""

from __future__ import annotations

import subprocess
import sys

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kpi", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def test_validate_shipped_data_prints_one_summary_line():
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = result.stdout.splitlines()
    dataset = load_dataset(REPO_ROOT)  # the counts follow the data
    economy = sum(i.theme == "economy" for i in dataset.content.indicators)
    assert (
        line.startswith("数据有效：")
        and f"经济发展 {economy}," in line
        and f"{len(dataset.glossary.terms)} 个名词" in line
    )


def test_validate_reports_every_error_with_file_and_line(minimal_dir):
    path = minimal_dir / "indicators.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("value: 139", "value: 一百")
        .replace("direction: higher", "direction: up"),
        encoding="utf-8",
    )
    result = run("validate", str(minimal_dir))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "indicators.yaml:23:3: indicators[economy.enterprises_attracted].direction: 'direction' 应为 'higher' / 'lower' / 'none' 之一，实际为 'up'",
        "indicators.yaml:27:5: indicators[economy.enterprises_attracted].values[0].value: 'value' 应为数字，实际为 '一百'",
    ]
    assert "共 2 个错误" in result.stderr and "Traceback" not in result.stderr


def test_validate_in_english(minimal_dir):
    (minimal_dir / "glossary.yaml").write_text("terms: 3\n", encoding="utf-8")
    result = run("validate", str(minimal_dir), "--lang", "en")
    assert result.returncode == 1
    assert result.stdout == "glossary.yaml:1:1: terms: 'terms' must be a list (items start with -), not 3\n"


def test_validate_reads_the_environment_variable(minimal_dir):
    import os

    result = run("validate", env={**os.environ, "KPI_DATA_DIR": str(minimal_dir)})
    assert result.returncode == 0 and "6 项指标" in result.stdout


def test_binary_garbage_gives_a_message_not_a_traceback(minimal_dir):
    (minimal_dir / "indicators.yaml").write_bytes(bytes(range(256)) * 10)
    result = run("validate", str(minimal_dir))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # byte 0x0a ends line 1; the first invalid byte (0x80) is on line 2
    assert "indicators.yaml:2:1: 文件不是 UTF-8 编码" in result.stdout


def test_usage_error_exits_2():
    result = run("validate", "--lang", "fr")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_validate_says_a_full_width_colon_at_its_line_in_both_languages(minimal_dir):
    path = minimal_dir / "indicators.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  direction: higher", "  direction： higher", 1), encoding="utf-8"
    )
    zh, en = run("validate", str(minimal_dir)), run("validate", str(minimal_dir), "--lang", "en")
    assert zh.returncode == en.returncode == 1
    assert zh.stdout == (
        "indicators.yaml:23:12: 'direction' 后面的冒号是全角的“：”（中文输入法打出的）；YAML 只认半角冒号“:”，"
        "冒号后再加一个空格。请改为“direction: higher”\n"
    )
    assert en.stdout == (
        "indicators.yaml:23:12: the colon after 'direction' is the full-width “：” of a Chinese input method; YAML "
        'reads only the half-width colon “:”, followed by a space: write it as "direction: higher"\n'
    )
