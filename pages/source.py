"""The reports themselves, part by part (?report= picks one; the newest by default): the source of every figure."""

import streamlit as st

from components.frame import page_frame
from components.markdown import escape_markdown
from components.url_state import one_of, state_from_url, state_to_url
from kpi.report import report_parts
from kpi.texts import t, text

frame = page_frame()
lang, dataset = frame.lang, frame.dataset
reports = list(dataset.reports)[::-1]  # newest first
state_from_url("report", reports[0], one_of(*reports))
if len(reports) > 1:
    st.segmented_control(t("choose_report", lang), reports, key="report", required=True,
                         format_func=lambda r: text(dataset.reports[r].title, lang), on_change=state_to_url, args=("report", reports[0]))
report = dataset.reports[st.session_state["report"]]

st.header(escape_markdown(text(report.title, lang)), divider="gray")
st.markdown(f"{escape_markdown(text(report.publisher, lang))} · {t('published_on', lang, date=report.published.isoformat())} · "
            f"[{t('original', lang)}]({report.url.replace(')', '%29')})")  # the model allows http(s) addresses only
if lang == "en":
    st.info(t("quote_note", lang), icon=":material/translate:")
for part in report_parts(dataset.report_texts[report.id])[1:]:
    st.subheader(escape_markdown(part.heading))
    for chapter in part.chapters:
        # A chapter's paragraphs as one block: each element is one more message to every viewer.
        paragraphs = "\n\n".join(escape_markdown(paragraph) for paragraph in chapter.paragraphs)
        if not chapter.heading:  # the part's opening paragraphs, under its own heading
            st.markdown(paragraphs)
            continue
        with st.expander(escape_markdown(chapter.heading), expanded=False):
            st.markdown(paragraphs)
