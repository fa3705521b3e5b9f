"""Data check, for staff: is the data valid, when did each file change, and what still needs doing."""

from datetime import datetime

import pandas as pd
import streamlit as st

from components.data import current_data
from components.frame import page_frame
from components.texts import t
from kpi.dataset import data_dir, data_stamp
from kpi.format import text
from kpi.progress import assess_all

frame = page_frame("check")
lang, content = frame.lang, frame.dataset.content
loaded = current_data()

if loaded.errors:
    st.error(t("check_errors", lang, n=len(loaded.errors)), icon=":material/error:")
    st.code("\n".join(e.format(lang) for e in loaded.errors), language=None, wrap_lines=True)
else:
    st.success(t("check_valid", lang), icon=":material/check_circle:")

st.subheader(t("check_files", lang))
st.dataframe(pd.DataFrame([
    {t("col_file", lang): name, t("col_changed", lang): datetime.fromtimestamp(mtime / 1e9).astimezone().isoformat(" ", "seconds") if size >= 0 else "—",
     t("col_size", lang): size}
    for name, mtime, size in data_stamp(data_dir())]), hide_index=True)

st.subheader(t("check_counts", lang))
st.dataframe(pd.DataFrame([{
    t("col_theme", lang): text(theme.name, lang),
    t("count_indicators", lang): sum(i.theme == theme.id for i in content.indicators),
    t("count_key", lang): sum(i.theme == theme.id and i.key for i in content.indicators),
    t("numeric_targets", lang): sum(x.theme == theme.id for x in content.targets),
    t("milestones", lang): sum(x.theme == theme.id for x in content.milestones),
} for theme in content.themes]), hide_index=True, height=36 * (len(content.themes) + 1) + 3)

assessed = assess_all(content, frame.as_of)
checks = [
    ("check_no_english", [i.id for i in content.indicators if any("\u4e00" <= c <= "\u9fff" for c in i.name.en)]),
    ("check_no_progress", [x.id for x in content.targets if not x.progress]),
    ("check_overdue", [x.id for x in [*content.targets, *content.milestones] if assessed[x.id].status == "overdue"]),
]
for key, ids in checks:
    st.markdown(f"**{t(key, lang)}**: {len(ids)}")
    if ids:
        st.dataframe(pd.DataFrame({t("col_id", lang): ids}), hide_index=True, height=min(400, 36 * (len(ids) + 1)))
