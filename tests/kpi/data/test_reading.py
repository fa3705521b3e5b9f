"""The data directory read once (kpi/data/reading.py): one snapshot of bytes between two equal stamps, its digest, and
when the files have settled, measured by polling."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kpi.data import reading
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, data_stamp
from kpi.data.loading import parse_dataset
from kpi.data.reading import Settling, read_contents, write_contents

REPORT = "source/report.txt"


def test_every_file_of_the_stamp_is_read_once_and_named_in_the_digest(minimal_dir):
    contents = read_contents(minimal_dir)
    assert contents.steady and contents.stamp == data_stamp(minimal_dir)
    assert sorted(contents.files) == [GLOSSARY, INDICATORS, REPORT]  # exclusions.yaml is optional, and missing here
    assert contents.files[INDICATORS] == (minimal_dir / INDICATORS).read_bytes()
    assert (contents.size(EXCLUSIONS), contents.size(INDICATORS)) == (-1, len(contents.files[INDICATORS]))
    assert read_contents(minimal_dir).digest == contents.digest  # the same bytes, the same version


@pytest.mark.parametrize("name", [INDICATORS, GLOSSARY, REPORT])
def test_any_byte_of_any_file_gives_a_new_version(minimal_dir, name):
    before = read_contents(minimal_dir).digest
    with open(minimal_dir / name, "ab") as file:
        file.write(b"\n")
    assert read_contents(minimal_dir).digest != before


def test_a_report_in_a_folder_of_source_is_in_the_stamp_and_read(minimal_dir):
    (minimal_dir / "source" / "2024").mkdir()
    (minimal_dir / "source" / "2024" / "report.txt").write_text("报告", encoding="utf-8")
    assert read_contents(minimal_dir).files["source/2024/report.txt"] == "报告".encode()


def test_a_save_that_lands_during_the_read_is_read_again(minimal_dir, monkeypatch):
    read_files, saves = reading.read_files, []

    def saved_meanwhile(directory, stamp):
        files = read_files(directory, stamp)
        if not saves:  # staff save while the files are being read: the bytes read may be half old, half new
            saves.append(1)
            (minimal_dir / GLOSSARY).write_text(
                (minimal_dir / GLOSSARY).read_text(encoding="utf-8") + "\n", encoding="utf-8"
            )
        return files

    monkeypatch.setattr(reading, "read_files", saved_meanwhile)
    contents = read_contents(minimal_dir)
    assert contents.steady and contents.stamp == data_stamp(minimal_dir)
    assert contents.files[GLOSSARY] == (minimal_dir / GLOSSARY).read_bytes()  # the save, read whole


def test_files_that_keep_changing_are_read_but_not_steady(minimal_dir, monkeypatch):
    read_files = reading.read_files

    def always_saved(directory, stamp):
        files = read_files(directory, stamp)
        with open(minimal_dir / GLOSSARY, "ab") as file:
            file.write(b"\n")
        return files

    monkeypatch.setattr(reading, "read_files", always_saved)
    monkeypatch.setattr(reading, "RETRY_S", 0)
    assert not read_contents(minimal_dir).steady


def test_a_link_out_of_source_and_a_file_too_large_are_not_read(minimal_dir, monkeypatch):
    (minimal_dir / "source" / "link.txt").symlink_to(minimal_dir / INDICATORS)
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    contents = read_contents(minimal_dir)
    assert "source/link.txt" not in contents.files and INDICATORS not in contents.files
    assert contents.size(INDICATORS) > 100  # the loader says it is too large, from the stamp


def test_the_bytes_written_back_are_the_bytes_read(minimal_dir, tmp_path):
    contents = read_contents(minimal_dir)
    (tmp_path / "copy").mkdir()
    write_contents(contents, tmp_path / "copy")
    assert read_contents(tmp_path / "copy").digest == contents.digest
    assert parse_dataset(contents) == parse_dataset(read_contents(tmp_path / "copy"))


class Clock:
    """Time that passes only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def polls(settling: Settling, directory: Path, clock: Clock, times: list[float]) -> list[bool]:
    """Whether the files were settled at each of these moments."""
    found = []
    for moment in times:
        clock.now = moment
        found.append(settling.poll(directory)[1])
    return found


def test_files_are_settled_once_two_reads_a_second_apart_found_the_same_bytes(minimal_dir):
    clock = Clock()
    settling = Settling(quiet=1.0, clock=clock)
    assert polls(settling, minimal_dir, clock, [0.0, 0.5, 0.9, 1.0, 1.5]) == [False, False, False, True, True]
    assert settling.reads == 2  # the stamp is polled; the bytes read only when they may have changed
    assert settling.age() == 1.5


def test_a_save_starts_the_wait_again(minimal_dir):
    clock = Clock()
    settling = Settling(quiet=1.0, clock=clock)
    polls(settling, minimal_dir, clock, [0.0, 1.0])
    with open(minimal_dir / INDICATORS, "ab") as file:  # an editor writing the file in place, a chunk at a time
        file.write(b"\n")
    assert polls(settling, minimal_dir, clock, [1.5, 2.0, 2.4]) == [False, False, False]
    assert polls(settling, minimal_dir, clock, [2.5]) == [True]
    assert settling.seen.files[INDICATORS] == (minimal_dir / INDICATORS).read_bytes()


def test_a_save_that_keeps_the_time_and_size_is_found_by_the_bytes(minimal_dir):
    clock = Clock()
    settling = Settling(quiet=1.0, recheck=10.0, clock=clock)
    polls(settling, minimal_dir, clock, [0.0, 1.0])
    path = minimal_dir / INDICATORS
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"value: 139", b"value: 138"))  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the time an upload tool may set
    assert data_stamp(minimal_dir) == settling.seen.stamp
    assert polls(settling, minimal_dir, clock, [5.0, 11.0, 11.5, 12.0]) == [True, False, False, True]
    assert b"value: 138" in settling.seen.files[INDICATORS]


def test_after_a_doubt_the_bytes_are_read_again_before_they_count_as_settled(minimal_dir):
    clock = Clock()
    settling = Settling(quiet=1.0, clock=clock)
    polls(settling, minimal_dir, clock, [0.0, 1.0])
    settling.doubt()  # the caller was busy (writing the pages): a save may have kept the stamp
    assert polls(settling, minimal_dir, clock, [1.5]) == [True] and settling.reads == 3
