"""Targets and milestones as tables, a target's timeline, and the words that explain its status."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import COLORS, FONT
from components.frame import Frame
from components.markdown import escape_plotly
from components.status import status_words
from components.texts import t
from kpi.format import format_value, text
from kpi.model import Milestone, Target
from kpi.numbers import plain
from kpi.periods import parse_period
from kpi.progress import NEEDS_ACCELERATION, ON_TRACK, MilestoneAssessment, TargetAssessment


def target_text(target: Target, lang: str) -> str:
    """"不少于49座" / "at least 49 posts"; "约10座" as the report says it (no "at least about")."""
    value = format_value(target.value, target.qualifier, target.unit, lang)
    if target.qualifier != "exact":
        return value
    return f"{t(target.comparison, lang)}{'' if lang == 'zh' else ' '}{value}"


def target_rows(targets: list[Target], assessed: dict[str, TargetAssessment], frame: Frame) -> pd.DataFrame:
    """One row per numeric target: what, how far, status (pure)."""
    lang, indicators = frame.lang, frame.dataset.indicators
    rows = []
    for target in targets:
        a = assessed[target.id]
        baseline = indicators[target.baseline] if target.baseline else None
        rows.append({
            t("col_name", lang): text(target.name, lang),
            t("col_target", lang): target_text(target, lang),
            t("col_baseline", lang): "" if baseline is None else format_value(
                baseline.latest().value, baseline.latest().qualifier, baseline.unit, lang),
            t("col_latest", lang): t("no_progress_yet", lang) if a.latest is None else format_value(a.latest.value, "exact", target.unit, lang),
            t("col_date", lang): "" if a.latest is None else a.latest.date.isoformat(),
            t("col_percent", lang): a.percent,
            t("status", lang): status_words(a.status, lang, a.override_reason is not None),
            t("col_section", lang): target.source.section,
            t("col_id", lang): target.id,
        })
    return pd.DataFrame(rows)


def milestone_rows(milestones: list[Milestone], assessed: dict[str, MilestoneAssessment], frame: Frame) -> pd.DataFrame:
    """One row per milestone: what, latest state and note, status (pure)."""
    lang = frame.lang
    return pd.DataFrame([{
        t("col_name", lang): text(m.name, lang),
        t("status", lang): status_words(assessed[m.id].status, lang, assessed[m.id].override_reason is not None),
        t("col_date", lang): "" if assessed[m.id].latest is None else assessed[m.id].latest.date.isoformat(),
        t("col_note", lang): "" if assessed[m.id].latest is None or assessed[m.id].latest.note is None else text(assessed[m.id].latest.note, lang),
        t("col_quote", lang): m.source.quote,
        t("col_section", lang): m.source.section,
    } for m in milestones])


def explain(target: Target, a: TargetAssessment, lang: str) -> list[str]:
    """The numbers behind a status, one sentence each, so a reviewer can redo the sum."""
    start, end = parse_period(target.period)
    lines = [f"{t('col_target', lang)}: {target_text(target, lang)} ({start.isoformat()} – {end.isoformat()})."]
    if a.latest is None:
        return lines + [t("explain_none", lang, date=a.as_of.isoformat())]
    lines.append(t("explain_latest", lang, value=plain(a.latest.value), date=a.latest.date.isoformat(), as_of=a.as_of.isoformat()))
    if a.percent is not None:
        lines.append(t("explain_percent", lang, value=plain(a.latest.value), goal=plain(target.value), percent=f"{a.percent:.1f}"))
    lines.append(t("explain_expected", lang, expected=f"{a.expected * 100:.1f}"))
    if a.pace is not None and a.pace != float("inf"):
        lines.append(t("explain_pace_" + ("at_most" if target.comparison == "at_most" else "at_least"), lang,
                       pace=f"{a.pace * 100:.0f}", on=f"{ON_TRACK * 100:.0f}", mid=f"{NEEDS_ACCELERATION * 100:.0f}"))
    lines.append(t("explain_status", lang, status=status_words(a.computed, lang)))
    if a.override_reason is not None:
        lines.append(t("explain_override", lang, status=status_words(a.status, lang), reason=text(a.override_reason, lang)))
    if a.ignored_later:
        lines.append(t("ignored_later", lang, n=a.ignored_later))
    return lines


def timeline_figure(target: Target, a: TargetAssessment, lang: str) -> go.Figure:
    """Reported values over the period, the target line and the expected pace toward it."""
    start, end = parse_period(target.period)
    entries = sorted(target.progress, key=lambda e: e.date)
    fig = go.Figure([
        go.Scatter(x=[start, end], y=[0, target.value], mode="lines", name=t("expected_line", lang),
                   line={"dash": "dot", "color": COLORS["baseline"]}),
        go.Scatter(x=[e.date for e in entries], y=[e.value for e in entries], mode="lines+markers",
                   name=t("reached_line", lang), line={"color": COLORS["done"]}),
    ])
    fig.add_hline(y=target.value, line_color=COLORS["target"],
                  annotation_text=escape_plotly(target_text(target, lang)), annotation_position="top left")
    fig.add_vline(x=a.as_of, line_color="#888", line_dash="dash")
    fig.update_layout(font={"family": FONT, "size": 14}, height=320, margin={"l": 8, "r": 16, "t": 32, "b": 32},
                      legend={"orientation": "h", "y": -0.2}, yaxis_title=escape_plotly(text(target.unit, lang)))
    return fig
