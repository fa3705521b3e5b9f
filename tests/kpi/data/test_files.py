"""Where the data lives (kpi/data/files.py): the data directory, the stamp of its files, a report text's safe path."""

from __future__ import annotations

import pytest

from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, REPO_ROOT, data_dir, data_stamp, report_path, write_files


def test_the_data_directory_is_the_environments_or_the_repository(monkeypatch, tmp_path):
    monkeypatch.delenv("KPI_DATA_DIR", raising=False)
    assert data_dir() == REPO_ROOT and (REPO_ROOT / INDICATORS).is_file()
    monkeypatch.setenv("KPI_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path


def test_the_stamp_lists_every_file_and_changes_when_one_is_saved(minimal_dir):
    before = data_stamp(minimal_dir)
    assert [name for name, _, _ in before] == [INDICATORS, GLOSSARY, EXCLUSIONS, "source/report.txt"]
    assert dict((name, size) for name, _, size in before)[EXCLUSIONS] == -1  # absent: optional
    (minimal_dir / GLOSSARY).write_text((minimal_dir / GLOSSARY).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert data_stamp(minimal_dir) != before


@pytest.mark.parametrize(
    ("file", "safe"),
    [
        ("source/report.txt", True),
        ("source/sub/report.txt", True),
        ("report.txt", False),
        ("source", False),
        ("source/", False),
        ("../source/report.txt", False),
        ("source/../indicators.yaml", False),
        ("/etc/passwd", False),
        ("source\\report.txt", False),
    ],
)
def test_a_report_text_must_stand_under_source(minimal_dir, file, safe):
    assert (report_path(minimal_dir, file) == minimal_dir / file) if safe else report_path(minimal_dir, file) is None


def test_a_link_out_of_source_is_refused(minimal_dir):
    (minimal_dir / "source" / "link.txt").symlink_to(minimal_dir / INDICATORS)
    assert report_path(minimal_dir, "source/link.txt") is None


def test_files_are_written_whole_keeping_their_mode_and_leaving_no_temporary_file(tmp_path):
    (tmp_path / "a.yaml").write_text("old")
    (tmp_path / "a.yaml").chmod(0o640)
    (tmp_path / "source").mkdir()
    write_files(tmp_path, {"a.yaml": b"new", "source/b.txt": b"text"})
    assert (tmp_path / "a.yaml").read_bytes() == b"new" and (tmp_path / "a.yaml").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "source" / "b.txt").read_bytes() == b"text"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.yaml", "b.txt", "source"]


def test_nothing_is_written_when_the_files_changed_meanwhile_and_none_removes_a_file(tmp_path):
    (tmp_path / "a.yaml").write_text("old")
    (tmp_path / "b.txt").write_text("gone soon")
    assert not write_files(tmp_path, {"a.yaml": b"new", "b.txt": None}, still=lambda: False)
    assert (tmp_path / "a.yaml").read_text() == "old" and (tmp_path / "b.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.txt"]  # no temporary file left
    assert write_files(tmp_path, {"a.yaml": b"new", "b.txt": None})
    assert (tmp_path / "a.yaml").read_text() == "new" and not (tmp_path / "b.txt").exists()
