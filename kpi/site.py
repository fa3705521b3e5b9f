"""The dashboard's addresses: which pages exist, which parameters each answers as a static page, in which order an
address writes them, and which file holds each. Each theme in the data adds a page whose URL path is its id.

Why one table in the core: the Streamlit navigation (app.py, with the scripts under pages/), the views
(components/views/routes.py), the publisher's files and sitemap (components/publish.py), nginx's maps
(scripts/deploy/cluster.py) and validation (a theme id may not take a page's path) all read it, so a page, a
parameter or a file name is written once. The core, because validation needs it and kpi never imports components.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import urlencode

# Every parameter a link may write, in the one order every address writes them (links, canonical, sitemap, the file
# names); nginx answers any other order with a 301 to this one. `lang` first, and only when not Chinese (the default).
PARAM_ORDER = ("lang", "year", "status", "theme", "target", "id", "term", "report", "figures", "as_of")
STATIC_PARAMS = PARAM_ORDER[1:]  # the parameters a static page's file name may carry, language apart
DEFAULT_LANG = "zh"


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
    params: tuple[str, ...] = ()  # the parameters its static pages answer (in PARAM_ORDER), language apart
    item: str = ""  # the parameter that names one item (a figure, a target…): an unknown one answers this page's 404

    @property
    def public(self) -> bool:
        return self.place != "staff"


FIXED_PAGES: tuple[FixedPage, ...] = (
    FixedPage("", "pages/overview.py", "overview", ":material/dashboard:", "top"),
    FixedPage(
        "targets",
        "pages/targets.py",
        "targets",
        ":material/flag:",
        "top",
        ("year", "status", "theme", "target", "as_of"),
        "target",
    ),
    FixedPage("glossary", "pages/glossary.py", "glossary", ":material/menu_book:", "reference", ("term",), "term"),
    FixedPage("source", "pages/source.py", "source", ":material/description:", "reference", ("report",), "report"),
    FixedPage("check", "pages/check.py", "check", ":material/fact_check:", "staff"),
    FixedPage("edit", "pages/edit.py", "edit", ":material/edit_note:", "staff"),
    FixedPage("indicator", "pages/indicator.py", "indicator", ":material/info:", "unlisted", ("id",), "id"),
)
THEME_PAGE = "pages/theme.py"  # one script serves every theme
THEME_PARAMS = ("figures",)  # a theme's static pages: itself, and the table of every figure
INDEX = "index"  # the overview's folder among the static files; /index is another spelling of /
ASSETS = "assets"  # the static site's scripts, images and downloads
NOT_FOUND = "_404"  # the static site's not-found pages: <kind>-<lang>.html
PAGE_NOT_FOUND = "page"  # the kind of an unknown path (the others are the pages' items: id, target, term, report)


def claimed_path(page: FixedPage) -> str:
    """The URL path a page takes. Why the file name for the overview: Streamlit serves the default page at /,
    but it still claims the path it infers from the page's file (/overview), and a theme there stops every page."""
    return page.path or PurePosixPath(page.file).stem


STAFF_PATHS = frozenset(page.path for page in FIXED_PAGES if page.place == "staff")
# The static site's own folders take their paths too: a theme there would share them.
RESERVED_PATHS = frozenset(claimed_path(page) for page in FIXED_PAGES) | {INDEX, ASSETS}
NOT_FOUND_KINDS = (PAGE_NOT_FOUND, *(page.item for page in FIXED_PAGES if page.item))


def ordered(params: Mapping[str, str]) -> list[tuple[str, str]]:
    """The non-empty parameters in PARAM_ORDER (the language left out when it is the default), then any other in the
    order given: the one spelling of an address."""
    kept = {key: value for key, value in params.items() if value and not (key == "lang" and value == DEFAULT_LANG)}
    known = [(key, kept[key]) for key in PARAM_ORDER if key in kept]
    return known + [(key, value) for key, value in kept.items() if key not in PARAM_ORDER]


def query(params: Mapping[str, str]) -> str:
    """`lang=en&year=2024&status=achieved`: the query of an address, in its one spelling ("" when none)."""
    return urlencode(ordered(params))


def address(path: str, params: Mapping[str, str], base: str = "") -> str:
    """`/economy?lang=en`, or absolute under `base` (the site's public address): the one spelling of a page's address."""
    found = query(params)
    return f"{base.rstrip('/')}/{path}" + (f"?{found}" if found else "")


def page_file(path: str, lang: str, params: Mapping[str, str]) -> str:
    """`economy/en.html`, `targets/zh~year=2024~status=achieved.html`: the static file that answers an address (the
    parameters in PARAM_ORDER, empty ones left out). nginx builds the same name from the address: cluster.py's maps."""
    named = "".join(f"~{key}={params[key]}" for key in STATIC_PARAMS if params.get(key))
    return f"{path or INDEX}/{lang}{named}.html"


def not_found_file(kind: str, lang: str) -> str:
    """`_404/id-en.html`: the page that says a figure (`id`), a target, a term, a report or a page (`page`) was not
    found, in the visitor's language."""
    return f"{NOT_FOUND}/{kind}-{lang}.html"
