"""The Change type: which files it touches, and whether it changes anything."""

from kpi.edit.change import Change


def test_files_are_listed_in_a_stable_order():
    change = Change("x", {"glossary.yaml": "b", "indicators.yaml": "a"}, {"glossary.yaml": "a", "indicators.yaml": "a"})
    assert change.files == ["glossary.yaml", "indicators.yaml"]


def test_a_change_that_writes_what_is_there_changes_nothing():
    assert not Change("x", {"indicators.yaml": "a"}, {"indicators.yaml": "a"}).changes_anything()
    assert Change("x", {"indicators.yaml": "b"}, {"indicators.yaml": "a"}).changes_anything()
    assert Change("x", {"source/new.txt": "t"}, {"source/new.txt": None}).changes_anything()
