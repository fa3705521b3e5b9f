"""The one stylesheet of the HTML blocks (style.css), and meeting mode's larger sizes (meeting.css), as text.

Why files and not strings in Python: one place holds the palette (CSS variables) and every rule, read by the
Streamlit pages (one <style> element a run) and inlined into each static page (no second request on a slow
phone network).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from components.views.html import Markup, html

_HERE = Path(__file__).parent


@cache
def stylesheet(meeting: bool = False) -> str:
    """The rules for the screen and for print, then meeting mode's sizes when asked; comments and indents left out (they
    are for whoever edits the files, and would be sent with every page)."""
    files = ("style.css", "takeaway.css", "meeting.css") if meeting else ("style.css", "takeaway.css")
    rules = "\n".join((_HERE / name).read_text(encoding="utf-8") for name in files)
    return re.sub(r"[ \t]*\n\s*", "\n", re.sub(r"/\*.*?\*/", "", rules, flags=re.S)).strip()


def style_element(meeting: bool = False) -> Markup:
    """The stylesheet as one <style> element."""
    return html("<style>{}</style>", Markup(stylesheet(meeting)))


@cache
def palette() -> dict[str, str]:
    """The colours style.css names (--kb-primary → "primary"), for what cannot read CSS: a Plotly chart's spec."""
    return dict(re.findall(r"--kb-([a-z-]+):\s*(#[0-9A-Fa-f]{6})", (_HERE / "style.css").read_text(encoding="utf-8")))
