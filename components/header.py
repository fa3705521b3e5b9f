"""The header every page shares: the menu, the share link, the language, the title, and the data's vintage — which
report the figures come from, its date, the period they cover, and whether the plan year's outcomes are still to come.

Why our own menu (page links and two labelled drop-downs) rather than Streamlit's top navigation: on a phone
Streamlit folds its navigation into an unlabelled "»" button whose list fails accessibility checks; these links
carry their words at every width. Why the drop-downs are drawn only when opened, inside a fragment: their links
would otherwise be sent to every new viewer of every page, and opening one reruns only the menu. A drop-down closes
once its page is picked. Why the vintage is spelled out: a dashboard opened years after a report must never let
the public read its figures as today's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from components.html import esc, link
from components.url_state import state_to_url
from kpi.dataset import Vintage
from kpi.periods import period_label
from kpi.texts import t, text

_OPEN_PREFIX = "menu_open_"  # session keys of the drop-downs' open state
_LAST_PAGE = "menu_last_page"


@dataclass(frozen=True)
class Menu:
    """Pages shown as links, then groups of pages each behind a labelled drop-down."""

    links: list[st.Page]
    groups: list[tuple[str, str, str, list[st.Page]]]  # (key, label, icon, pages)


def vintage_words(vintage: Vintage, lang: str) -> str:
    """The newest report, its date, and the periods its figures cover (most of them first)."""
    others = "".join(t("vintage_other", lang, n=n, period=period_label(p, lang))
                     for p, n in sorted(vintage.periods.items()) if p != vintage.main)
    return t("vintage", lang, title=text(vintage.report.title, lang), date=vintage.report.published.isoformat(),
             period=period_label(vintage.main, lang), others=others)


def header(menu: Menu | None, page: str, as_of: date, lang_key: str) -> str:
    """Menu and controls in one row that wraps on a phone; returns the chosen language."""
    if st.session_state.get(_LAST_PAGE) != page:  # a page was picked: every drop-down closes
        for key in [k for k in st.session_state if str(k).startswith(_OPEN_PREFIX)]:
            st.session_state[key] = False
    st.session_state[_LAST_PAGE] = page
    _controls(menu, as_of, lang_key, st.session_state[lang_key])
    return st.session_state[lang_key]


@st.fragment
def _controls(menu: Menu | None, as_of: date, lang_key: str, lang: str) -> None:
    """Opening a drop-down reruns only this row; a new language or what-if date reruns the whole page."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        if menu is not None:
            _menu(menu, as_of, lang)
        st.space("stretch")
        st.segmented_control(t("language", lang), ["zh", "en"], required=True, key=lang_key,
                             format_func={"zh": "中文", "en": "EN"}.get, label_visibility="collapsed",
                             on_change=state_to_url, args=(lang_key, "zh"))
    if st.session_state[lang_key] != lang or st.session_state["as_of"] != as_of:
        st.rerun(scope="app")


def _menu(menu: Menu, as_of: date, lang: str) -> None:
    for page in menu.links:
        st.page_link(page)
    for key, label, icon, pages in menu.groups:
        with st.popover(label, icon=icon, key=_OPEN_PREFIX + key, on_change="rerun") as group:
            if group.open:
                for page in pages:
                    st.page_link(page)
    with st.popover("", icon=":material/share:", help=t("view_help", lang), key=_OPEN_PREFIX + "share",
                    on_change="rerun") as share:
        if share.open:  # the link to share, and the date progress is judged on
            st.caption(t("share_help", lang))
            query = urlencode(st.query_params.to_dict())
            st.code(f"{st.context.url or ''}{'?' + query if query else ''}", language=None, wrap_lines=True)
            st.date_input(t("as_of_label", lang), key="as_of", help=t("as_of_help", lang),
                          on_change=state_to_url, args=("as_of", date.today()))


def title_block(vintage: Vintage | None, notes: list[str], lang: str, source_link: bool) -> str:
    """The dashboard's title, then where the figures come from and how old they are, short notes (outcomes still to
    come, the date statuses are judged on), and the way to the report itself: one block of text."""
    if vintage is None:
        return f'<div class="kb kb-top"><h1>{esc(t("app_title", lang))}</h1></div>'
    read = " " + link("source", esc(t("read_report", lang)) + " →", lang="en" if lang == "en" else "") if source_link else ""
    words = esc(" ".join([vintage_words(vintage, lang), *notes]))
    return f'<div class="kb kb-top"><h1>{esc(t("app_title", lang))}</h1><p class="kb-vintage">{words}{read}</p></div>'
