"""A staff member's unsaved work, kept on the server: what they typed into a form or a file, a half-reviewed draft.

Why on the server and not in the browser session: Streamlit forgets a session's state on a reload or a lost
connection, and a reviewer works through a new report's 150 items over several days, from an office PC that may be
switched off in between. So what a signed-in staff member types is written here as they go (one small JSON file per
piece of work), read back when the page opens again, and removed once the work is saved. Each person has a folder of
their own; nothing here is data until it is saved through the check (kpi/edit/save.py).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from urllib.parse import quote

from kpi.data.snapshot import state_dir

FOLDER = "unsaved"
MAX_BYTES = 4 * 1024 * 1024  # a whole data file typed into the page, with room to spare; more is refused


class Unsaved:
    """One staff member's pieces of unsaved work, by key ("progress", "file:indicators.yaml", "report:report_2024")."""

    def __init__(self, person: str, root: Path | None = None):
        # The name as a file name: staff names may be Chinese, and a name must never reach outside its folder.
        self.folder = (root or state_dir() / FOLDER) / quote(person, safe="")

    def load(self, key: str) -> dict | None:
        """The work kept under `key`, or None (never kept, removed, or unreadable: work lost is said by the page)."""
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def keep(self, key: str, work: dict) -> bool:
        """Write `work` under `key` in one step (a reader sees the old or the new); False when it is too large."""
        data = json.dumps(work, ensure_ascii=False).encode("utf-8")
        if len(data) > MAX_BYTES:
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, self._path(key))
        return True

    def forget(self, key: str) -> None:
        """The work was saved (or thrown away): nothing to bring back."""
        self._path(key).unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self.folder / f"{quote(key, safe='')}.json"
