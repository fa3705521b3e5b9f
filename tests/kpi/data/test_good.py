"""What data is good (kpi/data/good.py): the files' own when they validate, were read whole, broke no page and drop no
large share of the public items (unless staff confirmed them); else the last good copy, with the reason."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from kpi.data import good
from kpi.data.files import INDICATORS, REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.reading import read_contents
from kpi.data.snapshot import discard, home, last_good_version
from tests.conftest import copy_data_dir

NAME = "name: {zh: 引进企业, en: Enterprises attracted}"


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the shipped data whose files are the last good copy, in a state directory of its own."""
    monkeypatch.setenv("KPI_STATE_DIR", str(tmp_path / "state"))
    (tmp_path / "data").mkdir()
    directory = copy_data_dir(REPO_ROOT, tmp_path / "data")
    good.remember(directory, good.read(directory))
    return directory


def edit(directory: Path, old: str, new: str) -> None:
    path = directory / INDICATORS
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cut_before(directory: Path, marker: str) -> None:
    """indicators.yaml saved only up to the line that starts with `marker` (the last occurrence): a file caught halfway
    through a save, at a line boundary."""
    path = directory / INDICATORS
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("\n" + marker) + 1], encoding="utf-8")


def choice(directory: Path) -> good.Choice:
    return good.choose(directory, good.read(directory))


def name_shown(chosen: good.Choice) -> str:
    return chosen.dataset.indicators["economy.enterprises_attracted"].name.zh


def test_valid_files_are_shown_as_they_were_read(data):
    edit(data, NAME, NAME.replace("引进企业", "新引进企业"))
    chosen = choice(data)
    assert chosen.fresh and name_shown(chosen) == "新引进企业"
    assert chosen.version == chosen.reading.version == read_contents(data).digest  # the digest of what was parsed


def test_invalid_files_give_the_last_good_data_and_their_errors(data):
    edit(data, "    value: 139\n", "    value: 一百\n")
    chosen = choice(data)
    assert (chosen.why, chosen.version) == (good.INVALID, last_good_version(data)) and name_shown(chosen) == "引进企业"
    [error] = chosen.reading.errors
    assert error.file == INDICATORS and "一百" in error.zh


def test_files_marked_broken_by_any_process_give_the_last_good_data(data):
    edit(data, NAME, NAME.replace("引进企业", "坏引进企业"))
    reading = good.read(data)
    good.mark_broken(data, reading.version)  # a page raised with them, in another process
    chosen = good.choose(data, reading)
    assert chosen.why == good.BROKEN and name_shown(chosen) == "引进企业"


def test_files_that_kept_changing_while_read_give_the_last_good_data(data):
    reading = good.read(data)
    unsteady = dataclasses.replace(reading, contents=dataclasses.replace(reading.contents, steady=False))
    assert good.choose(data, unsteady).why == good.UNSTEADY


def test_a_file_cut_halfway_that_still_validates_is_held_until_staff_confirm_it(data):
    total = len(list(good.public_items(load_dataset(data))))
    cut_before(data, "programmes:")  # every figure kept, no target, milestone or result in words: it validates
    reading = good.read(data)
    assert reading.dataset is not None and not reading.dataset.content.targets
    chosen = good.choose(data, reading)
    assert chosen.why == good.HELD and name_shown(chosen) == "引进企业" and chosen.dataset.content.targets
    shipped = load_dataset(REPO_ROOT).content
    dropped = len(shipped.targets) + len(shipped.milestones) + len(shipped.results)
    assert chosen.held == good.Held(reading.version, dropped, total) and dropped > 0.2 * total
    record = good.confirm(data, reading.version, by="staff")
    assert record.parent == home(data) and json.loads(record.read_text(encoding="utf-8"))["version"] == reading.version
    assert choice(data).fresh and not choice(data).dataset.content.targets  # confirmed: that version, for every process


def test_a_confirmation_is_for_that_version_only(data):
    whole = (data / INDICATORS).read_bytes()
    cut_before(data, "programmes:")
    good.confirm(data, good.read(data).version)
    (data / INDICATORS).write_bytes(whole)
    cut_before(data, "milestones:")  # cut again, elsewhere: a new version, checked again
    assert choice(data).why == good.HELD


def test_a_few_items_removed_are_not_held_but_counted(data):
    cut_before(data, "- id: ")  # the last milestone removed
    assert choice(data).fresh
    total = len(list(good.public_items(load_dataset(REPO_ROOT))))
    assert good.compared(data, good.read(data), lambda version: load_dataset(REPO_ROOT)) == (
        1,
        total,
    )  # the publisher waits


def test_with_no_last_good_data_there_is_nothing_to_compare_with(data):
    discard(data, last_good_version(data))
    cut_before(data, "programmes:")
    assert choice(data).fresh


def test_a_renamed_item_that_keeps_its_former_id_is_not_lost():
    before = load_dataset(REPO_ROOT)
    indicator = before.content.indicators[0]
    renamed = indicator.model_copy(update={"id": indicator.id + "_new", "former_ids": [indicator.id]})
    content = before.content.model_copy(update={"indicators": [renamed, *before.content.indicators[1:]]})
    assert good.loss(before, dataclasses.replace(before, content=content)) == (0, len(list(good.public_items(before))))
    gone = before.content.model_copy(update={"indicators": before.content.indicators[1:]})
    assert good.loss(before, dataclasses.replace(before, content=gone))[0] == 1


def test_public_items_are_the_items_with_pages():
    dataset = load_dataset(REPO_ROOT)
    kinds = [kind for kind, _, _ in good.public_items(dataset)]
    assert {kind: kinds.count(kind) for kind in dict.fromkeys(kinds)} == {
        "figure": len(dataset.content.indicators),
        "target": len(dataset.content.targets),
        "milestone": len(dataset.content.milestones),
        "result": len(dataset.content.results),
        "term": len(dataset.glossary.terms),
        "theme": len(dataset.content.themes),
        "report": len(dataset.content.reports),
    }


@pytest.mark.parametrize("version", ["../../etc", "", "0" * 31, "G" * 32])
def test_only_a_version_can_be_confirmed(data, version):
    with pytest.raises(ValueError, match="not a version"):
        good.confirm(data, version)
    assert not good.is_confirmed(data, version)


def test_the_marks_change_when_the_decision_may(data):
    version = good.read(data).version
    before = good.marks(data, version)
    good.confirm(data, version)
    assert good.marks(data, version) != before
