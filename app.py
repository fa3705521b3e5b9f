"""东明路街道绩效看板 — the entry: page config, navigation, and the frame every page shares.

Start it any way: `bash scripts/run`, `streamlit run app.py` or `uvicorn app:app`. Streamlit imports this
file for the server, which gets `app`: an st.App whose start-up runs st.navigation once. Why: with a
`pages/` folder here, a freshly started Streamlit would serve the first request in its legacy file-name
mode, and a shared link to a theme (/economy) would show "Page not found" over the page; Streamlit
ignores `pages/` once st.navigation has run. Every viewer's session then runs this file as a script,
which draws the frame and the page.

The view a link shares lives in the URL: ?lang=en, ?as_of=<date progress is judged on>,
?mode=meeting&rotate=30, and page-level parameters (?year=, ?theme=, ?status=, ?q=, ?id=, ?term=,
?report=) that each page reads.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

import streamlit as st

from components.data import current_data, page_errors, safety_net
from components.frame import FRAME_KEY, Frame
from components.meeting import meeting_bar, parse_rotate
from components.memory import freeze_what_is_loaded
from components.notices import nothing_to_show, public_note
from components.url_state import iso_date, one_of, state_from_url, state_to_url
from components.views.commitments import one_line, view_notes
from components.views.document import LANG_TAGS
from components.views.header import nav_html, site_menu, title_block
from components.views.html import Markup
from components.views.style import style_element
from kpi.site import FIXED_PAGES, STAFF_PATHS, THEME_PAGE
from kpi.texts import t, text

FAVICON = str(Path(__file__).with_name("components") / "favicon.png")
# Sticky view state: kept by the session when a page change drops it from the URL, then written back.
STICKY = {
    "lang": ("zh", one_of("zh", "en")),
    "as_of": (date.today(), iso_date),
    "mode": ("", one_of("meeting")),
    "rotate": (0, parse_rotate),
}


def frame() -> None:
    """One viewer's run: the shared header and navigation, then the page."""
    # The tab's icon is a file this server sends: a Material icon here would be fetched from Google's font server,
    # which phones in mainland China cannot reach.
    st.set_page_config(page_title="东明路街道绩效看板 · Dongming Road Dashboard", page_icon=FAVICON, layout="wide")

    for key, (default, parse) in STICKY.items():
        state_from_url(key, default, parse, sticky=True)
    meeting = st.session_state["mode"] == "meeting"
    for key, (default, _) in STICKY.items():
        state_to_url(key, default)
    as_of = st.session_state["as_of"]

    lang = st.session_state["lang"]
    loaded = current_data()
    dataset = loaded.dataset
    if dataset is None:  # nothing good to show yet: a neutral line; staff read why on /check
        st.html(nav_html(None, "", lang, {}, st.query_params.to_dict(), st.context.url or ""))
        st.html(title_block(None, [], lang, source_link=False))
        nothing_to_show(loaded.errors, page_errors(), st.session_state["lang"])
        st.stop()

    with safety_net(loaded, t("page_unavailable", lang)) as net:  # whatever raises below, no viewer sees a traceback
        fixed = {
            page.path: st.Page(
                page.file, title=t(page.title, lang), icon=page.icon, url_path=page.path or None, default=not page.path
            )
            for page in FIXED_PAGES
        }
        themes = [
            st.Page(THEME_PAGE, title=text(theme.name, lang), icon=theme.icon, url_path=theme.id)
            for theme in dataset.content.themes
        ]
        page = st.navigation(list(fixed.values()) + themes, position="hidden")
        net.page = page.url_path

        menu = site_menu(dataset, lang)
        shared = {key: st.query_params[key] for key in STICKY if key in st.query_params}
        if not meeting:  # a projector shows the language its link gave (?lang=en), and no menu: the room watches
            st.html(nav_html(menu, page.url_path, lang, shared, st.query_params.to_dict(), st.context.url or ""))
        if not loaded.fresh and page.url_path not in STAFF_PATHS:
            public_note(lang)
        st.html(style_element(meeting))
        top = title_block(dataset.vintage, view_notes(dataset, as_of, lang), lang, source_link=not meeting)
        st.html(top + _document_lang(lang), unsafe_allow_javascript=True)
        if meeting:
            rotated = [fixed[path] for path, _ in menu.links if not (path == "targets" and one_line(dataset, as_of))]
            meeting_bar(rotated + themes, page, st.session_state["rotate"], lang)

        st.session_state[FRAME_KEY] = Frame(
            lang=lang, dataset=dataset, as_of=as_of, page=page.url_path, meeting=meeting
        )
        page.run()
    freeze_what_is_loaded()  # keeps full garbage collections short under load: components/memory.py


def _document_lang(lang: str) -> Markup:
    """The page's language on its <html> element (Streamlit's shell says "en"), for screen readers and translators."""
    return Markup(f'<script>document.documentElement.lang = "{LANG_TAGS[lang]}";</script>')


def _start_up() -> None:
    """A page no one visits: the start-up navigation needs one."""


@asynccontextmanager
async def navigation_first(_app: st.App) -> AsyncIterator[None]:
    """Run st.navigation once before the first viewer arrives, so no session meets the legacy `pages/` mode."""
    st.navigation([st.Page(_start_up, title="start-up", url_path="start-up")], position="hidden")
    yield


if __name__ == "__main__":  # a viewer's session runs this file as a script
    frame()
else:  # `streamlit run app.py` and `uvicorn app:app` import it for the server
    app = st.App(Path(__file__).resolve(), lifespan=navigation_first)
