"""Who imports whom: kpi never loads Streamlit, and only the command line reaches the draft tools."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.data.files import REPO_ROOT


def printed_by(code: str) -> str:
    """What a fresh interpreter prints after running `code`: the modules it loaded, as the test asks."""
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_kpi_never_imports_streamlit():
    code = (
        "import sys, kpi.cli, kpi.data.files, kpi.data.loading, kpi.format, kpi.periods, kpi.data.schema, "
        "kpi.data.model, kpi.report.statements; kpi.data.loading.load_dataset(kpi.data.files.REPO_ROOT); "
        "print('streamlit' in sys.modules)"
    )
    assert printed_by(code) == "False"


def test_the_draft_modules_never_import_streamlit():
    code = (
        "import sys, kpi.draft.draft, kpi.draft.writer, kpi.draft.command, kpi.draft.report_numbers, kpi.draft.review; "
        "print('streamlit' in sys.modules)"
    )
    assert printed_by(code) == "False"


def test_the_staff_core_and_the_sign_in_server_never_import_streamlit():
    # Why: the sign-in server answers nginx on every staff request and websocket; Streamlit would only slow its start.
    code = "import sys, kpi.staff.sessions, kpi.staff.command, components.signin; print('streamlit' in sys.modules)"
    assert printed_by(code) == "False"


def test_the_edit_core_never_imports_streamlit_nor_the_views():
    code = (
        "import sys, kpi.edit.check, kpi.edit.save, kpi.edit.history, kpi.edit.command; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'components')))"
    )
    assert printed_by(code) == "[]"


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports, at its top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


# The two doors to the draft tools: the command line registers `draft` and `apply`; the editing page's New report
# drafts and applies in the browser (loaded by the staff-only editing page, never by a public page).
BRIDGES = {REPO_ROOT / "kpi" / "cli.py", REPO_ROOT / "components" / "edit" / "report.py"}

CORE = sorted(
    {
        *(p for p in (REPO_ROOT / "kpi").rglob("*.py") if "draft" not in p.parts),
        REPO_ROOT / "app.py",
        *(REPO_ROOT / "pages").glob("*.py"),
        *(REPO_ROOT / "components").rglob("*.py"),
    }
    - {*BRIDGES, REPO_ROOT / "kpi" / "__main__.py"}
)


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_the_core_and_the_app_never_import_the_draft_tools(path):
    assert {name for name in imported_modules(path) if name == "kpi.draft" or name.startswith("kpi.draft.")} == set()


def test_loading_and_judging_the_data_loads_no_draft_module():
    code = (
        "import sys, kpi.data.files, kpi.data.loading, kpi.progress, kpi.format, kpi.data.snapshot, kpi.data.schema; "
        "kpi.data.loading.load_dataset(kpi.data.files.REPO_ROOT); "
        "print(sorted(m for m in sys.modules if m.startswith('kpi.draft')))"
    )
    assert printed_by(code) == "[]"
