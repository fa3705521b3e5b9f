"""Charts: pure functions from figures to bars drawn in HTML, each titled with the question it answers.

Why these charts and no others: a chart may only draw a relation the report states or the data holds — a figure
against its previous period, a target against the year before's actual, a programme's parts against its whole, a
breakdown one sentence of the report gives, a rate against 100 %. Figures that merely share a unit are never put
side by side. Numbers are written as the report writes them (万, 余), never as an axis would ("10k").

Why HTML bars and not a plotting library: every bar here is a length and a label. As text in the page they wrap on a
390 px phone, grow with meeting mode's type, read aloud to a screen reader, and cost no script download: the first
visit of a theme page stays small for phones in mainland China (docs/performance.md). Each chart carries its table.
"""

from __future__ import annotations

from dataclasses import dataclass

from components.views.html import Markup, details, html, join, table
from components.views.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.data.model import Breakdown, Indicator, Programme, Target
from kpi.format import format_value, stated
from kpi.periods import months, period_label
from kpi.report.numbers import plain
from kpi.texts import t, text

# Each fill's colour, named in style.css's palette.
COLORS = {
    "done": "var(--kb-done)",
    "basically_done": "var(--kb-basically-done)",
    "under_way": "var(--kb-under-way)",
    "rest": "var(--kb-rest)",
    "baseline": "var(--kb-baseline)",
    "target": "var(--kb-primary)",
    "bar": "var(--kb-primary)",
    "better": "var(--kb-good)",
    "worse": "var(--kb-bad)",
    "neutral": "var(--kb-axis)",
}


@dataclass(frozen=True)
class Chart:
    """The question, the bars, the same numbers as a table, and a caveat to read with it."""

    title: str
    body: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


def share_of(value: float, whole: float) -> float:
    """A bar's length in percent of its track, kept within the track."""
    return 0.0 if whole <= 0 else min(max(value / whole * 100, 0.0), 100.0)


def bar_row(label: str, track: Markup, number: str = "", sub: str = "") -> Markup:
    """One bar: its name and number above (wrapping, never cut), the track across the whole width, words below."""
    below = html('<div class="kb-sub">{}</div>', sub) if sub else ""
    return html(
        '<div class="kb-row"><div class="kb-head"><span class="kb-label">{}</span><span class="kb-num">{}</span>'
        '</div><div class="kb-track">{}</div>{}</div>',
        label,
        number,
        track,
        below,
    )


def bar_fill(width: float, colour: str, left: float = 0.0) -> Markup:
    """A filled stretch of a track, `left` to `left + width` percent; `colour` is one of COLORS."""
    return html('<span class="kb-fill" style="left:{:.2f}%;width:{:.2f}%;background:{}"></span>', left, width, colour)


def tick(at: float, css: str = "kb-tick") -> Markup:
    """A mark across a track at `at` percent: a target (a tick) or the share expected by a date (dashed)."""
    return html('<span class="{}" style="left:{:.2f}%"></span>', css, at)


def _key(items: list[tuple[str, str, str]]) -> Markup:
    """A legend in the flow of the page: it wraps on a phone and never covers a bar. (label, colour, shape)"""
    chips = join(
        html('<span class="kb-key"><i class="kb-{}" style="background:{}"></i>{}</span>', shape, colour, label)
        for label, colour, shape in items
    )
    return html('<div class="kb-keys">{}</div>', chips)


def change_chart(indicators: list[Indicator], dataset: Dataset, lang: str) -> Chart | None:
    """How each key figure changed between its last two periods, as the newest report states them."""
    rows = []
    for indicator in indicators:
        latest, previous = dataset.latest(indicator), dataset.previous(indicator)
        if previous is None or latest.current.report != dataset.latest_report or previous.value.value == 0:
            continue
        change = round((latest.value.value - previous.value.value) / previous.value.value * 100, 1)
        rows.append((indicator, previous, latest, change, months(previous.period) != months(latest.period)))
    if not rows:
        return None
    reach = max(abs(change) for *_, change, _ in rows) or 1
    body, table_rows = [], []
    for indicator, previous, latest, change, differ in rows:
        colour = (
            COLORS["neutral"]
            if indicator.direction == "none"
            else COLORS["better" if (change > 0) == (indicator.direction == "higher") else "worse"]
        )
        width = abs(change) / reach * 50
        before = f"{period_label(previous.period, lang)}: {stated(previous.value, indicator.unit, lang)}"
        after = f"{period_label(latest.period, lang)}: {stated(latest.value, indicator.unit, lang)}"
        name = text(indicator.name, lang) + (" *" if differ else "")
        track = Markup('<span class="kb-axis"></span>') + bar_fill(width, colour, 50 if change >= 0 else 50 - width)
        body.append(bar_row(name, track, f"{change:+.1f}%", f"{before} → {after}"))
        table_rows.append((text(indicator.name, lang), before, after, f"{change:+.1f}%"))
    note = t("periods_differ_note", lang) if any(differ for *_, differ in rows) else ""
    columns = (t("col_name", lang), t("col_before", lang), t("col_after", lang), t("col_change", lang))
    return Chart(t("change_question", lang), join(body), columns, tuple(table_rows), note)


def target_words(target: Target, lang: str) -> str:
    """ "不少于49座" / "at least 49 posts"; "约10座" as the report says it (no "at least about")."""
    value = format_value(target.value, target.qualifier, target.unit, lang)
    if target.qualifier != "exact":
        return value
    return f"{t(target.comparison, lang)}{'' if lang == 'zh' else ' '}{value}"


def target_chart(targets: list[Target], dataset: Dataset, lang: str) -> Chart | None:
    """Each target beside the year before's actual of the same figure (a bullet: bar = actual, line = target)."""
    rows = [
        (target, base, dataset.indicators[target.baseline])
        for target in targets
        if target.baseline is not None and (base := dataset.baseline(target)) is not None
    ]
    if not rows:
        return None
    year = dataset.plan_year(rows[0][0])
    actual_of, target_of = t("actual_of", lang, year=year - 1), t("target_of", lang, year=year)
    body, table_rows = [_key([(actual_of, COLORS["baseline"], "box"), (target_of, COLORS["target"], "tick")])], []
    for target, base, figure in rows:
        actual = stated(base.value, figure.unit, lang)
        scale = max(base.value.value, target.value) * 1.05 or 1
        track = bar_fill(share_of(base.value.value, scale), COLORS["baseline"]) + tick(share_of(target.value, scale))
        name = text(target.name, lang) + (" *" if target.baseline_note else "")
        body.append(bar_row(name, track, sub=f"{actual_of} {actual} → {target_of} {target_words(target, lang)}"))
        table_rows.append(
            (
                text(target.name, lang),
                actual,
                target_words(target, lang),
                text(target.baseline_note, lang) if target.baseline_note else "",
            )
        )
    note = t("baseline_note_mark", lang) if any(target.baseline_note for target, _, _ in rows) else ""
    columns = (t("col_name", lang), actual_of, target_of, t("col_note", lang))
    return Chart(t("target_question", lang, year=year, before=year - 1), join(body), columns, tuple(table_rows), note)


PROGRAMME_STATES = ("done", "basically_done", "under_way", "rest")  # segment and legend order


def programme_chart(programmes: list[Programme], dataset: Dataset, lang: str) -> Chart:
    """Each programme as one bar of its whole: the parts in the states the report gives, then the rest."""
    body, table_rows, shown = [], [], set()
    for programme in programmes:
        total_figure = dataset.indicators[programme.total]
        total = dataset.latest(total_figure)
        count = dict.fromkeys(PROGRAMME_STATES, 0.0)
        for part in programme.parts:
            count[part.state] += dataset.latest(dataset.indicators[part.indicator]).value.value
        count["rest"] = max(total.value.value - sum(count.values()), 0)
        shown |= {state for state in PROGRAMME_STATES if count[state]}
        left, fills = 0.0, []
        for state in PROGRAMME_STATES:
            width = share_of(count[state], total.value.value)
            fills += [bar_fill(width, COLORS[state], left)] if count[state] else []
            left += width
        words = " · ".join(
            f"{t(f'state_{state}', lang)} {plain(count[state])}" for state in PROGRAMME_STATES if count[state]
        )
        total_words = stated(total.value, total_figure.unit, lang)
        name = f"{text(programme.name, lang)} · {period_label(total.period, lang)}"
        body.append(bar_row(name, join(fills), total_words, words))
        table_rows.append(
            (
                text(programme.name, lang),
                period_label(total.period, lang),
                *(plain(count[state]) for state in PROGRAMME_STATES),
                total_words,
            )
        )
    legend = _key([(t(f"state_{state}", lang), COLORS[state], "box") for state in PROGRAMME_STATES if state in shown])
    columns = (
        t("col_name", lang),
        t("col_period", lang),
        *(t(f"state_{state}", lang) for state in PROGRAMME_STATES),
        t("col_total", lang),
    )
    return Chart(t("programme_question", lang), legend + join(body), columns, tuple(table_rows))


def breakdown_chart(breakdown: Breakdown, dataset: Dataset, lang: str) -> Chart:
    """The parts one sentence of the report gives, in the order it gives them."""
    figures = [dataset.indicators[part] for part in breakdown.parts]
    latest = [dataset.latest(i) for i in figures]
    words = [stated(o.value, i.unit, lang) for i, o in zip(figures, latest)]
    top = max(o.value.value for o in latest)
    body = join(
        bar_row(text(i.name, lang), bar_fill(share_of(o.value.value, top), COLORS["bar"]), w)
        for i, o, w in zip(figures, latest, words)
    )
    rows = tuple((text(i.name, lang), period_label(o.period, lang), w) for i, o, w in zip(figures, latest, words))
    return Chart(
        text(breakdown.question, lang), body, (t("col_name", lang), t("col_period", lang), t("col_value", lang)), rows
    )


def rates_chart(indicators: list[Indicator], dataset: Dataset, lang: str) -> Chart:
    """Each rate against the whole (100 %), so 99.23 % and 100 % are seen at their true distance from it."""
    latest = [dataset.latest(i) for i in indicators]
    words = [stated(o.value, i.unit, lang) for i, o in zip(indicators, latest)]
    body = join(
        bar_row(text(i.name, lang), bar_fill(share_of(o.value.value, 100), COLORS["bar"]), w)
        for i, o, w in zip(indicators, latest, words)
    )
    rows = tuple((text(i.name, lang), period_label(o.period, lang), w) for i, o, w in zip(indicators, latest, words))
    return Chart(
        t("rates_question", lang), body, (t("col_name", lang), t("col_period", lang), t("col_value", lang)), rows
    )


@per_dataset
def theme_charts(dataset: Dataset, theme: str, lang: str) -> list[Chart]:
    """The charts that answer a question for one theme, in reading order; none when nothing is worth one."""
    figures = dataset.theme_indicators(theme)
    content = dataset.content
    year = dataset.plan_years[-1] if dataset.plan_years else None
    targets = [x for x in content.targets if x.theme == theme and dataset.plan_year(x) == year]
    rates = [i for i in figures if i.unit.zh == "%" and not dataset.latest(i).value.words]
    programmes = [p for p in content.programmes if p.theme == theme]
    charts = [
        change_chart([i for i in figures if i.key], dataset, lang),
        target_chart(targets, dataset, lang),
        programme_chart(programmes, dataset, lang) if programmes else None,
        *[breakdown_chart(b, dataset, lang) for b in content.breakdowns if b.theme == theme],
        rates_chart(rates, dataset, lang) if len(rates) >= 2 else None,
    ]
    return [chart for chart in charts if chart is not None]


def chart_html(chart: Chart, lang: str) -> Markup:
    """A chart as a figure: its question, its bars, its caveat, and its table a tap away (full width, every column)."""
    note = html('<p class="kb-note">{}</p>', chart.note) if chart.note else ""
    data = details(t("data_table", lang), table(chart.columns, chart.rows), "kb-data")
    return html(
        '<figure class="kb-chart"><figcaption>{}</figcaption>{}{}{}</figure>', chart.title, chart.body, note, data
    )


@per_dataset
def theme_charts_html(dataset: Dataset, theme: str, lang: str) -> Markup:
    """Every chart of a theme as one block (two to a row on a wide screen, one on a phone or a projector)."""
    charts = theme_charts(dataset, theme, lang)
    return html('<div class="kb kb-charts">{}</div>', join(chart_html(c, lang) for c in charts)) if charts else Markup()
