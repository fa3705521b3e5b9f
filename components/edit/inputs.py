"""A part's inputs: the widget keys of one part of the editing page, kept on the server for a signed-in person.

Why: what a staff member types must survive a failed check, a reload and a lost connection (issue 29), and Streamlit
forgets a session's widgets on a reload. So every input is written to kpi/edit/unsaved.py as it changes, and read back
into the widgets the first time a session draws the part. A reader on a staff network who has not signed in keeps
nothing: they cannot save either.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from kpi.edit.unsaved import Unsaved


class Inputs:
    """The inputs of one part (`progress`, `file`…): their widget keys, their values, and their copy on the server."""

    def __init__(self, part: str, person: str | None):
        self.part = part
        self.unsaved = Unsaved(person) if person else None

    def key(self, field: str) -> str:
        """The widget key of a field: edit_<part>_<field>."""
        return f"edit_{self.part}_{field}"

    def field(self, field: str, kind: str) -> str:
        """The widget key of a field drawn as `kind`: "typed" (text), "date" or "choice"; what forget() empties."""
        st.session_state.setdefault(self.key("_kinds"), {})[field] = kind
        return self.key(field)

    def restore(self, dates: tuple[str, ...] = ()) -> bool:
        """Once a session: the kept values back into the widgets (dates as dates). True when something came back.
        After a save: the fields emptied (see forget), before any widget is drawn."""
        for field, value in st.session_state.pop(self.key("_reset"), {}).items():
            st.session_state[self.key(field)] = value
        flag = self.key("_restored")
        if flag in st.session_state:
            return False
        st.session_state[flag] = True
        kept = self.unsaved.load(self.part) if self.unsaved else None
        for field, value in (kept or {}).items():
            st.session_state[self.key(field)] = _date(value) if field in dates else value
        return bool(kept)

    def values(self) -> dict[str, Any]:
        """Every field of this part that has a value in this session, by field name."""
        prefix = self.key("")
        return {
            key[len(prefix) :]: value
            for key, value in st.session_state.items()
            if isinstance(key, str)
            and key.startswith(prefix)
            and not key[len(prefix) :].startswith("_")
            and not key.endswith(("_check", "_save", "_undo", "_discard"))
        }

    def keep(self) -> None:
        """Write the values to the server (a widget's on_change): dates as ISO text."""
        if self.unsaved is not None:
            self.unsaved.keep(
                self.part,
                {
                    field: value.isoformat() if isinstance(value, date) else value
                    for field, value in self.values().items()
                    if value is None or isinstance(value, str | int | float | bool | date)
                },
            )

    def forget(self) -> None:
        """After a save: nothing to bring back, and on the next run the typed fields and dates empty, the choices as
        they were (the next entry is often for the same target).

        Why set, not only deleted: a widget whose key is deleted is reset on the server only; the browser still shows
        what was typed and sends it back with its next message (the page watches the publisher every second), which
        put the saved entry back in the form and on the server as "your unsaved input" (found in the browser)."""
        if self.unsaved is not None:
            self.unsaved.forget(self.part)
        kinds = st.session_state.get(self.key("_kinds"), {})
        values = self.values()
        st.session_state[self.key("_reset")] = {
            field: "" if kinds[field] == "typed" else None if kinds[field] == "date" else value
            for field, value in values.items()
            if field in kinds
        }
        for field in values:
            del st.session_state[self.key(field)]
        # A widget whose key carries the revision (the file's window of lines) is drawn anew, as the file now is.
        st.session_state[self.key("_revision")] = st.session_state.get(self.key("_revision"), 0) + 1

    def fingerprint(self) -> str:
        """What the inputs are now, to tell whether a check result still belongs to them."""
        return repr(sorted(self.values().items(), key=lambda pair: pair[0]))


def _date(value: Any) -> Any:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return None
