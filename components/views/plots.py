"""Interactive charts where interaction pays: a figure across reports, and a target's progress over its plan year.

Why Plotly here and only here: on these two pages a reader asks for exact values (hover: the value with its qualifier
and period, the report that states it) and takes the chart away (PNG). Everywhere else the bars are HTML (charts.py).
A chart is a plain Plotly spec (a dict): Streamlit draws it with st.plotly_chart; a static page shows the same figures
drawn as SVG when it is written (components/views/svg.py) or as a table, and loads no plotly.js (4.8 MB).

Numbers read as the report writes them: Chinese axes in the report's unit (万, 亿 included), English in millions or
billions of the base unit; ticks never say "10k".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from components.views.html import Markup, html
from components.views.style import palette
from components.views.svg import Bar, Point, Progress, bars_svg, progress_svg
from kpi.data.dataset import Dataset
from kpi.data.model import Target, Text
from kpi.format import base_amount, format_value, split_magnitude, stated
from kpi.periods import months, parse_period, period_label
from kpi.progress import TargetAssessment
from kpi.texts import t, text

FONT = "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Noto Sans SC, sans-serif"
_BUTTONS = [
    "zoom2d",
    "pan2d",
    "select2d",
    "lasso2d",
    "zoomIn2d",
    "zoomOut2d",
    "autoScale2d",
    "hoverClosestCartesian",
    "hoverCompareCartesian",
    "toggleSpikelines",
]
# The two buttons left (download, reset) in Chinese: Plotly takes a locale's strings in its config.
_ZH = {
    "Download plot as a png": "下载图片（PNG）",
    "Download plot": "下载图片",
    "Reset axes": "还原坐标轴",
    "Double-click to zoom back out": "双击还原",
    "Produced with Plotly.js": "由 Plotly.js 绘制",
}


@dataclass(frozen=True)
class Plot:
    """A chart: its Plotly spec (data, layout, config) for Streamlit, and what a static page shows in its place (an SVG
    drawn when the pages are written, or a table): no static page loads plotly.js."""

    spec: dict
    fallback: Markup


def scale(values: list[Decimal], unit: Text, lang: str) -> tuple[Decimal, str]:
    """(divisor, axis title) so the axis reads in the report's magnitudes: 万/亿 in Chinese, million/billion in English."""
    top = max((abs(v) for v in values), default=Decimal(0))
    if lang == "zh":
        magnitude, counted = split_magnitude(unit.zh)
        if magnitude:
            return Decimal(1), unit.zh
        for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if top >= size:
                return size, f"{word}{counted}"
        return Decimal(1), unit.zh
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if top >= size:
            return size, f"{word} {unit.en}"
    return Decimal(1), unit.en


def _amounts(values: list[float], unit: Text, lang: str) -> tuple[list[float], str]:
    """The values on the axis's scale, and its title."""
    base = [Decimal(str(v)) if lang == "zh" else base_amount(v, unit) for v in values]
    divisor, title = scale(base, unit, lang)
    return [float(v / divisor) for v in base], title


def _layout(lang: str, meeting: bool, unit: str, **extra: object) -> dict:
    colours = palette()
    size = 22 if meeting else 14
    axis = {"gridcolor": colours["line-soft"], "linecolor": colours["line"], "automargin": True}
    return {
        "height": 520 if meeting else 340,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "font": {"family": FONT, "size": size, "color": colours["text"]},
        "paper_bgcolor": "#fff",
        "plot_bgcolor": "#fff",
        "hoverlabel": {"font": {"family": FONT, "size": size}},
        "separators": ".,",
        "xaxis": {**axis, "fixedrange": True},
        "legend": {"orientation": "h", "y": -0.2},
        # The unit after each tick ("20座", "3亿元", "20 posts"): a rotated axis title reads badly in Chinese.
        "yaxis": {
            **axis,
            "ticksuffix": unit if lang == "zh" else f" {unit}",
            "rangemode": "tozero",
            "exponentformat": "none",
            "separatethousands": True,
            "fixedrange": True,
        },
        **extra,
    }


def _config(lang: str, file_name: str) -> dict:
    config = {
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": _BUTTONS,
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
    }
    return {**config, "locale": "zh-CN", "locales": {"zh-CN": {"dictionary": _ZH}}} if lang == "zh" else config


def history_plot(dataset: Dataset, indicator_id: str, lang: str, meeting: bool) -> Plot | None:
    """One bar per period, as the newest report states it; hover gives the stated value and its report. None for one
    period, or for figures stated in words (a rank has no length). A static page shows the same bars as SVG."""
    indicator = dataset.indicators[indicator_id]
    series = [o for o in dataset.series(indicator) if not o.value.words]
    if len(series) < 2:
        return None
    y, title = _amounts([o.value.value for o in series], indicator.unit, lang)
    words = [[stated(o.value, indicator.unit, lang), text(o.current.report.title, lang)] for o in series]
    labels = [period_label(o.period, lang) for o in series]
    bars = {
        "type": "bar",
        "x": labels,
        "y": y,
        "customdata": words,
        "text": [w for w, _ in words],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {"color": palette()["primary"]},
        "hovertemplate": "%{x}<br><b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
    }
    differ = len({months(o.period) for o in series}) > 1
    notes = (
        [
            {
                "text": t("periods_differ_note", lang),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -0.32,
                "showarrow": False,
                "xanchor": "left",
                "font": {"size": 12 if not meeting else 18},
            }
        ]
        if differ
        else []
    )
    layout = _layout(
        lang,
        meeting,
        title,
        xaxis={"type": "category", "fixedrange": True},
        annotations=notes,
        margin={"l": 10, "r": 10, "t": 30, "b": 70 if differ else 10},
    )
    svg = bars_svg(
        t("history_question", lang),
        [Bar(label, value, w) for label, value, (w, _) in zip(labels, y, words, strict=True)],
        f"chart-{indicator.id}",
    )
    note = html('<p class="kb-note">{}</p>', t("periods_differ_note", lang)) if differ else ""
    return Plot(
        {"data": [bars], "layout": layout, "config": _config(lang, f"dongming-{indicator.id}-{lang}")},
        html('<div class="kb">{}{}</div>', svg, note),
    )


def progress_plot(
    target: Target, a: TargetAssessment, dataset: Dataset, lang: str, meeting: bool, fallback: Markup
) -> Plot | None:
    """The year from its first to its last day: the share of the target expected by each date (序时进度), the target,
    each progress entry (cumulative) and the outcome the next report gives. None when nothing has been reported."""
    start, end = parse_period(a.period)
    final = target.outcome.value if a.final is not None and target.outcome is not None else None
    outcome = target.outcome if final is not None else None
    if not target.progress and outcome is None:
        return None
    values = [target.value, *(e.value for e in target.progress), *([final] if final is not None else [])]
    scaled, title = _amounts(values, target.unit, lang)
    goal, entries = scaled[0], scaled[1 : 1 + len(target.progress)]
    colours = palette()
    days = [start.isoformat(), end.isoformat()]
    data = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": days,
            "y": [0, goal],
            "name": t("pace_line", lang),
            "line": {"color": colours["muted"], "dash": "dash"},
            "hovertemplate": "%{x}<br>%{y}<extra>%{fullData.name}</extra>",
        },
        {
            "type": "scatter",
            "mode": "lines",
            "x": days,
            "y": [goal, goal],
            "name": t("target_of", lang, year=end.year),
            "line": {"color": colours["primary"], "width": 3},
            "hoverinfo": "skip",
        },
    ]
    if target.progress:
        words = [format_value(e.value, "exact", target.unit, lang) for e in target.progress]
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": [e.date.isoformat() for e in target.progress],
                "y": entries,
                "name": t("reached_line", lang),
                "customdata": words,
                "line": {"color": colours["good"], "width": 3},
                "marker": {"size": 10},
                "hovertemplate": "%{x}<br><b>%{customdata}</b><extra>%{fullData.name}</extra>",
            }
        )
    if outcome is not None and final is not None:
        assert outcome.source is not None, "an outcome with a value quotes its report (the model's rule)"
        report = next(r for r in dataset.reports.values() if r.id == outcome.source.report)
        said = format_value(final, outcome.qualifier, target.unit, lang)
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [(end + timedelta(days=1)).isoformat()],
                "y": [scaled[-1]],
                "name": t("outcome_line", lang, report=t("report_year_name", lang, year=report.reviews)),
                "customdata": [said],
                "marker": {"size": 14, "symbol": "diamond", "color": colours["good"]},
                "hovertemplate": "<b>%{customdata}</b><extra>%{fullData.name}</extra>",
            }
        )
    shapes = (
        []
        if not start <= a.as_of <= end
        else [
            {
                "type": "line",
                "x0": a.as_of.isoformat(),
                "x1": a.as_of.isoformat(),
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": colours["axis"], "width": 1},
            }
        ]
    )
    layout = _layout(
        lang,
        meeting,
        title,
        shapes=shapes,
        xaxis={"type": "date", "fixedrange": True, "range": [start.isoformat(), (end + timedelta(days=8)).isoformat()]},
    )
    svg = progress_svg(
        t("progress_chart", lang),
        Progress(
            start,
            end,
            Point(end, goal, format_value(target.value, target.qualifier, target.unit, lang)),
            tuple(
                Point(e.date, v, format_value(e.value, "exact", target.unit, lang))
                for e, v in zip(target.progress, entries, strict=True)
            ),
            Point(end + timedelta(days=1), scaled[-1], said) if outcome is not None else None,
            a.as_of,
            (
                t("pace_line", lang),
                t("target_of", lang, year=end.year),
                t("reached_line", lang),
                str(data[-1]["name"]) if outcome is not None else "",
            ),
        ),
        f"chart-{target.id}",
    )
    return Plot(
        {"data": data, "layout": layout, "config": _config(lang, f"dongming-{target.id}-{lang}")},
        html('<div class="kb">{}</div>', svg) + fallback,
    )
