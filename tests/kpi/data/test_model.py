"""The data model stands on its own: it never loads the UI's text catalogue."""

from __future__ import annotations

import subprocess
import sys

from kpi.data.files import REPO_ROOT


def test_the_model_imports_neither_the_ui_catalogue_nor_streamlit():
    code = "import sys, kpi.data.model; print(sorted(m for m in ('kpi.texts', 'streamlit') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
