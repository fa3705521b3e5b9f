"""Saving: refused changes write nothing, good ones are written atomically and committed by their author, two saves
at once lose nothing (forms made again, whole files merged, overlaps refused), outside changes are recorded first."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kpi.data.files import GLOSSARY, INDICATORS, REPO_ROOT
from kpi.edit.change import Change
from kpi.edit.check import read_texts
from kpi.edit.history import Author, Conflict, ensure_repository, git_dir, log
from kpi.edit.save import Refused, save
from tests.helpers.saving import TERMS, add_term, commits, edited, head, snapshot

WANG, LI = Author("王芳"), Author("李明")
PROGRESS = ("  progress: []\n", "  progress:\n  - date: 2024-06-30\n    value: 30\n")


@pytest.fixture
def data(minimal_dir: Path) -> Path:
    ensure_repository(minimal_dir)
    return minimal_dir


def at_once(*saves):
    """Run the saves in threads started together; each one's result or exception."""
    results: list = [None] * len(saves)
    start = threading.Barrier(len(saves))

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = saves[index]()
        except Exception as exc:  # noqa: BLE001 — the test looks at it
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(saves))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_a_good_change_is_written_and_committed_by_its_author(data):
    change = add_term(read_texts(data, [GLOSSARY]), *TERMS[0])
    saved = save(data, change, WANG)
    assert (data / GLOSSARY).read_text(encoding="utf-8") == change.texts[GLOSSARY]
    assert saved.files == [GLOSSARY] and saved.commit == head(data) and saved.checked.passed
    newest = log(data)[0]
    assert (newest.author, newest.summary, newest.files) == ("王芳", "terms[enterprises]: added", [GLOSSARY])
    assert not list(data.rglob(".*.tmp"))


def test_a_refused_change_writes_nothing_and_commits_nothing(data):
    before, commit_before = snapshot(data), head(data)
    with pytest.raises(Refused) as caught:
        save(data, edited(data, "    value: 139\n", "    value: 一百\n"), WANG)
    [error] = caught.value.errors
    assert (error.file, error.code) == (INDICATORS, "float_type") and error.format("en").startswith(
        "indicators.yaml:27:5: "
    )
    assert snapshot(data) == before and head(data) == commit_before


def test_pages_that_do_not_render_refuse_the_change(data):
    before = snapshot(data)
    with pytest.raises(Refused) as caught:
        save(
            data,
            add_term(read_texts(data, [GLOSSARY]), *TERMS[0]),
            WANG,
            render=lambda dataset: ["/glossary?lang=en: boom"],
        )
    assert caught.value.errors == [] and caught.value.problems == ["/glossary?lang=en: boom"]
    assert snapshot(data) == before and commits(data) == 1


@pytest.mark.parametrize("name", ["../outside.txt", "source/../../outside.txt", "/tmp/outside.txt"])
def test_a_path_outside_the_data_files_is_refused_before_anything(data, name):
    with pytest.raises(Refused) as caught:
        save(data, Change("x", {name: "x"}, {name: None}), WANG)
    assert [e.code for e in caught.value.errors] == ["edit_path_refused"]
    assert not (data.parent / "outside.txt").exists() and not Path("/tmp/outside.txt").exists()


def test_a_change_that_changes_nothing_commits_nothing(data):
    text = read_texts(data, [GLOSSARY])[GLOSSARY]
    saved = save(data, Change("nothing", {GLOSSARY: text}, {GLOSSARY: text}), WANG)
    assert (saved.commit, saved.files) == (None, []) and commits(data) == 1


def test_two_forms_saved_at_once_both_land(data):
    texts = read_texts(data, [GLOSSARY])
    first, second = add_term(texts, *TERMS[0]), add_term(texts, *TERMS[1])
    results = at_once(lambda: save(data, first, WANG), lambda: save(data, second, LI))
    assert all(result.commit for result in results), results
    text = (data / GLOSSARY).read_text(encoding="utf-8")
    assert "- id: enterprises\n" in text and "- id: task_list\n" in text
    assert sorted(entry.author for entry in log(data)[:2]) == ["李明", "王芳"]


def test_two_file_edits_of_different_lines_are_merged(data):
    first = edited(data, *PROGRESS, summary="progress")
    second = edited(
        data,
        "name: {zh: 示例项目, en: Sample programme}",
        "name: {zh: 示例项目, en: A sample programme}",
        summary="name",
    )
    results = at_once(lambda: save(data, first, WANG), lambda: save(data, second, LI))
    assert all(result.commit for result in results), results
    text = (data / INDICATORS).read_text(encoding="utf-8")
    assert PROGRESS[1] in text and "en: A sample programme}" in text


def test_two_file_edits_of_the_same_lines_the_second_gets_a_conflict_and_nothing_is_lost(data):
    first = edited(data, *PROGRESS, summary="thirty")
    second = edited(data, PROGRESS[0], PROGRESS[1].replace("value: 30", "value: 40"), summary="forty")
    results = at_once(lambda: save(data, first, WANG), lambda: save(data, second, LI))
    [conflict] = [r for r in results if isinstance(r, Conflict)]
    [saved] = [r for r in results if not isinstance(r, Conflict)]
    assert conflict.files == [INDICATORS]
    won = "30" if saved.change.summary == "thirty" else "40"
    lost = "40" if won == "30" else "30"
    assert f"+    value: {won}\n" in conflict.meanwhile[INDICATORS]
    assert f"    value: {won}\n" in (data / INDICATORS).read_text(encoding="utf-8")
    assert f"    value: {lost}\n" not in (data / INDICATORS).read_text(encoding="utf-8")
    assert commits(data) == 2


def test_a_save_in_another_process_waits_for_the_lock(data):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; from kpi.edit.history import locked\n"
                "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(1.5)\n"
            ),
            str(data),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        save(data, add_term(read_texts(data, [GLOSSARY]), *TERMS[0]), WANG)
        assert time.monotonic() - started > 0.5
    finally:
        holder.wait(30)


def test_an_outside_change_is_committed_as_the_server_before_the_save(data):
    path = data / GLOSSARY
    path.write_text(
        path.read_text(encoding="utf-8").replace("A community safety post.", "A safety post."), encoding="utf-8"
    )
    change = add_term(read_texts(data, [GLOSSARY]), *TERMS[0])
    save(data, change, WANG)
    [mine, outside, _] = log(data)
    assert (outside.author, outside.files) == ("server", [GLOSSARY])
    assert (mine.author, mine.summary) == ("王芳", "terms[enterprises]: added")


def test_a_change_made_before_an_outside_edit_is_made_again_on_it(data):
    change = add_term(read_texts(data, [GLOSSARY]), *TERMS[0])
    path = data / GLOSSARY
    path.write_text(
        path.read_text(encoding="utf-8").replace("A community safety post.", "A safety post."), encoding="utf-8"
    )
    save(data, change, WANG)
    text = path.read_text(encoding="utf-8")
    assert "A safety post." in text and "- id: enterprises\n" in text


def test_a_writer_outside_the_lock_between_check_and_rename_makes_the_save_start_over(data):
    change = edited(data, *PROGRESS, summary="progress")
    calls = []

    def render(dataset) -> list[str]:
        if not calls:  # as if an editor on the server saved while this save was checking
            path = data / INDICATORS
            path.write_text(
                path.read_text(encoding="utf-8").replace("en: Sample programme}", "en: Programme}"), encoding="utf-8"
            )
        calls.append(1)
        return []

    save(data, change, WANG, render)
    text = (data / INDICATORS).read_text(encoding="utf-8")
    assert len(calls) == 2 and PROGRESS[1] in text and "en: Programme}" in text


def test_a_new_report_text_is_written_and_committed(data):
    text = (data / "source" / "report.txt").read_text(encoding="utf-8")
    change = edited(data, "file: source/report.txt", "file: source/report_copy.txt")
    change = Change(
        "report text", {**change.texts, "source/report_copy.txt": text}, {**change.base, "source/report_copy.txt": None}
    )
    saved = save(data, change, WANG)
    assert saved.files == [INDICATORS, "source/report_copy.txt"] and log(data)[0].files == saved.files
    assert (data / "source" / "report_copy.txt").stat().st_mode == (data / INDICATORS).stat().st_mode


def test_the_lock_file_lives_in_the_history(data):
    save(data, add_term(read_texts(data, [GLOSSARY]), *TERMS[0]), WANG)
    assert (git_dir(data) / "kpi-save.lock").is_file()
    assert not (data / "kpi-save.lock").exists()
