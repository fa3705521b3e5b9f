"""Targets and milestones of one plan year (?year=): how they stand, every item (searchable), and how a target's status
was worked out (?target=, scrolled into view)."""

import streamlit as st

from components.frame import page_frame
from components.markdown import escape_markdown
from components.scroll import scroll_into_view
from components.status import status_badge
from components.target_views import explain, plan_rows, plan_table, progress_bar, year_table
from components.targets_summary import assessments, status_line
from components.url_state import one_of, state_from_url, state_to_url
from kpi.format import section_label
from kpi.status import BY_ID, status_words
from kpi.texts import t, text

frame = page_frame()
lang, dataset = frame.lang, frame.dataset
if not dataset.plan_years:
    st.info(t("no_targets", lang), icon=":material/flag:")
    st.stop()

years = [str(y) for y in dataset.plan_years]
state_from_url("year", years[-1], one_of(*years))
if len(years) > 1 and not frame.meeting:
    st.segmented_control(t("plan_year", lang), years, key="year", required=True, format_func=lambda y: t("year_n", lang, year=y),
                         on_change=state_to_url, args=("year", years[-1]))
year = int(st.session_state["year"])
targets, milestones = dataset.planned(year)
assessed = assessments(dataset, frame.as_of)

st.header(t("targets_of", lang, year=year), divider="gray")
st.html(f'<div class="kb">{status_line(dataset, frame.as_of, year, lang)}</div>')

themes = {theme.id: text(theme.name, lang) for theme in dataset.content.themes}
query, theme_filter, status_filter = "", "", ""
if not frame.meeting:  # a meeting sees the whole year
    state_from_url("theme", "", one_of(*themes))
    state_from_url("status", "", one_of(*BY_ID))
    with st.container(horizontal=True, vertical_alignment="bottom"):
        query = st.text_input(t("search_targets", lang), key="q", bind="query-params", icon=":material/search:", width=320)
        theme_filter = st.selectbox(t("filter_theme", lang), ["", *themes], key="theme", width=260,
                                    format_func=lambda k: themes.get(k, t("all", lang)), on_change=state_to_url, args=("theme", ""))
        status_filter = st.selectbox(t("filter_status", lang), ["", *BY_ID], key="status", width=260,
                                     format_func=lambda k: status_words(k, lang, year) if k else t("all", lang),
                                     on_change=state_to_url, args=("status", ""))


def shown(item) -> bool:
    words = " ".join((item.name.zh, item.name.en, item.source.quote)).lower()
    return ((not theme_filter or item.theme == theme_filter) and (not status_filter or assessed[item.id].status == status_filter)
            and query.strip().lower() in words)


if query or theme_filter or status_filter:
    table = plan_table(plan_rows([x for x in targets if shown(x)], [x for x in milestones if shown(x)], assessed, dataset, lang),
                       lang, year)
else:
    table = year_table(dataset, frame.as_of, year, lang)
if table:
    st.html(table)
else:
    st.info(t("no_match", lang), icon=":material/filter_alt_off:")

if not frame.meeting and targets:
    st.subheader(t("target_detail", lang), anchor="target")
    names = {x.id: text(x.name, lang) for x in targets}
    state_from_url("target", None, one_of(*names))
    chosen = st.selectbox(t("choose_target", lang), list(names), key="target", format_func=names.get,
                          placeholder=t("choose_target", lang), on_change=state_to_url, args=("target", None))
    if chosen:
        target, judged = next(x for x in targets if x.id == chosen), assessed[chosen]
        status_badge(judged.status, lang, year, judged.override_reason is not None)
        st.markdown(f"{t('quote', lang)} ({escape_markdown(section_label(target.source.section, lang))}): “{escape_markdown(target.source.quote)}”")
        bar = progress_bar(target, judged, lang)
        if bar:
            st.html(bar)
        st.markdown(f"**{t('how_computed', lang)}**")
        st.markdown("\n".join(f"- {escape_markdown(line)}" for line in explain(target, judged, lang)))
    if "target" in st.query_params:
        scroll_into_view("target")
