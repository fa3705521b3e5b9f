"""东明路街道绩效看板 — the entry: page config, navigation, and the frame every page shares.

Serve it with `scripts/run` (see scripts/serve.py for why not plain `streamlit run app.py`). The view a
link shares lives in the URL: ?lang=en, ?as_of=2024-06-30, ?mode=meeting&rotate=30, and page-level
parameters (?theme=, ?status=, ?id=, ?term=) that each page reads.
"""

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from components.data import current_data
from components.frame import FRAME_KEY, GOTO, Frame
from components.markdown import escape_markdown
from components.meeting import enlarge_text, leave_meeting, parse_rotate, rotation
from components.notices import data_errors_notice
from components.texts import t
from components.url_state import iso_date, one_of, state_from_url, state_to_url
from kpi.format import text

st.set_page_config(page_title="东明路街道绩效看板 · Dongming Road Dashboard", page_icon=":material/monitoring:",
                   layout="wide")

# Sticky view state: kept by the session when a page change drops it from the URL, then written back.
STICKY = {"lang": ("zh", one_of("zh", "en")), "as_of": (date.today(), iso_date),
          "mode": ("", one_of("meeting")), "rotate": (0, parse_rotate)}
for key, (default, parse) in STICKY.items():
    state_from_url(key, default, parse, sticky=True)
meeting = st.session_state["mode"] == "meeting"

title_column, share_column, as_of_column, language_column = st.columns([6, 1, 2, 2], vertical_alignment="center")
with language_column:
    lang = st.segmented_control("语言 / Language", ["zh", "en"], required=True, key="lang",
                                format_func={"zh": "中文", "en": "English"}.get, label_visibility="collapsed",
                                width="stretch", on_change=state_to_url, args=("lang", "zh"))
title_column.subheader(t("app_title", lang))
as_of = st.session_state["as_of"]
if not meeting:
    with as_of_column.popover(t("as_of", lang, date=as_of.isoformat()), icon=":material/event:", width="stretch"):
        as_of = st.date_input(t("as_of_label", lang), key="as_of", on_change=state_to_url, args=("as_of", date.today()))
for key, (default, _) in STICKY.items():
    state_to_url(key, default)
if not meeting:
    with share_column.popover("", icon=":material/share:", help=t("share", lang)):
        st.caption(t("share_help", lang))
        query = urlencode(st.query_params.to_dict())
        st.code(f"{st.context.url or ''}{'?' + query if query else ''}", language=None, wrap_lines=True)

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
    st.Page("pages/check.py", title=t("check", lang), icon=":material/fact_check:", url_path="check"),
    st.Page("pages/indicator.py", title=t("indicator", lang), url_path="indicator", visibility="hidden"),
]
page = st.navigation({"": [overview, targets], t("themes", lang): themes, t("reference", lang): reference},
                     position="hidden" if meeting else "top")
by_path = {p.url_path: p for p in [overview, targets, *themes, *reference]}

if GOTO in st.query_params:  # a cold deep link bounced here by components.frame.page_frame
    wanted = st.query_params.to_dict()
    st.switch_page(by_path.get(wanted.pop(GOTO), overview), query_params=wanted)

if meeting:
    enlarge_text()
    with st.container(horizontal=True):
        st.button(t("exit_meeting", lang), icon=":material/close_fullscreen:", key="exit_meeting",
                  on_click=leave_meeting)
        if st.session_state["rotate"]:
            playlist = [overview, targets, *themes]
            position = next((i for i, p in enumerate(playlist) if p.url_path == page.url_path), -1)
            rotation(playlist[(position + 1) % len(playlist)], st.session_state["rotate"], lang)
else:
    report = dataset.content.report
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(escape_markdown(t("source_line", lang, title=text(report.title, lang), date=report.published.isoformat(),
                                     publisher=text(report.publisher, lang))))
        st.page_link(by_path["source"], label=t("read_report", lang), icon=":material/description:")

shared = {key: st.query_params[key] for key in STICKY if key in st.query_params}
st.session_state[FRAME_KEY] = Frame(lang=lang, dataset=dataset, as_of=as_of, page=page.url_path, pages=by_path,
                                    shared=shared, meeting=meeting)
page.run()
