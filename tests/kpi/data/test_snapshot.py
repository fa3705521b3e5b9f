"""The last good copy on disk: the bytes a good load was parsed from, found by a process that starts during a broken edit."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.data import snapshot
from kpi.data.errors import DataErrors
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.reading import Contents, read_contents
from kpi.data.snapshot import (
    discard,
    home,
    is_broken,
    last_good_version,
    load_copy,
    load_last_good,
    save_last_good,
    state_dir,
)
from tests.conftest import MINIMAL, copy_data_dir


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def digest(directory: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())).hexdigest()


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return copy_data_dir(MINIMAL, tmp_path / "data")


def test_the_copy_of_the_shipped_data_loads_as_the_files_do_and_is_named_by_their_digest(shipped_dir, state):
    contents = read_contents(shipped_dir)
    saved = save_last_good(shipped_dir, contents, state)
    assert saved.name == contents.digest and read_contents(saved).digest == contents.digest
    assert (
        load_last_good(shipped_dir, state)
        == load_dataset(shipped_dir)
        == load_copy(shipped_dir, contents.digest, state)
    )


def test_state_dir_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("KPI_STATE_DIR", raising=False)
    assert state_dir() == REPO_ROOT / ".state" / "last-good"
    monkeypatch.setenv("KPI_STATE_DIR", str(tmp_path))
    assert state_dir() == tmp_path


def test_the_saved_copy_loads_as_the_files_did(data, state):
    saved = save_last_good(data, read_contents(data), state)
    assert saved is not None and (home(data, state) / "current").resolve() == saved
    assert load_last_good(data, state) == load_dataset(data)


def test_a_broken_edit_leaves_the_last_good_copy_loadable(data, state):
    save_last_good(data, read_contents(data), state)
    edit(data / "indicators.yaml", "value: 139", "value: 一百")
    with pytest.raises(DataErrors):
        load_dataset(data)
    restored = load_last_good(data, state)
    assert restored is not None and restored.indicators["economy.enterprises_attracted"].values[0].value == 139


def test_saving_never_writes_to_the_data_directory(data, state):
    before = digest(data)
    save_last_good(data, read_contents(data), state)
    assert digest(data) == before
    assert not any(p.is_relative_to(data) for p in state.rglob("*"))


def test_the_copy_is_of_the_bytes_read_not_of_files_saved_again_since(data, state):
    contents = read_contents(data)
    edit(data / "indicators.yaml", "value: 139", "value: 一百")  # saved by staff after the read, before the copy
    assert save_last_good(data, contents, state).name == contents.digest
    restored = load_last_good(data, state)
    assert restored is not None and restored.indicators["economy.enterprises_attracted"].values[0].value == 139
    assert not [p for p in home(data, state).iterdir() if p.name.startswith(".tmp-")]


def save_named(data: Path, state: Path, name: str) -> str:
    """Rename the first figure, save the files as the last good copy, and return its version."""
    text = (data / "indicators.yaml").read_text(encoding="utf-8")
    (data / "indicators.yaml").write_text(
        re.sub(
            r"name: \{zh: [^,]+, en: Enterprises attracted\}", f"name: {{zh: {name}, en: Enterprises attracted}}", text
        ),
        encoding="utf-8",
    )
    save_last_good(data, read_contents(data), state)
    return last_good_version(data, state)


def saved_name(data: Path, state: Path) -> str | None:
    saved = load_last_good(data, state)
    return saved.indicators["economy.enterprises_attracted"].name.zh if saved else None


def test_a_newer_good_copy_replaces_the_older_one_which_is_kept_as_previous(data, state, monkeypatch):
    monkeypatch.setattr(snapshot, "PRUNE_AFTER_S", -1)
    first = save_named(data, state, "引进企业")
    second = save_named(data, state, "新引进企业")
    assert second != first and saved_name(data, state) == "新引进企业"
    assert (home(data, state) / first).is_dir()  # the copy before: the fallback if the newer one breaks a page
    third = save_named(data, state, "第三次")
    assert {p.name for p in home(data, state).iterdir() if p.is_dir() and not p.is_symlink()} == {second, third}


def test_files_that_broke_a_page_are_never_the_last_good_copy_again(data, state, monkeypatch):
    monkeypatch.setattr(snapshot, "PRUNE_AFTER_S", -1)
    save_named(data, state, "引进企业")
    broken = save_named(data, state, "坏引进企业")
    assert read_contents(data).digest == broken  # what the app knows the files it read by
    discard(data, broken, state)
    assert is_broken(data, broken, state)
    assert saved_name(data, state) == "引进企业"  # back to the copy before
    assert save_last_good(data, read_contents(data), state) is None  # no process saves them again
    assert saved_name(data, state) == "引进企业"
    assert (
        save_named(data, state, "改好了") and saved_name(data, state) == "改好了"
    )  # an edit: new files, a fresh start


def test_discarding_the_only_copy_leaves_none(data, state):
    only = save_named(data, state, "坏引进企业")
    discard(data, only, state)
    assert last_good_version(data, state) is None and load_last_good(data, state) is None


def test_discarding_files_that_are_not_the_copy_only_marks_them(data, state):
    good = save_named(data, state, "引进企业")
    discard(data, "0" * 32, state)
    assert last_good_version(data, state) == good


def test_saving_the_same_files_twice_keeps_one_copy(data, state):
    first = save_last_good(data, read_contents(data), state)
    assert save_last_good(data, read_contents(data), state) == first
    assert [p.name for p in home(data, state).iterdir() if p.is_dir() and not p.is_symlink()] == [first.name]


def test_each_data_directory_has_its_own_copy(data, state, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    copy_data_dir(MINIMAL, other)
    save_last_good(data, read_contents(data), state)
    assert load_last_good(other, state) is None
    assert last_good_version(other, state) is None


def test_copies_of_deleted_data_directories_are_removed(data, state, tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    copy_data_dir(MINIMAL, gone)
    save_last_good(gone, read_contents(gone), state)
    kept = home(gone, state)
    for path in sorted(gone.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    gone.rmdir()
    save_last_good(data, read_contents(data), state)
    assert not kept.exists()


def test_a_file_outside_the_data_directory_is_refused(data, state):
    contents = read_contents(data)
    outside = Contents(data, contents.stamp, {**contents.files, "../secret.txt": b"x"}, contents.digest)
    with pytest.raises(ValueError, match="not inside the data directory"):
        save_last_good(data, outside, state)
    assert [p.name for p in home(data, state).iterdir()] == ["data_dir.txt"]


def test_snapshot_does_not_import_streamlit():
    code = "import sys, kpi.data.snapshot; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
