"""Where the data lives (kpi/data/files.py): the data directory, the stamp of its files, a report text's safe path."""

from __future__ import annotations

import pytest

from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS, REPO_ROOT, data_dir, data_stamp, report_path


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


@pytest.mark.parametrize(("file", "safe"), [
    ("source/report.txt", True), ("source/sub/report.txt", True),
    ("report.txt", False), ("source", False), ("source/", False), ("../source/report.txt", False),
    ("source/../indicators.yaml", False), ("/etc/passwd", False), ("source\\report.txt", False),
])
def test_a_report_text_must_stand_under_source(minimal_dir, file, safe):
    assert (report_path(minimal_dir, file) == minimal_dir / file) if safe else report_path(minimal_dir, file) is None


def test_a_link_out_of_source_is_refused(minimal_dir):
    (minimal_dir / "source" / "link.txt").symlink_to(minimal_dir / INDICATORS)
    assert report_path(minimal_dir, "source/link.txt") is None
