"""A theme page — one renderer for every theme in indicators.yaml: key tiles, charts, then every figure under the
report's own section headings, and the table of every figure with its CSV."""

import streamlit as st

from components.views.charts import theme_charts_html
from components.views.figures import theme_sections
from components.frame import page_frame
from components.views.html import esc
from components.tables import figures_table
from components.views.tiles import tiles_html
from kpi.texts import t, text

frame = page_frame()  # theme pages learn their theme from frame.page
lang, dataset = frame.lang, frame.dataset
theme = next(theme for theme in dataset.content.themes if theme.id == frame.page)
key = tuple(i.id for i in dataset.theme_indicators(theme.id) if i.key)

# The page as one block of text (each element is one more message to every new viewer): its name, the key tiles, the
# report's qualifiers, the charts and every figure.
st.html(f'<div class="kb"><h2 class="kb-page">{esc(text(theme.name, lang))}</h2></div>' + tiles_html(dataset, key, lang, frame.meeting)
        + f'<p class="kb kb-note">{esc(t("qualifier_note", lang))}</p>' + theme_charts_html(dataset, theme.id, lang)
        + theme_sections(dataset, theme.id, lang))
if not frame.meeting:
    figures_table(theme.id, frame, f"dongming-{theme.id}-{lang}.csv")
