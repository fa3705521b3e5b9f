"""东明路街道绩效看板 — the entry: page config, navigation, and the frame every page shares.

Run with `streamlit run app.py`. Pages live in pages/; the language (and other shared view state) is
bound to the URL here, because only app.py's widgets survive navigation between pages.
"""

from datetime import date

import streamlit as st

from components.data import current_data
from components.frame import FRAME_KEY, GOTO, Frame
from components.markdown import escape_markdown
from components.notices import data_errors_notice
from components.texts import t
from components.url_state import iso_date, one_of, state_from_url, state_to_url
from kpi.format import text

st.set_page_config(page_title="东明路街道绩效看板 · Dongming Road Dashboard", page_icon=":material/monitoring:",
                   layout="wide")

state_from_url("lang", "zh", one_of("zh", "en"), sticky=True)
state_from_url("as_of", date.today(), iso_date, sticky=True)
title_column, as_of_column, language_column = st.columns([4, 1, 1], vertical_alignment="center")
with language_column:
    lang = st.segmented_control("语言 / Language", ["zh", "en"], required=True, key="lang",
                                format_func={"zh": "中文", "en": "English"}.get, label_visibility="collapsed",
                                width="stretch", on_change=state_to_url, args=("lang", "zh"))
title_column.header(t("app_title", lang))
with as_of_column.popover(t("as_of", lang, date=st.session_state["as_of"].isoformat()), icon=":material/event:",
                          width="stretch"):
    as_of = st.date_input(t("as_of_label", lang), key="as_of", on_change=state_to_url, args=("as_of", date.today()))
state_to_url("lang", "zh")  # put sticky choices back after a page change dropped them
state_to_url("as_of", date.today())

loaded = current_data()
if loaded.errors:
    data_errors_notice(loaded.errors, lang, have_data=loaded.dataset is not None)
if loaded.dataset is None:
    st.stop()
dataset = loaded.dataset

overview = st.Page("pages/overview.py", title=t("overview", lang), icon=":material/dashboard:", default=True)
targets = st.Page("pages/targets.py", title=t("targets", lang), icon=":material/flag:", url_path="targets")
themes = [st.Page("pages/theme.py", title=text(theme.name, lang), icon=theme.icon, url_path=theme.id)
          for theme in dataset.content.themes]
reference = [
    st.Page("pages/glossary.py", title=t("glossary", lang), icon=":material/menu_book:", url_path="glossary"),
    st.Page("pages/source.py", title=t("source", lang), icon=":material/description:", url_path="source"),
    st.Page("pages/indicator.py", title=t("indicator", lang), url_path="indicator", visibility="hidden"),
]
page = st.navigation({"": [overview, targets], t("themes", lang): themes, t("reference", lang): reference},
                     position="top")

by_path = {p.url_path: p for p in [overview, targets, *themes, *reference]}
if GOTO in st.query_params:  # a cold deep link bounced here by components.frame.page_frame
    wanted = st.query_params.to_dict()
    goto = wanted.pop(GOTO)
    st.switch_page(by_path.get(goto, overview), query_params=wanted)

report = dataset.content.report
with st.container(horizontal=True, vertical_alignment="center"):
    st.caption(escape_markdown(t("source_line", lang, title=text(report.title, lang), publisher=text(report.publisher, lang),
                                 date=report.published.isoformat())))
    st.page_link(reference[1], label=t("read_report", lang), icon=":material/description:")

st.session_state[FRAME_KEY] = Frame(lang=lang, dataset=dataset, as_of=as_of, page=page.url_path, pages=by_path)
page.run()
