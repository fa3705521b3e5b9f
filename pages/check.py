"""Data check, for staff: is the data valid, when did each file change, and what still needs doing."""

import pandas as pd
import streamlit as st

from components.check_lists import disagreements, full_height, outcomes_missing, staff_lists, uncurated_statements
from components.data import confirm_held, current_data, page_errors
from components.frame import page_frame
from components.next_step import next_step
from components.notices import data_problems, static_pages
from components.processes import supervised_processes
from components.staff import signed_in_html, signed_in_now, staff_viewer
from components.views.commitments import assessments
from components.views.page import document_title
from kpi.data.files import EXCLUSIONS, INDICATORS, data_dir, data_stamp
from kpi.local_time import file_time
from kpi.texts import t, text

frame = page_frame()
lang, dataset = frame.lang, frame.dataset
content = dataset.content
st.set_page_config(page_title=document_title(t("check", lang), lang))
viewer = staff_viewer()
if not viewer.may_read:  # behind the deploy's nginx, for staff only (components/staff.py)
    st.info(t("staff_only", lang), icon=":material/lock:")
    st.stop()
loaded = current_data()
st.header(t("check", lang), divider="gray")
if viewer.name:
    st.html(signed_in_html(viewer.name, lang))

failures = page_errors()
data_problems(loaded.errors, failures, lang)  # every located problem: this page is for staff
assessed = assessments(dataset, frame.as_of)
due = next_step(dataset, assessed, frame.as_of, lang)  # January's report, once due: how to enter it, first
if not loaded.errors and not failures:
    st.success(t("check_valid", lang), icon=":material/check_circle:")
static_pages(loaded, lang)  # whether the dashboard and the public pages show the files' version, and why not
if loaded.held and viewer.may_save:  # it changes what the public sees: a signed-in person, named in the record
    if st.button(t("confirm_held", lang, dropped=loaded.held.dropped), icon=":material/task_alt:"):
        name = signed_in_now()
        if name is None:
            st.error(t("edit_signed_out", lang), icon=":material/lock:")
        else:
            confirm_held(loaded, name)
elif loaded.held:
    st.caption(t("edit_sign_in", lang))

missing = outcomes_missing(dataset, assessed, lang)
st.subheader(t("check_outcomes_missing", lang, n=len(missing)))
if len(missing):
    if due is not None and due in set(missing[t("plan_year", lang)]):  # the due report brings them: said above
        st.caption(t("check_outcomes_help_due", lang, year=due))
    else:
        st.caption(t("check_outcomes_help", lang, file=INDICATORS))
    st.dataframe(missing, hide_index=True, width="stretch", height=full_height(missing))

differ = disagreements(dataset, lang)
st.subheader(t("check_disagreements", lang, n=len(differ)))
if len(differ):
    st.caption(t("check_disagreements_help", lang))
    st.dataframe(differ, hide_index=True, width="stretch", height=full_height(differ))

uncurated = uncurated_statements(dataset, lang)
st.subheader(t("check_uncurated", lang, n=uncurated.statements))
if uncurated.clean:
    st.caption(t("check_uncurated_none", lang, reports=", ".join(uncurated.clean), file=EXCLUSIONS))
if uncurated.statements:
    st.caption(t("check_uncurated_help", lang, file=EXCLUSIONS))
if uncurated.stale:
    st.caption(t("check_stale", lang, n=uncurated.stale, file=EXCLUSIONS))
if len(uncurated.table):
    st.dataframe(uncurated.table, hide_index=True, width="stretch", height=full_height(uncurated.table))

for key, table in staff_lists(dataset, assessed, lang):
    st.subheader(t(key, lang, n=len(table)))
    if len(table):
        st.dataframe(table, hide_index=True, width="stretch", height=full_height(table))

st.subheader(t("check_files", lang))
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col_file", lang): name,
                t("col_size", lang): size,
                t("col_changed", lang): file_time(mtime, lang) if size >= 0 else "—",
            }
            for name, mtime, size in data_stamp(data_dir())
        ]
    ),
    hide_index=True,
)

st.subheader(t("check_counts", lang))
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col_theme", lang): text(theme.name, lang),
                t("count_indicators", lang): sum(i.theme == theme.id for i in content.indicators),
                t("count_key", lang): sum(i.theme == theme.id and i.key for i in content.indicators),
                t("numeric_targets", lang): sum(x.theme == theme.id for x in content.targets),
                t("milestones", lang): sum(x.theme == theme.id for x in content.milestones),
            }
            for theme in content.themes
        ]
    ),
    hide_index=True,
    height=36 * (len(content.themes) + 1) + 3,
)

supervised_processes(lang)  # last: the deploy's processes and the publisher's heartbeat (components/processes.py)
