"""One figure and where it came from: every period's value, the quote in its paragraph, its terms."""

import streamlit as st

from components.frame import page_frame
from components.glossary_terms import indicator_text, terms_in
from components.markdown import escape_markdown
from components.tables import figures_frame
from components.texts import t
from components.tiles import WIDEST_TILE, kpi_tiles
from kpi.format import text
from kpi.report import paragraph_around

frame = page_frame("indicator")
lang, dataset = frame.lang, frame.dataset
indicator = dataset.indicators.get(st.query_params.get("id", ""))
if indicator is None:
    st.info(t("no_figure", lang), icon=":material/search_off:")
    st.stop()

st.subheader(escape_markdown(text(indicator.name, lang)))
kpi_tiles([indicator], frame, width=WIDEST_TILE)  # one tile: room for any value
for value in indicator.values:
    before, quote, after = paragraph_around(dataset.report_text, value.source.quote)
    st.markdown(f"**{t('in_context', lang)}** · {escape_markdown(value.source.section)}")
    with st.container(border=True):
        # Thin spaces let ** open and close next to Chinese punctuation (CommonMark's flanking rules).
        st.markdown(f"{escape_markdown(before)}\u2009**{escape_markdown(quote)}**\u2009{escape_markdown(after)}")
    if lang == "en":
        st.caption(t("quote_note", lang))

terms = terms_in(indicator_text(indicator), dataset.glossary)
if terms:
    st.markdown(f"**{t('terms_here', lang)}**")
    for term in terms:
        st.page_link(frame.pages["glossary"], label=escape_markdown(text(term.term, lang)), icon=":material/menu_book:",
                     query_params={"term": term.id})
st.dataframe(figures_frame([indicator], frame).drop(columns=[t("see_details", lang), t("col_id", lang)]), hide_index=True)
