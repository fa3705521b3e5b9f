"""One figure across reports: every period as a chart, and every statement of it as a table row with its source."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import COLORS, FONT, axis_label
from components.markdown import escape_plotly
from kpi.dataset import Dataset
from kpi.format import section_label, stated
from kpi.model import Indicator
from kpi.periods import period_label
from kpi.texts import t, text


def history_figure(indicator: Indicator, dataset: Dataset, lang: str) -> go.Figure:
    """One bar per period, labelled as the report words it; periods of different lengths are named as such."""
    series = dataset.series(indicator)
    labels = [axis_label(period_label(o.period, lang), lang) for o in series]
    words = [stated(o.value, indicator.unit, lang) for o in series]
    fig = go.Figure(go.Bar(x=labels, y=[o.value.value for o in series], marker_color=COLORS["bar"],
                           text=[escape_plotly(w) for w in words], textposition="outside", cliponaxis=False,
                           hovertemplate="%{x}: %{text}<extra></extra>"))
    fig.update_yaxes(visible=False, range=[0, max(o.value.value for o in series) * 1.25 or 1])  # all zero: still an axis
    fig.update_layout(font={"family": FONT, "size": 14}, height=300, margin={"l": 8, "r": 8, "t": 24, "b": 8},
                      plot_bgcolor="white", bargap=0.45)
    return fig


def history_frame(indicator: Indicator, dataset: Dataset, lang: str) -> pd.DataFrame:
    """Every statement of the figure, newest report first within each period, each with its report and sentence."""
    rows = []
    for observation in dataset.series(indicator):
        revised = observation.revised()
        for statement in (observation.current, *observation.earlier):
            value = statement.value
            if statement is observation.current:
                note = t("shown", lang)
            else:
                key = "revised_by" if statement in revised else "restated_by"
                note = t(key, lang, report=observation.current.report.id)
            rows.append({
                t("col_period", lang): period_label(observation.period, lang),
                t("col_value", lang): stated(value, indicator.unit, lang),
                t("col_report", lang): f"{text(statement.report.title, lang)} ({statement.report.published.isoformat()})",
                t("col_section", lang): section_label(value.source.section, lang),
                t("col_quote", lang): value.source.quote,
                t("col_note", lang): note,
            })
    return pd.DataFrame(rows)
