"""Run the app headless (Streamlit's AppTest) on a chosen page with chosen URL parameters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from kpi.data.dataset import Dataset
from kpi.data.files import REPO_ROOT
from kpi.site import FIXED_PAGES, claimed_path

APP = str(REPO_ROOT / "app.py")


def _as_served() -> None:
    """Run every AppTest page through app.py, as the server does.

    Why: the served app runs st.navigation at start-up (app.py's st.App lifespan), so the `pages/` folder never
    puts a run in Streamlit's legacy mode. AppTest clears that flag before every run, and then opened /glossary,
    /targets, /check… by running pages/<name>.py alone: no frame, no safety net, and the previous run's Frame.
    """
    init = PagesManager.__init__

    def served_init(self, *args, **kwargs) -> None:
        PagesManager.uses_pages_directory = False
        init(self, *args, **kwargs)

    if not getattr(init, "as_served", False):
        served_init.as_served = True
        PagesManager.__init__ = served_init


_as_served()


def open_page(url_path: str = "", *, cold: bool = True, **params: str) -> AppTest:
    """The app after loading /<url_path>?<params>, as a browser would request it: in a fresh process by default,
    or (`cold=False`) as one more viewer of a process that keeps what it has loaded."""
    if cold:
        st.cache_resource.clear()  # the data cache is process-wide
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if url_path:
        # st.Page hashes its url_path (several theme pages share pages/theme.py, so switch_page by file is ambiguous).
        at._page_hash = calc_hash(url_path)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def plain(markdown: str) -> str:
    """Markdown as it reads: escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def tiles(at: AppTest) -> list[tuple[str, str]]:
    """(label, value) of every key-figure tile on the page."""
    return [(label, value) for label, value, _ in tile_parts(at)]


def tile_parts(at: AppTest) -> list[tuple[str, str, str]]:
    """(label, value, change) of every tile; the change is "" when the figure has no earlier period."""
    found = []
    for body in html_blocks(at):
        for summary in re.findall(r'<details class="kb-tile"><summary>(.*?)</summary>', body, re.S):
            parts = {
                css: "".join(read_html(m).text)
                for css, m in re.findall(
                    r'<span class="kb-(tile-label|tile-value|delta)[^"]*">(.*?</span>)(?=<span class="kb-(?:tile|delta|vnote)|$)',
                    summary,
                    re.S,
                )
            }
            found.append((parts.get("tile-label", ""), parts.get("tile-value", ""), parts.get("delta", "")))
    return found


def texts(at: AppTest) -> str:
    """All Markdown, captions, alerts and blocks of text on the page, unescaped, for 'is it shown' checks."""
    elements = [*at.markdown, *at.caption, *at.info, *at.success, *at.warning, *at.error, *at.header, *at.subheader]
    parts = [element.value for element in elements]
    return plain("\n".join(str(p) for p in parts)) + "\n" + html_text(at)


def every_page(dataset: Dataset, as_of: str, **params: str) -> Iterator[tuple[str, str, AppTest]]:
    """(language, url path, the app after showing it) for every page of the dataset in Chinese, then in English:
    one viewer going from page to page, then switching language.

    Why one session: a new AppTest per page would spend most of its time starting the app; switching keeps
    the query parameters (?id=, ?target=, ?figures=), so the detail views are drawn too.
    """
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"as_of": as_of, **params}.items():
        at.query_params[key] = value
    paths = [claimed_path(page) for page in FIXED_PAGES] + [theme.id for theme in dataset.content.themes]
    for lang in ("zh", "en"):
        at.query_params["lang"] = lang
        for path in paths:
            at._page_hash = calc_hash(path)  # st.Page hashes its url_path; the overview's is its file name
            at.run()
            yield lang, path, at


class _Reader(HTMLParser):
    """The text of an HTML block, and its tables as rows of {column: cell text}."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tables: list[list[dict[str, str]]] = []
        self._head: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        elif tag == "table":
            self.tables.append([])
            self._head = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if not self._head:
                self._head = self._row
            else:
                self.tables[-1].append(dict(zip(self._head, self._row)))
            self._row = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def read_html(body: str) -> _Reader:
    reader = _Reader()
    reader.feed(body)
    return reader


def html_blocks(at: AppTest) -> list[str]:
    """The bodies of the page's HTML blocks (lists of figures, charts, tables), the menu, style and scripts left out."""
    return [h.proto.body for h in at.get("html") if not h.proto.body.lstrip().startswith(("<style", "<script", "<nav"))]


def nav_links(at: AppTest) -> list[tuple[str, str]]:
    """(words, address) of every link in the menu, in order (the drop-downs' links included)."""
    [nav] = [h.proto.body for h in at.get("html") if h.proto.body.startswith("<nav")]
    return [
        ("".join(read_html(words).text), href) for href, words in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', nav)
    ]


def html_text(at: AppTest) -> str:
    """All the words of the page's HTML blocks, as a reader sees them."""
    return "\n".join("".join(read_html(body).text) for body in html_blocks(at))


def html_tables(at: AppTest) -> list[list[dict[str, str]]]:
    """Every table in the page's HTML blocks, as rows of {column: cell text}."""
    return [rows for body in html_blocks(at) for rows in read_html(body).tables]


def html_headings(at: AppTest, level: int) -> list[str]:
    """The text of every <hN> in the page's HTML blocks, in order."""
    return [
        "".join(read_html(m).text)
        for body in html_blocks(at)
        for m in re.findall(rf"<h{level}\b.*?</h{level}>", body, re.S)
    ]


def vintage(at: AppTest) -> str:
    """The line under the title: which report, its date, the periods, and the notes beside them."""
    [block] = [body for body in html_blocks(at) if body.startswith('<div class="kb kb-top">')]
    return "".join(read_html(block).text)
