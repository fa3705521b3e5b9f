"""A chart drawn as SVG when the static pages are written: what a figure's static page shows in place of Plotly.

Why SVG and not plotly.js on a static page: plotly.js is 4.8 MB (1.47 MB compressed), about 7.5 s of download on a
Slow-4G phone for one bar chart; an SVG of a few bars is a few hundred bytes inside the HTML, on screen with the
figures (docs/performance.md). Streamlit keeps Plotly (components/views/plots.py), where a reader hovers and zooms.

Accessible as an image with words: a <title> (the question) and a <desc> (every bar's label and value in a
sentence), and each value written as text on its bar, so it reads, prints and searches without a script.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    return html(
        '<svg class="kb-svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-labelledby="{id}-t {id}-d" font-size="16" fill="{text}">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>{shapes}'
        '<line x1="{side}" x2="{right}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="{line}"></line></svg>',
        w=width,
        h=HEIGHT,
        id=chart_id,
        text=colours["text"],
        title=title,
        desc=desc,
        shapes=join(shapes),
        side=SIDE,
        right=width - SIDE,
        zero=y(0.0),
        line=colours["line"],
    )
