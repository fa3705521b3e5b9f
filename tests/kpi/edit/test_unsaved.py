"""Unsaved work kept on the server: read back after a reload, per person, removed once saved, never outside its folder."""

from kpi.edit.unsaved import MAX_BYTES, Unsaved


def test_work_is_read_back_by_the_same_person_only(tmp_path):
    Unsaved("张三", tmp_path).keep("progress", {"date": "2024-06-30", "value": "30"})
    assert Unsaved("张三", tmp_path).load("progress") == {"date": "2024-06-30", "value": "30"}
    assert Unsaved("李四", tmp_path).load("progress") is None


def test_saved_work_is_forgotten(tmp_path):
    work = Unsaved("zhang", tmp_path)
    work.keep("file:indicators.yaml", {"text": "a"})
    work.forget("file:indicators.yaml")
    assert work.load("file:indicators.yaml") is None
    work.forget("never kept")  # nothing to remove is fine


def test_names_and_keys_never_reach_outside_the_folder(tmp_path):
    work = Unsaved("../../etc", tmp_path / "root")
    work.keep("../x/y", {"a": 1})
    written = [p for p in tmp_path.rglob("*.json")]
    assert (
        len(written) == 1
        and written[0].is_relative_to(tmp_path / "root")
        and written[0].parent.parent == tmp_path / "root"
    )
    assert work.load("../x/y") == {"a": 1}


def test_a_huge_paste_is_refused_not_half_kept(tmp_path):
    work = Unsaved("zhang", tmp_path)
    work.keep("file", {"text": "short"})
    assert not work.keep("file", {"text": "x" * (MAX_BYTES + 1)})
    assert work.load("file") == {"text": "short"}


def test_an_unreadable_file_is_no_work(tmp_path):
    work = Unsaved("zhang", tmp_path)
    work.keep("file", {"text": "a"})
    next(tmp_path.rglob("*.json")).write_text("{not json", encoding="utf-8")
    assert work.load("file") is None
