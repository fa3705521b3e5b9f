"""The header every page shares: title, share link, the date progress is judged on, language, and the
data's vintage — which report the figures come from, its date and the period they cover.

Why the vintage is spelled out: a dashboard opened years after a report must never let the public read
its figures as today's. The date the view is judged on is labelled as exactly that, and nothing else.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from components.markdown import escape_markdown
from components.texts import t
from components.url_state import state_to_url
from kpi.dataset import Vintage
from kpi.format import text
from kpi.periods import is_full_year, period_label


def vintage_words(vintage: Vintage, lang: str) -> str:
    """The newest report, its date, and the periods its figures cover (most of them first)."""
    main = max(vintage.periods, key=lambda p: (is_full_year(p), vintage.periods[p]))
    others = "".join(t("vintage_other", lang, n=n, period=period_label(p, lang))
                     for p, n in sorted(vintage.periods.items()) if p != main)
    return t("vintage", lang, title=text(vintage.report.title, lang), date=vintage.report.published.isoformat(),
             period=period_label(main, lang), others=others)


def controls(lang_key: str, as_of_key: str, meeting: bool) -> str:
    """Title row with the share link, the as-of date and the language; returns the chosen language."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        lang = st.session_state[lang_key]
        st.subheader(t("app_title", lang), width="stretch")
        if not meeting:
            with st.popover("", icon=":material/share:", help=t("share", lang)):
                st.caption(t("share_help", lang))
                query = urlencode(st.query_params.to_dict())
                st.code(f"{st.context.url or ''}{'?' + query if query else ''}", language=None, wrap_lines=True)
            as_of = st.session_state[as_of_key]
            with st.popover(t("as_of", lang, date=as_of.isoformat()), icon=":material/event:", help=t("as_of_help", lang)):
                st.date_input(t("as_of_label", lang), key=as_of_key, on_change=state_to_url, args=(as_of_key, date.today()))
        return st.segmented_control(t("language", lang), ["zh", "en"], required=True, key=lang_key,
                                    format_func={"zh": "中文", "en": "English"}.get, label_visibility="collapsed",
                                    on_change=state_to_url, args=(lang_key, "zh"))


def vintage_line(vintage: Vintage, as_of: date, lang: str, source_page: st.Page, compact: bool = False) -> None:
    """Where the figures come from and how old they are, then the date progress is judged on."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(escape_markdown(vintage_words(vintage, lang) + t("judged_on", lang, date=as_of.isoformat())),
                   width="stretch")
        if not compact:
            st.page_link(source_page, label=t("read_report", lang), icon=":material/description:")
