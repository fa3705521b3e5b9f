"""Targets and milestones of one plan year (?year=): how they stand, every item (searchable), and how a target's status
was worked out (?target=, scrolled into view)."""


import streamlit as st

from components.frame import page_frame
from components.views.html import esc
from components.scroll import scroll_into_view
from components.views.targets import filter_links, plan_rows, plan_table, target_detail, year_table
from components.views.commitments import assessments, status_line, view_params
from components.url_state import one_of, state_from_url, state_to_url
from kpi.status import BY_ID
from kpi.texts import t

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

# Filters are links (the status line, the themes) in the address; the search and the what-if date are the widgets.
theme_filter = one_of(*(theme.id for theme in dataset.content.themes))(st.query_params.get("theme", "")) or ""
status_filter = one_of(*BY_ID)(st.query_params.get("status", "")) or ""
heading = f'<div class="kb"><h2 class="kb-page">{esc(t("targets_of", lang, year=year))}</h2>'
if frame.meeting:  # a meeting sees the whole year
    st.html(heading + f'{status_line(dataset, frame.as_of, year, lang)}</div>')
    query = ""
else:
    query = st.query_params.get("q", "")
    st.html(heading + filter_links(dataset, assessed, year, lang, view_params(lang, frame.as_of),
                                   {"theme": theme_filter, "status": status_filter, "q": query}) + "</div>")

chosen = next((x for x in targets if x.id == st.query_params.get("target")), None)
if chosen is not None and not frame.meeting:  # a target's name in the table links here
    st.html(target_detail(chosen, assessed[chosen.id], lang))
    scroll_into_view("target-detail")

if not frame.meeting:
    query = st.text_input(t("search_targets", lang), key="q", bind="query-params", icon=":material/search:", width=320)


def shown(item) -> bool:
    words = " ".join((item.name.zh, item.name.en, item.source.quote)).lower()
    return ((not theme_filter or item.theme == theme_filter) and (not status_filter or assessed[item.id].status == status_filter)
            and query.strip().lower() in words)


if query or theme_filter or status_filter:
    table = plan_table(plan_rows([x for x in targets if shown(x)], [x for x in milestones if shown(x)], assessed, dataset, lang),
                       lang, year, view_params(lang, frame.as_of))
else:
    table = year_table(dataset, frame.as_of, year, lang)
if table:
    st.html(table)
else:
    st.info(t("no_match", lang), icon=":material/filter_alt_off:")

