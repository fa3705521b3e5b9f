"""The report itself, part by part: the one source of every figure."""

import streamlit as st

from components.frame import page_frame
from components.markdown import escape_markdown
from components.texts import t
from kpi.format import text
from kpi.report import report_parts

frame = page_frame("source")
lang, report = frame.lang, frame.dataset.content.report
st.subheader(escape_markdown(text(report.title, lang)))
st.caption(f"{escape_markdown(text(report.publisher, lang))} · {report.published.isoformat()} · {escape_markdown(report.url)}")
if lang == "en":
    st.info(t("quote_note", lang), icon=":material/translate:")
for part in report_parts(frame.dataset.report_text)[1:]:
    st.markdown(f"#### {escape_markdown(part.heading)}")
    for chapter in part.chapters:
        with st.expander(escape_markdown(chapter.heading or part.heading), expanded=False):
            for paragraph in chapter.paragraphs:
                st.markdown(escape_markdown(paragraph))
