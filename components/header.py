"""The header every page shares: the menu, share link, the date progress is judged on, language, the title,
and the data's vintage — which report the figures come from, its date and the period they cover.

Why our own menu (page links and two labelled drop-downs) rather than Streamlit's top navigation: on a
phone Streamlit folds its navigation into an unlabelled "»" button whose list fails accessibility checks;
these links carry their words at every width. Why the vintage is spelled out: a dashboard opened years
after a report must never let the public read its figures as today's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from components.markdown import escape_markdown
from components.url_state import state_to_url
from kpi.dataset import Vintage
from kpi.periods import is_full_year, period_label
from kpi.texts import t, text


@dataclass(frozen=True)
class Menu:
    """Pages shown as links, then groups of pages each behind a labelled drop-down."""

    links: list[st.Page]
    groups: list[tuple[str, str, list[st.Page]]]  # (label, icon, pages)


def vintage_words(vintage: Vintage, lang: str) -> str:
    """The newest report, its date, and the periods its figures cover (most of them first)."""
    main = max(vintage.periods, key=lambda p: (is_full_year(p), vintage.periods[p]))
    others = "".join(t("vintage_other", lang, n=n, period=period_label(p, lang))
                     for p, n in sorted(vintage.periods.items()) if p != main)
    return t("vintage", lang, title=text(vintage.report.title, lang), date=vintage.report.published.isoformat(),
             period=period_label(main, lang), others=others)


def header(menu: Menu | None, lang_key: str, as_of_key: str, meeting: bool) -> str:
    """Menu and controls in one row that wraps on a phone, then the title; returns the chosen language."""
    lang = st.session_state[lang_key]
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        if menu is not None and not meeting:
            _menu(menu)
        st.space("stretch")
        if not meeting:  # one small button for the view: its link to share, and the date it is judged on
            with st.popover("", icon=":material/share:", help=t("view_help", lang)):
                st.caption(t("share_help", lang))
                query = urlencode(st.query_params.to_dict())
                st.code(f"{st.context.url or ''}{'?' + query if query else ''}", language=None, wrap_lines=True)
                st.date_input(t("as_of_label", lang), key=as_of_key, help=t("as_of_help", lang),
                              on_change=state_to_url, args=(as_of_key, date.today()))
        lang = st.segmented_control(t("language", lang), ["zh", "en"], required=True, key=lang_key,
                                    format_func={"zh": "中文", "en": "EN"}.get, label_visibility="collapsed",
                                    on_change=state_to_url, args=(lang_key, "zh"))
    st.subheader(t("app_title", lang))
    return lang


def _menu(menu: Menu) -> None:
    for page in menu.links:
        st.page_link(page)
    for label, icon, pages in menu.groups:
        with st.popover(label, icon=icon):
            for page in pages:
                st.page_link(page)


def vintage_line(vintage: Vintage, as_of: date, lang: str, source_page: st.Page, compact: bool = False) -> None:
    """Where the figures come from and how old they are, then the date progress is judged on."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(escape_markdown(vintage_words(vintage, lang) + t("judged_on", lang, date=as_of.isoformat())),
                   width="stretch")
        if not compact:
            st.page_link(source_page, label=t("read_report", lang), icon=":material/description:")
