"""A plan year's targets and milestones as one table (most urgent first), a target's timeline, and the words
that explain its status."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import COLORS, FONT, target_words
from components.frame import Frame
from components.markdown import escape_plotly
from kpi.dataset import Dataset
from kpi.format import format_value, section_label
from kpi.model import Milestone, Target
from kpi.numbers import plain
from kpi.periods import parse_period
from kpi.progress import APPROXIMATE, NEEDS_ACCELERATION, ON_TRACK, MilestoneAssessment, TargetAssessment
from kpi.status import status_rank, status_words
from kpi.texts import t, text


def reached_words(target: Target, a: TargetAssessment, lang: str) -> str:
    """What the target came to: the outcome with its qualifier, or the latest progress entry and its date."""
    if a.final is not None and target.outcome is not None:
        outcome = format_value(target.outcome.value, target.outcome.qualifier, target.unit, lang)
        return t("outcome_from", lang, value=outcome, report=target.outcome.source.report)
    if a.latest is None:
        return ""
    return t("progress_on", lang, value=format_value(a.latest.value, "exact", target.unit, lang), date=a.latest.date.isoformat())


def milestone_words(milestone: Milestone, a: MilestoneAssessment, lang: str) -> str:
    """The outcome's source or note, else the latest entry's note and date."""
    outcome = milestone.outcome
    if outcome is not None and a.computed == outcome.status:
        return text(outcome.note, lang) if outcome.note else t("outcome_in", lang, report=outcome.source.report)
    if a.latest is None:
        return ""
    note = f" · {text(a.latest.note, lang)}" if a.latest.note else ""
    return f"{a.latest.date.isoformat()}{note}"


def plan_rows(targets: list[Target], milestones: list[Milestone], assessed: dict, dataset: Dataset, lang: str) -> pd.DataFrame:
    """One row per target or milestone, most urgent status first (pure)."""
    themes = {theme.id: text(theme.name, lang) for theme in dataset.content.themes}
    order = list(themes)
    rows = []
    for item in [*targets, *milestones]:
        a = assessed[item.id]
        is_target = isinstance(item, Target)
        base = dataset.baseline(item) if is_target else None
        rows.append({
            t("status", lang): status_words(a.status, lang, dataset.plan_year(item), a.override_reason is not None),
            t("col_item", lang): text(item.name, lang),
            t("col_target", lang): target_words(item, lang) if is_target else "",
            t("col_reached", lang): reached_words(item, a, lang) if is_target else milestone_words(item, a, lang),
            t("col_percent", lang): a.percent if is_target else None,
            t("col_baseline", lang): "" if base is None else format_value(
                base.value.value, base.value.qualifier, dataset.indicators[item.baseline].unit, lang),
            t("col_theme", lang): themes.get(item.theme, item.theme),
            t("col_section", lang): section_label(item.source.section, lang),
            t("col_id", lang): item.id,
            "_rank": (status_rank(a.status), order.index(item.theme) if item.theme in order else 0),
        })
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    return table.sort_values("_rank", kind="stable").drop(columns="_rank").reset_index(drop=True)


def plan_view(frame: Frame, year: int, assessed: dict, shown: set[str] | None = None) -> pd.DataFrame:
    """A plan year's rows to show, most urgent first: all of them, or the ids a filter keeps; no empty column.

    The unfiltered view, what nearly everyone opens, is built once per dataset for today (Frame.dated)."""
    if shown is None:
        return frame.dated(("plan_view", year, frame.lang), lambda: _tidy(_plan_rows(frame, year, assessed), frame.lang))
    rows = _plan_rows(frame, year, assessed)
    return _tidy(rows[[item in shown for item in rows[t("col_id", frame.lang)]]], frame.lang)


def _plan_rows(frame: Frame, year: int, assessed: dict) -> pd.DataFrame:
    targets, milestones = frame.dataset.planned(year)
    return frame.dated(("plan_rows", year, frame.lang), lambda: plan_rows(targets, milestones, assessed, frame.dataset, frame.lang))


def _tidy(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Without the id and without columns that are empty for every row shown."""
    if table.empty:
        return table
    return table.loc[:, (table != "").any() & table.notna().any()].drop(columns=[t("col_id", lang)])


def explain(target: Target, a: TargetAssessment, lang: str) -> list[str]:
    """The numbers behind a status, one sentence each, so a reviewer can redo the sum."""
    start, end = parse_period(a.period)
    lines = [f"{t('col_target', lang)}: {target_words(target, lang)} ({start.isoformat()} – {end.isoformat()})."]
    if target.qualifier == "about":
        lines.append(t("explain_about", lang, tolerance=f"{APPROXIMATE * 100:.0f}", threshold=plain(round(a.threshold, 6))))
    if a.final is not None:
        lines.append(t("explain_outcome", lang, value=plain(a.final), goal=plain(a.threshold)))
    elif a.latest is None:
        lines.append(t("explain_none" if a.computed == "not_reported" else "explain_missing", lang, date=a.as_of.isoformat(),
                       end=end.isoformat()))
    else:
        lines.append(t("explain_latest", lang, value=plain(a.latest.value), date=a.latest.date.isoformat(), as_of=a.as_of.isoformat()))
        if a.computed == "outcome_missing":
            lines.append(t("explain_missing", lang, date=a.as_of.isoformat(), end=end.isoformat()))
    if a.percent is not None:
        lines.append(t("explain_percent", lang, value=plain(a.reached), goal=plain(target.value), percent=f"{a.percent:.1f}"))
    if a.final is None and a.latest is not None and a.computed not in ("achieved", "outcome_missing", "missed"):
        lines.append(t("explain_expected", lang, expected=f"{a.expected * 100:.1f}"))
        if a.pace is not None and a.pace != float("inf"):
            lines.append(t("explain_pace_" + ("at_most" if target.comparison == "at_most" else "at_least"), lang,
                           pace=f"{a.pace * 100:.0f}", on=f"{ON_TRACK * 100:.0f}", mid=f"{NEEDS_ACCELERATION * 100:.0f}"))
    lines.append(t("explain_status", lang, status=status_words(a.computed, lang, end.year)))
    if a.override_reason is not None:
        lines.append(t("explain_override", lang, status=status_words(a.status, lang, end.year), reason=text(a.override_reason, lang)))
    if a.ignored_later:
        lines.append(t("ignored_later", lang, n=a.ignored_later))
    return lines


def timeline_figure(target: Target, a: TargetAssessment, lang: str) -> go.Figure:
    """Reported values over the plan year, the target line and the expected pace toward it."""
    start, end = parse_period(a.period)
    entries = sorted(target.progress, key=lambda e: e.date)
    points = [(e.date, e.value) for e in entries]
    if target.outcome is not None:
        points.append((end, target.outcome.value))
    fig = go.Figure([
        go.Scatter(x=[start, end], y=[0, target.value], mode="lines", name=t("expected_line", lang),
                   line={"dash": "dot", "color": COLORS["baseline"]}),
        go.Scatter(x=[d for d, _ in points], y=[v for _, v in points], mode="lines+markers",
                   name=t("reached_line", lang), line={"color": COLORS["done"]}),
    ])
    fig.add_hline(y=target.value, line_color=COLORS["target"],
                  annotation_text=escape_plotly(target_words(target, lang)), annotation_position="top left")
    if start <= a.as_of <= end:
        fig.add_vline(x=a.as_of, line_color="#5B6B7F", line_dash="dash")
    fig.update_layout(font={"family": FONT, "size": 14}, height=320, margin={"l": 8, "r": 16, "t": 32, "b": 32},
                      legend={"orientation": "h", "y": -0.2}, yaxis_title=escape_plotly(text(target.unit, lang)))
    return fig
