"""components/memory.py: a run that loaded modules freezes what is alive; any other run costs nothing."""

import gc
import sys
import types

import pytest

from components import memory


@pytest.fixture
def collections(monkeypatch):
    """Full collections started while the test runs; the frozen generation is emptied afterwards."""
    monkeypatch.setattr(memory, "_modules_frozen", 0)
    started = []

    def callback(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            started.append(info)

    gc.callbacks.append(callback)
    yield started
    gc.callbacks.remove(callback)
    gc.unfreeze()


def test_a_run_that_loaded_modules_freezes_what_is_alive(collections):
    gc.unfreeze()
    memory.freeze_what_is_loaded()
    assert gc.get_freeze_count() > 0
    assert len(collections) == 1


def test_a_run_that_loaded_nothing_new_neither_collects_nor_freezes(collections):
    memory.freeze_what_is_loaded()
    frozen = gc.get_freeze_count()
    memory.freeze_what_is_loaded()
    assert (len(collections), gc.get_freeze_count()) == (1, frozen)


def frozen(obj) -> bool:
    """Out of the collector's walk: gc.get_objects() lists every tracked object but the frozen ones."""
    return not any(o is obj for o in gc.get_objects())


def test_a_module_loaded_later_is_frozen_too(collections, monkeypatch):
    memory.freeze_what_is_loaded()
    late = [[]]  # alive, and created after the first freeze
    memory.freeze_what_is_loaded()
    assert not frozen(late)
    monkeypatch.setitem(sys.modules, "kpi_test_late_module", types.ModuleType("kpi_test_late_module"))
    memory.freeze_what_is_loaded()
    assert frozen(late)
    assert len(collections) == 2
