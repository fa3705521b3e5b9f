"""One figure and where it came from: every period as a chart and a table, each statement with its source."""

import streamlit as st

from components.frame import page_frame
from components.glossary_terms import indicator_text, terms_in
from components.history import history
from components.markdown import escape_markdown
from components.tiles import tiles_html
from kpi.format import section_label
from kpi.report.text import paragraph_around
from kpi.texts import t, text

THIN = "\N{THIN SPACE}"
frame = page_frame()
lang, dataset = frame.lang, frame.dataset
indicator = dataset.indicators.get(st.query_params.get("id", ""))
if indicator is None:
    st.info(t("no_figure", lang), icon=":material/search_off:")
    st.stop()

theme = next(theme for theme in dataset.content.themes if theme.id == indicator.theme)
st.page_link(frame.pages[theme.id], label=t("back_to", lang, theme=text(theme.name, lang)), icon=":material/arrow_back:")
st.subheader(escape_markdown(text(indicator.name, lang)))
st.html(tiles_html(dataset, (indicator.id,), lang, frame.meeting) + history(dataset, indicator.id, lang))

for observation in dataset.series(indicator):
    source = observation.value.source
    before, quote, after = paragraph_around(dataset.report_texts[source.report], source.quote)
    st.markdown(f"**{t('in_context', lang)}** · {escape_markdown(text(observation.current.report.title, lang))} · "
                f"{escape_markdown(section_label(source.section, lang))}")
    with st.container(border=True):
        # Thin spaces let ** open and close next to Chinese punctuation (CommonMark's flanking rules).
        st.markdown(f"{escape_markdown(before)}{THIN}**{escape_markdown(quote)}**{THIN}{escape_markdown(after)}")
if lang == "en":
    st.caption(t("quote_note", lang))

terms = terms_in(indicator_text(indicator), dataset.glossary)
if terms:
    st.markdown(f"**{t('terms_here', lang)}**")
    for term in terms:
        st.page_link(frame.pages["glossary"], label=escape_markdown(text(term.term, lang)), icon=":material/menu_book:",
                     query_params={"term": term.id})
