"""Chart builders: pure functions from figures to Plotly figures, each titled with the question it answers.

Why these charts and no others: a chart may only draw a relation the report states or the data holds —
a figure against its previous period, a target against the year before's actual, a programme's parts
against its whole, a breakdown one sentence of the report gives, a rate against 100 %. Figures that
merely share a unit are never put side by side. Value axes are hidden where labels carry the numbers, so
no axis ever reads "10k" where a Chinese reader expects 万.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from components.markdown import escape_plotly
from kpi.dataset import Dataset
from kpi.format import format_value, stated
from kpi.model import Breakdown, Indicator, Programme, Target
from kpi.numbers import plain
from kpi.periods import months, period_label
from kpi.texts import t, text

FONT = "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Source Sans 3, sans-serif"
COLORS = {"done": "#2E7D5B", "basically_done": "#7FB89A", "under_way": "#C98A12", "rest": "#D5DBE1",
          "baseline": "#7D8DA1", "target": "#1F5A96", "bar": "#1F5A96", "better": "#2E7D5B", "worse": "#B3261E",
          "neutral": "#5B6B7F", "track": "#E6EAEF"}
TEXT = "#0E1620"  # the theme's text colour: chart text as readable as the page's
FONT_SIZE = {False: 14, True: 22}  # meeting mode: chart text grows with the tiles, readable from the back


@dataclass(frozen=True)
class Chart:
    """A figure, the same numbers as a table, and a caveat to read with it."""

    title: str  # the question the chart answers
    figure: go.Figure
    table: pd.DataFrame
    note: str = ""

    @cached_property
    def arrow(self) -> pa.Table:
        """The table as Arrow, converted once: charts are built once per dataset and shown to every viewer."""
        return pa.Table.from_pandas(self.table, preserve_index=False)


def axis_label(label: str, lang: str) -> str:
    """Break a long label over lines between words (English) or after punctuation (Chinese), never inside a word."""
    width = 12 if lang == "zh" else 24
    pieces = re.findall(r"[^、，,（(·/ ]+[、，,（(·/ ]?", label) if lang == "zh" else [w + " " for w in label.split(" ")]
    lines, line = [], ""
    for piece in pieces:
        if line and len(line) + len(piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    return "<br>".join(escape_plotly(part) for part in [*lines, line.rstrip()])


@dataclass(frozen=True)
class Rows:
    """Horizontal bars with each name written above its bar, never beside it: on a phone the bars keep the
    full width, and long names never collide with the numbers. Sizes are in px, then turned into row units."""

    names: list[str]
    size: int  # font size in px

    @property
    def _above(self) -> float:  # the name's lines and a small gap above a bar's centre
        lines = max((name.count("<br>") + 1 for name in self.names), default=1)
        return self.size * (0.8 + 1.3 * lines) + 6

    @property
    def _below(self) -> float:
        return self.size * 0.8 + self.size * 0.9

    @property
    def row(self) -> float:
        return self._above + self._below

    @property
    def bar(self) -> float:
        """A bar's thickness in row units (Plotly's `width` for horizontal bars)."""
        return 1.6 * self.size / self.row

    @property
    def y(self) -> list[int]:
        return list(range(len(self.names)))

    def layout(self, fig: go.Figure, legend: bool = False) -> go.Figure:
        top = self.size * 2.4 if legend else 0
        for index, name in enumerate(self.names):
            fig.add_annotation(x=0, xref="paper", y=index, yref="y", text=name, showarrow=False, xanchor="left",
                               yanchor="bottom", yshift=self.size * 0.8 + 2, align="left", font={"color": TEXT})
        last = len(self.names) - 1
        fig.update_yaxes(visible=False, range=[last + self._below / self.row, -self._above / self.row], fixedrange=True)
        fig.update_xaxes(fixedrange=True)
        fig.update_layout(
            font={"family": FONT, "size": self.size, "color": TEXT}, height=int(self.row * len(self.names) + top),
            margin={"l": 4, "r": 8, "t": top, "b": 0}, showlegend=legend, plot_bgcolor="white",
            legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "xanchor": "left", "traceorder": "normal"},
            uniformtext={"minsize": self.size - 2, "mode": "hide"},
        )
        return fig


def _hidden_value_axis(fig: go.Figure, top: float) -> go.Figure:
    fig.update_xaxes(visible=False, range=[0, top])
    return fig


def _value(indicator: Indicator, value, lang: str) -> str:
    return stated(value, indicator.unit, lang)


def change_chart(indicators: list[Indicator], dataset: Dataset, lang: str, meeting: bool = False) -> Chart | None:
    """How each key figure changed between its last two periods, as the newest report states them."""
    rows = []
    for indicator in indicators:
        latest, previous = dataset.latest(indicator), dataset.previous(indicator)
        if previous is None or latest.current.report != dataset.latest_report or previous.value.value == 0:
            continue
        change = (latest.value.value - previous.value.value) / previous.value.value * 100
        rows.append((indicator, previous, latest, round(change, 1), months(previous.period) != months(latest.period)))
    if not rows:
        return None
    geometry = Rows([axis_label(text(i.name, lang), lang) + (" *" if differ else "") for i, *_, differ in rows], FONT_SIZE[meeting])
    colours = [COLORS["neutral"] if i.direction == "none" else
               COLORS["better" if (change > 0) == (i.direction == "higher") else "worse"] for i, _, _, change, _ in rows]
    before_after = [f"{period_label(p.period, lang)}: {_value(i, p.value, lang)} → {period_label(n.period, lang)}: "
                    f"{_value(i, n.value, lang)}" for i, p, n, _, _ in rows]
    changes = [change for *_, change, _ in rows]
    fig = go.Figure(go.Bar(x=changes, y=geometry.y, width=geometry.bar, orientation="h", marker_color=colours,
                           text=[f"{c:+.1f}%" for c in changes], textposition="outside", cliponaxis=False,
                           customdata=[escape_plotly(words) for words in before_after], hovertemplate="%{customdata}<extra></extra>"))
    reach = max(abs(c) for c in changes) * 1.4 or 1
    fig.update_xaxes(range=[-reach, reach], visible=False)
    fig.add_vline(x=0, line_color=COLORS["neutral"], line_width=1)
    table = pd.DataFrame({
        t("col_name", lang): [text(i.name, lang) for i, *_ in rows],
        t("col_before", lang): [words.split(" → ")[0] for words in before_after],
        t("col_after", lang): [words.split(" → ")[1] for words in before_after],
        t("col_change", lang): [f"{c:+.1f}%" for c in changes],
    })
    note = t("periods_differ_note", lang) if any(differ for *_, differ in rows) else ""
    return Chart(t("change_question", lang), geometry.layout(fig), table, note)


def target_chart(targets: list[Target], dataset: Dataset, lang: str, meeting: bool = False) -> Chart | None:
    """Each target beside the year before's actual of the same figure (a bullet: bar = actual, mark = target)."""
    rows = [(target, dataset.baseline(target)) for target in targets]
    rows = [(target, base) for target, base in rows if base is not None]
    if not rows:
        return None
    year = dataset.plan_year(rows[0][0])
    actual = [_value(dataset.indicators[target.baseline], base.value, lang) for target, base in rows]
    geometry = Rows([axis_label(text(target.name, lang), lang) + (" *" if target.baseline_note else "") + "<br>" +
                     escape_plotly(f"{before} → {target_words(target, lang)}") for (target, _), before in zip(rows, actual)],
                    FONT_SIZE[meeting])
    scale = [max(base.value.value, target.value) * 1.05 or 1 for target, base in rows]
    fig = go.Figure([
        go.Bar(x=[1] * len(rows), y=geometry.y, width=geometry.bar, orientation="h", marker_color=COLORS["track"],
               hoverinfo="skip", showlegend=False),
        go.Bar(x=[base.value.value / s for (_, base), s in zip(rows, scale)], y=geometry.y, width=geometry.bar * 0.5,
               orientation="h", marker_color=COLORS["baseline"], name=t("actual_of", lang, year=year - 1), hoverinfo="skip"),
        go.Scatter(x=[target.value / s for (target, _), s in zip(rows, scale)], y=geometry.y, mode="markers",
                   marker={"symbol": "line-ns", "size": geometry.size * 1.6, "line": {"width": 4, "color": COLORS["target"]}},
                   name=t("target_of", lang, year=year), hoverinfo="skip"),
    ])
    fig.update_layout(barmode="overlay")
    _hidden_value_axis(fig, 1)
    table = pd.DataFrame({
        t("col_name", lang): [text(target.name, lang) for target, _ in rows],
        t("actual_of", lang, year=year - 1): actual,
        t("target_of", lang, year=year): [target_words(target, lang) for target, _ in rows],
        t("col_note", lang): [text(target.baseline_note, lang) if target.baseline_note else "" for target, _ in rows],
    })
    note = t("baseline_note_mark", lang) if any(target.baseline_note for target, _ in rows) else ""
    return Chart(t("target_question", lang, year=year, before=year - 1), geometry.layout(fig, legend=True), table, note)


def target_words(target: Target, lang: str) -> str:
    """"不少于49座" / "at least 49 posts"; "约10座" as the report says it (no "at least about")."""
    value = format_value(target.value, target.qualifier, target.unit, lang)
    if target.qualifier != "exact":
        return value
    return f"{t(target.comparison, lang)}{'' if lang == 'zh' else ' '}{value}"


PROGRAMME_STATES = ("done", "basically_done", "under_way", "rest")  # segment and legend order


def programme_chart(programmes: list[Programme], dataset: Dataset, lang: str, meeting: bool = False) -> Chart:
    """Each programme as one bar of its whole: the parts in the states the report gives, then the rest."""
    key = ("programme_chart", tuple(p.id for p in programmes), lang, meeting)
    return dataset.memo(key, lambda: _programme_chart(programmes, dataset, lang, meeting))


def _programme_chart(programmes: list[Programme], dataset: Dataset, lang: str, meeting: bool) -> Chart:
    counts, totals, names, rows = [], [], [], []
    for programme in programmes:
        total_figure = dataset.indicators[programme.total]
        total = dataset.latest(total_figure)
        count = dict.fromkeys(PROGRAMME_STATES, 0.0)
        for part in programme.parts:
            count[part.state] += dataset.latest(dataset.indicators[part.indicator]).value.value
        count["rest"] = max(total.value.value - sum(count.values()), 0)
        counts.append(count)
        totals.append(total.value.value)
        names.append(axis_label(f"{text(programme.name, lang)} · {period_label(total.period, lang)}", lang))
        rows.append({t("col_name", lang): text(programme.name, lang), t("col_period", lang): period_label(total.period, lang),
                     **{t(f"state_{s}", lang): plain(count[s]) for s in PROGRAMME_STATES if count[s]},
                     t("col_total", lang): _value(total_figure, total.value, lang)})
    geometry = Rows(names, FONT_SIZE[meeting])
    fig = go.Figure()
    for state in PROGRAMME_STATES:
        if not any(count[state] for count in counts):
            continue
        shares = [count[state] / total * 100 if total else 0 for count, total in zip(counts, totals)]
        labels = [f"{share:.0f}% · {plain(count[state])}/{plain(total)}" if count[state] else ""
                  for share, count, total in zip(shares, counts, totals)]
        fig.add_trace(go.Bar(name=t(f"state_{state}", lang), x=shares, y=geometry.y, width=geometry.bar, orientation="h",
                             marker_color=COLORS[state], text=labels, textposition="inside", insidetextanchor="middle",
                             textfont={"color": "white" if state in ("done", "under_way") else "#0E1620"},
                             hovertemplate=f"{t(f'state_{state}', lang)}: %{{text}}<extra></extra>"))
    fig.update_layout(barmode="stack")
    _hidden_value_axis(fig, 100)
    return Chart(t("programme_question", lang), geometry.layout(fig, legend=True), pd.DataFrame(rows).fillna(""))


def breakdown_chart(breakdown: Breakdown, dataset: Dataset, lang: str, meeting: bool = False) -> Chart:
    """The parts one sentence of the report gives, in the order it gives them."""
    figures = [dataset.indicators[part] for part in breakdown.parts]
    latest = [dataset.latest(i) for i in figures]
    words = [_value(i, o.value, lang) for i, o in zip(figures, latest)]
    values = [o.value.value for o in latest]
    geometry = Rows([axis_label(text(i.name, lang), lang) for i in figures], FONT_SIZE[meeting])
    fig = go.Figure(go.Bar(x=values, y=geometry.y, width=geometry.bar, orientation="h", marker_color=COLORS["bar"],
                           text=[escape_plotly(w) for w in words], textposition="outside", cliponaxis=False,
                           hovertemplate="%{text}<extra></extra>"))
    _hidden_value_axis(fig, max(values) * 1.45 or 1)  # every part zero: still an axis
    table = pd.DataFrame({t("col_name", lang): [text(i.name, lang) for i in figures],
                          t("col_period", lang): [period_label(o.period, lang) for o in latest], t("col_value", lang): words})
    return Chart(text(breakdown.question, lang), geometry.layout(fig), table)


def rates_chart(indicators: list[Indicator], dataset: Dataset, lang: str, meeting: bool = False) -> Chart:
    """Each rate against the whole (100 %), so 99.23 % and 100 % are seen at their true distance from it."""
    latest = [dataset.latest(i) for i in indicators]
    words = [_value(i, o.value, lang) for i, o in zip(indicators, latest)]
    geometry = Rows([axis_label(text(i.name, lang), lang) for i in indicators], FONT_SIZE[meeting])
    fig = go.Figure([
        go.Bar(x=[100] * len(indicators), y=geometry.y, width=geometry.bar, orientation="h", marker_color=COLORS["track"],
               hoverinfo="skip", showlegend=False),
        go.Bar(x=[o.value.value for o in latest], y=geometry.y, width=geometry.bar, orientation="h", marker_color=COLORS["bar"],
               text=[escape_plotly(w) for w in words], textposition="inside", insidetextanchor="end",
               textfont={"color": "white"}, hovertemplate="%{text}<extra></extra>"),
    ])
    fig.update_layout(barmode="overlay")
    _hidden_value_axis(fig, 100)
    table = pd.DataFrame({t("col_name", lang): [text(i.name, lang) for i in indicators],
                          t("col_period", lang): [period_label(o.period, lang) for o in latest], t("col_value", lang): words})
    return Chart(t("rates_question", lang), geometry.layout(fig), table)


def theme_charts(dataset: Dataset, theme: str, lang: str, meeting: bool = False) -> list[Chart]:
    """The charts that answer a question for one theme, in reading order; none when nothing is worth one.

    Built once per dataset, language and mode: every viewer of the theme sees the same charts."""
    return dataset.memo(("theme_charts", theme, lang, meeting), lambda: _theme_charts(dataset, theme, lang, meeting))


def _theme_charts(dataset: Dataset, theme: str, lang: str, meeting: bool) -> list[Chart]:
    figures = dataset.theme_indicators(theme)
    content = dataset.content
    year = dataset.plan_years[-1] if dataset.plan_years else None
    targets = [x for x in content.targets if x.theme == theme and dataset.plan_year(x) == year]
    rates = [i for i in figures if i.unit.zh == "%"]
    programmes = [p for p in content.programmes if p.theme == theme]
    charts = [
        change_chart([i for i in figures if i.key], dataset, lang, meeting),
        target_chart(targets, dataset, lang, meeting),
        programme_chart(programmes, dataset, lang, meeting) if programmes else None,
        *[breakdown_chart(b, dataset, lang, meeting) for b in content.breakdowns if b.theme == theme],
        rates_chart(rates, dataset, lang, meeting) if len(rates) >= 2 else None,
    ]
    return [chart for chart in charts if chart is not None]
