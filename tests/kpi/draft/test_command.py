"""`python -m kpi draft` and `apply` as commands: files written, messages, exit codes (a real subprocess)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from kpi.data.files import REPO_ROOT
from tests.conftest import MINIMAL
from tests.helpers.fixture_report import ADDITIONS, FIRST, FIXTURE, REPORT_ID, drafted

FIXTURE_FILE = ADDITIONS["file"]  # source/report_2024_fictional.txt


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kpi", "draft", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def test_draft_writes_the_file_and_prints_the_summary(fixture_dir, tmp_path):
    out = tmp_path / "draft.yaml"
    shutil.copy(FIXTURE / "report.txt", fixture_dir / FIXTURE_FILE)  # the text already in source/: no copy hint
    result = run(str(fixture_dir / FIXTURE_FILE), "--report", REPORT_ID, "--out", str(out), "--data", str(fixture_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    draft, _ = drafted(fixture_dir, FIRST)
    assert result.stdout.startswith(f"草稿已写入 {out}。找到 {len(draft.figures)} 个数字")
    assert f"匹配已有指标 {len(draft.values)}" in result.stdout
    assert "请把报告文本复制" not in result.stdout
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["targets"][0]["id"] == "housing.community_gardens_2025"


def test_draft_to_standard_output_in_english_with_a_progress_bar(fixture_dir):
    env = {**os.environ, "KPI_DATA_DIR": str(fixture_dir)}
    result = run(str(FIXTURE / "report.txt"), "--report", REPORT_ID, "--lang", "en", "--progress", env=env)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(result.stdout)["reports"][0]["file"] == "source/report.txt"
    assert (
        "draft [" in result.stderr and f"Found {len(drafted(fixture_dir, FIRST)[0].figures)} numbers" in result.stderr
    )
    assert "Copy the report's text to source/report.txt in the data directory" in result.stderr


def test_a_bom_and_crlf_copy_drafts_like_the_original(fixture_dir, tmp_path):
    windows = tmp_path / "report.txt"
    windows.write_bytes(b"\xef\xbb\xbf" + (FIXTURE / "report.txt").read_bytes().replace(b"\n", b"\r\n"))
    drafts = [
        run(str(path), "--report", REPORT_ID, "--data", str(fixture_dir)) for path in (FIXTURE / "report.txt", windows)
    ]
    assert [d.returncode for d in drafts] == [0, 0]
    assert drafts[0].stdout.replace(str(FIXTURE / "report.txt"), "R") == drafts[1].stdout.replace(str(windows), "R")


@pytest.mark.parametrize(
    ("make", "args", "code", "message"),
    [
        (None, ["missing.txt", "--report", "report_x"], 1, "missing.txt: 找不到报告文件"),
        ("gbk", ["{report}", "--report", "report_x"], 1, "report.txt:1:1: 文件不是 UTF-8 编码（字节 0xb6）；GBK"),
        (
            None,
            ["{report}", "--report", "report_x", "--lang", "en", "--data", "{tmp}/nowhere"],
            1,
            "data directory not found",
        ),
        (
            None,
            ["{report}", "--report", "report_x", "--out", "{tmp}/no/draft.yaml", "--data", "{minimal}"],
            1,
            "draft.yaml: 无法写入",
        ),
        (None, ["{report}", "--report", "Report 2024"], 2, "report id is lowercase"),
        (None, ["{report}"], 2, "the following arguments are required: --report"),
    ],
)
def test_draft_errors_are_messages_with_exit_codes(tmp_path, make, args, code, message):
    report = tmp_path / "report.txt"
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8")
    report.write_bytes(text.encode("gbk") if make == "gbk" else text.encode())
    result = run(*[a.format(report=report, tmp=tmp_path, minimal=MINIMAL) for a in args])
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr


def test_invalid_data_is_reported_before_drafting(minimal_dir):
    (minimal_dir / "indicators.yaml").write_text("reports: 3\n", encoding="utf-8")
    result = run(str(FIXTURE / "report.txt"), "--report", REPORT_ID, "--data", str(minimal_dir))
    assert result.returncode == 1
    assert result.stdout.startswith("indicators.yaml:1:") and "先修正" in result.stderr


@pytest.mark.parametrize("args", [[], ["draft.yaml", "--lang", "fr"]])
def test_usage_errors_exit_2(args):
    result = subprocess.run(
        [sys.executable, "-m", "kpi", "apply", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "usage:" in result.stderr
