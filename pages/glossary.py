"""The reports' glossary terms, searchable in Chinese and English; `?term=` scrolls to one."""

import streamlit as st

from components.frame import page_frame
from components.views.glossary import term_anchor, term_block
from components.scroll import scroll_into_view
from kpi.texts import t

frame = page_frame()
lang, dataset = frame.lang, frame.dataset
st.header(t("glossary", lang), divider="gray")
query = st.text_input(t("search", lang), key="q", bind="query-params", icon=":material/search:").strip().lower()

terms = [term for term in dataset.glossary.terms
         if query in " ".join((term.term.zh, term.term.en, term.definition.zh, term.definition.en)).lower()]
if terms:  # every term in one block: each element is one more message to every viewer
    st.html('<div class="kb kb-terms">' + "".join(term_block(dataset, term.id, lang) for term in terms) + "</div>")
else:
    st.info(t("no_term", lang))
chosen = st.query_params.get("term", "")
if chosen in dataset.terms and not query:
    scroll_into_view(term_anchor(chosen))
