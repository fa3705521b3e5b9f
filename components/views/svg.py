"""A chart drawn as SVG when the static pages are written: what a figure's static page shows in place of Plotly.

Why SVG and not plotly.js on a static page: plotly.js is 4.8 MB (1.47 MB compressed), about 7.5 s of download on a
Slow-4G phone for one bar chart; an SVG of a few bars is a few hundred bytes inside the HTML, on screen with the
figures (docs/performance.md). Streamlit keeps Plotly (components/views/plots.py), where a reader hovers and zooms.

Accessible as an image with words: a <title> (the question) and a <desc> (every bar's label and value in a
sentence), and each value written as text on its bar, so it reads, prints and searches without a script.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from components.views.html import Markup, html, join
from components.views.style import palette

WIDTH_PER_BAR, HEIGHT, TOP, BOTTOM, SIDE = 150, 260, 34, 40, 24  # px of the viewBox; text is 16 px within it


@dataclass(frozen=True)
class Bar:
    """One bar: its label under it, its value (its length), and the value as the report words it (over it)."""

    label: str
    value: float
    words: str


def bars_svg(title: str, bars: list[Bar], chart_id: str) -> Markup:
    """Vertical bars from a zero line, each value written over its bar (under it when negative). `chart_id` names
    the <title> and <desc> (unique in the page)."""
    colours = palette()
    width = SIDE * 2 + WIDTH_PER_BAR * len(bars)
    low, high = min(0.0, *(b.value for b in bars)), max(0.0, *(b.value for b in bars))
    span = (high - low) or 1.0
    inner = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + (high - value) / span * inner

    shapes = []
    for n, bar in enumerate(bars):
        left = SIDE + n * WIDTH_PER_BAR
        centre = left + WIDTH_PER_BAR / 2
        top, base = sorted((y(bar.value), y(0.0)))
        words_y = top - 8 if bar.value >= 0 else base + 20
        shapes.append(
            html(
                '<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"></rect>'
                '<text x="{:.1f}" y="{:.1f}" text-anchor="middle" font-weight="700">{}</text>'
                '<text x="{:.1f}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                left + WIDTH_PER_BAR * 0.2,
                top,
                WIDTH_PER_BAR * 0.6,
                max(base - top, 1.0),
                colours["primary"],
                centre,
                words_y,
                bar.words,
                centre,
                HEIGHT - 12,
                colours["muted"],
                bar.label,
            )
        )
    desc = "; ".join(f"{bar.label}: {bar.words}" for bar in bars)
    baseline = html(
        '<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="{}"></line>',
        SIDE,
        width - SIDE,
        y(0.0),
        y(0.0),
        colours["line"],
    )
    return svg_frame(width, HEIGHT, chart_id, title, desc, join(shapes) + baseline)


def svg_frame(width: float, height: float, chart_id: str, title: str, desc: str, body: Markup) -> Markup:
    """A chart's <svg>: its size, and its title and description named as its accessible name (what a screen reader
    says, and what a reader without the picture gets)."""
    return html(
        '<svg class="kb-svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-labelledby="{id}-t {id}-d" font-size="16" fill="{text}">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        id=chart_id,
        text=palette()["text"],
        title=title,
        desc=desc,
        body=body,
    )


@dataclass(frozen=True)
class Point:
    """A dated value on a line: its day, its value on the chart's scale, and the value in words."""

    day: date
    value: float
    words: str


@dataclass(frozen=True)
class Progress:
    """A target's year: its first and last day, the target, the cumulative entries, the outcome, the date judged on."""

    start: date
    end: date
    goal: Point  # at the year's end
    entries: tuple[Point, ...]
    outcome: Point | None
    as_of: date
    names: tuple[str, str, str, str]  # the legend: pace, target, reached, outcome


def progress_svg(title: str, progress: Progress, chart_id: str) -> Markup:
    """The year left to right: the share expected by each date (dashed, from 0 to the target), the target (a line),
    each entry (dots joined, its value written by it), the outcome (a diamond), and the date judged on; the legend in
    HTML above it (it wraps on a phone)."""
    colours = palette()
    width, height, left, right, top, bottom = 440, 260, 12, 116, 24, 36
    last = progress.end + timedelta(days=8)
    points = [progress.goal, *progress.entries, *([progress.outcome] if progress.outcome else [])]
    high = max(p.value for p in points) * 1.1 or 1.0

    def x(day: date) -> float:
        return left + (day - progress.start).days / (last - progress.start).days * (width - left - right)

    def y(value: float) -> float:
        return top + (1 - value / high) * (height - top - bottom)

    goal_y, end_x = y(progress.goal.value), x(progress.end)
    shapes = [
        html(
            '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="2" stroke-dasharray="6 5">'
            "</line>",
            x(progress.start),
            y(0),
            end_x,
            goal_y,
            colours["muted"],
        ),
        html(
            '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="3"></line>',
            x(progress.start),
            goal_y,
            end_x,
            goal_y,
            colours["primary"],
        ),
        html(
            '<text x="{:.1f}" y="{:.1f}" fill="{}" font-weight="700">{}</text>',
            end_x + 10,
            goal_y + 5,
            colours["primary"],
            progress.goal.words,
        ),
    ]
    if progress.start <= progress.as_of <= progress.end:
        shapes.append(
            html(
                '<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2:.1f}" stroke="{3}"></line>',
                x(progress.as_of),
                top - 14,
                y(0),
                colours["axis"],
            )
        )
    if progress.entries:
        line = " ".join(f"{x(p.day):.1f},{y(p.value):.1f}" for p in progress.entries)
        shapes.append(
            html('<polyline points="{}" fill="none" stroke="{}" stroke-width="3"></polyline>', line, colours["good"])
        )
        shapes += [
            html(
                '<circle cx="{:.1f}" cy="{:.1f}" r="5" fill="{}"></circle><text x="{:.1f}" y="{:.1f}" '
                'text-anchor="middle">{}</text>',
                x(p.day),
                y(p.value),
                colours["good"],
                x(p.day),
                y(p.value) - 12,
                p.words,
            )
            for p in progress.entries
        ]
    if progress.outcome is not None:
        ox, oy = x(progress.outcome.day), y(progress.outcome.value)
        shapes.append(
            html(
                '<path d="M{:.1f} {:.1f}l9 9l-9 9l-9 -9z" fill="{}"></path><text x="{:.1f}" y="{:.1f}" '
                'font-weight="700">{}</text>',
                ox,
                oy - 9,
                colours["good"],
                ox + 14,
                oy + 24,
                progress.outcome.words,
            )
        )
    axis = html(
        '<line x1="{}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}" stroke="{}"></line>'
        '<text x="{}" y="{}" fill="{}">{}</text><text x="{:.1f}" y="{}" fill="{}" text-anchor="end">{}</text>',
        left,
        end_x,
        y(0),
        y(0),
        colours["line"],
        left,
        height - 10,
        colours["muted"],
        progress.start.isoformat(),
        end_x,
        height - 10,
        colours["muted"],
        progress.end.isoformat(),
    )
    pace, target, reached, outcome = progress.names
    described = [
        f"{pace}: 0 → {progress.goal.words} ({progress.start.isoformat()} – {progress.end.isoformat()})",
        f"{target}: {progress.goal.words}",
        *(f"{reached} {p.day.isoformat()}: {p.words}" for p in progress.entries),
        *([f"{outcome}: {progress.outcome.words}"] if progress.outcome else []),
    ]
    shown = (True, True, bool(progress.entries), progress.outcome is not None)
    kinds = (
        (colours["muted"], "tick"),
        (colours["primary"], "tick"),
        (colours["good"], "box"),
        (colours["good"], "box"),
    )
    key = html(
        '<div class="kb-keys">{}</div>',
        join(
            html('<span class="kb-key"><i class="kb-{}" style="background:{}"></i>{}</span>', shape, colour, name)
            for name, (colour, shape), on in zip(progress.names, kinds, shown, strict=True)
            if on
        ),
    )
    return key + svg_frame(width, height, chart_id, title, "; ".join(described), axis + join(shapes))
