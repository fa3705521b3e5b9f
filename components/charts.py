"""Chart builders: pure functions from figures to Plotly figures, each with the table behind it.

Why these charts: a theme page compares like with like (figures in the same unit, rates with rates),
shows programmes as progress toward their total, and 2024 targets beside their 2023 baseline. A chart
that would only repeat the tiles is not drawn.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
import plotly.graph_objects as go

from components.markdown import escape_plotly
from components.texts import t
from kpi.dataset import Dataset
from kpi.format import format_value, split_magnitude, text
from kpi.model import Indicator, Programme, Target
from kpi.numbers import plain

FONT = "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Source Sans 3, sans-serif"
COLORS = {"done": "#2E7D5B", "under_way": "#E0A526", "rest": "#D5DBE1", "baseline": "#8A9BB0", "target": "#1F5A96",
          "bar": "#1F5A96"}
MAX_UNIT_CHARTS = 3


@dataclass(frozen=True)
class Chart:
    """A figure and the same numbers as a table."""

    title: str
    figure: go.Figure
    table: pd.DataFrame


def _base_value(indicator: Indicator) -> float:
    """The latest value in base units (4万件 → 40000), so 件 and 万件 share an axis."""
    latest = indicator.latest()
    factor = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}.get(split_magnitude(indicator.unit.zh)[0], Decimal(1))
    return float(Decimal(plain(latest.value)) * factor)


def wrap_label(label: str, lang: str) -> str:
    """Break a long axis label over lines so Plotly does not cut it at the chart's edge."""
    width = 9 if lang == "zh" else 18
    words = list(label) if lang == "zh" else label.split(" ")
    lines, line = [], ""
    for word in words:
        candidate = word if not line else line + ("" if lang == "zh" else " ") + word
        if len(candidate) > width and line:
            lines.append(line)
            candidate = word
        line = candidate
    return "<br>".join(escape_plotly(part) for part in [*lines, line])


def _layout(fig: go.Figure, title: str, axis: str, rows: int) -> go.Figure:
    fig.update_layout(
        title={"text": escape_plotly(title)}, font={"family": FONT, "size": 14},
        height=max(240, 70 + 46 * rows), margin={"l": 8, "r": 24, "t": 48, "b": 40},
        xaxis_title=escape_plotly(axis), yaxis={"autorange": "reversed"}, showlegend=rows > 0,
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"}, barmode="stack",
    )
    fig.update_yaxes(automargin=True)
    return fig


def unit_chart(indicators: list[Indicator], lang: str) -> Chart:
    """Horizontal bars of figures sharing one unit, largest first."""
    ordered = sorted(indicators, key=_base_value, reverse=True)
    unit = text(indicators[0].unit, lang) if lang == "en" else split_magnitude(indicators[0].unit.zh)[1]
    names = [wrap_label(text(i.name, lang), lang) for i in ordered]
    labels = [escape_plotly(format_value(i.latest().value, i.latest().qualifier, i.unit, lang)) for i in ordered]
    fig = go.Figure(go.Bar(x=[_base_value(i) for i in ordered], y=names, orientation="h", text=labels,
                           textposition="auto", marker_color=COLORS["bar"], hovertemplate="%{y}: %{text}<extra></extra>"))
    title = t("unit_chart", lang, unit=unit)
    fig = _layout(fig, title, t("value_axis", lang, unit=unit), len(ordered))
    fig.update_layout(showlegend=False)
    table = pd.DataFrame({t("col_name", lang): [text(i.name, lang) for i in ordered],
                          t("col_value", lang): [format_value(i.latest().value, i.latest().qualifier, i.unit, lang) for i in ordered]})
    return Chart(title, fig, table)


def rates_chart(indicators: list[Indicator], lang: str) -> Chart:
    """Rates on a 0–100 % axis, so 99.23 % and 100 % are seen at their true distance from the whole."""
    chart = unit_chart(indicators, lang)
    chart.figure.update_xaxes(range=[0, 100])
    title = t("rates_chart", lang)
    chart.figure.update_layout(title={"text": escape_plotly(title)}, xaxis_title=t("rate_axis", lang))
    return Chart(title, chart.figure, chart.table)


def programme_chart(programmes: list[Programme], dataset: Dataset, lang: str) -> Chart:
    """Each programme as one bar: done, under way, and the rest of its total."""
    parts = defaultdict(list)
    names, rows = [], []
    for p in programmes:
        total = dataset.indicators[p.total].latest().value
        done = dataset.indicators[p.done].latest().value
        under_way = dataset.indicators[p.in_progress].latest().value if p.in_progress else 0
        names.append(wrap_label(text(p.name, lang), lang))
        parts["done"].append(done)
        parts["under_way"].append(under_way)
        parts["rest"].append(max(total - done - under_way, 0))
        rows.append({t("col_name", lang): text(p.name, lang), t("col_done", lang): plain(done),
                     t("col_under_way", lang): plain(under_way) if p.in_progress else "",
                     t("col_total", lang): plain(total), t("col_unit", lang): text(dataset.indicators[p.total].unit, lang)})
    labels = {"done": t("col_done", lang), "under_way": t("col_under_way", lang), "rest": t("col_rest", lang)}
    fig = go.Figure([go.Bar(name=labels[k], x=parts[k], y=names, orientation="h", marker_color=COLORS[k],
                            text=[plain(v) if v else "" for v in parts[k]], textposition="inside",
                            hovertemplate=f"%{{y}} · {labels[k]}: %{{x}}<extra></extra>")
                     for k in ("done", "under_way", "rest") if any(parts[k])])
    title = t("programmes", lang)
    return Chart(title, _layout(fig, title, t("progress_axis", lang), len(names)), pd.DataFrame(rows))


def baseline_chart(targets: list[Target], dataset: Dataset, lang: str) -> Chart:
    """2023 actual beside the 2024 target, for targets whose report gives a baseline."""
    names = [wrap_label(text(tg.name, lang), lang) for tg in targets]
    base = [dataset.indicators[tg.baseline].latest().value for tg in targets]
    goal = [tg.value for tg in targets]
    fig = go.Figure([
        go.Bar(name=t("baseline_2023", lang), x=base, y=names, orientation="h", marker_color=COLORS["baseline"],
               text=[plain(v) for v in base], textposition="auto"),
        go.Bar(name=t("target_value", lang), x=goal, y=names, orientation="h", marker_color=COLORS["target"],
               text=[plain(v) for v in goal], textposition="auto"),
    ])
    title = t("baseline_chart", lang)
    fig = _layout(fig, title, t("col_value", lang), len(names) * 2)
    fig.update_layout(barmode="group")
    table = pd.DataFrame({t("col_name", lang): [text(tg.name, lang) for tg in targets],
                          t("baseline_2023", lang): [plain(v) for v in base], t("target_value", lang): [plain(v) for v in goal],
                          t("col_unit", lang): [text(tg.unit, lang) for tg in targets]})
    return Chart(title, fig, table)


def theme_charts(dataset: Dataset, theme: str, lang: str) -> list[Chart]:
    """The charts that mean something for one theme, in reading order."""
    indicators = dataset.theme_indicators(theme)
    by_unit: dict[str, list[Indicator]] = defaultdict(list)
    for i in indicators:
        by_unit[split_magnitude(i.unit.zh)[1]].append(i)
    charts = []
    if len(by_unit.get("%", [])) >= 2:
        charts.append(rates_chart(by_unit.pop("%"), lang))
    groups = sorted((g for u, g in by_unit.items() if u != "%" and len(g) >= 3), key=len, reverse=True)
    charts += [unit_chart(g, lang) for g in groups[:MAX_UNIT_CHARTS]]
    programmes = [p for p in dataset.content.programmes if p.theme == theme]
    if programmes:
        charts.append(programme_chart(programmes, dataset, lang))
    with_baseline = [tg for tg in dataset.content.targets if tg.theme == theme and tg.baseline]
    if with_baseline:
        charts.append(baseline_chart(with_baseline, dataset, lang))
    return charts
