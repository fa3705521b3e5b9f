"""The dashboard's fixed pages. Each theme in the data adds a page whose URL path is its id.

Why in the core: the app builds its navigation from this list, and validation keeps theme ids off these
paths (two pages on one path stop every page), so both read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal


@dataclass(frozen=True)
class FixedPage:
    """A page every dashboard has, whatever its data."""

    path: str  # URL path; "" is the overview, served at /
    file: str  # its script under pages/
    title: str  # key of its title in kpi/texts.py
    icon: str
    # In the menu bar, in the Reference menu, reachable by link only, or for staff only (never public: nginx asks for a
    # sign-in or a staff network, the app asks again over the websocket, the publisher never writes it).
    place: Literal["top", "reference", "unlisted", "staff"]


FIXED_PAGES: tuple[FixedPage, ...] = (
    FixedPage("", "pages/overview.py", "overview", ":material/dashboard:", "top"),
    FixedPage("targets", "pages/targets.py", "targets", ":material/flag:", "top"),
    FixedPage("glossary", "pages/glossary.py", "glossary", ":material/menu_book:", "reference"),
    FixedPage("source", "pages/source.py", "source", ":material/description:", "reference"),
    FixedPage("check", "pages/check.py", "check", ":material/fact_check:", "staff"),
    FixedPage("edit", "pages/edit.py", "edit", ":material/edit_note:", "staff"),
    FixedPage("indicator", "pages/indicator.py", "indicator", ":material/info:", "unlisted"),
)


def claimed_path(page: FixedPage) -> str:
    """The URL path a page takes. Why the file name for the overview: Streamlit serves the default page at /,
    but it still claims the path it infers from the page's file (/overview), and a theme there stops every page."""
    return page.path or PurePosixPath(page.file).stem


STAFF_PATHS = frozenset(page.path for page in FIXED_PAGES if page.place == "staff")
RESERVED_PATHS = frozenset(claimed_path(page) for page in FIXED_PAGES)
THEME_PAGE = "pages/theme.py"  # one script serves every theme
