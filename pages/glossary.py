"""The reports' glossary terms, searchable in Chinese and English; `?term=` opens one."""

import streamlit as st

from components.frame import page_frame
from components.glossary_terms import indicators_using
from components.links import page_url
from components.markdown import escape_markdown
from kpi.texts import t, text

frame = page_frame()
lang, dataset = frame.lang, frame.dataset
st.header(t("glossary", lang), divider="gray")
chosen = dataset.terms.get(st.query_params.get("term", ""))
query = st.text_input(t("search", lang), key="q", bind="query-params", icon=":material/search:").strip().lower()

terms = [chosen] if chosen and not query else [
    term for term in dataset.glossary.terms
    if query in " ".join((term.term.zh, term.term.en, term.definition.zh, term.definition.en)).lower()]
if not terms:
    st.info(t("no_term", lang))
for term in terms:  # one block of text a term: each element is one more message to every viewer
    lines = [f"##### {escape_markdown(term.term.zh)} · {escape_markdown(term.term.en)}", escape_markdown(text(term.definition, lang))]
    if lang == "en":
        lines.append(f"*{escape_markdown(term.definition.zh)}*")
    forms = "、".join(term.forms) if term.forms else t("not_in_body", lang)
    lines.append(f"**{t('appears_as', lang)}**: {escape_markdown(forms)}")
    users = indicators_using(term, dataset)
    if users:
        links = " · ".join(f"[{escape_markdown(text(i.name, lang))}]({page_url(frame, 'indicator', id=i.id)})" for i in users)
        lines.append(f"**{t('used_by', lang)}**: {links}")
    with st.container(border=True):
        st.markdown("\n\n".join(lines))
        st.page_link(frame.pages["glossary"], label=t("term_link", lang), icon=":material/link:", query_params={"term": term.id})
