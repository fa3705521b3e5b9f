"""Tests mirror kpi/ module by module: kpi/data/loading.py is tested in tests/kpi/data/test_loading.py.

Why a test of the layout: a module without its test file, or a test file whose module was renamed or removed, is
found here, not by the next reader. The rule: every module of kpi/ but `__init__.py` and `__main__.py` has
tests/kpi/<the same folders>/test_<module>.py, and every test_*.py under tests/kpi/ has that module. Tests of the
shipped data's content are in tests/content/, of the pages in tests/app/ and tests/browser/.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from kpi.data.files import REPO_ROOT

KPI, TESTS = REPO_ROOT / "kpi", REPO_ROOT / "tests" / "kpi"


def modules() -> set[PurePosixPath]:
    """Every module of kpi/, relative to it: data/loading.py."""
    return {
        PurePosixPath(p.relative_to(KPI).as_posix())
        for p in KPI.rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py") and "__pycache__" not in p.parts
    }


def modules_tested() -> set[PurePosixPath]:
    """The module each test file under tests/kpi/ tests: test_loading.py in data/ → data/loading.py."""
    return {
        PurePosixPath(p.relative_to(TESTS).as_posix()).with_name(p.name.removeprefix("test_"))
        for p in TESTS.rglob("test_*.py")
    }


def test_every_module_of_kpi_has_its_test_file():
    assert sorted(f"tests/kpi/{m.with_name('test_' + m.name)}" for m in modules() - modules_tested()) == []


def test_every_test_file_under_tests_kpi_has_its_module():
    assert sorted(f"kpi/{m}" for m in modules_tested() - modules()) == []


@pytest.mark.parametrize(
    "folder",
    sorted({p.parent for p in (REPO_ROOT / "tests").rglob("test_*.py")}),
    ids=lambda p: str(p.relative_to(REPO_ROOT)),
)
def test_every_folder_of_tests_is_a_package(folder):
    # Why: pytest names a test module by its package path, so tests/kpi/draft/test_layout.py and
    # tests/kpi/report/test_layout.py can both exist.
    assert (folder / "__init__.py").is_file()
