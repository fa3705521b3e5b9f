"""`python -m kpi history` and `python -m kpi undo` as commands: what they print, what they write, exit codes (a real
subprocess)."""

from __future__ import annotations

import getpass
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.data.files import GLOSSARY, INDICATORS, REPO_ROOT
from kpi.edit.check import read_texts
from kpi.edit.history import Author, ensure_repository, log, record_outside_changes
from kpi.edit.save import save
from tests.helpers.saving import TERMS, add_term, commits, edited, head, snapshot


def kpi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kpi", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture
def data(minimal_dir: Path) -> Path:
    ensure_repository(minimal_dir)
    return minimal_dir


def test_history_lists_the_newest_changes_with_their_authors(data):
    saved = save(data, add_term(read_texts(data, [GLOSSARY]), *TERMS[0]), Author("王芳"))
    result = kpi("history", "--data", str(data), "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(saved.commit[:7]) and lines[0].endswith(
        "  王芳: terms[enterprises]: added (glossary.yaml)"
    )
    assert "  server: 历史开始：数据文件原样记录 / history begins: the data files as they were (" in lines[1]
    assert kpi("history", "--data", str(data), "--limit", "1").stdout.count("\n") == 1


def test_history_shows_one_commit_and_its_diff(data):
    saved = save(data, add_term(read_texts(data, [GLOSSARY]), *TERMS[0]), Author("王芳"))
    result = kpi("history", "--data", str(data), "--show", saved.commit[:7])
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("王芳：terms[enterprises]: added（glossary.yaml）")
    assert "diff --git a/glossary.yaml b/glossary.yaml\n" in result.stdout and "+- id: enterprises\n" in result.stdout


def test_history_records_an_outside_change_first_and_names_one_that_does_not_validate(data):
    path = data / GLOSSARY
    path.write_text(
        path.read_text(encoding="utf-8").replace("A community safety post.", "A safety post."), encoding="utf-8"
    )
    result = kpi("history", "--data", str(data), "--lang", "en")
    assert (
        "server: 服务器上的改动（手工编辑或 kpi apply）：glossary.yaml / changed on the server"
        in result.stdout.splitlines()[0]
    )
    path.write_text("terms: [", encoding="utf-8")
    result = kpi("history", "--data", str(data), "--lang", "en")
    assert result.returncode == 0
    assert "Changes on the server are not in the history yet (glossary.yaml)" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["history", "--show", "nope"], 1, "The history has no commit nope"),
        (["undo", "nope"], 1, "The history has no commit nope"),
        (["history", "--limit", "0"], 2, "must be a whole number above 0"),
        (["undo", "HEAD", "--author", "a<b>"], 2, "an author's name cannot be empty"),
    ],
)
def test_bad_input_is_said(data, args, code, message):
    result = kpi(*args, "--data", str(data), "--lang", "en")
    assert result.returncode == code and message in result.stderr, result.stderr


def test_a_missing_data_directory_is_said(tmp_path):
    result = kpi("history", "--data", str(tmp_path / "nowhere"), "--lang", "en")
    assert result.returncode == 1 and "data directory not found" in result.stderr


def test_undo_restores_the_file_and_is_committed_by_the_servers_user(data):
    before = (data / INDICATORS).read_bytes()
    typo = save(
        data,
        edited(
            data,
            "  progress: []\n",
            "  progress:\n  - date: 2024-06-30\n    value: 300\n",
            summary="targets[safety.new_safety_posts_2024]: progress 2024-06-30 = 300",
        ),
        Author("王芳"),
    )
    result = kpi("undo", typo.commit[:7], "--data", str(data), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"Undid {typo.commit[:7]}: new commit {head(data)[:7]} (indicators.yaml).\n"
    assert (data / INDICATORS).read_bytes() == before
    assert (log(data)[0].author, log(data)[0].summary) == (
        getpass.getuser(),
        f"undo {typo.commit[:7]}: {typo.change.summary}",
    )
    again = kpi("undo", typo.commit, "--data", str(data), "--author", "李明", "--lang", "en")
    assert again.returncode == 0 and "nothing to undo" in again.stdout and commits(data) == 3


def test_undo_that_fails_the_check_lists_its_errors_and_writes_nothing(data):
    (data / "source" / "report_2.txt").write_bytes((data / "source" / "report.txt").read_bytes())
    added = record_outside_changes(data)
    save(data, edited(data, "file: source/report.txt", "file: source/report_2.txt"), Author("王芳"))
    before = snapshot(data)
    result = kpi("undo", added, "--data", str(data), "--author", "李明")
    assert result.returncode == 1
    assert result.stdout.startswith(
        "indicators.yaml:8:3: reports[report_2023].file: 找不到报告原文文件 source/report_2.txt"
    )
    assert "撤销后的数据不能通过检查（1 个错误），未作任何改动。" in result.stderr
    assert snapshot(data) == before


def test_undo_that_later_changes_overlap_shows_them_and_writes_nothing(data):
    first = save(
        data, edited(data, "  progress: []\n", "  progress:\n  - date: 2024-06-30\n    value: 30\n"), Author("王芳")
    )
    save(data, edited(data, "    value: 30\n", "    value: 31\n"), Author("李明"))
    before = snapshot(data)
    result = kpi("undo", first.commit, "--data", str(data), "--lang", "en")
    assert result.returncode == 1
    assert f"Later changes touch the same lines as {first.commit[:7]} (indicators.yaml)" in result.stderr
    assert "-    value: 30\n+    value: 31\n" in result.stdout
    assert snapshot(data) == before
