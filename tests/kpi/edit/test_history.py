"""The history in git: created when missing, only the data files, outside changes committed as the server once they
validate, the log and a commit's diff, undo as a new change, no server configuration obeyed, the off-site push."""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from pathlib import Path

import pytest

from kpi.data.files import GLOSSARY, INDICATORS
from kpi.edit.check import read_texts
from kpi.edit.history import (
    GIT_DIR,
    SERVER,
    Author,
    Conflict,
    Overlap,
    UnknownCommit,
    commit,
    diff,
    ensure_repository,
    git,
    locked,
    log,
    merge_texts,
    outside_changes,
    record_outside_changes,
    resolve,
    undo,
)
from kpi.edit.save import save
from tests.helpers.saving import TERMS, add_term, commits, edited, head

WANG = Author("王芳")


@pytest.fixture
def data(minimal_dir: Path) -> Path:
    """The minimal data with its history begun."""
    ensure_repository(minimal_dir)
    return minimal_dir


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def wait_for_pushes() -> None:
    for thread in threading.enumerate():
        if thread.name == "kpi-offsite-push":
            thread.join(60)


def test_the_history_begins_with_the_data_files_as_the_server(minimal_dir):
    (minimal_dir / "notes.md").write_text("not data", encoding="utf-8")
    ensure_repository(minimal_dir)
    [first] = log(minimal_dir)
    assert (first.author, first.email) == ("server", "")
    assert first.summary == "历史开始：数据文件原样记录 / history begins: the data files as they were"
    assert first.files == [GLOSSARY, INDICATORS, "source/report.txt"]
    ensure_repository(minimal_dir)
    assert commits(minimal_dir) == 1


def test_the_codes_own_repository_is_never_touched(minimal_dir):
    plain = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "PATH": "/usr/bin:/bin"}
    code = ["git", "-C", str(minimal_dir), "-c", "user.name=dev", "-c", "user.email=dev@example.org"]
    subprocess.run([*code, "init", "-q"], check=True, env=plain)
    subprocess.run([*code, "add", "."], check=True, env=plain)
    subprocess.run([*code, "commit", "-qm", "code"], check=True, env=plain)
    ensure_repository(minimal_dir)
    save(minimal_dir, add_term(read_texts(minimal_dir, [GLOSSARY]), *TERMS[0]), WANG)
    count = subprocess.run(
        [*code, "rev-list", "--count", "HEAD"], capture_output=True, text=True, env=plain, check=True
    )
    assert count.stdout.strip() == "1" and commits(minimal_dir) == 2
    status = subprocess.run([*code, "status", "--porcelain"], capture_output=True, text=True, env=plain, check=True)
    assert status.stdout.splitlines() == [" M glossary.yaml", f"?? {GIT_DIR}/"]


def test_a_commit_is_by_its_author_with_its_summary_and_files(data):
    replace_in(data / GLOSSARY, "社区治安值守点。", "社区治安值守点。 ")
    sha = commit(data, [GLOSSARY], WANG, "terms[peace_house]: definition")
    [newest, _] = log(data)
    assert (newest.commit, newest.author, newest.summary, newest.files) == (
        sha,
        "王芳",
        "terms[peace_house]: definition",
        [GLOSSARY],
    )
    assert abs(time.time() - newest.when.timestamp()) < 60
    assert "+  definition: {zh: 社区治安值守点。 , en: A community safety post.}" in diff(data, sha)
    assert outside_changes(data) == []


def test_the_servers_git_configuration_changes_nothing(data, tmp_path_factory, monkeypatch):
    hooks = tmp_path_factory.mktemp("hooks")
    (hooks / "pre-commit").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    (hooks / "pre-commit").chmod(0o755)
    config = tmp_path_factory.mktemp("home") / "gitconfig"
    config.write_text(
        f"[user]\n  name = Someone Else\n  email = else@example.org\n[core]\n  autocrlf = true\n"
        f"  hooksPath = {hooks}\n[commit]\n  gpgSign = true\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Someone Else")
    monkeypatch.setenv("GIT_DIR", str(tmp_path_factory.mktemp("elsewhere")))
    (data / GLOSSARY).write_bytes((data / GLOSSARY).read_bytes().replace(b"\n", b"\r\n"))
    sha = commit(data, [GLOSSARY], WANG, "crlf")
    assert log(data)[0].author == "王芳"
    assert git(data, "cat-file", "blob", f"{sha}:{GLOSSARY}").stdout == (data / GLOSSARY).read_bytes()


def test_an_outside_change_that_validates_is_committed_as_the_server(data):
    replace_in(data / GLOSSARY, "A community safety post.", "A neighbourhood safety post.")
    (data / "source" / "next.txt").write_text("下一份报告", encoding="utf-8")
    assert outside_changes(data) == [GLOSSARY, "source/next.txt"]
    sha = record_outside_changes(data)
    newest = log(data)[0]
    assert (newest.commit, newest.author, newest.files) == (sha, "server", [GLOSSARY, "source/next.txt"])
    assert newest.summary.endswith("changed on the server (by hand or kpi apply): glossary.yaml, source/next.txt")
    assert record_outside_changes(data) is None and outside_changes(data) == []


def test_an_outside_change_that_fails_validation_stays_uncommitted(data, caplog):
    replace_in(data / INDICATORS, "    value: 139\n", "    value: 一百\n")
    with caplog.at_level(logging.WARNING):
        assert record_outside_changes(data) is None
    assert commits(data) == 1 and outside_changes(data) == [INDICATORS]
    assert "not recorded: 1 data error(s)" in caplog.text


def test_a_file_removed_outside_is_recorded_as_removed(data):
    (data / "source" / "spare.txt").write_text("x", encoding="utf-8")
    record_outside_changes(data)
    (data / "source" / "spare.txt").unlink()
    record_outside_changes(data)
    assert log(data)[0].files == ["source/spare.txt"] and "deleted file mode" in diff(data, "HEAD")


def test_an_editors_swap_file_and_backups_are_no_data(minimal_dir):
    for name in (".report.txt.swp", "report.txt~", ".report.txt.abc123.tmp"):
        (minimal_dir / "source" / name).write_text("x", encoding="utf-8")
    ensure_repository(minimal_dir)
    assert log(minimal_dir)[0].files == [GLOSSARY, INDICATORS, "source/report.txt"]
    assert outside_changes(minimal_dir) == []


def test_no_ignore_file_hides_a_data_file(data):
    (data / ".gitignore").write_text("*.txt\n*.yaml\n", encoding="utf-8")
    (data / "source" / "next.txt").write_text("下一份报告", encoding="utf-8")
    record_outside_changes(data)
    assert log(data)[0].files == ["source/next.txt"]


def test_a_text_is_recorded_exactly_as_it_was_validated(data):
    (data / "source" / "next.txt").write_bytes(b"\xef\xbb\xbfline\r\n")
    sha = record_outside_changes(data)
    assert git(data, "cat-file", "blob", f"{sha}:source/next.txt").stdout == b"\xef\xbb\xbfline\r\n"


def test_undo_restores_the_bytes_exactly_and_is_itself_a_commit(data):
    before = (data / INDICATORS).read_bytes()
    typo = save(
        data,
        edited(
            data,
            "  progress: []\n",
            "  progress:\n  - date: 2024-06-30\n    value: 300\n",
            summary="targets[safety.new_safety_posts_2024]: progress 2024-06-30 = 300",
        ),
        WANG,
    )
    change = undo(data, typo.commit)
    assert change.summary == f"undo {typo.commit[:7]}: targets[safety.new_safety_posts_2024]: progress 2024-06-30 = 300"
    assert change.base == {INDICATORS: (data / INDICATORS).read_text(encoding="utf-8")}
    undone = save(data, change, Author("李明"))
    assert (data / INDICATORS).read_bytes() == before
    assert [(e.author, e.summary) for e in log(data)[:2]] == [("李明", change.summary), ("王芳", typo.change.summary)]
    assert undone.commit == head(data)


def test_undo_keeps_later_changes_on_other_lines(data):
    first = save(
        data, edited(data, "  progress: []\n", "  progress:\n  - date: 2024-06-30\n    value: 30\n", summary="p"), WANG
    )
    save(
        data,
        edited(
            data,
            "name: {zh: 示例项目, en: Sample programme}",
            "name: {zh: 示例项目, en: A sample programme}",
            summary="n",
        ),
        WANG,
    )
    save(data, undo(data, first.commit), WANG)
    text = (data / INDICATORS).read_text(encoding="utf-8")
    assert "  progress: []\n" in text and "en: A sample programme}" in text


def test_undo_of_a_change_later_changes_overlap_is_a_conflict(data):
    first = save(
        data, edited(data, "  progress: []\n", "  progress:\n  - date: 2024-06-30\n    value: 30\n", summary="p"), WANG
    )
    save(data, edited(data, "    value: 30\n", "    value: 31\n", summary="p2"), WANG)
    before = (data / INDICATORS).read_bytes()
    with pytest.raises(Conflict) as caught:
        undo(data, first.commit)
    assert caught.value.files == [INDICATORS]
    assert "-    value: 30\n+    value: 31\n" in caught.value.meanwhile[INDICATORS]
    assert (data / INDICATORS).read_bytes() == before


@pytest.mark.parametrize("name", ["nope", "0000000", "--help", "-1", "", "HEAD:indicators.yaml"])
def test_an_unknown_commit_is_said(data, name):
    with pytest.raises(UnknownCommit):
        resolve(data, name)


@pytest.mark.parametrize(
    ("base", "current", "ours", "merged"),
    [
        ("a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n", "A\nb\nc\nd\nE\n"),
        ("a\n", "a\n", "b\n", "b\n"),
        ("a\n", "b\n", "a\n", "b\n"),
        ("a\n", "b\n", "b\n", "b\n"),
        (None, None, "new\n", "new\n"),
        ("a\n", None, "a\n", None),
    ],
)
def test_merges(base, current, ours, merged):
    assert merge_texts(base, current, ours) == merged


@pytest.mark.parametrize(
    ("base", "current", "ours"),
    [("a\n", "b\n", "c\n"), (None, "x\n", "y\n"), ("a\n", None, "b\n"), ("a\nb\n", "A\nb\n", "a\nB\n")],
)
def test_overlaps(base, current, ours):
    with pytest.raises(Overlap):
        merge_texts(base, current, ours)


def test_the_lock_is_exclusive_between_threads_and_reentrant_within_one(data):
    order = []

    def other() -> None:
        with locked(data):
            order.append("other")

    with locked(data):
        with locked(data):
            thread = threading.Thread(target=other)
            thread.start()
            thread.join(0.3)
            order.append("first")
    thread.join(10)
    assert order == ["first", "other"]


def test_each_commit_is_pushed_to_the_offsite_copy(data, tmp_path_factory):
    bare = tmp_path_factory.mktemp("offsite") / "copy.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    git(data, "remote", "add", "offsite", str(bare))
    saved = save(data, add_term(read_texts(data, [GLOSSARY]), *TERMS[0]), WANG)
    wait_for_pushes()
    pushed = subprocess.run(
        ["git", f"--git-dir={bare}", "rev-parse", "main"], capture_output=True, text=True, check=True
    )
    assert pushed.stdout.strip() == saved.commit


def test_a_failed_push_is_logged_and_never_blocks_a_save(data, tmp_path_factory, caplog):
    git(data, "remote", "add", "offsite", str(tmp_path_factory.mktemp("gone") / "missing.git"))
    with caplog.at_level(logging.WARNING):
        saved = save(data, add_term(read_texts(data, [GLOSSARY]), *TERMS[0]), WANG)
        wait_for_pushes()
    assert saved.commit == head(data)
    assert "off-site copy not pushed" in caplog.text


def test_an_author_is_a_name_git_can_record():
    assert SERVER == Author("server", "")
    for name in ("", " ", "a<b", "a\nb"):
        with pytest.raises(ValueError):
            Author(name)
