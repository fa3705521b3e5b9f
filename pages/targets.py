"""2024 targets versus progress: the roll-up, every target and milestone by theme, one target's detail."""

import streamlit as st

from components.chart_panel import show_charts
from components.charts import programme_chart
from components.frame import page_frame
from components.markdown import escape_markdown
from components.status import STATUS, status_badge, status_words
from components.target_views import explain, milestone_rows, target_rows, timeline_figure
from components.targets_summary import targets_summary
from components.texts import t
from components.url_state import one_of, state_from_url, state_to_url
from kpi.format import text
from kpi.progress import assess_all

frame = page_frame("targets")
lang, dataset = frame.lang, frame.dataset
content = dataset.content
assessed = assess_all(content, frame.as_of)

st.header(t("targets", lang), divider="gray")
targets_summary(frame, assessed)

themes = {theme.id: text(theme.name, lang) for theme in content.themes}
state_from_url("theme", "", one_of(*themes))
state_from_url("status", "", one_of(*STATUS))
with st.container(horizontal=True):
    theme_filter = st.selectbox(t("filter_theme", lang), ["", *themes], key="theme", width=320,
                                format_func=lambda k: themes.get(k, t("all", lang)), on_change=state_to_url, args=("theme", ""))
    status_filter = st.selectbox(t("filter_status", lang), ["", *STATUS], key="status", width=320,
                                 format_func=lambda k: status_words(k, lang) if k else t("all", lang),
                                 on_change=state_to_url, args=("status", ""))


def shown(item) -> bool:
    return (not theme_filter or item.theme == theme_filter) and (not status_filter or assessed[item.id].status == status_filter)


for theme in content.themes:
    targets = [x for x in content.targets if x.theme == theme.id and shown(x)]
    milestones = [x for x in content.milestones if x.theme == theme.id and shown(x)]
    if not targets and not milestones:
        continue
    st.markdown(f"#### {theme.icon} {escape_markdown(themes[theme.id])}")
    if targets:
        st.dataframe(target_rows(targets, assessed, frame).drop(columns=[t("col_id", lang)]), hide_index=True, width="stretch",
                     column_config={t("col_percent", lang): st.column_config.ProgressColumn(
                         t("col_percent", lang), min_value=0, max_value=100, format="%.0f%%")})
    if milestones:
        with st.expander(f"{t('milestones', lang)} ({len(milestones)})", expanded=bool(theme_filter)):
            st.dataframe(milestone_rows(milestones, assessed, frame), hide_index=True, width="stretch")

st.subheader(t("target_detail", lang))
names = {x.id: text(x.name, lang) for x in content.targets}
state_from_url("target", None, one_of(*names))
chosen = st.selectbox(t("choose_target", lang), list(names), key="target", format_func=names.get,
                      placeholder=t("choose_target", lang),
                      on_change=state_to_url, args=("target", None))
if chosen:
    target = next(x for x in content.targets if x.id == chosen)
    status_badge(assessed[chosen].status, lang, assessed[chosen].override_reason is not None)
    st.markdown(f"{t('quote', lang)} ({escape_markdown(target.source.section)}): “{escape_markdown(target.source.quote)}”")
    st.plotly_chart(timeline_figure(target, assessed[chosen], lang), width="stretch", config={"displayModeBar": False})
    st.markdown(f"**{t('how_computed', lang)}**")
    st.markdown("\n".join(f"- {escape_markdown(line)}" for line in explain(target, assessed[chosen], lang)))

if content.programmes:
    show_charts([programme_chart(content.programmes, dataset, lang)], frame, key="targets")
